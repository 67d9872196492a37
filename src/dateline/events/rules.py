"""Named adjustments: the coder's special cases, each a registered rule with its condition, effect
and an example sentence (tests/events/test_rules.py codes every example and checks its outcome).

A rule acts at one of five stages: `veto` (rules a trigger's reading out: the word is no event
here), `reading` (changes the code or the sides of one trigger's reading),
`event` (fills a role of an event being built), `sentence` (chooses among a sentence's readings) or
`article` (chooses among an article's events). Its words and code conditions live in
data/lexicon/coder.yaml (`events.words`). The name of every rule applied shows in `dateline explain`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TypeVar

from spacy.tokens import Span, Token

from dateline.actors.inflect import word_forms
from dateline.actors.resolver import UNKNOWN
from dateline.events import frames
from dateline.events.draft import Draft
from dateline.events.patterns import Patterns
from dateline.events.words import bundled_words, words_of
from dateline.records import Actor, Event, Place

F = TypeVar("F", bound=Callable[..., object])


@dataclass(frozen=True)
class Rule:
    name: str
    stage: str  # veto, reading, event, sentence or article
    condition: str
    effect: str
    example: str
    expect: str  # "CODE SOURCE>TARGET": prefixes of the CAMEO code and of the actor codes the example gives


RULES: dict[str, Rule] = {}


def register(name: str, stage: str, condition: str, effect: str, example: str, expect: str) -> Callable[[F], F]:
    """Register the decorated function as the named rule."""
    def wrap(fn: F) -> F:
        if name in RULES:
            raise ValueError(f"rule {name!r} registered twice")
        RULES[name] = Rule(name, stage, condition, effect, example, expect)
        return fn
    return wrap


# -- reading stage -------------------------------------------------------------------------------

@register("mass killing", "reading", "a killing verb (killing_verbs) read as 18x (mass_killing_codes) whose object "
          "counts a hundred or more", "the code becomes 202 (mass killing)",
          "Soldiers killed hundreds of civilians in Ukraine.", "202 UKR>UKR")
def mass_killing(draft: Draft, obj: Token | None) -> Draft:
    words = words_of(draft.trigger)
    code = next((new for prefix, new in words.mass_killing_codes if draft.code.startswith(prefix)), None)
    if code is not None and draft.trigger.lemma_.lower() in words.killing_verbs and is_mass(obj):
        return replace(draft, code=code, rule=f"{draft.rule}; mass killing")
    return draft


def is_mass(obj: Token | None) -> bool:
    """A hundred or more people: 'hundreds of civilians', '300 villagers', 'tens of thousands'."""
    if obj is None:
        return False
    words = words_of(obj)
    if obj.lower_ in words.mass_words:
        return True
    counter = obj.head.head if obj.dep_ == "pobj" and obj.head.lower_ == "of" else None
    if counter is not None and counter.lower_ in words.mass_words:  # HUNDREDS of civilians
        return True
    for num in (c for c in obj.children if c.dep_ == "nummod"):
        said = {t.lower_ for t in num.subtree}
        digits = num.text.replace(",", "")
        if said & words.mass_numbers or (digits.isdigit() and int(digits) >= 100):
            return True
    of = next((o for _, o in frames.prep_objects(obj, {"of"})), None)
    return obj.lower_ in words.mass_counters and of is not None and is_mass(of)


@register("passive posture", "reading", "a passive act of force posture or mobilisation (posture_roots) with no agent",
          "its subject is the source and there is no target", "Kenyan police were put on high alert on Monday.",
          "15 KENCOP>")
def passive_posture(draft: Draft) -> Draft:
    verb = draft.trigger
    if draft.source or verb.pos_ != "VERB" or not frames.passive(verb):
        return draft
    if draft.code[:2] not in words_of(verb).posture_roots:
        return draft
    patients = frames.passive_patients(verb)
    return replace(draft, source=patients, target=[], rule=f"{draft.rule}; passive posture") if patients else draft


@register("obligation as demand", "reading", "a speech verb whose complement clause has 'must' (demand_modals) "
          "and a named subject", "a demand (100) by the speaker on the subject",
          "The French president said Iraq must withdraw from Kuwait.", "100 FRA>IRQ")
@register("obligation as appeal", "reading", "a speech verb whose complement clause has 'should' (appeal_modals) "
          "and a named subject", "an appeal (020) by the speaker to the subject",
          "The German chancellor said Iran should return to the talks.", "020 DEU>IRN")
def obligation(speech: Token) -> Draft | None:
    """'Chirac said Iraq MUST cooperate': telling another actor what it must do is a demand
    (10x), what it should do an appeal (02x); the speaker is the source, the subject the target."""
    for comp in speech.children:
        if comp.dep_ != "ccomp" or comp.pos_ not in {"VERB", "AUX"}:
            continue
        modals = {c.lower_ for c in comp.children if c.dep_ == "aux"}
        subject = frames.subject_of(comp)
        speaker = frames.subject_of(speech)
        if subject is None or speaker is None or subject.pos_ == "PRON" or frames.is_negated(speech):
            continue
        if modals & words_of(speech).demand_modals:
            return Draft(speech, speech, "100", [speaker], [subject], rule="obligation as demand", score=100.0)
        if modals & words_of(speech).appeal_modals:
            return Draft(speech, speech, "020", [speaker], [subject], rule="obligation as appeal", score=100.0)
    return None


@register("threat unless", "reading", "an intended or hypothetical act with an 'unless' clause (threat_conditions)",
          "the act becomes a threat of it (13x), asserted", "Israel will withdraw its troops unless Hamas "
          "releases the hostages.", "138 ISR>")
@register("refusal", "reading", "a stated future act of cooperation (intent_roots: 01-09) that is negated",
          "a rejection (12x), asserted", "Iran said it would not meet the demands of Britain.", "12 IRN>GBR")
@register("stated intent", "reading", "a stated future act of cooperation (intent_roots: 01-09)",
          "the intent to do it (03x), asserted", "Finland will give Tanzania a grant.", "03 FIN>TZA")
@register("stated coercion as threat", "reading", "a stated future coercive act (threat_roots: 12, 14-20)",
          "a threat of it (13x), asserted", "The opposition will boycott the elections in Kenya.", "13 KEN>")
def stated_intent(draft: Draft, patterns: Patterns) -> Draft:
    """'Finland WILL give Tanzania a grant', 'Israel will evacuate the settlements': a stated
    future act is coded as the statement of intent (03x) or, for force, a threat (13x)."""
    root = draft.code[:2]
    words = words_of(draft.anchor)
    conditions = words.threat_conditions
    conditional = any(c.dep_ == "advcl" and any(m.lower_ in conditions for m in c.children)
                      for c in draft.anchor.children)
    if conditional and draft.modality in {"intended", "hypothetical"}:
        return replace(draft, code=patterns.transform("threat", draft.code), modality="asserted",
                       negated=False, rule=f"{draft.rule}; threat unless")
    if draft.modality != "intended":
        return draft
    if draft.negated and root in words.intent_roots:
        return replace(draft, code=patterns.transform("reject", draft.code), modality="asserted",
                       negated=False, rule=f"{draft.rule}; refusal")
    if draft.negated:
        return draft
    if root in words.intent_roots:
        return replace(draft, code=patterns.transform("intent", draft.code), modality="asserted",
                       rule=f"{draft.rule}; stated intent")
    if root in words.threat_roots:
        return replace(draft, code=patterns.transform("threat", draft.code), modality="asserted",
                       rule=f"{draft.rule}; stated coercion as threat")
    return draft


# -- nominal readings: rules that rule a noun's reading out or set its sides ----------------------

@register("demonstrative noun", "veto", "a nominal trigger with a demonstrative determiner (demonstratives)",
          "no reading: it refers back to an act already told", "Putin met Erdogan in Ankara and they discussed "
          "Syria during that meeting.", "04 RUS>TUR")
@register("hypothetical noun", "veto", "a nominal trigger with a determiner of no act in particular "
          "(hypothetical_determiners)", "no reading: 'any attack' names no act that happened",
          "Hezbollah's leader warned Israel that any attack on Lebanon would be met with war.", "13 HEZ>ISR")
@register("modifier noun", "veto", "a nominal trigger that is a compound modifier of another noun",
          "no reading: it names a kind of person or thing ('a genocide suspect', 'protest leaders')",
          "Police in Cairo arrested three protest leaders.", "173 EGY>EGY")
@register("answered act", "veto", "a nominal trigger under 'against' of an answering verb (answering_verbs)",
          "no reading: the act is answered, not a new one", "The Polish government defended Warsaw against EU "
          "criticism and rejected the proposal.", "12 POL>")
@register("not happening", "veto", "a nominal trigger (or control noun) that is the object of a verb after which "
          "it did not happen (not_happening)", "no reading: the act is postponed, condemned, planned...",
          "Chinese authorities postponed the demonstration and arrested two activists.", "173 CHN>")
def noun_ruled_out(noun: Token, support: Token | None) -> str | None:
    """The name of the rule that rules the nominal trigger's reading out, or None."""
    words = words_of(noun)
    if any(c.dep_ == "det" and c.lower_ in words.demonstratives for c in noun.children):
        return "demonstrative noun"  # "during THAT call" refers back to an event already coded
    if any(c.dep_ == "det" and c.lower_ in words.hypothetical_determiners for c in noun.children):
        return "hypothetical noun"  # "ANY attack on Lebanon would be met with war"
    if noun.dep_ == "compound":
        return "modifier noun"  # "a genocide SUSPECT", "protest LEADERS"
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "against" and head.head.pos_ == "VERB" \
            and head.head.lemma_.lower() in words.answering_verbs:
        return "answered act"  # "defended Poland AGAINST EU criticism"
    if support is not None and support.lemma_.lower() in words.not_happening:
        return "not happening"  # "postponed the demonstration", "condemned the attack": not this event
    return None


