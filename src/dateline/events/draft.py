"""A candidate reading of a trigger before its actors are resolved."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token


@dataclass
class Draft:
    """An event before actors are resolved: trigger, code and the tokens its arguments sit on
    (target heads best first, as ranked by `events.arguments`)."""

    trigger: Token
    anchor: Token  # the verb whose clause the event belongs to
    code: str
    source: list[Token]
    target: list[Token]
    reciprocal: bool = False
    modality: str = "asserted"
    negated: bool = False
    place_target: bool = False
    rule: str = ""  # the rule that read the trigger and the named adjustments applied to it
    score: float = 0.0  # the table's weight plus the rule's specificity: the best reading of a word wins
    covers: frozenset[int] = frozenset()  # token indices this reading takes (its complement, its object)
    evidence: dict[int, tuple[str, float]] = field(default_factory=dict)  # target head -> (kind, score)
    vetoed: str = ""  # the name of the rule that ruled this reading out (events.rules, stage "veto")
