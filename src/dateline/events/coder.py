"""The event coder: CAMEO/PLOVER events from a spaCy parse, with actors, date and evidence.

For each sentence: find trigger words (verbs, nouns, and control verbs that take an event as
complement), match them against the trigger patterns, take source and target from the parse,
resolve them to actors, then date the event from the temporal expression of its own clause.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from dateline.actors.kb import KnowledgeBase
from dateline.actors.resolver import PRONOUNS_NEUTER, PRONOUNS_PLURAL, PRONOUNS_SINGULAR, Resolver, localise
from dateline.events import frames, noise
from dateline.events.ontology import Ontology
from dateline.events.patterns import Control, NounRule, Patterns, VerbRule
from dateline.events.scope import date_for
from dateline.events.screen import forms
from dateline.events.trace import Argument, Fate, Trace
from dateline.records import Actor, Article, DateRef, Event, Place, Plover
from dateline.records import Span as TextSpan
from dateline.where import Gazetteer, event_place, place_name

DEFAULT_TARGET_PREPS = ("with", "against", "on", "to", "at", "into", "for", "between", "over", "from", "toward",
                        "towards", "outside", "around")
ARMED_NON_STATE = {"REB", "INS", "SEP", "UAF"}
NOT_HAPPENING = {"postpone", "cancel", "delay", "ban", "prohibit", "reject", "oppose", "condemn", "criticize",
                 "criticise", "denounce", "plan", "prepare", "propose", "suggest", "consider", "demand",
                 "seek", "want", "welcome", "praise", "support", "back", "avoid", "prevent", "block", "halt",
                 "suspend", "stop", "deny", "investigate", "probe", "fear", "threaten", "call", "urge",
                 "dismiss", "ignore"}
HEADLINE_SENTENCES = 2  # sentences before the body that may be a headline and a subheading
DEMONSTRATIVES = {"that", "this", "these", "those", "such"}
PLACE_PREPS = {"into", "in", "through", "from"}
PLACE_ENTITIES = {"GPE", "LOC", "FAC"}
PERSON_NOUNS = {"candidate", "national", "citizen", "man", "woman", "person", "people", "student", "worker",
                "tourist", "migrant", "refugee", "activist", "journalist", "reporter", "leader", "member",
                "official", "suspect", "resident", "villager", "civilian", "child", "teenager", "youth",
                "dissident", "critic", "blogger", "lawyer", "priest", "monk", "farmer", "protester",
                "demonstrator", "opponent", "politician", "lawmaker", "mayor", "governor", "businessman"}
# Acts done to someone (demands, disapproval, rejection, protest, coercion, assault, fighting, mass
# violence): with no named target, the country where they happen is the target. Not for acts
# without an object (posture, mobilisation, resignation) nor curfews and emergencies (172).
PLACE_TARGET_ROOTS = {"10", "11", "12", "14", "17", "18", "19", "20"}
# Demands and protests by a country's own people that name no target are addressed to that country.
DOMESTIC_ROOTS = {"10", "14"}
DOMESTIC_SECTORS = {"CVL", "LAB", "EDU", "OPP", "PTY", "AGR", "HLH", "MED", "REL", "BUS"}


@dataclass
class Draft:
    """An event before actors are resolved: trigger, code and the tokens its arguments sit on."""

    trigger: Token
    anchor: Token  # the verb whose clause the event belongs to
    code: str
    source: list[Token]
    target: list[Token]
    reciprocal: bool = False
    modality: str = "asserted"
    negated: bool = False
    place_target: bool = False
    rule: str = ""  # the rule that read the trigger and the adjustments applied to it


@dataclass(frozen=True)
class Coder:
    patterns: Patterns
    ontology: Ontology
    kb: KnowledgeBase
    gazetteer: Gazetteer | None = None

    def code(self, doc: Doc, article: Article, trace: Trace | None = None) -> list[Event]:
        """All events of one parsed article; with a `trace`, what became of every candidate trigger."""
        resolver = Resolver(self.kb, article.date, home=self._home(article))
        self._repair_lemmas(doc)
        events: list[Event] = []
        domain = noise.is_domain_text(article.text)  # a match report, a film review, a market report
        seen_sentences: set[str] = set()
        for index, sent in enumerate(doc.sents):
            key = " ".join(sent.text.split()).lower()
            if trace is not None:
                trace.sentence(index, sent.text)
            if domain or not key or key in seen_sentences:
                if trace is not None:  # a headline repeated in the body is coded once
                    self._trace_unread(sent, trace, Fate.NOISE if domain else Fate.MERGED,
                                       "a sport, film or market text" if domain else "the sentence is told again")
                continue
            seen_sentences.add(key)
            events.extend(self._code_sentence(sent, index, article, resolver, trace))
        return _drop_headline_repeats(events)

    def is_candidate(self, tok: Token) -> bool:
        """A word that some trigger table lists (whatever its frame): a candidate trigger."""
        lemma, pos = tok.lemma_.lower(), tok.pos_
        return ((pos in {"VERB", "ADJ"} and lemma in self.patterns.control)
                or (pos == "VERB" and (lemma in self.patterns.verbs or lemma in frames.SPEECH_LEMMAS))
                or (pos == "NOUN" and lemma in self.patterns.control_nouns)
                or (pos in {"NOUN", "PROPN"} and lemma in self.patterns.nouns))

    def _trace_unread(self, sent: Span, trace: Trace, fate: Fate, detail: str) -> None:
        for tok in sent:
            if self.is_candidate(tok):
                trace.add(tok, fate, detail=detail)

    @cached_property
    def _trigger_verbs(self) -> frozenset[str]:
        return frozenset(self.patterns.verbs) | frozenset(self.patterns.control)

    @cached_property
    def _lemma_of_form(self) -> dict[str, str]:
        """Regular inflections of the trigger verbs -> their lemma, where only one lemma fits."""
        found: dict[str, set[str]] = {}
        for lemma in self._trigger_verbs:
            for form in forms(lemma) if " " not in lemma else ():
                found.setdefault(form, set()).add(lemma)
        return {form: next(iter(lemmas)) for form, lemmas in found.items() if len(lemmas) == 1}

    def _repair_lemmas(self, doc: Doc) -> None:
        """The tagger's lemmatiser misreads some verbs ("staged" -> "stag", "readmitted" ->
        "readmitte"); a verb whose lemma is no trigger but whose form inflects one gets that lemma."""
        for tok in doc:
            if tok.tag_.startswith("VB") and tok.lemma_.lower() not in self._trigger_verbs:
                lemma = self._lemma_of_form.get(tok.lower_)
                if lemma is not None:
                    tok.lemma_ = lemma

    def _home(self, article: Article) -> str | None:
        """The country of the article's wire dateline ("LAGOS, May 28 (Xinhua)" -> NGA)."""
        if not article.dateline_place or self.gazetteer is None:
            return None
        place = self.gazetteer.geocode(article.dateline_place.title())
        return place.country

    def _code_sentence(self, sent: Span, index: int, article: Article, resolver: Resolver,
                       trace: Trace | None = None) -> list[Event]:
        found = self._drafts(sent, trace)
        drafts = _one_draft_per_act(found)
        built: list[tuple[Draft, list[Event], list[Argument]]] = []
        for draft in drafts:
            arguments: list[Argument] = []
            built.append((draft, self._build(draft, sent, index, article, resolver, arguments), arguments))
        merged = _merge_same_act([e for _, events, _ in built for e in events])
        if trace is not None:
            _trace_drafts(trace, [d for d in found if d not in drafts], built, merged)
        return merged

    # -- finding triggers -------------------------------------------------------------------------

    def _drafts(self, sent: Span, trace: Trace | None = None) -> list[Draft]:
        drafts: list[Draft] = []
        consumed: set[int] = set()
        for tok in sent:
            if tok.i in consumed:
                if trace is not None and self.is_candidate(tok):
                    trace.add(tok, Fate.MERGED, detail="the complement or object of another candidate's act")
                continue
            lemma = tok.lemma_.lower()
            draft = None
            if tok.pos_ in {"VERB", "ADJ"} and lemma in self.patterns.control:
                draft = self._control(tok, self.patterns.control[lemma], consumed)
            if draft is None and tok.pos_ == "VERB" and lemma in self.patterns.verbs:
                draft = self._stated_intent(self._verb(tok, consumed))
            if draft is None and tok.pos_ == "NOUN" and lemma in self.patterns.control_nouns:
                draft = self._control_noun(tok, self.patterns.control_nouns[lemma], consumed)
            if draft is None and tok.pos_ in {"NOUN", "PROPN"} and lemma in self.patterns.nouns:
                draft = self._noun(tok, consumed)
            if draft is None and lemma in frames.SPEECH_LEMMAS and tok.pos_ == "VERB":
                draft = self._obligation(tok)
            if draft is not None and not noise.is_noise(draft.trigger):
                drafts.append(draft)
            elif trace is not None and draft is not None:
                trace.add(draft.trigger, Fate.NOISE, draft.rule, draft.code, "sport, markets or a figurative use")
            elif trace is not None and self.is_candidate(tok):
                trace.add(tok, Fate.NO_RULE, detail=_no_rule(tok, self.patterns))
        return drafts

    def _verb(self, verb: Token, consumed: set[int]) -> Draft | None:
        rule = self._match_verb(verb)
        if rule is None:
            return None
        obj = frames.direct_object(verb)
        if obj is not None and rule.obj:
            consumed.add(obj.i)
        source, target = self._verb_arguments(verb, rule)
        code = rule.code
        name = _rule_name("verb", verb, self.patterns.verbs[verb.lemma_.lower()].index(rule))
        if code.startswith("18") and verb.lemma_.lower() in KILLING and _mass(obj):
            code, name = "202", f"{name}; mass killing"  # "killed HUNDREDS of civilians": mass killing
        return Draft(verb, verb, code, source, target, rule.reciprocal,
                     frames.modality_of(verb), frames.is_negated(verb),
                     rule.place_obj or (rule.target in PLACE_PREPS), name)

    def _actor_like(self, tok: Token) -> bool:
        """A noun phrase that can name an actor: a name, a pronoun or a role word ("police")."""
        if tok.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or tok.pos_ in {"PROPN", "PRON"}:
            return True
        if tok.pos_ != "NOUN":
            return False
        counted = frames.counted(tok)
        if counted is not tok:  # "DOZENS of Chinese nationals"
            return self._actor_like(counted)
        if (self.kb.role(tok.lower_) or self.kb.role(tok.lemma_)) is not None:
            return True
        return tok.lemma_.lower() in PERSON_NOUNS  # "the opposition CANDIDATE", "Chinese NATIONALS"

    def _obligation(self, speech: Token) -> Draft | None:
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
            if modals & {"must"}:
                return Draft(speech, speech, "100", [speaker], [subject], rule="obligation 'must': a demand")
            if modals & {"should"}:
                return Draft(speech, speech, "020", [speaker], [subject], rule="obligation 'should': an appeal")
        return None

    def _stated_intent(self, draft: Draft | None) -> Draft | None:
        """'Finland WILL give Tanzania a grant', 'Israel will evacuate the settlements': a stated
        future act is coded as the statement of intent (03x) or, for force, a threat (13x)."""
        if draft is None:
            return None
        root = draft.code[:2]
        conditional = any(c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children)
                          for c in draft.anchor.children)
        if conditional and draft.modality in {"intended", "hypothetical"}:
            # "will withdraw its force UNLESS ...": a coercive conditional is a threat
            return replace(draft, code=self.patterns.transform("threat", draft.code), modality="asserted",
                           negated=False, rule=f"{draft.rule}; threat 'unless'")
        if draft.modality != "intended" or root == "03":
            return draft
        if draft.negated and root <= "09":  # "said it would not meet the demands": a refusal
            return replace(draft, code=self.patterns.transform("reject", draft.code), modality="asserted",
                           negated=False, rule=f"{draft.rule}; refusal")
        if draft.negated:
            return draft
        if root <= "09":
            return replace(draft, code=self.patterns.transform("intent", draft.code), modality="asserted",
                           rule=f"{draft.rule}; stated intent")
        if root >= "12" and root != "13":  # "will boycott the elections", "will impose a curfew"
            return replace(draft, code=self.patterns.transform("threat", draft.code), modality="asserted",
                           rule=f"{draft.rule}; stated coercion as threat")
        return draft

    def _match_verb(self, verb: Token) -> VerbRule | None:
        obj = frames.direct_object(verb)
        prt = frames.particle(verb)
        preps = {c.lower_ for c in verb.children if c.dep_ in {"prep", "agent", "prt"}}
        prep_objs = {o.lemma_.lower() for _, o in frames.prep_objects(verb)}
        for rule in self.patterns.verbs[verb.lemma_.lower()]:
            if rule.prt and rule.prt != prt:
                continue
            if rule.prep and not rule.prep & preps:
                continue
            if rule.prep_obj and not rule.prep_obj & prep_objs:
                continue
            if (rule.obj or rule.obj_any or rule.person_obj or rule.place_obj) and obj is None:
                continue
            if rule.obj and obj.lemma_.lower() not in rule.obj:
                continue
            if rule.compound and not _has_compound(obj, rule.compound):
                continue
            if rule.person_obj and not self._actor_like(obj):
                continue
            if rule.place_obj and (not _place_like(obj) or prt not in {None, "over"}):
                continue
            return rule
        return None

    def _verb_arguments(self, verb: Token, rule: VerbRule) -> tuple[list[Token], list[Token]]:
        if frames.passive(verb):
            agent = frames.agent_of(verb)
            source = [agent] if agent is not None else []
            patient = frames.children(verb, frames.PASSIVE_SUBJECT_DEPS)
            if not source and rule.code.startswith("15"):  # "police WERE PUT on high alert"
                return patient, []
            target = patient if not rule.obj else []
            return source, target
        subj = frames.subject_of(verb)
        return ([subj] if subj is not None else []), _targets(verb, rule.target, bool(rule.obj), rule.topic)

    def _noun(self, noun: Token, consumed: set[int]) -> Draft | None:
        rule = self._match_noun(noun)
        if rule is None or any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in noun.children):
            return None  # "during THAT call" refers back to an event already coded
        if noun.dep_ == "compound" or _answered(noun):
            return None  # "a genocide SUSPECT", "protest LEADERS"; "defended X AGAINST criticism"
        support = _support_verb(noun, meeting=rule.code.startswith("04"))
        if support is not None and support.lemma_.lower() in NOT_HAPPENING:
            return None  # "postponed the demonstration", "condemned the attack": not this event
        own_source = _noun_source(noun)
        if own_source is not None and own_source.tag_ == "PRP$" and support is not None \
                and noun.dep_ == "dobj" and not frames.passive(support):  # "X reiterated ITS demand": its is X
            own_source = frames.subject_of(support) or own_source
        if rule.needs_support and support is None:
            return None
        target = [o for _, o in frames.prep_objects(noun, {"with", "against", "on", "to", "at", "into"})]
        between = [o for w, o in frames.prep_objects(noun, {"between"})]
        name = _rule_name("noun", noun, self.patterns.nouns[noun.lemma_.lower()].index(rule))
        if between:
            anchor = support or noun
            verbal = anchor.pos_ in {"VERB", "AUX"}
            return Draft(noun, anchor, rule.code, between, [], True,
                         frames.modality_of(anchor) if verbal else "asserted",
                         frames.is_negated(anchor) if support else False, rule=f"{name}; 'between' sides")
        if own_source is not None:
            source = [own_source]
        elif support is not None and frames.passive(support):
            source = [a for a in [frames.agent_of(support)] if a is not None]
        elif support is not None:
            source = [s for s in [frames.subject_of(support)] if s is not None]
        else:
            return None
        anchor = support or _governing_verb(noun) or noun
        verbal = anchor.pos_ in {"VERB", "AUX"}
        return Draft(noun, anchor, rule.code, source, target, rule.reciprocal,
                     frames.modality_of(anchor) if verbal else "asserted",
                     frames.is_negated(anchor) if support else False, rule=name)

    def _match_noun(self, noun: Token) -> NounRule | None:
        for rule in self.patterns.nouns[noun.lemma_.lower()]:
            if rule.compound and not _has_compound(noun, rule.compound):
                continue
            if rule.plural and noun.tag_ not in {"NNS", "NNPS"}:
                continue
            return rule
        return None

    def _control(self, verb: Token, control: Control, consumed: set[int]) -> Draft | None:
        comp = _complement(verb)
        if comp is None:
            return None
        inner = self._verb(comp, consumed) if comp.lemma_.lower() in self.patterns.verbs else None
        if inner is None:
            if control.transform == "none" or not control.generic:
                return None
            # "agreed to coordinate", "threatened to retaliate": the act is the intent, threat,
            # refusal or appeal itself, coded at its family's general code
            inner = _bare_complement(comp)
        consumed.add(comp.i)
        code = self.patterns.transform(control.transform, inner.code)
        source = [s for s in [frames.subject_of(verb)] if s is not None]
        target = inner.target
        if comp.dep_ == "ccomp":  # "demanded that WASHINGTON cancel the sale": the addressee
            target = frames.children(comp, frames.SUBJECT_DEPS) + target
        if control.target_from == "obj":
            target = [o for o in [frames.direct_object(verb)] if o is not None] or target
        elif control.target_from:
            target = [o for _, o in frames.prep_objects(verb, {control.target_from})] or target
        negated = frames.is_negated(verb) or control.negate
        modality = control.modality if control.modality != "asserted" else frames.modality_of(verb)
        name = f"control '{verb.lemma_.lower()}' ({control.transform}) + {inner.rule or 'bare complement'}"
        return Draft(verb, verb, code, source, target, control.reciprocal or inner.reciprocal,
                     modality, negated, inner.place_target, name)

    def _control_noun(self, noun: Token, control: Control, consumed: set[int]) -> Draft | None:
        """"his readiness TO PROVIDE support", "a decision TO WRAP UP the operation"."""
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in NOT_HAPPENING:
            return None  # "rejected UN CALLS to lift the ban": the calls are what is rejected
        comp = next((c for c in noun.children if c.dep_ in {"acl", "relcl", "ccomp"} and c.pos_ == "VERB"), None)
        if comp is None:
            return None
        inner = self._verb(comp, consumed) if comp.lemma_.lower() in self.patterns.verbs else None
        if inner is None and not (control.generic and comp.dep_ == "ccomp"):
            return None
        if inner is None:  # "its demand that Israel ease restrictions": the demand itself
            inner = _bare_complement(comp)
        addressee = frames.children(comp, frames.SUBJECT_DEPS)  # "a demand that ISRAEL ease ..."
        if addressee:
            inner = replace(inner, target=addressee + inner.target)
        consumed.add(comp.i)
        support = noun.head if noun.head.pos_ in {"VERB", "AUX"} else None
        owner = _noun_source(noun)
        if owner is None or owner.tag_ == "PRP$":
            owner = frames.subject_of(support) if support is not None else owner
        if owner is None:
            return None
        anchor = support or noun
        code = self.patterns.transform(control.transform, inner.code)
        name = f"control noun '{noun.lemma_.lower()}' ({control.transform}) + {inner.rule or 'bare complement'}"
        return Draft(noun, anchor, code, [owner], inner.target, inner.reciprocal,
                     control.modality if control.modality != "asserted" else frames.modality_of(anchor),
                     frames.is_negated(anchor) or control.negate, inner.place_target, name)

    # -- building events --------------------------------------------------------------------------

    def _build(self, draft: Draft, sent: Span, index: int, article: Article,
               resolver: Resolver, tried: list[Argument]) -> list[Event]:
        attributed = _attribution(draft.anchor, resolver)
        source = _resolve_sources(resolver, draft.source, tried)
        if not source:
            return []
        target = self._targets(draft, resolver, tried)
        if draft.reciprocal and len(source) > 1:
            # "Israeli and Lebanese negotiators held talks (at a UN base)": the two sides, nothing else
            source, target = source[:1], source[1:]
        target = [a for a in target if a.code not in {s.code for s in source} or len(source) > 1]
        if source and target:
            resolver.memory.last_pair = (source[0], target[0])
        when = date_for(draft.trigger, draft.anchor, article.date)
        location = self._place(draft, resolver) or _place_of_targets(target, self.gazetteer)
        if location is None or any(a.country is None for a in source):
            own = self._actor_place(draft.source, resolver)  # "a court IN ISTANBUL", "students IN DHAKA"
            if own is not None and own.country:
                source = [_localise(a, own.country) for a in source]
                location = location or own
        if location is None:
            location = self._dateline_place(article, draft, [*source, *target], when)
        if location is not None and location.country:
            source = [_localise(a, location.country) for a in source]
            target = [_localise(a, location.country) for a in target]
        home = next((a.country for a in source if a.country), None)
        if home:  # "Kenyan police warned opposition supporters": people acted on are its own
            target = [_localise(a, home) for a in target]
        abroad = next((a.country for a in target if a.country), None)
        if abroad:  # "rebel fighters seized Goma": Congolese rebels
            source = [_localise(a, abroad) for a in source]
        source = [a for a in source if a.country or a.sector in ARMED_NON_STATE or a.code != a.sector]
        if not source:
            return []  # "people", "the company" with no country: not a political actor
        if not target and location is not None and location.country and not draft.reciprocal \
                and draft.code[:2] in PLACE_TARGET_ROOTS and not draft.code.startswith("172"):
            target = [_place_target(location)]  # "abducted schoolgirls in northeast Nigeria": NGA
        if not target and draft.code[:2] in DOMESTIC_ROOTS and source[0].country \
                and source[0].sector in DOMESTIC_SECTORS:
            target = [_home_target(source[0])]  # "French unions staged a strike": against France's rulers
        info = self.ontology.get(draft.code)
        trigger = TextSpan(draft.trigger.text, draft.trigger.idx, draft.trigger.idx + len(draft.trigger))
        # "Canada and Britain imposed sanctions": one act by each (reciprocal acts stay one event)
        groups = [[a] for a in source] if len(source) > 1 and not draft.reciprocal else [source]
        return [Event(
            article_id=article.id, sentence_index=index, sentence=sent.text.strip(), trigger=trigger,
            cameo=info.code,
            plover=Plover(info.plover_event, info.plover_mode or None, info.plover_context or None),
            quad_class=info.quad_class, goldstein=info.goldstein, source=tuple(group),
            target=tuple(target), date=when, location=location,
            negated=draft.negated, modality=draft.modality, attributed_to=attributed,
            confidence=_confidence(draft, group, target),
        ) for group in groups]

    def _targets(self, draft: Draft, resolver: Resolver, tried: list[Argument]) -> list[Actor]:
        """The actors of the first candidate target that names any; a named place that is no
        actor stands for its country's territory."""
        for rank, head in enumerate(draft.target):
            found = [a for a in resolver.resolve(head) if a.code]
            if draft.place_target:
                found = [_as_place_actor(a) for a in found]
            if not found and (draft.place_target or _place_like(head)):
                found = self._place_actors([head], resolver)
            tried.append(_argument("target", head, rank, len(draft.target), found))
            if found:
                return list(dict.fromkeys(found))
        return []

    def _place_actors(self, heads: list[Token], resolver: Resolver) -> list[Actor]:
        """A seized or entered place that is not a known actor: its country, from the gazetteer."""
        if self.gazetteer is None:
            return []
        context = frozenset(a.country for a in resolver.memory.recent if a.country)
        out = []
        for head in heads:
            name, start, end, qualifier = place_name(head)
            span = head.doc.char_span(start, end)
            if span is None or not any(t.pos_ == "PROPN" or t.ent_type_ in PLACE_ENTITIES for t in span):
                continue  # "shelled VILLAGES" is no place name ("The Villages", Florida)
            place = self.gazetteer.geocode(name, context | ({resolver.home} if resolver.home else set()),
                                           qualifier)
            if place.country:
                out.append(Actor(name, start, end, place.country, place.name, place.country, None,
                                 f"place {place.name!r} ({place.feature}) in {place.country}"))
        return out

    def _dateline_place(self, article: Article, draft: Draft, actors: list[Actor],
                        when: DateRef) -> Place | None:
        """The dateline city for an event told as news of the day from there: one of its actors
        is of the dateline's country, it has no earlier date of its own, it is not a phone call."""
        if not article.dateline_place or self.gazetteer is None or draft.code.startswith("041"):
            return None
        place = self.gazetteer.geocode(article.dateline_place.title())
        if place.name is None or place.country not in {a.country for a in actors}:
            return None
        if when.basis == "explicit" or (when.value and article.date and
                                        abs((article.date - when.value).days) > 2):
            return None
        return replace(place, text=article.dateline_place, feature=f"{place.feature}; dateline")

    def _actor_place(self, heads: list[Token], resolver: Resolver) -> Place | None:
        """The place an actor phrase names for itself: 'students AT UNIVERSITIES IN BELGRADE'."""
        if self.gazetteer is None:
            return None
        context = frozenset(a.country for a in resolver.memory.recent if a.country)
        for head in heads:
            place = event_place(head, head, self.gazetteer, context)
            if place is not None:
                return place
        return None

    def _place(self, draft: Draft, resolver: Resolver) -> Place | None:
        if self.gazetteer is None:
            return None
        context = frozenset(a.country for a in resolver.memory.recent if a.country)
        return event_place(draft.anchor, draft.trigger, self.gazetteer, context)