@register("background act", "veto", "a nominal trigger with no actor of its own (no owner, modifier, 'by' phrase or "
          "active support verb) that is neither a clause's subject nor under a verb through reported_noun_preps",
          "no reading: an earlier act ('after the killing of') or the topic of another ('apologised for the "
          "abduction of')", "Putin offered talks to Armenia after the killing of a journalist in Moscow.", "03 RUS>")
def background_act(noun: Token) -> bool:
    """Whether an agentless nominal act is told as background rather than as news (then no reading)."""
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:  # "the kidnapping and BEATING of"
        first = first.head
    if first.dep_ in {"nsubj", "nsubjpass", "ROOT", "appos"}:  # "an attack on a convoy LEFT five dead"
        return False
    prep = first.head  # "five soldiers DIED IN an ambush on"
    return not (first.dep_ == "pobj" and prep.lower_ in words_of(noun).reported_noun_preps
                and prep.head.pos_ in {"VERB", "AUX"})


def control_noun_not_happening(noun: Token) -> bool:
    """'rejected UN CALLS to lift the ban': the calls are what is rejected (rule 'not happening')."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in words_of(noun).not_happening


@register("violent protest", "reading", "an act of violence (violent_protest_roots) whose first source is "
          "protesters, rioters or a mob (protester_nouns)", "a violent protest or riot (145) against the target",
          "Rioters clashed with police in west Belfast on Wednesday.", "145 GBRCVL>GBRCOP")
def violent_protest(draft: Draft) -> Draft:
    if not draft.source or draft.code[:2] not in words_of(draft.trigger).violent_protest_roots:
        return draft
    head = frames.counted(draft.source[0])  # "hundreds of PROTESTERS"
    if head.lemma_.lower() not in words_of(head).protester_nouns:
        return draft
    return replace(draft, code="145", reciprocal=False, rule=f"{draft.rule}; violent protest")


@register("'between' sides", "reading", "a nominal trigger with a 'between' phrase",
          "the actors of the phrase are the sides of a reciprocal act", "Clashes between Indian and Pakistani "
          "troops broke out in Kashmir.", "19 IND>PAK")
def between_sides(noun: Token) -> list[Token]:
    return [o for _, o in frames.prep_objects(noun, {"between"})]


@register("possessive of the subject", "reading", "a nominal trigger owned by a possessive pronoun ('its', "
          "'their'), the object of an active support verb", "the source is the support verb's subject",
          "Iran's foreign minister reiterated its demand to the United States.", "100 IRN>USA")
def possessive_of_subject(noun: Token, owner: Token, support: Token | None) -> Token | None:
    """'X reiterated ITS demand': its is X. The subject, or None when the rule does not apply."""
    if owner.tag_ != "PRP$" or support is None or noun.dep_ != "dobj" or frames.passive(support):
        return None
    return frames.subject_of(support)


# -- event stage ---------------------------------------------------------------------------------

@register("place as target", "event", "an act done to someone (place_target_roots, not place_target_exceptions), "
          "not reciprocal, with no named target and a place with a country",
          "the country of the place is the target", "Gunmen abducted schoolgirls in northeast Nigeria.", "18 NGA>NGA")
def place_as_target(draft: Draft, location: Place | None) -> Actor | None:
    if location is None or not location.country or draft.reciprocal:
        return None
    words = words_of(draft.trigger)
    if draft.code[:2] not in words.place_target_roots or any(draft.code.startswith(c)
                                                              for c in words.place_target_exceptions):
        return None
    return Actor(location.text or location.name or "", location.start or 0, location.end or 0, location.country,
                 location.name, location.country, None,
                 f"no named target: the country of the event's place {location.name!r}")


@register("reciprocal sides", "event", "a reciprocal act (talks, clashes, an agreement) with two or more source "
          "actors", "the first is the source, the others the target, and no other target is taken",
          "Israeli and Lebanese negotiators held talks at a UN base.", "04 ISR>LBN")
def reciprocal_sides(draft: Draft, source: list[Actor]) -> tuple[list[Actor], list[Actor]] | None:
    """'Israeli and Lebanese negotiators held talks': the two sides, nothing else (None: not applied)."""
    if draft.reciprocal and len(source) > 1:
        return source[:1], source[1:]
    return None


@register("both directions", "event", "a reciprocal act of exactly two sides named together ('reciprocal sides')",
          "it is coded in both directions, one event each way, as PETRARCH2 and TABARI code compound actors of a "
          "reciprocal act", "Russia and Turkey agreed to set up a joint monitoring centre.", "03 TUR>RUS")
def both_directions(sides: tuple[list[Actor], list[Actor]] | None, source: list[Actor], target: list[Actor]) -> bool:
    return sides is not None and len(source) == 1 and len(target) == 1 and source[0].code != target[0].code


@register("one event per source", "event", "several source actors of an act that is not reciprocal",
          "one event by each", "Canada and Britain imposed sanctions on Iranian officials.", "163 GBR>IRN")
def source_groups(draft: Draft, source: list[Actor]) -> list[list[Actor]]:
    return [[a] for a in source] if len(source) > 1 and not draft.reciprocal else [source]


@register("phone call not at the dateline", "event", "an act told from a wire dateline whose sides are each "
          "in their own place (unplaced_codes: phone calls)", "the event is not placed at the dateline city",
          "MOSCOW, July 22. /TASS/. Russian President Vladimir Putin held a phone call with Tajik President "
          "Emomali Rahmon on Thursday.", "041 RUSGOV>TJKGOV")
def not_at_dateline(draft: Draft, dateline: str | None) -> bool:
    return bool(dateline) and any(draft.code.startswith(c) for c in words_of(draft.trigger).unplaced_codes)


@register("home country as target", "event", "a demand or protest (domestic_roots) with no named target by a "
          "domestic sector (domestic_sectors) of a country", "that country is the target",
          "French unions staged a strike on Tuesday.", "14 FRALAB>FRA")
def home_as_target(draft: Draft, source: Actor) -> Actor | None:
    words = words_of(draft.trigger)
    if draft.code[:2] not in words.domestic_roots or not source.country or source.sector not in words.domestic_sectors:
        return None
    return Actor(source.text, source.start, source.end, source.country, None, source.country, None,
                 f"no named target: a protest or demand by {source.code} addresses its own country")


@register("implicit agent", "event", "a passive act, a nominal act told as news (events.nominal), or an act "
          "whose subject is a weapon or an attack (instrument_nouns), with no "
          "agent named and no 'by' phrase whose code implies "
          "who does it (implicit_agents: arrests by police, convictions by courts, deportations by governments, "
          "violence by an unknown agent), not in or right after a sentence about a disaster or accident "
          "(disaster_words)",
          "that agent is the source, of the event's country when its place or dateline gives one, else '---'",
          "Three opposition activists were arrested in Nairobi on Monday.", "173 KENCOP>KEN")
def implicit_agent(draft: Draft) -> Actor | None:
    nominal = draft.trigger.pos_ in {"NOUN", "PROPN"}  # "the arrests of students" (events.nominal)
    instrument = bool(draft.source) and all(is_instrument(h) for h in draft.source)  # "a BOMB killed"
    if draft.source and not instrument:
        return None
    if not (instrument or nominal or draft.trigger.pos_ == "VERB" and frames.passive(draft.trigger)):
        return None
    sector = next((s for prefix, s in words_of(draft.trigger).implicit_agents if draft.code.startswith(prefix)), None)
    if sector is None:
        return None
    if disaster_context(draft.trigger.sent):
        return None
    sector = "" if sector == UNKNOWN else sector
    start = draft.trigger.idx
    return Actor("", start, start, f"{UNKNOWN}{sector}", None, None, sector or None,
                 f"implicit agent of {draft.trigger.lemma_.lower()!r} ({draft.code}): {sector or 'unknown'}")


@register("disaster as object", "event", "the act's object, target or source is a disaster or accident "
          "(disaster_words)", "no event: investigating a crash, a flood that swept a town, is no political act",
          "Police are investigating a crash that left four people in hospital.", "no event")
def about_disaster(draft: Draft) -> bool:
    obj = frames.direct_object(draft.trigger) if draft.trigger.pos_ == "VERB" else None
    heads = ([obj] if obj is not None else []) + draft.target[:1] + draft.source[:1]
    return any(is_disaster(h) for h in heads)


def is_instrument(head: Token) -> bool:
    """A weapon or an attack named as the doer of the harm it did (instrument_nouns)."""
    words = words_of(head)
    lemma = head.lemma_.lower()
    if lemma == "strike":
        return any(c.dep_ in {"compound", "amod"} and c.lemma_.lower() in words.instrument_strikes
                   for c in head.children)
    return lemma in words.instrument_nouns


def disaster_context(sent: Span) -> bool:
    """A sentence about a disaster or accident, or one right after such a sentence ("An earthquake
    struck the region on Monday. Five people were killed.")."""
    before = sent.doc[sent.start - 1].sent if sent.start > 0 else None
    return any(is_disaster(t) for t in sent) or (before is not None and any(is_disaster(t) for t in before))


def is_disaster(tok: Token) -> bool:
    """A word of a disaster or accident (disaster_words), in either number ("Wildfires"); not inside
    the name of an organisation or a place ("the STORM Corps", "Avalanche Pass")."""
    if tok.ent_type_ in {"ORG", "NORP", "GPE", "LOC", "FAC"}:
        return False
    forms = {tok.lower_, tok.lemma_.lower(), *word_forms(tok.lower_)}
    return bool(forms & words_of(tok).disaster_words)


# -- sentence stage ------------------------------------------------------------------------------

@register("manner adjunct", "sentence", "a nominal trigger in an 'in'/'during' adjunct (manner_preps) of a "
          "forceful verbal act (forceful_roots: 17-20)", "it tells how that act was done: not a second event",
          "Russian troops shelled Kharkiv in an attack on the city.", "19 RUS>UKR")
@register("purpose clause", "sentence", "a 'to' clause of another trigger", "it tells why: not a second event",
          "Nigerian workers went on strike to press for better pay.", "143 NGA>NGA")
@register("act of its instrument", "sentence", "a verbal act whose subject is a nominal trigger that names "
          "a weapon's use or an attack ('a roadside BOMBING killed a soldier')", "one act: the noun's, with the "
          "verb's target first",
          "A suicide bombing at a checkpoint near Kandahar on Monday killed two Afghan soldiers.",
          "183 AFG>AFGMIL")
def one_reading_per_act(drafts: list[Draft]) -> list[tuple[Draft, str | None]]:
    """Each reading with the rule that absorbs it into another act (None: it stands on its own)."""
    drafts = _instrument_targets(drafts)
    forceful = {d.trigger.i for d in drafts
                if d.trigger.pos_ == "VERB" and d.code[:2] in words_of(d.trigger).forceful_roots}
    coded = {d.trigger.i for d in drafts}
    nominal = {d.trigger.i for d in drafts if d.trigger.pos_ in {"NOUN", "PROPN"}}

    def absorbed(d: Draft) -> str | None:
        head = d.trigger.head
        if (d.trigger.pos_ in {"NOUN", "PROPN"} and d.trigger.dep_ == "pobj"
                and head.lower_ in words_of(head).manner_preps and head.head.i in forceful):
            return "manner adjunct"
        if (d.trigger.dep_ == "advcl" and d.trigger.head.i in coded
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in d.trigger.children)):
            return "purpose clause"
        if _instrument_of(d, nominal) is not None:
            return "act of its instrument"
        return None
    return [(d, absorbed(d)) for d in drafts]


