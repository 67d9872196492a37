"""Statements (CAMEO 01): a political actor's public statement is an event of its own.

"The Kremlin said on Monday that ...", "Lavrov told Iran ...", "Iran denied that ...": the verb of
saying is read as a statement (010, or the sub-code its complement chooses: 012 pessimistic, 013
optimistic, 014 considering a policy option; 016 for a denial) with the speaker as source and the
addressee ('told IRAN', 'said TO the envoy'; never 'told REPORTERS') as target. It is the weakest
reading of its word: a trigger rule of the same word (deny responsibility, warn, accuse) or the
obligation rule wins. What the statement reports is still coded as its own events, attributed to
the speaker. The check reads only the verb, its subject, its object and its complement clause.

The words live in data/lexicon/statements.yaml. Statements have no PLOVER type (cameo.tsv).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from dateline.actors.kb import KnowledgeBase
from dateline.events import frames
from dateline.events.draft import Draft
from dateline.events.rules import register
from dateline.lexicon import Lexicon, default_lexicon
from dateline.nlp import lexicon_of
from dateline.records import Actor, Event

STATEMENT_ROOT = "01"
SCORE = 50.0  # below every trigger table and the obligation rule: any other reading of the word wins
NO_COMMENT_SCORE = 600.0  # a fixed phrase: above the control reading of 'declined TO COMMENT' (a refusal)
COMPLEMENT_DEPS = {"ccomp", "parataxis"}
UNKNOWN = "---"  # CAMEO's unknown country
NAME_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


@dataclass(frozen=True)
class StatementWords:
    verbs: dict[str, str]  # lemma -> CAMEO code
    refusing: frozenset[str]
    commenting: frozenset[str]
    object_verbs: frozenset[str]
    audiences: frozenset[str]
    address_preps: frozenset[str]
    optimistic: frozenset[str]
    pessimistic: frozenset[str]
    considering: frozenset[str]
    excluded_sectors: frozenset[str]

    @property
    def all_verbs(self) -> frozenset[str]:
        """Every verb that may start a statement reading: the statement and the refusing verbs."""
        return frozenset(self.verbs) | self.refusing


@lru_cache(maxsize=8)
def statement_words(lexicon: Lexicon) -> StatementWords:
    """The statement words of `lexicon` (data/lexicon/statements.yaml and the user's changes)."""
    return StatementWords(
        {k: str(v) for k, v in lexicon.mapping("statement_verbs").items()},
        lexicon.words("no_comment_verbs"), lexicon.words("comment_verbs"),
        lexicon.words("statement_object_verbs"), lexicon.words("statement_audiences"),
        lexicon.words("statement_address_preps"), lexicon.words("optimistic_words"),
        lexicon.words("pessimistic_words"), lexicon.words("considering_verbs"),
        frozenset(w.upper() for w in lexicon.words("statement_sectors_excluded")))


def words_of(tok: Token) -> StatementWords:
    """The statement words of the lexicon `tok`'s parse carries (the settings' lexicon)."""
    return statement_words(lexicon_of(tok))


def verbs_of(tok: Token) -> frozenset[str]:
    return words_of(tok).all_verbs


@register("statement", "reading", "a statement verb (statement_verbs) with a subject, not negated, not passive, "
          "whose direct object (if any) is what is stated (statement_object_verbs) or the addressee",
          "a public statement (010; 016 for 'deny') by the subject to the addressee ('told X', 'said to X'; "
          "not statement_audiences)", "Russian Foreign Minister Sergei Lavrov told Iran that the talks "
          "would resume.", "010 RUS>IRN")
@register("statement tone", "reading", "a statement whose complement clause is an optimistic or pessimistic "
          "word (optimistic_words, pessimistic_words)", "an optimistic (013) or pessimistic (012) comment",
          "The Japanese prime minister said he was confident that the economy would recover.", "013 JPN>")
@register("policy option", "reading", "a statement whose complement clause has a considering verb "
          "(considering_verbs)", "the consideration of a policy option (014)",
          "The German chancellor said Berlin was considering new sanctions.", "014 DEU>")
def statement(verb: Token, kb: KnowledgeBase) -> Draft | None:
    """The statement reading of a verb of saying (None when it is no public statement)."""
    words = words_of(verb)
    code = words.verbs.get(verb.lemma_.lower())
    if code is None or verb.pos_ != "VERB" or frames.passive(verb) or frames.is_negated(verb):
        return None
    speaker = frames.subject_of(verb)
    if speaker is None or not _named_speaker(speaker, kb):
        return None
    obj = next(iter(frames.children(verb, frames.OBJECT_DEPS)), None)
    addressee = _addressee(verb, obj, words)
    if obj is not None and obj is not addressee and verb.lemma_.lower() not in words.object_verbs:
        return None  # "added troops", "maintained its forces": no statement
    rule = "statement"
    comp = complement(verb)
    if code == "010" and comp is not None:
        code, rule = _tone(comp, words) or (code, rule)
    return Draft(verb, verb, code, [speaker], [addressee] if addressee is not None else [],
                 modality=frames.modality_of(verb), rule=rule, score=SCORE)


def _named_speaker(head: Token, kb: KnowledgeBase) -> bool:
    """A name, a pronoun or a role the knowledge base knows ('the ministry', 'officials'); not a
    person described only by nationality ('a Colombian SINGER', 'an Iranian MAN')."""
    if head.pos_ in {"PROPN", "PRON"} or head.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}:
        return True
    return any(kb.role(w) is not None or kb.find(w) for w in {head.lower_, head.lemma_.lower()})