def _resolve_sources(resolver: Resolver, heads: list[Token], tried: list[Argument]) -> list[Actor]:
    """The coded source actors; a pronoun in reported speech is its speaker when they agree."""
    out: list[Actor] = []
    for rank, head in enumerate(heads):
        speaker = _reported_speaker(head)
        found = [a for a in resolver.resolve(speaker) if a.code] if speaker is not None else []
        found = found or [a for a in resolver.resolve(head) if a.code]
        tried.append(_argument("source", head, rank, len(heads), found))
        out += [a for a in found if a not in out]
    return out


def _argument(role: str, head: Token, rank: int, count: int, found: list[Actor]) -> Argument:
    """A tried argument candidate; its score is its place in the order the coder tries them."""
    return Argument(role, head.text, rank, float(count - rank), tuple(a.code or "" for a in found))


def _no_rule(tok: Token, patterns: Patterns) -> str:
    lemma = tok.lemma_.lower()
    if lemma in frames.SPEECH_LEMMAS and lemma not in patterns.verbs and lemma not in patterns.control:
        return "a speech verb whose clause tells no obligation ('must', 'should') of a named actor"
    return f"no rule for {lemma!r} as {tok.pos_} matches this frame (object, particle, preposition, complement)"


def _rule_name(kind: str, trigger: Token, index: int) -> str:
    return f"{kind} '{trigger.lemma_.lower()}' #{index + 1}"