def _instrument_of(draft: Draft, nominal: set[int]) -> int | None:
    """The nominal trigger that is the sole subject of a verbal act of force ("a BOMBING killed")."""
    if draft.trigger.pos_ != "VERB" or len(draft.source) != 1 or draft.source[0].i not in nominal:
        return None
    head = draft.source[0]
    return head.i if draft.code[:2] in words_of(head).forceful_roots and is_instrument(head) else None


def _instrument_targets(drafts: list[Draft]) -> list[Draft]:
    """A nominal act takes the target of the act it did first ("a roadside bombing killed TWO
    SOLDIERS"), before its own candidates."""
    nominal = {d.trigger.i for d in drafts if d.trigger.pos_ in {"NOUN", "PROPN"}}
    done = {i: d.target for d in drafts if (i := _instrument_of(d, nominal)) is not None and d.target}
    return [replace(d, target=done[d.trigger.i] + [t for t in d.target if t not in done[d.trigger.i]])
            if d.trigger.i in done else d for d in drafts]


@register("same act", "sentence", "two events of one sentence with the same polarity, modality and a shared "
          "source, both of one family of acts told in several words (same_act_roots: consultations, intents, "
          "protests) or the same code with a shared or missing target",
          "one event: the one with a target and the most specific code (a missing target borrowed)",
          "Putin discussed trade during a telephone conversation with Erdogan.", "04 RUS>TUR")
