"""What became of every candidate trigger of a sentence: the records `dateline explain` prints.

The coder writes to a `Trace` when it is given one (``Coder.code(doc, article, trace)``); coding
without a trace costs nothing extra. A `Reading` is one candidate trigger word with its fate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from spacy.tokens import Token

from dateline.records import Event


class Fate(StrEnum):
    """What became of a candidate trigger."""

    NO_RULE = "no rule"  # a trigger word, but no rule of its table matches its frame
    RULED_OUT = "ruled out"  # a rule matched, but a named rule (stage "veto") says the word is no event here
    SCREENED_OUT = "screened out"  # its sentence was blanked before the parser
    MERGED = "merged into another act"  # part of another candidate's act (complement, manner, same act)
    NO_SOURCE = "no source resolved"  # no source actor (or none with a country or armed sector)
    NOISE = "noise"  # sport, markets, figurative use
    NEGATED = "negated"  # kept as an event that did not happen ("did not attack")
    BELOW_CONFIDENCE = "below confidence"  # dropped by the min_confidence setting
    KEPT = "kept"


@dataclass(frozen=True)
class Argument:
    """One candidate head for a role, in the order the coder tries them, and what it resolved to."""

    role: str  # "source" or "target"
    text: str
    rank: int  # 0 = tried first
    score: float  # higher = preferred; the coder takes the best-scored candidate that names an actor
    actors: tuple[str, ...]  # the actor codes it resolved to ("" for an actor without a code)
    kind: str = "frame"  # the evidence that made it a candidate (events.arguments.KIND_SCORES); frame: the
    # rule's frame gave it (a subject, an agent, an addressee), scored by its place in the frame's order


@dataclass(frozen=True)
class Reading:
    """One candidate trigger word of a sentence and what the coder made of it."""

    sentence_index: int
    sentence: str
    trigger: str
    start: int
    end: int
    lemma: str
    pos: str
    fate: Fate
    rule: str = ""  # the rule that read it, with the adjustments applied ("verb kill #2; mass killing")
    code: str = ""  # the CAMEO code of the reading ("" when no rule matched)
    detail: str = ""  # why, in a few words
    arguments: tuple[Argument, ...] = ()
    events: tuple[Event, ...] = ()
    score: float = 0.0  # the reading's score (table weight plus rule specificity); 0 for a word without reading


@dataclass
class Trace:
    """Collects readings while the coder runs; one per explained article."""

    readings: list[Reading] = field(default_factory=list)
    _sentence: tuple[int, str] = (0, "")

    def sentence(self, index: int, text: str) -> None:
        self._sentence = (index, text.strip())

    def add(self, token: Token, fate: Fate, rule: str = "", code: str = "", detail: str = "",
            arguments: tuple[Argument, ...] = (), events: tuple[Event, ...] = (), score: float = 0.0) -> None:
        index, text = self._sentence
        self.readings.append(Reading(index, text, token.text, token.idx, token.idx + len(token), token.lemma_.lower(),
                                     token.pos_, fate, rule, code, detail, arguments, events, score))