def _trace_drafts(trace: Trace, absorbed: list[Draft], built: list[tuple[Draft, list[Event], list[Argument]]],
                  merged: list[Event]) -> None:
    """Record each reading of a sentence: absorbed by another act, without source, merged, kept."""
    for draft in absorbed:
        trace.add(draft.trigger, Fate.MERGED, draft.rule, draft.code, "tells how or why another act was done")
    for draft, events, arguments in built:
        own = {(e.trigger.start, e.cameo) for e in events}
        kept = tuple(e for e in merged if (e.trigger.start, e.cameo) in own)
        if not events:
            trace.add(draft.trigger, Fate.NO_SOURCE, draft.rule, draft.code,
                      "no source actor resolved, or none with a country or an armed sector", tuple(arguments))
        elif not kept:
            trace.add(draft.trigger, Fate.MERGED, draft.rule, draft.code, "the same act as another trigger",
                      tuple(arguments))
        else:
            fate = Fate.NEGATED if all(e.negated for e in kept) else Fate.KEPT
            trace.add(draft.trigger, fate, draft.rule, draft.code, "", tuple(arguments), kept)


def _reported_speaker(pronoun: Token) -> Token | None:
    """'the rebels said THEY would release him', 'Iran said IT will retaliate', 'Putin said HE
    was ready': the pronoun of a reported clause stands for the speaker it agrees with."""
    lower = pronoun.lower_
    if pronoun.pos_ != "PRON" or lower not in PRONOUNS_SINGULAR | PRONOUNS_NEUTER | PRONOUNS_PLURAL:
        return None
    speech = frames.speech_head(pronoun)
    speaker = frames.subject_of(speech) if speech is not None else None
    if speaker is None or speaker.pos_ == "PRON":
        return None
    person = speaker.ent_type_ == "PERSON"
    plural = speaker.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in speaker.children)
    if lower in PRONOUNS_SINGULAR:
        return speaker if person else None
    if lower in PRONOUNS_NEUTER:
        return speaker if not person and not plural else None
    return speaker if plural or speaker.ent_type_ in {"ORG", "GPE", "NORP"} else None


def _attribution(anchor: Token, resolver: Resolver) -> str | None:
    speech = frames.speech_head(anchor)
    who = frames.subject_of(speech) if speech is not None else frames.according_to(anchor)
    if who is None:
        return None
    resolver.resolve(who)  # the speaker becomes known to the article ("he" later refers to them)
    tokens = [t for t in who.subtree if t.dep_ not in {"relcl", "acl", "punct"}]
    return who.doc[tokens[0].i : tokens[-1].i + 1].text if tokens else who.text


def _place_of_targets(targets: list[Actor], gazetteer: Gazetteer | None) -> Place | None:
    """'shelled the city of Kharkiv', 'seized the town of Goma': the place acted on is where."""
    for actor in targets:
        if gazetteer is not None and actor.rule and actor.rule.startswith("place "):
            place = gazetteer.geocode(actor.text)
            if place.name:
                return replace(place, text=actor.text, start=actor.start, end=actor.end)
    return None


def _localise(actor: Actor, country: str) -> Actor:
    """'Protesters' with no country, in an event located in Tbilisi: Georgian protesters."""
    return localise(actor, country, "country of the event's place")


def _place_target(place: Place) -> Actor:
    """The country where an event without a named target took place, as its target."""
    return Actor(place.text or place.name or "", place.start or 0, place.end or 0, place.country,
                 place.name, place.country, None, f"no named target: the country of the event's place {place.name!r}")


