"""Building events from readings: resolve the argument heads to actors, place and date the act,
give actors without a country the country of the event, apply the event-stage rules (place as
target, home country as target) and score the event's confidence."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from spacy.tokens import Span, Token

from dateline.actors import countries
from dateline.actors.kb import KnowledgeBase
from dateline.actors.resolver import Resolver, is_unknown
from dateline.events import rules
from dateline.events.arguments import argument, attribution, resolve_sources
from dateline.events.draft import Draft
from dateline.events.ontology import Ontology
from dateline.events.scope import date_for
from dateline.events.trace import Argument
from dateline.events.triggers import place_like
from dateline.events.words import words_of
from dateline.records import Actor, Article, DateRef, Event, Place, Plover
from dateline.records import Span as TextSpan
from dateline.where import EventPlaces, Gazetteer


class TargetBasis(StrEnum):
    """Where the targets of an event came from."""

    ACTOR = "actor"  # a head the resolver resolved to actors
    PLACE = "place"  # a place name that is no actor, standing for its country's territory


@dataclass(frozen=True)
class EventBuilder:
    ontology: Ontology
    kb: KnowledgeBase
    gazetteer: Gazetteer | None = None

    def build(self, draft: Draft, sent: Span, index: int, article: Article, resolver: Resolver,
              tried: list[Argument], applied: list[str]) -> list[Event]:
        """The events of one reading (one per source unless reciprocal); [] when no source resolves."""
        attributed = attribution(draft.anchor, resolver)
        if rules.about_disaster(draft):
            applied.append("disaster as object")
            return []
        source = resolve_sources(resolver, draft.source, tried)
        implied = rules.implicit_agent(draft) if not source else None  # "three activists WERE ARRESTED": police
        applied += ["implicit agent"] if implied else []
        source = [implied] if implied else source
        if not source:
            return []
        target, basis = self._targets(draft, resolver, tried)
        sides = rules.reciprocal_sides(draft, source)  # "Israeli and Lebanese negotiators held talks"
        if sides is not None:
            (source, target), basis = sides, TargetBasis.ACTOR
            applied.append("reciprocal sides")
        target = [a for a in target if a.code not in {s.code for s in source} or len(source) > 1]
        if source and target:
            resolver.note_pair(source[0], target[0])
        when = date_for(draft.trigger, draft.anchor, article.date)
        source, target, location = self._locate(draft, article, resolver, source, target, basis, when, applied)
        armed = words_of(draft.trigger).armed_non_state_sectors
        source = [a for a in source if a.country or a.sector in armed or a.code != a.sector]
        if not source:
            return []  # "people", "the company" with no country: not a political actor
        if not target:
            found = rules.place_as_target(draft, location)  # "abducted schoolgirls in northeast Nigeria": NGA
            applied += ["place as target"] if found else []
            target = [found] if found else []
        if not target:
            found = rules.home_as_target(draft, source[0])  # "French unions staged a strike": against France
            applied += ["home country as target"] if found else []
            target = [found] if found else []
        applied += ["one event per source"] if len(rules.source_groups(draft, source)) > 1 else []
        events = self._events(draft, sent, index, article, source, target, when, location, attributed)
        if rules.both_directions(sides, source, target):  # "Russia and Turkey agreed": RUS>TUR and TUR>RUS
            applied.append("both directions")
            events += self._events(draft, sent, index, article, target, source, when, location, attributed)
        return events

    def _locate(self, draft: Draft, article: Article, resolver: Resolver, source: list[Actor], target: list[Actor],
                basis: TargetBasis, when: DateRef, applied: list[str]) -> tuple[list[Actor], list[Actor], Place | None]:
        """The event's place (where.EventPlaces), and the country of actors that have none
        (actors.countries, its passes in order)."""
        places, context = self.places, resolver.recent_countries()
        if places is None:
            target = countries.targets_from_source(source, target)
            return countries.source_from_targets(source, target), target, None
        location = places.of_event(draft.anchor, draft.trigger, context)
        if location is None and basis is TargetBasis.PLACE:
            location = places.of_targets([(a.text, a.start, a.end) for a in target])
        if location is None or any(a.country is None for a in source):
            own = places.of_actors(draft.source, context)  # "a court IN ISTANBUL", "students IN DHAKA"
            if own is not None and own.country:
                source, location = countries.from_place(source, own), location or own
        if location is None and rules.not_at_dateline(draft, article.dateline_place):
            applied.append("phone call not at the dateline")  # the callers are each in their own capital
        elif location is None:
            location = self._dateline_place(article, [*source, *target], when)
        source, target = countries.from_place(source, location), countries.from_place(target, location)
        target = countries.targets_from_source(source, target)
        if countries.any_unknown([*source, *target]):  # "schoolchildren marched through Dhaka TO PROTEST"
            near = places.in_sentence(draft.trigger.sent, context)
            source = countries.from_place(source, near, countries.SENTENCE_PLACE)
            target = countries.from_place(target, near, countries.SENTENCE_PLACE)
        return countries.source_from_targets(source, target), target, location

    def _events(self, draft: Draft, sent: Span, index: int, article: Article, source: list[Actor],
                target: list[Actor], when: DateRef, location: Place | None, attributed: str | None) -> list[Event]:
        info = self.ontology.get(draft.code)
        trigger = TextSpan(draft.trigger.text, draft.trigger.idx, draft.trigger.idx + len(draft.trigger))
        groups = rules.source_groups(draft, source)  # "Canada and Britain imposed sanctions": one act by each
        return [Event(
            article_id=article.id, sentence_index=index, sentence=sent.text.strip(), trigger=trigger,
            cameo=info.code,
            plover=Plover(info.plover_event, info.plover_mode or None, info.plover_context or None),
            quad_class=info.quad_class, goldstein=info.goldstein, source=tuple(group),
            target=tuple(target), date=when, location=location,
            negated=draft.negated, modality=draft.modality, attributed_to=attributed,
            confidence=_confidence(draft, group, target),
        ) for group in groups]

    def _targets(self, draft: Draft, resolver: Resolver, tried: list[Argument]) -> tuple[list[Actor], TargetBasis]:
        """The actors of the best-ranked candidate target that names any; a named place that is no
        actor stands for its country's territory."""
        for rank, head in enumerate(draft.target):
            found = [a for a in resolver.resolve(head) if a.code]
            basis = TargetBasis.ACTOR
            if draft.place_target:
                found = [_as_place_actor(a) for a in found]
            if not found and (draft.place_target or place_like(head)):
                found, basis = self._place_actors([head], resolver), TargetBasis.PLACE
            tried.append(argument("target", head, rank, len(draft.target), found, draft.evidence.get(head.i)))
            if found:
                return list(dict.fromkeys(found)), basis
        return [], TargetBasis.ACTOR

    @property
    def places(self) -> EventPlaces | None:
        return EventPlaces(self.gazetteer) if self.gazetteer is not None else None

    def _place_actors(self, heads: list[Token], resolver: Resolver) -> list[Actor]:
        """A seized or entered place that is not a known actor: its country, from the gazetteer."""
        if self.places is None:
            return []
        context = resolver.recent_countries() | ({resolver.home} if resolver.home else set())
        found = [self.places.named(head, context) for head in heads]
        return [Actor(p.text or "", p.start or 0, p.end or 0, p.country, p.name, p.country, None,
                      f"place {p.name!r} ({p.feature}) in {p.country}") for p in found if p is not None]

    def _dateline_place(self, article: Article, actors: list[Actor], when: DateRef) -> Place | None:
        """The dateline city for an event told as news of the day from there: one of its actors
        is of the dateline's country and it has no earlier date of its own. The place was geocoded
        once before coding (`Article.dateline_geo`, `pipeline.with_dateline`)."""
        place = article.dateline_geo
        if place is None:
            return None
        if place.name is None or place.country not in {a.country for a in actors}:
            return None
        if when.basis == "explicit" or (when.value and article.date and
                                        abs((article.date - when.value).days) > 2):
            return None
        return replace(place, feature=f"{place.feature}; dateline")


def _as_place_actor(actor: Actor) -> Actor:
    """A captured or entered place is the country's territory, not its government."""
    if actor.country and actor.code and actor.code.startswith(actor.country):
        return replace(actor, code=actor.country, sector=None, rule=f"{actor.rule}; place")
    return actor


def _confidence(draft: Draft, source: list[Actor], target: list[Actor]) -> float:
    score = 0.55
    score += 0.15 if target else 0.0
    score += 0.1 if len(draft.code) >= 3 and not draft.code.endswith("0") else 0.0
    score += 0.1 if all(a.code and not is_unknown(a) for a in source) else 0.0
    score -= 0.15 if any(is_unknown(a) or not a.text for a in source) else 0.0  # "---" or an implicit agent
    score -= 0.2 if draft.modality != "asserted" else 0.0
    return max(0.05, min(1.0, score))
