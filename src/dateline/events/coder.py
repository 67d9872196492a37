"""The event coder: CAMEO/PLOVER events from a spaCy parse, with actors, date and evidence.

Orchestration only. For each sentence: the trigger readings (`events.triggers`: each word read by
the first trigger table whose rule matches its frame, with its named adjustments from
`events.rules`), the sentence-stage rules choosing among them, the events built from each
(`events.build`: arguments from ranked candidates, `events.arguments`; places, dates, actors),
then the article-stage rules. With a `Trace`, what became of every candidate trigger is recorded
(`dateline explain`). docs/coder.md describes the mechanism.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from dateline.actors.kb import KnowledgeBase
from dateline.actors.resolver import Resolver
from dateline.events import noise, rules, statements
from dateline.events.build import EventBuilder
from dateline.events.draft import Draft
from dateline.events.ontology import Ontology
from dateline.events.patterns import Patterns
from dateline.events.screen import forms
from dateline.events.trace import Argument, Fate, Trace
from dateline.events.triggers import TriggerFinder
from dateline.events.words import words_of
from dateline.lexicon import Lexicon, default_lexicon
from dateline.nlp import set_lexicon
from dateline.records import Article, Event
from dateline.where import Gazetteer


@dataclass(frozen=True)
class Coder:
    patterns: Patterns
    ontology: Ontology
    kb: KnowledgeBase
    gazetteer: Gazetteer | None = None
    lexicon: Lexicon | None = None  # the settings' words; None: the bundled lexicon
    with_statements: bool = True  # statements (CAMEO 01) are events (setting `statements`)

    @cached_property
    def parse_lexicon(self) -> Lexicon:
        """The lexicon the parse is read with: the settings' (or the bundled) lexicon, whose
        nonfactual_governors gain the control words marked `nonfactual` in the trigger files."""
        lexicon = self.lexicon or default_lexicon()
        return lexicon.adding("nonfactual_governors", self.patterns.nonfactual_words())

    @cached_property
    def finder(self) -> TriggerFinder:
        return TriggerFinder(self.patterns, self.kb, self.with_statements)

    @cached_property
    def builder(self) -> EventBuilder:
        return EventBuilder(self.ontology, self.kb, self.gazetteer)

    def code(self, doc: Doc, article: Article, trace: Trace | None = None) -> list[Event]:
        """All events of one parsed article; with a `trace`, what became of every candidate trigger."""
        set_lexicon(doc, self.parse_lexicon)  # the word checks on the parse read the settings' words
        # the country of the wire dateline ("LAGOS, May 28 (Xinhua)" -> NGA), geocoded once before
        # coding (`pipeline.with_dateline`)
        resolver = Resolver(self.kb, article.date, home=article.home_country)
        self._repair_lemmas(doc)
        events: list[Event] = []
        domain = noise.is_domain_text(article.text, self.lexicon)  # a match report, a film review, a market report
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
        return rules.drop_headline_repeats(events)

    def is_candidate(self, tok: Token) -> bool:
        """A word that some trigger table lists for its part of speech: a candidate trigger."""
        return self.finder.is_candidate(tok)

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
            for form in forms(lemma, self.parse_lexicon.mapping("irregular_forms")) if " " not in lemma else ():
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

    def _code_sentence(self, sent: Span, index: int, article: Article, resolver: Resolver,
                       trace: Trace | None = None) -> list[Event]:
        readings = rules.one_reading_per_act(self.finder.drafts(sent, trace))
        built: list[tuple[Draft, list[Event], list[Argument], list[str]]] = []
        for draft, absorbed in readings:
            if absorbed is not None:
                if trace is not None:
                    trace.add(draft.trigger, Fate.MERGED, draft.rule, draft.code, f"{absorbed}: part of another act",
                              score=draft.score)
                continue
            tried: list[Argument] = []
            applied: list[str] = []
            events = self.builder.build(draft, sent, index, article, resolver, tried, applied)
            events = [e for e in events if statements.political(e, self.lexicon)]  # "residents said": no statement
            built.append((draft, events, tried, applied))
        merged = rules.merge_same_act([e for _, events, _, _ in built for e in events], words_of(sent).same_act_roots)
        if trace is not None:
            _trace_built(trace, built, merged)
        return merged


def _trace_built(trace: Trace, built: list[tuple[Draft, list[Event], list[Argument], list[str]]],
                 merged: list[Event]) -> None:
    """Record each built reading: without source, merged with another act, kept or negated."""
    for draft, events, arguments, applied in built:
        rule = "; ".join([draft.rule, *applied])
        own = {(e.trigger.start, e.cameo) for e in events}
        kept = tuple(e for e in merged if (e.trigger.start, e.cameo) in own)
        if not events and "disaster as object" in applied:
            trace.add(draft.trigger, Fate.RULED_OUT, rule, draft.code,
                      "its object, target or source is a disaster or accident", tuple(arguments), score=draft.score)
        elif not events:
            trace.add(draft.trigger, Fate.NO_SOURCE, rule, draft.code,
                      "no source actor resolved, or none with a country or an armed sector", tuple(arguments),
                      score=draft.score)
        elif not kept:
            trace.add(draft.trigger, Fate.MERGED, rule, draft.code, "same act: told by another trigger",
                      tuple(arguments), score=draft.score)
        else:
            fate = Fate.NEGATED if all(e.negated for e in kept) else Fate.KEPT
            trace.add(draft.trigger, fate, rule, draft.code, "", tuple(arguments), kept, draft.score)