def _home_target(actor: Actor) -> Actor:
    return Actor(actor.text, actor.start, actor.end, actor.country, None, actor.country, None,
                 f"no named target: a protest or demand by {actor.code} addresses its own country")


def _as_place_actor(actor: Actor) -> Actor:
    """A captured or entered place is the country's territory, not its government."""
    if actor.country and actor.code and actor.code.startswith(actor.country):
        return replace(actor, code=actor.country, sector=None, rule=f"{actor.rule}; place")
    return actor


def _confidence(draft: Draft, source: list[Actor], target: list[Actor]) -> float:
    score = 0.55
    score += 0.15 if target else 0.0
    score += 0.1 if len(draft.code) >= 3 and not draft.code.endswith("0") else 0.0
    score += 0.1 if all(a.code for a in source) else 0.0
    score -= 0.2 if draft.modality != "asserted" else 0.0
    return max(0.05, min(1.0, score))


def _report_key(event: Event) -> tuple:
    return (event.cameo, tuple(a.code for a in event.source), tuple(a.code for a in event.target),
            event.trigger.text.lower(), event.negated)


def _drop_headline_repeats(events: list[Event]) -> list[Event]:
    """A headline event told again in the body ("Russia expels two diplomats ... , the ministry said
    on Monday") is one event: keep the body's telling, which carries date and attribution."""
    last_told = {}
    for e in events:
        last_told[_report_key(e)] = max(last_told.get(_report_key(e), -1), e.sentence_index)
    return [e for e in events
            if e.sentence_index >= HEADLINE_SENTENCES or last_told[_report_key(e)] == e.sentence_index]


