"""Cheap screening before the parser: only sentences that could carry an event are parsed.

Most sentences of a news article cannot hold a political event. A sentence is kept when one of its
words is a form of a trigger (verb, noun, control word) of the pattern files, a speech verb with
the modal of an obligation ("said Iraq must cooperate"), or a statement verb with a word that may
name a political speaker (`statements.SpeakerCues`: "the Kremlin SAID", "the minister TOLD", "he
said"; not "the company said"); the others are blanked with spaces, so
every character offset stays the same and the parser skips them almost for free. Sentences that
introduce people ("Russian President Vladimir Putin ...") usually hold a trigger of their own, so
what the coder learns within an article is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from dateline.actors.inflect import word_forms
from dateline.events.patterns import Patterns
from dateline.events.statements import SpeakerCues
from dateline.events.words import words_from
from dateline.lexicon import Lexicon, MapValue, default_lexicon

WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# a sentence ends at . ! ? followed by space and a capital or quote, unless the word before the
# full stop is an initial or abbreviation ("U.S.", "Mr.", "Jan."); or at a line break
BOUNDARY = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z][a-z])(?<!\.[A-Za-z])[.!?]+[\"'”’)]*\s+"
                      r"(?=[A-Z\"'“‘(])|\n+")


def forms(lemma: str, irregular: Mapping[str, MapValue] | None = None) -> set[str]:
    """Regular inflections of an English verb or noun, and the irregular ones of `irregular` (the
    irregular_forms of the lexicon in use: data/lexicon/inflection.yaml; the bundled ones when None)."""
    if irregular is None:
        irregular = default_lexicon().mapping("irregular_forms")
    out = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        out |= {lemma[:-1] + "ing", lemma + "d"}
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", lemma):
        out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    known = irregular.get(lemma, ())
    return out | ({known} if isinstance(known, str) else set(known) if isinstance(known, tuple) else set())


class Screen:
    """Decides which sentences of a text go to the parser."""

    def __init__(self, lemmas: Iterable[str], pairs: dict[str, set[str]] | None = None,
                 lexicon: Lexicon | None = None, statements: Iterable[str] = (),
                 speakers: SpeakerCues | None = None, nouns: Iterable[str] = ()) -> None:
        irregular = (lexicon or default_lexicon()).mapping("irregular_forms")
        self.words = frozenset(w for lemma in lemmas for part in lemma.split() for w in forms(part.lower(), irregular))
        parts = {part.lower() for lemma in nouns for part in lemma.split()}  # nouns: in either number only
        self.words |= parts | {w for part in parts for w in word_forms(part)}
        self.statement_forms = frozenset(w for lemma in statements for w in forms(lemma, irregular))
        self.speaker_names = speakers.names if speakers is not None else frozenset()
        self.speaker_words = frozenset(w for word in (speakers.roles if speakers is not None else ())
                                       for w in forms(word, irregular))
        self.speaker_pronouns = speakers.pronouns if speakers is not None else frozenset()
        self.pairs: dict[str, frozenset[str]] = {}
        for verb, objects in (pairs or {}).items():
            needed = frozenset(w for o in objects for w in forms(o, irregular))
            for form in forms(verb, irregular):
                self.pairs[form] = self.pairs.get(form, frozenset()) | needed

    @classmethod
    def from_patterns(cls, patterns: Patterns, lexicon: Lexicon | None = None,
                      speakers: SpeakerCues | None = None) -> Screen:
        """Everything that can start an event: the trigger patterns, the statement verbs with a
        speaker cue (when `speakers` is given: statements are coded), and the speech verbs of the
        obligation rule ("Chirac SAID Iraq MUST cooperate"), which count only with one of its modals
        in the sentence. Verbs that need a particular object ("HOLD talks", "IMPOSE sanctions") count
        only with one of those words in the sentence; control words that are no act without an event in
        their complement do not count; every other trigger counts by its own forms."""
        lex = lexicon or default_lexicon()
        # a control word that is no act of its own ("DECIDED to", "PLANS to") only codes a trigger of
        # its complement, which passes the sentence itself; only a generic one is an act alone
        lemmas: set[str] = {w for table in (patterns.control, patterns.control_nouns)
                            for w, c in table.items() if c.generic}
        coder_words = words_from(lex)
        statements = set(lex.mapping("statement_verbs")) if speakers is not None else set()
        modals = set(coder_words.demand_modals) | set(coder_words.appeal_modals)
        pairs: dict[str, set[str]] = {verb: set(modals) for verb in lex.words("speech_verbs")}
        for lemma, rules in patterns.verbs.items():
            for rule in rules:
                words = set(rule.obj) | set(rule.prep_obj)
                if words:
                    pairs.setdefault(lemma, set()).update(words)
                else:
                    lemmas.add(lemma)
        return cls(lemmas, pairs, lex, statements, speakers, nouns=set(patterns.nouns))  # nouns: plurals only

    def wanted(self, sentence: str) -> bool:
        tokens = WORD.findall(sentence)
        words = {w.lower() for w in tokens}
        if words & self.words:
            return True
        if words & self.statement_forms and self._speaker(tokens, words):
            return True
        return any(self.pairs[w] & words for w in words if w in self.pairs)

    def _speaker(self, tokens: list[str], words: set[str]) -> bool:
        """A word that may name a political speaker, or a pronoun next to a statement verb ("he SAID")."""
        if words & self.speaker_words or not self.speaker_names.isdisjoint(tokens):
            return True
        lower = [t.lower() for t in tokens]
        pairs = zip(lower, lower[1:], strict=False)
        return any(a in self.speaker_pronouns and b in self.statement_forms
                   or b in self.speaker_pronouns and a in self.statement_forms for a, b in pairs)

    def blank(self, text: str) -> str:
        """`text` with the sentences that cannot carry an event replaced by spaces (same length)."""
        out = list(text)
        for start, end in sentences(text):
            if not self.wanted(text[start:end]):
                for i in range(start, end):
                    if out[i] != "\n":
                        out[i] = " "
        return "".join(out)


def sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans, erring on the side of longer sentences."""
    spans, start = [], 0
    for m in BOUNDARY.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans
