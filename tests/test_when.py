"""Temporal expressions: finding them in text and resolving them against the publication date.

Expected values were worked out by hand from a calendar (2021-07-22 was a Thursday, 2021-08-25 a
Wednesday, 2024-02-29 a Thursday, 2023-01-02 a Monday, 2019-12-31 a Tuesday).
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline import when

THU = date(2021, 7, 22)
WED = date(2021, 8, 25)
LEAP = date(2024, 2, 29)
MON = date(2023, 1, 2)
NYE = date(2019, 12, 31)

# (expression, publication, tense, expected value, precision, basis)
CASES = [
    # weekdays, past tense: the latest such day on or before publication
    ("on Thursday", THU, "past", date(2021, 7, 22), "day", "relative"),
    ("Thursday", THU, "past", date(2021, 7, 22), "day", "relative"),
    ("on Wednesday", THU, "past", date(2021, 7, 21), "day", "relative"),
    ("on Tuesday", THU, "past", date(2021, 7, 20), "day", "relative"),
    ("on Monday", THU, "past", date(2021, 7, 19), "day", "relative"),
    ("on Sunday", THU, "past", date(2021, 7, 18), "day", "relative"),
    ("on Saturday", THU, "past", date(2021, 7, 17), "day", "relative"),
    ("on Friday", THU, "past", date(2021, 7, 16), "day", "relative"),
    ("last Monday", THU, "past", date(2021, 7, 19), "day", "relative"),
    ("last Thursday", THU, "past", date(2021, 7, 15), "day", "relative"),
    ("Tuesday morning", THU, "past", date(2021, 7, 20), "day", "relative"),
    ("on Saturday night", THU, "past", date(2021, 7, 17), "day", "relative"),
    ("Friday evening", THU, "past", date(2021, 7, 16), "day", "relative"),
    ("on Monday", WED, "past", date(2021, 8, 23), "day", "relative"),
    ("on Tuesday", WED, "past", date(2021, 8, 24), "day", "relative"),
    ("on Wednesday", WED, "past", date(2021, 8, 25), "day", "relative"),
    ("on Thursday", WED, "past", date(2021, 8, 19), "day", "relative"),
    ("on Friday", WED, "past", date(2021, 8, 20), "day", "relative"),
    ("on Sunday", WED, "past", date(2021, 8, 22), "day", "relative"),
    ("on Wednesday", LEAP, "past", date(2024, 2, 28), "day", "relative"),
    ("on Friday", LEAP, "past", date(2024, 2, 23), "day", "relative"),
    ("on Sunday", MON, "past", date(2023, 1, 1), "day", "relative"),
    ("on Friday", MON, "past", date(2022, 12, 30), "day", "relative"),
    ("on Monday", NYE, "past", date(2019, 12, 30), "day", "relative"),
    ("on Saturday", NYE, "past", date(2019, 12, 28), "day", "relative"),
    # weekdays, future tense: the next such day
    ("on Thursday", THU, "future", date(2021, 7, 29), "day", "relative"),
    ("on Friday", THU, "future", date(2021, 7, 23), "day", "relative"),
    ("on Monday", THU, "future", date(2021, 7, 26), "day", "relative"),
    ("on Sunday", THU, "future", date(2021, 7, 25), "day", "relative"),
    ("next Monday", THU, "future", date(2021, 7, 26), "day", "relative"),
    ("on Thursday", WED, "future", date(2021, 8, 26), "day", "relative"),
    ("on Friday", NYE, "future", date(2020, 1, 3), "day", "relative"),
    ("on Wednesday", NYE, "future", date(2020, 1, 1), "day", "relative"),
    ("on Saturday", LEAP, "future", date(2024, 3, 2), "day", "relative"),
    # deictic words
    ("yesterday", THU, "past", date(2021, 7, 21), "day", "relative"),
    ("today", THU, "past", date(2021, 7, 22), "day", "relative"),
    ("last night", THU, "past", date(2021, 7, 21), "day", "relative"),
    ("the day before yesterday", THU, "past", date(2021, 7, 20), "day", "relative"),
    ("the previous day", THU, "past", date(2021, 7, 21), "day", "relative"),
    ("yesterday", MON, "past", date(2023, 1, 1), "day", "relative"),
    ("yesterday", date(2024, 3, 1), "past", date(2024, 2, 29), "day", "relative"),
    ("yesterday", date(2021, 1, 1), "past", date(2020, 12, 31), "day", "relative"),
    ("today", NYE, "present", date(2019, 12, 31), "day", "relative"),
    ("this morning", THU, "past", date(2021, 7, 22), "day", "relative"),
    ("earlier today", THU, "past", date(2021, 7, 22), "day", "relative"),
    # counted distances
    ("two days ago", THU, "past", date(2021, 7, 20), "day", "relative"),
    ("three days ago", MON, "past", date(2022, 12, 30), "day", "relative"),
    ("10 days ago", THU, "past", date(2021, 7, 12), "day", "relative"),
    ("a day ago", THU, "past", date(2021, 7, 21), "day", "relative"),
    ("two months ago", THU, "past", date(2021, 5, 1), "month", "relative"),
    ("a month ago", MON, "past", date(2022, 12, 1), "month", "relative"),
    ("six months ago", THU, "past", date(2021, 1, 1), "month", "relative"),
    ("a year ago", THU, "past", date(2020, 1, 1), "year", "relative"),
    ("two years ago", THU, "past", date(2019, 1, 1), "year", "relative"),
    ("five years ago", NYE, "past", date(2014, 1, 1), "year", "relative"),
    # weeks
    ("last week", THU, "past", date(2021, 7, 12), "week", "relative"),
    ("this week", THU, "past", date(2021, 7, 19), "week", "relative"),
    ("earlier this week", THU, "past", date(2021, 7, 19), "week", "relative"),
    ("next week", THU, "future", date(2021, 7, 26), "week", "relative"),
    ("the past week", THU, "past", date(2021, 7, 12), "week", "relative"),
    ("the coming week", THU, "future", date(2021, 7, 26), "week", "relative"),
    ("last week", MON, "past", date(2022, 12, 26), "week", "relative"),
    ("last week", WED, "past", date(2021, 8, 16), "week", "relative"),
    ("next week", NYE, "future", date(2020, 1, 6), "week", "relative"),
    ("next Friday", NYE, "future", date(2020, 1, 3), "day", "relative"),
    ("this Friday", THU, "future", date(2021, 7, 23), "day", "relative"),
    ("over the weekend", THU, "past", date(2021, 7, 17), "week", "relative"),
    # months, relative
    ("last month", THU, "past", date(2021, 6, 1), "month", "relative"),
    ("last month", MON, "past", date(2022, 12, 1), "month", "relative"),
    ("this month", THU, "past", date(2021, 7, 1), "month", "relative"),
    ("earlier this month", THU, "past", date(2021, 7, 1), "month", "relative"),
    ("earlier this month", WED, "past", date(2021, 8, 1), "month", "relative"),
    ("next month", THU, "future", date(2021, 8, 1), "month", "relative"),
    ("next month", NYE, "future", date(2020, 1, 1), "month", "relative"),
    ("later this month", THU, "future", date(2021, 7, 1), "month", "relative"),
    # years, relative
    ("last year", THU, "past", date(2020, 1, 1), "year", "relative"),
    ("this year", THU, "past", date(2021, 1, 1), "year", "relative"),
    ("earlier this year", THU, "past", date(2021, 1, 1), "year", "relative"),
    ("next year", THU, "future", date(2022, 1, 1), "year", "relative"),
    ("next year", THU, "present", date(2022, 1, 1), "year", "relative"),
    ("next year", NYE, "future", date(2020, 1, 1), "year", "relative"),
    ("last year", MON, "past", date(2022, 1, 1), "year", "relative"),
    ("late last year", THU, "past", date(2020, 9, 1), "year", "relative"),
    ("early next year", THU, "future", date(2022, 1, 1), "year", "relative"),
    # month and day, no year: past tense looks back, future looks ahead
    ("On August 15", WED, "past", date(2021, 8, 15), "day", "explicit"),
    ("August 15", WED, "past", date(2021, 8, 15), "day", "explicit"),
    ("on July 5", THU, "past", date(2021, 7, 5), "day", "explicit"),
    ("On May 19", THU, "past", date(2021, 5, 19), "day", "explicit"),
    ("on April 14", THU, "past", date(2021, 4, 14), "day", "explicit"),
    ("on July 13", THU, "past", date(2021, 7, 13), "day", "explicit"),
    ("on July 22", THU, "past", date(2021, 7, 22), "day", "explicit"),
    ("December 25", THU, "past", date(2020, 12, 25), "day", "explicit"),
    ("December 25", THU, "future", date(2021, 12, 25), "day", "explicit"),
    ("on August 15", THU, "past", date(2020, 8, 15), "day", "explicit"),
    ("on August 15", THU, "future", date(2021, 8, 15), "day", "explicit"),
    ("on July 5", THU, "future", date(2022, 7, 5), "day", "explicit"),
    ("Jan. 3", THU, "past", date(2021, 1, 3), "day", "explicit"),
    ("Sept. 11", THU, "past", date(2020, 9, 11), "day", "explicit"),
    ("Feb 29", LEAP, "past", date(2024, 2, 29), "day", "explicit"),
    ("December 30", MON, "past", date(2022, 12, 30), "day", "explicit"),
    ("January 5", NYE, "future", date(2020, 1, 5), "day", "explicit"),
    ("on 3 March", THU, "past", date(2021, 3, 3), "day", "explicit"),
    ("15 August", WED, "past", date(2021, 8, 15), "day", "explicit"),
    ("on 1st June", THU, "past", date(2021, 6, 1), "day", "explicit"),
    ("July 4th", THU, "past", date(2021, 7, 4), "day", "explicit"),
    # full dates
    ("15 August 2021", WED, "past", date(2021, 8, 15), "day", "explicit"),
    ("June 1, 2020", THU, "past", date(2020, 6, 1), "day", "explicit"),
    ("on March 3, 2019", THU, "past", date(2019, 3, 3), "day", "explicit"),
    ("2021-08-15", WED, "past", date(2021, 8, 15), "day", "explicit"),
    ("2020-02-29", THU, "past", date(2020, 2, 29), "day", "explicit"),
    ("1 January 2000", THU, "past", date(2000, 1, 1), "day", "explicit"),
    ("on 9 November 1989", THU, "past", date(1989, 11, 9), "day", "explicit"),
    ("15 August 2021", THU, "future", date(2021, 8, 15), "day", "explicit"),
    ("2022-02-24", LEAP, "past", date(2022, 2, 24), "day", "explicit"),
    ("December 31, 2019", NYE, "past", date(2019, 12, 31), "day", "explicit"),
    # months
    ("in May", THU, "past", date(2021, 5, 1), "month", "explicit"),
    ("in May", THU, "future", date(2022, 5, 1), "month", "explicit"),
    ("in September", THU, "past", date(2020, 9, 1), "month", "explicit"),
    ("in September", THU, "future", date(2021, 9, 1), "month", "explicit"),
    ("in July", THU, "past", date(2021, 7, 1), "month", "explicit"),
    ("in December", MON, "past", date(2022, 12, 1), "month", "explicit"),
    ("in January", NYE, "future", date(2020, 1, 1), "month", "explicit"),
    ("March 2019", THU, "past", date(2019, 3, 1), "month", "explicit"),
    ("in October 2020", THU, "past", date(2020, 10, 1), "month", "explicit"),
    ("mid-July", THU, "past", date(2021, 7, 15), "month", "explicit"),
    ("late June", THU, "past", date(2021, 6, 1), "month", "explicit"),
    ("early March", THU, "past", date(2021, 3, 1), "month", "explicit"),
    ("the end of May", THU, "past", date(2021, 5, 20), "month", "explicit"),
    ("in late January 2020", THU, "past", date(2020, 1, 20), "month", "explicit"),
    ("early January", MON, "past", date(2023, 1, 1), "month", "explicit"),
    # years, seasons, quarters and halves
    ("in 2019", THU, "past", date(2019, 1, 1), "year", "explicit"),
    ("in 2014", NYE, "past", date(2014, 1, 1), "year", "explicit"),
    ("since 2014", THU, "past", date(2014, 1, 1), "year", "explicit"),
    ("during 2020", THU, "past", date(2020, 1, 1), "year", "explicit"),
    ("by 2030", THU, "future", date(2030, 1, 1), "year", "explicit"),
    ("in autumn", THU, "future", date(2021, 9, 1), "season", "relative"),
    ("in autumn", THU, "past", date(2020, 9, 1), "season", "relative"),
    ("in winter", THU, "future", date(2021, 12, 1), "season", "relative"),
    ("last summer", THU, "past", date(2020, 6, 1), "season", "relative"),
    ("next spring", THU, "future", date(2022, 3, 1), "season", "relative"),
    ("in the spring of 2020", THU, "past", date(2020, 3, 1), "season", "explicit"),
    ("in the fourth quarter of this year", THU, "future", date(2021, 10, 1), "quarter", "relative"),
    ("the first quarter of 2020", THU, "past", date(2020, 1, 1), "quarter", "explicit"),
    ("in the second half of 2019", THU, "past", date(2019, 7, 1), "month", "explicit"),
    ("in the first half of 2020", THU, "past", date(2020, 1, 1), "month", "explicit"),
    # contradictions of text and tense never put a past event after publication
    ("15 August 2021", THU, "past", THU, "day", "publication"),
    ("in the fourth quarter of this year", THU, "past", THU, "day", "publication"),
    ("by 2030", THU, "past", THU, "day", "publication"),
    ("early next year", THU, "past", THU, "day", "publication"),
    ("next week", THU, "past", THU, "day", "publication"),
]


@pytest.mark.parametrize(("expression", "pub", "tense", "value", "precision", "basis"), CASES,
                         ids=[f"{c[0]}|{c[1]}|{c[2]}" for c in CASES])
def test_resolve(expression, pub, tense, value, precision, basis):
    ref = when.resolve(expression, pub, tense)
    assert ref is not None, expression
    assert (ref.value, ref.precision, ref.basis) == (value, precision, basis)


def test_there_are_at_least_150_cases():
    assert len(CASES) >= 150


@pytest.mark.parametrize("expression", ["on Thursday", "yesterday", "last week", "in May", "next year"])
def test_without_publication_date_relative_expressions_have_no_value(expression):
    ref = when.resolve(expression, None, "past")
    assert ref is None or ref.value is None


def test_full_dates_need_no_publication_date():
    assert when.resolve("15 August 2021", None).value == date(2021, 8, 15)


def test_publication_fallback_says_so():
    assert when.publication_fallback(THU).basis == "publication"
    unknown = when.publication_fallback(None)
    assert unknown.value is None and unknown.basis == "unknown"


@pytest.mark.parametrize(("sentence", "found"), [
    ("The Taliban took Kabul on August 15, officials said.", ["on August 15"]),
    ("Putin spoke to Rahmon on Thursday and again two days ago.", ["on Thursday", "two days ago"]),
    ("The summit is scheduled for the fourth quarter of this year.", ["the fourth quarter of this year"]),
    ("Biden announced a decision on April 14 to end the mission.", ["on April 14"]),
    ("Talks will resume next week in Geneva.", ["next week"]),
    ("The ministers met in Dushanbe in autumn 2020.", ["autumn 2020"]),
    ("May said she would resign.", []),
    ("The 2021-2022 budget was approved.", []),
    ("Nothing happened.", []),
    ("Troops withdrew earlier this month, the Pentagon said on 13 July.", ["earlier this month", "on 13 July"]),
])
def test_find_date_expressions(sentence, found):
    texts = [m.text.strip() for m in when.find_date_expressions(sentence)]
    assert [t.lower() for t in texts] == [f.lower() for f in found] or all(
        any(f.lower() in t.lower() for t in texts) for f in found) and len(texts) == len(found)


@pytest.mark.parametrize(("tag", "aux", "tense"), [
    ("VBD", [], "past"), ("VBN", ["have"], "past"), ("VB", ["will"], "future"),
    ("VBZ", [], "present"), ("VBG", ["be", "going"], "future"),
])
def test_tense_of(tag, aux, tense):
    assert when.tense_of(tag, aux) == tense


EXPRESSIONS = st.sampled_from([c[0] for c in CASES] + ["", "   ", "on", "the", "Mayday", "in 1700",
                                                        "31 February 2021", "on Funday", "99 days ago"])


@settings(max_examples=300, deadline=None)
@given(EXPRESSIONS, st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31)),
       st.sampled_from(["past", "present", "future"]))
def test_resolution_never_crashes_and_never_dates_the_past_after_publication(expression, pub, tense):
    ref = when.resolve(expression, pub, tense)
    if ref is not None and ref.value is not None and tense == "past":
        assert ref.value <= pub


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_finding_never_crashes_on_any_text(text):
    for match in when.find_date_expressions(text):
        assert text[match.start:match.end] == match.text