def _merge_same_act(events: list[Event]) -> list[Event]:
    """'discussed X during a telephone talk with Y' is one consultation: keep the most specific."""
    kept: list[Event] = []
    for event in events:
        twin = next((k for k in kept if _same_act(k, event)), None)
        if twin is None:
            kept.append(event)
            continue
        better = max((twin, event), key=lambda e: (bool(e.target), e.cameo[-1] != "0", len(e.cameo)))
        if not better.target:
            better = replace(better, target=twin.target or event.target)
        kept[kept.index(twin)] = better
    return kept


def _same_act(a: Event, b: Event) -> bool:
    """Two triggers of one sentence that report one act ("swept into Kabul and gained control")."""
    if a.negated != b.negated or a.modality != b.modality:
        return False
    if not {x.code for x in a.source} & {x.code for x in b.source}:
        return False
    if a.cameo[:2] in {"04", "03"} and a.cameo[:2] == b.cameo[:2]:
        return True
    targets_a = {x.country or x.code for x in a.target}
    targets_b = {x.country or x.code for x in b.target}
    same_target = bool(targets_a & targets_b) or not targets_a or not targets_b
    return a.cameo == b.cameo and same_target


def _has_compound(tok: Token, words: frozenset[str]) -> bool:
    return any(c.dep_ in {"compound", "amod"} and c.lemma_.lower() in words for c in tok.children)


