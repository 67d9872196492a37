"""Building events from readings: resolve the argument heads to actors, place and date the act,
give actors without a country the country of the event, apply the event-stage rules (place as
target, home country as target) and score the event's confidence."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from spacy.tokens import Span, Token

from dateline.actors.kb import KnowledgeBase
from dateline.actors.resolver import Resolver, is_unknown, localise
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
from dateline.where import Gazetteer, event_place, place_name, sentence_place

PLACE_ENTITIES = {"GPE", "LOC", "FAC"}


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
        source, target, location = self._locate(draft, article, resolver, source, target, basis, when)
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
        events = self._events(draft, sent, index, article, source, target, when, location, attributed)
        if rules.both_directions(sides, source, target):  # "Russia and Turkey agreed": RUS>TUR and TUR>RUS
            applied.append("both directions")
            events += self._events(draft, sent, index, article, target, source, when, location, attributed)
        return events

    def _locate(self, draft: Draft, article: Article, resolver: Resolver, source: list[Actor], target: list[Actor],
                basis: TargetBasis, when: DateRef) -> tuple[list[Actor], list[Actor], Place | None]:
        """The event's place, and the country of actors that have none from it and from each other."""
        location = self._place(draft, resolver)
        if location is None and basis is TargetBasis.PLACE:
            location = _place_of_targets(target, self.gazetteer)
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
        if any(is_unknown(a) for a in [*source, *target]) and self.gazetteer is not None:
            # "schoolchildren marched through Dhaka TO PROTEST": a place elsewhere in the sentence
            near = sentence_place(draft.trigger.sent, self.gazetteer, self._context(resolver))
            if near is not None:
                source = [localise(a, near.country, "country of a place in the sentence") for a in source]
                target = [localise(a, near.country, "country of a place in the sentence") for a in target]
        abroad = next((a.country for a in target if a.country), None)
        if abroad:  # "rebel fighters seized Goma": Congolese rebels (an unknown name is no rebel of Goma)
            source = [localise(a, abroad, "country of the event's place", names=False) for a in source]
        return source, target, location

    def _events(self, draft: Draft, sent: Span, index: int, article: Article, source: list[Actor],
                target: list[Actor], when: DateRef, location: Place | None, attributed: str | None) -> list[Event]:
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

    def _context(self, resolver: Resolver) -> frozenset[str]:
        return resolver.recent_countries()

    def _place_actors(self, heads: list[Token], resolver: Resolver) -> list[Actor]:
        """A seized or entered place that is not a known actor: its country, from the gazetteer."""
        if self.gazetteer is None:
            return []
        context = self._context(resolver)
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
        is of the dateline's country, it has no earlier date of its own, it is not a phone call. The
        place was geocoded once before coding (`Article.dateline_geo`, `pipeline.with_dateline`)."""
        place = article.dateline_geo
        if place is None or draft.code.startswith("041"):
            return None
        if place.name is None or place.country not in {a.country for a in actors}:
            return None
        if when.basis == "explicit" or (when.value and article.date and
                                        abs((article.date - when.value).days) > 2):
            return None
        return replace(place, feature=f"{place.feature}; dateline")

    def _actor_place(self, heads: list[Token], resolver: Resolver) -> Place | None:
        """The place an actor phrase names for itself: 'students AT UNIVERSITIES IN BELGRADE'."""
        if self.gazetteer is None:
            return None
        context = self._context(resolver)
        for head in heads:
            place = event_place(head, head, self.gazetteer, context)
            if place is not None:
                return place
        return None

    def _place(self, draft: Draft, resolver: Resolver) -> Place | None:
        if self.gazetteer is None:
            return None
        return event_place(draft.anchor, draft.trigger, self.gazetteer, self._context(resolver))


def _place_of_targets(targets: list[Actor], gazetteer: Gazetteer | None) -> Place | None:
    """'shelled the city of Kharkiv', 'seized the town of Goma': the place acted on is where."""
    for actor in targets:
        if gazetteer is not None:
            place = gazetteer.geocode(actor.text)
            if place.name:
                return replace(place, text=actor.text, start=actor.start, end=actor.end)
    return None


def _localise(actor: Actor, country: str) -> Actor:
    """'Protesters' with no country, in an event located in Tbilisi: Georgian protesters."""
    return localise(actor, country, "country of the event's place")


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
