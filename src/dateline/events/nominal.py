"""Events named by nouns: "talks with Hamas", "Russia's attack on Kyiv", "went on strike".

A noun of the trigger tables (`Patterns.nouns`) is read when its rule's frame matches
(`match_noun`); the named rules of `events.rules` can rule the reading out (a noun that refers back,
modifies another noun, is answered or is not happening) or set its sides ('between' sides, the
possessive of the subject). The source is the noun's own actor (possessive, nationality or
organisation modifier, "by" phrase), else the subject (or agent) of its support verb; the target is
the object of its "of" phrase (for acts done to someone, `patient_roots` of nominals.yaml) or of one of
its own target prepositions (`noun_target_preps`). A nominal act with no actor but a target ("an
attack ON a convoy left five dead") is read with no source when it is told as news (rule "background
act" rules the others out); the builder then gives it the agent its act implies (rule "implicit agent").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from dateline.events import frames, rules
from dateline.events.arguments import evidence_score, noun_source
from dateline.events.draft import Draft
from dateline.events.patterns import NounRule, Patterns
from dateline.events.words import words_of

NOUN_SCORE = 200.0  # the noun table's weight (triggers.TABLE_SCORES["noun"])


def noun_reading(noun: Token, patterns: Patterns, actor_like: Callable[[Token], bool]) -> Draft | None:
    """The reading of a nominal trigger; a ruled-out reading carries the rule's name in `vetoed`.
    `actor_like` tells whether a head can name an actor (a derived noun's person condition)."""
    rule = match_noun(noun, patterns, actor_like)
    if rule is None:
        return None
    name = _rule_name(noun, rule, patterns)
    score = NOUN_SCORE + len(rule.compound)
    support = support_verb(noun, meeting=rule.code[:2] in words_of(noun).meeting_roots)
    veto = rules.noun_ruled_out(noun, support)
    if veto is not None:
        return Draft(noun, noun, rule.code, [], [], rule=f"{name}; {veto}", score=score, vetoed=veto)
    if rule.needs_support and support is None:
        return None
    target = _patients(noun) if rule.code[:2] in patterns.patient_roots else []
    target += [o for _, o in frames.prep_objects(noun, set(words_of(noun).noun_target_preps))]
    between = rules.between_sides(noun)
    if between:
        anchor = support or noun
        return Draft(noun, anchor, rule.code, between, [], True, _modality(anchor),
                     frames.is_negated(anchor) if support else False, rule=f"{name}; 'between' sides",
                     score=score + evidence_score(between, {}))
    source, name = _source(noun, support, name)
    unnamed = (rule.code[:2] in words_of(noun).unnamed_act_roots and noun.dep_ == "nsubj"  # "PROTESTS erupted"
               and frames.modality_of(noun.head) == "asserted")  # not "IF street protests turned violent"
    if not source and not unnamed and (not target or support is not None and not frames.passive(support)):
        return None  # no actor and no one acted on ("the killing shocked the country"), or its verb's subject
    if not source and rules.background_act(noun):  # "offered talks AFTER the killing of a journalist"
        return Draft(noun, noun, rule.code, [], [], rule=f"{name}; background act", score=score,
                     vetoed="background act")
    anchor = support or governing_verb(noun) or noun
    return Draft(noun, anchor, rule.code, source, target, rule.reciprocal, _modality(anchor),
                 frames.is_negated(anchor) if support else False, rule=name,
                 score=score + evidence_score(source, {t.i: ("noun argument", 6.0) for t in target}))


def _source(noun: Token, support: Token | None, name: str) -> tuple[list[Token], str]:
    """The source heads: the noun's own actor, else the subject or agent of its support verb."""
    own = noun_source(noun)
    if own is not None:
        subject = rules.possessive_of_subject(noun, own, support)
        if subject is not None:
            return [subject], f"{name}; possessive of the subject"
        return [own], name
    if support is not None and frames.passive(support) and support.lemma_.lower() in words_of(noun).doer_passives:
        return frames.passive_patients(support)[:1], name  # "soldiers were ENGAGED in a gun battle"
    if support is not None and frames.passive(support):
        return [a for a in [frames.agent_of(support)] if a is not None], name
    if support is not None:
        return [s for s in [frames.subject_of(support)] if s is not None], name
    return [], name


def _modality(anchor: Token) -> str:
    return frames.modality_of(anchor) if anchor.pos_ in {"VERB", "AUX"} else "asserted"


def _rule_name(noun: Token, rule: NounRule, patterns: Patterns) -> str:
    index = patterns.nouns[noun.lemma_.lower()].index(rule) + 1
    if rule.verb is not None:  # "noun 'killing' (of verb 'kill') #1"
        return f"noun '{noun.lemma_.lower()}' (of verb '{rule.verb}') #{index}"
    return f"noun '{noun.lemma_.lower()}' #{index}"


def _patients(noun: Token) -> list[Token]:
    """The one acted on, in the noun's "of" phrase ("the arrest OF students"); a noun conjoined to
    another shares its phrase ("the kidnapping and BEATING of a reporter")."""
    own = [o for _, o in frames.prep_objects(noun, {"of"})]
    if own or noun.dep_ != "conj":
        return own
    return [o for _, o in frames.prep_objects(noun.head, {"of"})]


def match_noun(noun: Token, patterns: Patterns, actor_like: Callable[[Token], bool]) -> NounRule | None:
    """The first rule of the noun's lemma whose frame matches (compound modifier, plural; for a noun
    derived from a verb, the verb rule's object condition checked on the "of" phrase)."""
    patient = next(iter(_patients(noun)), None)
    for rule in patterns.nouns[noun.lemma_.lower()]:
        if rule.compound and not has_compound(noun, rule.compound):
            continue
        if rule.plural and noun.tag_ not in {"NNS", "NNPS"}:
            continue
        if (rule.person_obj or rule.place_obj or rule.obj_any) and patient is None:
            continue
        if rule.person_obj and not actor_like(patient):
            continue
        if rule.place_obj and not place_like(patient):
            continue
        return rule
    return None


def place_like(tok: Token) -> bool:
    return tok.ent_type_ in {"GPE", "LOC", "FAC"} or tok.lemma_.lower() in words_of(tok).place_nouns


def has_compound(tok: Token, words: frozenset[str]) -> bool:
    return any(c.dep_ in {"compound", "amod"} and c.lemma_.lower() in words for c in tok.children)


def support_verb(noun: Token, meeting: bool = False) -> Token | None:
    """The verb a nominal trigger hangs on: HOLD talks, GO on an offensive; for meetings and calls
    also the verb they frame: "discussed X DURING a telephone talk with Y"."""
    tok = noun
    if tok.dep_ in {"dobj", "nsubjpass", "attr"}:
        return tok.head if tok.head.pos_ in {"VERB", "AUX"} else None
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        head = tok.head.head
        words = words_of(noun)
        preps = words.support_preps | (words.meeting_preps if meeting else frozenset())
        if tok.head.lower_ in preps and head.pos_ == "VERB":
            return head
    return None


def governing_verb(noun: Token) -> Token | None:
    """The verb whose clause a bare nominal trigger sits in ("CLASHES intensified")."""
    tok = noun
    for _ in range(4):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in {"VERB", "AUX"}:
            return tok
    return None