def _actor_like(tok: Token) -> bool:
    return tok.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or tok.pos_ in {"PROPN", "PRON", "NOUN"}


def _place_like(tok: Token) -> bool:
    places = {"city", "town", "village", "capital", "territory", "region", "province", "district",
              "base", "airport", "port", "area", "border", "crossing", "building", "parliament"}
    return tok.ent_type_ in {"GPE", "LOC", "FAC"} or tok.lemma_.lower() in places


def _targets(verb: Token, where: str | None, obj_is_trigger: bool, topic: bool = False) -> list[Token]:
    """Candidate target heads, best first; the coder takes the first that names an actor.

    The rule's preposition; an indirect object ("gave TANZANIA a grant"); the direct object (not
    when it is a topic: "discussed THE SITUATION"); the owner of a nominal object that is the trigger
    ("rejected a FRENCH proposal", "rejected TRUMP's offer"); then the usual prepositions, on the
    verb and on its object ("cut off gas supplies TO MOLDOVA", "aid FOR AFGHANISTAN").
    """
    if where == "none":
        return []
    direct = frames.direct_object(verb)
    if where == "obj":  # "banned THE COUNTRY'S OPPOSITION PARTY", "expelled the RUSSIAN ambassador"
        datives = [d for d in frames.children(verb, {"dative", "iobj"}) if d.pos_ in {"PROPN", "NOUN"}]
        return datives + ([direct, *_owners(direct)] if direct is not None else [])
    holders = [verb] + ([direct] if direct is not None else [])
    out: list[Token] = []
    if where and where != "prep":
        out += [o for h in holders for _, o in frames.prep_objects(h, {where})]
    out += [d for d in frames.children(verb, {"dative", "iobj"}) if d.pos_ in {"PROPN", "NOUN", "PRON"}]
    if direct is not None and not obj_is_trigger and not topic:
        out += [direct, *_owners(direct)]
    if direct is not None and obj_is_trigger:
        out += _owners(direct)
    for prep in DEFAULT_TARGET_PREPS:
        out += [o for h in holders for _, o in frames.prep_objects(h, {prep})]
    return list(dict.fromkeys(out + _further_targets(verb, direct, where, out)))


def _further_targets(verb: Token, direct: Token | None, where: str | None, found: list[Token]) -> list[Token]:
    """Candidates one step past the usual ones, tried after them."""
    holders = [verb] + ([direct] if direct is not None else [])
    near = [o for h in holders for _, o in frames.prep_objects(h)]  # "massed troops NEAR its border with X"
    out = [n for n in map(_border_neighbour, found + near) if n is not None]
    out += [owner for o in found for owner in _owners(o)]  # "an investigation into abuses BY IRANIAN forces"
    out += [w for o in found for _, w in frames.prep_objects(o, {"with"})]  # "from the talks WITH HAMAS"
    # "provide 500 million euros IN assistance FOR AFGHANISTAN", "its role AS A MEDIATOR between"
    inner = [o for _, o in frames.prep_objects(direct, {"in", "of", "as", "into"})] if direct is not None else []
    inner += [o for _, o in frames.prep_objects(verb, {"as"})]
    for prep in ([where] if where and where != "prep" else []) + list(DEFAULT_TARGET_PREPS):
        out += [o for h in inner for _, o in frames.prep_objects(h, {prep})]
    return out


KILLING = {"kill", "massacre", "slaughter", "execute", "murder"}
MASS_WORDS = {"hundreds", "thousands", "tens", "millions"}


def _mass(obj: Token | None) -> bool:
    """A hundred or more people: 'hundreds of civilians', '300 villagers', 'tens of thousands'."""
    if obj is None:
        return False
    if obj.lower_ in MASS_WORDS:
        return True
    counter = obj.head.head if obj.dep_ == "pobj" and obj.head.lower_ == "of" else None
    if counter is not None and counter.lower_ in MASS_WORDS:  # HUNDREDS of civilians
        return True
    for num in (c for c in obj.children if c.dep_ == "nummod"):
        words = {t.lower_ for t in num.subtree}
        digits = num.text.replace(",", "")
        if words & {"hundred", "hundreds", "thousand", "thousands", "million"} or (
                digits.isdigit() and int(digits) >= 100):
            return True
    of = next((o for _, o in frames.prep_objects(obj, {"of"})), None)
    return obj.lower_ in {"dozens", "scores"} and of is not None and _mass(of)


