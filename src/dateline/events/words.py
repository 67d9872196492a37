"""The event coder's word lists and code conditions, from the lexicon (data/lexicon/coder.yaml).

`words_from(lexicon)` reads them into one frozen `Words` record, once per lexicon; the coder's
modules read `words_of(token)`, the record of the lexicon the token's parse carries (the settings'
lexicon, set by the coder); `bundled_words()` is the bundled one, for code without settings (read
when first asked for, not at import). The lexicon
loader validates the file (docs/lexicon.md); sector codes are read upper-case,
and `target_preps` is a map from preposition to its place in the coder's order.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache

from spacy.tokens import Span, Token

from dateline.lexicon import Lexicon, default_lexicon
from dateline.nlp import lexicon_of

SECTOR_SETS = {"domestic_sectors", "armed_non_state_sectors"}
RENAMED = {"place_nouns": "target_place_nouns"}  # where.py has its own place_nouns


@dataclass(frozen=True)
class Words:
    not_happening: frozenset[str]
    demonstratives: frozenset[str]
    answering_verbs: frozenset[str]
    support_preps: frozenset[str]
    doer_passives: frozenset[str]
    meeting_preps: frozenset[str]
    noun_target_preps: frozenset[str]
    person_nouns: frozenset[str]
    place_nouns: frozenset[str]
    place_preps: frozenset[str]
    killing_verbs: frozenset[str]
    mass_words: frozenset[str]
    mass_numbers: frozenset[str]
    mass_counters: frozenset[str]
    demand_modals: frozenset[str]
    appeal_modals: frozenset[str]
    threat_conditions: frozenset[str]
    place_target_roots: frozenset[str]
    place_target_exceptions: frozenset[str]
    domestic_roots: frozenset[str]
    domestic_sectors: frozenset[str]
    armed_non_state_sectors: frozenset[str]
    manner_preps: frozenset[str]
    target_preps: tuple[str, ...]  # tried in this order
    inner_preps: frozenset[str]
    owner_preps: frozenset[str]
    border_nouns: frozenset[str]
    implicit_agents: tuple[tuple[str, str], ...]  # (code prefix, sector or "---"), longest prefix first
    disaster_words: frozenset[str]
    instrument_nouns: frozenset[str]
    protester_nouns: frozenset[str]
    violent_protest_roots: frozenset[str]
    unnamed_act_roots: frozenset[str]
    instrument_strikes: frozenset[str]
    same_act_roots: frozenset[str]
    posture_roots: frozenset[str]
    unplaced_codes: frozenset[str]
    mass_killing_codes: tuple[tuple[str, str], ...]  # (code prefix, new code), longest prefix first
    meeting_roots: frozenset[str]
    intent_roots: frozenset[str]
    threat_roots: frozenset[str]
    forceful_roots: frozenset[str]
    hypothetical_determiners: frozenset[str]
    reported_noun_preps: frozenset[str]


@lru_cache(maxsize=8)
def words_from(lexicon: Lexicon) -> Words:
    """The coder's words of `lexicon` (KeyError names a set the lexicon lacks)."""
    values: dict[str, object] = {}
    for f in fields(Words):
        if f.name == "target_preps":
            order = lexicon.mapping("target_preps")
            values[f.name] = tuple(sorted(order, key=lambda w: int(order[w])))
            continue
        if f.name == "implicit_agents":
            agents = lexicon.mapping("implicit_agents")
            values[f.name] = tuple(sorted(((k, str(v).upper()) for k, v in agents.items()), key=lambda kv: -len(kv[0])))
            continue
        if f.name == "mass_killing_codes":
            codes = lexicon.mapping("mass_killing_codes")
            values[f.name] = tuple(sorted(((k, str(v)) for k, v in codes.items()), key=lambda kv: -len(kv[0])))
            continue
        words = lexicon.words(RENAMED.get(f.name, f.name))
        values[f.name] = frozenset(w.upper() for w in words) if f.name in SECTOR_SETS else words
    return Words(**values)


def words_of(parsed: Token | Span) -> Words:
    """The coder's words of the lexicon the parse of `parsed` carries (`nlp.lexicon_of`)."""
    return words_from(lexicon_of(parsed))


def bundled_words() -> Words:
    """The coder's words of the bundled lexicon, for code that has no parse and no settings."""
    return words_from(default_lexicon())