def merge_same_act(events: list[Event], roots: frozenset[str] | None = None) -> list[Event]:
    """`roots`: the families of acts one sentence tells in several words (same_act_roots)."""
    roots = bundled_words().same_act_roots if roots is None else roots
    kept: list[Event] = []
    for event in events:
        twin = next((k for k in kept if _same_act(k, event, roots)), None)
        if twin is None:
            kept.append(event)
            continue
        better = max((twin, event), key=lambda e: (bool(e.target), e.cameo[-1] != "0", len(e.cameo)))
        if not better.target:
            better = replace(better, target=twin.target or event.target)
        kept[kept.index(twin)] = better
    return kept


def _same_act(a: Event, b: Event, roots: frozenset[str]) -> bool:
    if a.negated != b.negated or a.modality != b.modality:
        return False
    if not {x.code for x in a.source} & {x.code for x in b.source}:
        return False
    if a.cameo[:2] in roots and a.cameo[:2] == b.cameo[:2]:
        return True
    targets_a = {x.country or x.code for x in a.target}
    targets_b = {x.country or x.code for x in b.target}
    same_target = bool(targets_a & targets_b) or not targets_a or not targets_b
    return a.cameo == b.cameo and same_target


# -- article stage -------------------------------------------------------------------------------

HEADLINE_SENTENCES = 2  # sentences before the body that may be a headline and a subheading


@register("headline repeat", "article", "an event of the first two sentences told again later with the same "
          "code, actors, trigger word and polarity", "only the later telling is kept (it has date and attribution)",
          "Russia expels two Polish diplomats. Russia expels two Polish diplomats over spying, the "
          "foreign ministry said on Monday.", "161 RUS>POL")
def drop_headline_repeats(events: list[Event]) -> list[Event]:
    last_told: dict[tuple, int] = {}
    for e in events:
        last_told[_report_key(e)] = max(last_told.get(_report_key(e), -1), e.sentence_index)
    return [e for e in events
            if e.sentence_index >= HEADLINE_SENTENCES or last_told[_report_key(e)] == e.sentence_index]


def _report_key(event: Event) -> tuple:
    return (event.cameo, tuple(a.code for a in event.source), tuple(a.code for a in event.target),
            event.trigger.text.lower(), event.negated)