def _answered(noun: Token) -> bool:
    """A reported act that another act answers: "defended Poland AGAINST EU criticism"."""
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ == "against" and head.head.pos_ == "VERB" \
        and head.head.lemma_.lower() in {"defend", "protect", "shield", "warn", "rally", "retaliate", "respond"}


def _one_draft_per_act(drafts: list[Draft]) -> list[Draft]:
    """'detained 15 journalists IN RAIDS', 'used chlorine gas IN AN ATTACK on Douma': a nominal
    trigger in an adjunct of a coded act of force tells how that act was done; it is not a second one."""
    forceful = {d.trigger.i for d in drafts if d.trigger.pos_ == "VERB" and d.code[:2] >= "17"}
    coded = {d.trigger.i for d in drafts}

    def manner(d: Draft) -> bool:
        head = d.trigger.head
        return (d.trigger.pos_ in {"NOUN", "PROPN"} and d.trigger.dep_ == "pobj"
                and head.lower_ in {"in", "during"} and head.head.i in forceful)

    def purpose(d: Draft) -> bool:  # "went on strike TO PRESS for better pay": why, not a second act
        return (d.trigger.dep_ == "advcl" and d.trigger.head.i in coded
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in d.trigger.children))
    return [d for d in drafts if not manner(d) and not purpose(d)]


def _border_neighbour(head: Token) -> Token | None:
    """'its border WITH UKRAINE': the country across the border."""
    if head.lemma_.lower() not in {"border", "frontier", "boundary"}:
        return None
    return next((o for _, o in frames.prep_objects(head, {"with"})), None)


def _bare_complement(comp: Token) -> Draft:
    """The complement of an intent, threat, refusal or appeal that is no event of its own; the
    governing act is then coded at its family's general code (the transform's `*`)."""
    return Draft(comp, comp, "", [], _targets(comp, None, False), False)


def _owners(noun: Token) -> list[Token]:
    """Whose proposal, offer or call it is: "a FRENCH proposal", "TRUMP's offer", "an offer of talks
    from THE UNITED STATES", "a plan drawn up by ASEAN", "a ruling by THE EU's top court"."""
    out = [c for c in noun.children if c.dep_ in {"poss", "amod", "compound"} and _actor_like(c)
           and c.tag_ != "PRP$"]
    for adj in (c for c in noun.children if c.dep_ == "amod" and c.pos_ == "ADJ"):  # "a FRENCH-AMERICAN plan"
        out += [g for g in adj.children if g.dep_ in {"amod", "conj"} and g.ent_type_ == "NORP"]
    nested = [noun] + [o for _, o in frames.prep_objects(noun, {"of"})]
    out += [o for n in nested for _, o in frames.prep_objects(n, {"from", "by"})]
    for acl in (c for c in noun.children if c.dep_ == "acl"):
        out += [o for _, o in frames.prep_objects(acl, {"by"})]
    return out


MEETING_PREPS = {"during", "at", "in", "after", "following", "before", "over", "via", "by"}


def _support_verb(noun: Token, meeting: bool = False) -> Token | None:
    """The verb a nominal trigger hangs on: HOLD talks, GO on an offensive; for meetings and calls
    also the verb they frame: "discussed X DURING a telephone talk with Y"."""
    tok = noun
    if tok.dep_ in {"dobj", "nsubjpass", "attr"}:
        return tok.head if tok.head.pos_ in {"VERB", "AUX"} else None
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        head = tok.head.head
        preps = {"on", "into", "in"} | (MEETING_PREPS if meeting else set())
        if tok.head.lower_ in preps and head.pos_ == "VERB":
            return head
    return None


def _governing_verb(noun: Token) -> Token | None:
    """The verb whose clause a bare nominal trigger sits in ("CLASHES intensified")."""
    tok = noun
    for _ in range(4):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in {"VERB", "AUX"}:
            return tok
    return None


def _noun_source(noun: Token) -> Token | None:
    """Actors carried by the noun itself: THEIR phone call, RUSSIA's attack, ISRAELI strikes."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ in {"amod", "compound"} and child.ent_type_ in {"NORP", "GPE", "ORG"}:
            return child
    for word, obj in frames.prep_objects(noun, {"by"}):
        if word == "by":
            return obj
    return None


def _complement(verb: Token) -> Token | None:
    """The event verb a control verb governs: agreed TO COORDINATE, urged X TO NEGOTIATE."""
    for child in verb.children:
        if child.dep_ in {"xcomp", "ccomp"} and (child.pos_ == "VERB" or child.pos_ == "ADJ" and any(
                c.dep_ in {"nsubj", "dobj"} for c in child.children)):  # "that Sweden EXTRADITE(ADJ) ..."
            return child
    for child in verb.children:
        if child.dep_ == "dobj":
            for grand in child.children:
                if grand.dep_ in {"acl", "relcl", "xcomp"} and grand.pos_ == "VERB":
                    return grand
    for child in verb.children:  # misparse: "called on X [to resign]advcl"
        if child.dep_ == "advcl" and child.pos_ == "VERB" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return child
    return None