@register("no comment", "reading", "a refusing verb (no_comment_verbs) whose complement is a verb of "
          "commenting (comment_verbs)", "declining to comment (011), not a refusal (12x)",
          "The Russian foreign ministry declined to comment on the report.", "011 RUS>")
def no_comment(verb: Token) -> Draft | None:
    """'declined to comment', 'refused to elaborate': a statement that says nothing (011)."""
    words = words_of(verb)
    if verb.lemma_.lower() not in words.refusing or verb.pos_ != "VERB" or frames.is_negated(verb):
        return None
    comp = next((c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in words.commenting), None)
    speaker = frames.subject_of(verb)
    if comp is None or speaker is None:
        return None
    return Draft(verb, verb, "011", [speaker], [], modality=frames.modality_of(verb), rule="no comment",
                 score=NO_COMMENT_SCORE, covers=frozenset({comp.i}))


def complement(verb: Token) -> Token | None:
    """What is said: the complement clause ("said THAT ..."), or the clause that a parenthetical
    "..., he said" reports."""
    for child in verb.children:
        if child.dep_ in COMPLEMENT_DEPS and child.pos_ in {"VERB", "AUX"}:
            return child
    if verb.dep_ == "parataxis" and verb.head.pos_ in {"VERB", "AUX"}:
        return verb.head
    return None


def _addressee(verb: Token, obj: Token | None, words: StatementWords) -> Token | None:
    """'told IRAN', 'told the envoy', 'said TO the envoy'; not 'told REPORTERS'."""
    heads = [c for c in verb.children if c.dep_ == "dative"]
    if verb.lemma_.lower() == "tell" and obj is not None:
        heads.append(obj)
    heads += [o for _, o in frames.prep_objects(verb, set(words.address_preps))]
    for head in heads:
        if head.pos_ in {"NOUN", "PROPN", "PRON"} and head.lemma_.lower() not in words.audiences:
            return head
    return None


def _tone(comp: Token, words: StatementWords) -> tuple[str, str] | None:
    """The sub-code chosen by what is said: optimistic, pessimistic, considering an option."""
    if frames.is_negated(comp):
        return None
    said = {comp.lemma_.lower()} | {c.lemma_.lower() for c in comp.children if c.dep_ in {"acomp", "attr"}}
    if said & words.optimistic:
        return "013", "statement tone"
    if said & words.pessimistic:
        return "012", "statement tone"
    if comp.lemma_.lower() in words.considering:
        return "014", "policy option"
    return None


def is_statement(code: str) -> bool:
    return code.startswith(STATEMENT_ROOT)


def political(event: Event, lexicon: Lexicon | None = None) -> bool:
    """A statement counts when one of its speakers is a political actor: a country, an organisation
    or a role of a political sector; not a resident or a company, nor a person the knowledge base
    does not know and whose role is not said ('Mr Smith said': CAMEO's unknown actor '---')."""
    if not is_statement(event.cameo):
        return True
    excluded = statement_words(lexicon or default_lexicon()).excluded_sectors
    return any(_political(a, excluded) for a in event.source)


def _political(actor: Actor, excluded: frozenset[str]) -> bool:
    if (actor.sector or "") in excluded:
        return False
    known = bool(actor.code) and not (actor.code or "").startswith(UNKNOWN)
    return bool(actor.sector) or known


@dataclass(frozen=True)
class SpeakerCues:
    """What tells, before the parse, that a sentence may name a political speaker: the capitalised
    words of the knowledge base's names (countries, capitals, metonyms, organisations and people of
    political sectors), the head words of its political roles ('minister', 'spokesman') and the
    pronouns that stand for a speaker named earlier. The pre-parse screen keeps a sentence whose
    only trigger is a statement verb when one of them is there."""

    names: frozenset[str]  # case-sensitive: 'Kremlin', 'Lavrov'
    roles: frozenset[str]  # lower-case, uninflected: 'minister', 'ministry'
    pronouns: frozenset[str]  # next to the statement verb: 'HE said', 'said SHE'


def speaker_cues(kb: KnowledgeBase, lexicon: Lexicon) -> SpeakerCues:
    excluded = {s.upper() for s in lexicon.words("statement_sectors_excluded")}
    skip = lexicon.words("speaker_cue_skip")
    phrases: list[str] = []
    for c in kb.countries.values():
        phrases += [c.name, *c.names, *c.adjectives, *c.demonyms, *c.capitals, *c.metonyms]
    for o in kb.orgs.values():
        if (o.sector or "").upper() not in excluded:
            phrases += [o.name, *o.names]
    phrases += [(NAME_WORD.findall(n) or [""])[-1] for p in kb.people.values() for n in (p.name, *p.aliases)]
    names = {w for phrase in phrases for w in NAME_WORD.findall(phrase)  # people by their surname
             if w[0].isupper() and len(w) > 1 and w.lower() not in skip}
    roles = {r.term.split()[-1] for r in kb.roles.values() if r.sector.upper() not in excluded}
    return SpeakerCues(frozenset(names), frozenset(roles), lexicon.words("statement_pronouns"))
