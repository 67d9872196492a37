"""Country assignment: actors with no country of their own ("protesters", "police", a name the
knowledge base lacks) take one from what the event says about where it happened and who it involves.

The passes, in order (each leaves actors that have a country alone):
1. the place the actors' own phrase names ("a court IN ISTANBUL", "students IN DHAKA");
2. the event's place (its locative phrase, the place acted on, or the wire dateline);
3. the source's country for its targets ("Kenyan police warned opposition supporters");
4. a place elsewhere in the sentence ("marched through Dhaka TO PROTEST"), for actors still unknown;
5. the target's country for the source ("rebel fighters seized Goma"), never for an unknown name nor
   for a government or legislature ("the government expelled three Russian diplomats" is not
   Russian; "President X threatened Russia" is not either).
"""

from __future__ import annotations

from dateline.actors.resolver import is_unknown, localise
from dateline.records import Actor, Place

EVENT_PLACE = "country of the event's place"
SENTENCE_PLACE = "country of a place in the sentence"
OFFICE_SECTORS = frozenset({"GOV", "LEG"})  # governments and legislatures: their country is not the target's


def from_place(actors: list[Actor], place: Place | None, why: str = EVENT_PLACE) -> list[Actor]:
    """Passes 1, 2 and 4: the country of `place` (when it has one)."""
    if place is None or not place.country:
        return actors
    return [localise(a, place.country, why) for a in actors]


def targets_from_source(source: list[Actor], target: list[Actor]) -> list[Actor]:
    """Pass 3: people acted on by a country's body are its own."""
    home = next((a.country for a in source if a.country), None)
    return [localise(a, home, EVENT_PLACE) for a in target] if home else target


def source_from_targets(source: list[Actor], target: list[Actor]) -> list[Actor]:
    """Pass 5: armed or civic actors acting on a country's people or places are of that country."""
    abroad = next((a.country for a in target if a.country), None)
    if abroad is None:
        return source
    return [a if a.sector in OFFICE_SECTORS else localise(a, abroad, EVENT_PLACE, names=False) for a in source]


def any_unknown(actors: list[Actor]) -> bool:
    return any(is_unknown(a) for a in actors)
