"""Temporal expressions: find them in a sentence and resolve them against the publication date.

`find_date_expressions` is regex- and lexicon-based; `resolve` turns one expression into a DateRef
with precision (day, week, month, season, quarter, year) and basis (explicit, relative). Tense
decides the direction of a bare weekday or month: a past-tense "Thursday" is the latest Thursday on
or before publication, a future one the next. Without a publication date, anything relative
resolves to value None with basis "unknown": never a made-up date.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from dateline.lexicon import Lexicon, default_lexicon
from dateline.lexicon import words_pattern as _any
from dateline.records import DateRef

# Every word of a date expression lives in data/lexicon/dates.yaml; `spellings(lexicon)` spells a
# lexicon's words as the regular expressions below, once per lexicon. Each function reads the
# lexicon it is given (the settings' lexicon, from the parse the coder dates), else the bundled one.
# Left in the patterns: digits, and the few glue words of their grammar ("the", "of", "on", "in",
# "ago", "quarter", "half", "year").

_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19[5-9][0-9]|20[0-9][0-9])"


def _alternation(names: list[str], abbreviations: Sequence[str] = ()) -> str:
    """Names as written ("January"), then abbreviations with an optional dot ("Jan.")."""
    spelt = [re.escape(n.title()) for n in names] + [re.escape(a.title()) + r"\.?" for a in abbreviations]
    return "(?:" + "|".join(spelt) + ")"


@dataclass(frozen=True)
class Words:
    """The words of a lexicon's date entries as regular-expression groups."""

    season: str  # seasons
    number: str  # numbers, or one or two digits
    unit: str  # time_units of a duration, with an optional plural s ('two weeks ago')
    modifier: str  # date_modifiers ('LAST March')
    month_prefix: str  # date_prepositions and date_modifiers before a month
    year_prefix: str  # date_prepositions and 'of' before a year
    strip: str  # date_prepositions, 'on' and 'of': dropped before resolving
    weekday_prefix: str  # 'on' and date_modifiers before a weekday
    month_part: str  # month_parts ('MID-March')
    year_part: str  # year_parts ('LATE 2023')
    quarter: str  # quarter_ordinals
    half: str  # quarter_ordinals of the first two quarters (of halves)
    this_year: str  # a date modifier that moves time (relative_steps) and 'year': 'last year'
    step: str  # relative_steps
    shift: str  # unit_shifts
    this: str  # relative_steps that stay (step 0)
    rel_unit: str  # time_units after a relative step: week, month, year, weekend
    this_unit: str  # time_units after 'earlier this': week, month, year
    day_part: str  # day_parts
    deictic: str  # deictic_days and deictic_weekends
    leading: str  # leading_words
    before_the: str  # what 'the' is dropped before: relative_steps that move, seasons
    forward: str  # direction_words of the future
    backward: str  # direction_words of the past


def _units(lex: Lexicon, *kinds: str) -> list[str]:
    return [w for w, kind in lex.mapping("time_units").items() if kind in kinds]


def _words_of(lex: Lexicon) -> Words:
    steps = {w: int(n) for w, n in lex.mapping("relative_steps").items()}
    modifiers, prepositions = lex.words("date_modifiers"), lex.words("date_prepositions")
    quarters = lex.mapping("quarter_ordinals")
    directions = lex.mapping("direction_words")
    return Words(
        season=_any(lex.mapping("seasons")), number=rf"(?:{_any(lex.mapping('numbers'))}|\d{{1,2}})",
        unit=_any(_units(lex, "day", "week", "month", "year")) + "s?", modifier=_any(modifiers),
        month_prefix=_any(prepositions | modifiers), year_prefix=_any(prepositions | {"of"}),
        strip=_any(prepositions | {"on", "of"}), weekday_prefix=_any(modifiers | {"on"}),
        month_part=_any(lex.mapping("month_parts")), year_part=_any(lex.mapping("year_parts")),
        quarter=_any(quarters), half=_any(w for w, n in quarters.items() if int(n) <= 2),
        this_year=_any(f"{w} year" for w in modifiers if w in steps), step=_any(steps),
        shift=_any(lex.words("unit_shifts")), this=_any(w for w, n in steps.items() if n == 0),
        rel_unit=_any(_units(lex, "week", "month", "year", "weekend")),
        this_unit=_any(_units(lex, "week", "month", "year")), day_part=_any(lex.words("day_parts")),
        deictic=_any([*lex.mapping("deictic_days"), *lex.words("deictic_weekends")]),
        leading=_any(lex.words("leading_words")),
        before_the=_any([*(w for w, n in steps.items() if n), *lex.mapping("seasons")]),
        forward=_any(w for w, d in directions.items() if d == "future"),
        backward=_any(w for w, d in directions.items() if d == "past"))


@dataclass(frozen=True)
class Spellings:
    """The words of a lexicon (data/lexicon/dates.yaml) as regular expressions, compiled once."""

    month: str  # a full name, or an abbreviation with its dot: "January", "Jan.", "Sept"
    long_month: str  # a full name that is no common word (not "March", "May"): a date on its own
    weekday: str
    any_month: str  # every name and abbreviation, longest first, then an optional dot (datelines)
    common: frozenset[str]  # the month names that are also common words
    words: Words
    patterns: tuple[tuple[str, re.Pattern[str]], ...]  # the kinds of expression, to find them
    full: Mapping[str, re.Pattern[str]]  # the shapes of an expression, to resolve it (full matches)
    lookalikes: tuple[str, ...]  # date_lookalikes: names that start with a date word ('Sunday Times')
    nouns: re.Pattern[str]  # noun_date_words: no date after 'the' or 'a'


@lru_cache(maxsize=8)
def spellings(lexicon: Lexicon) -> Spellings:
    """The names of `lexicon`'s `months` and `weekdays` maps and its other date words as patterns,
    once per lexicon. An abbreviation is a name that starts another name of the same month ("Sep"
    of "September")."""
    months = {name: int(n) for name, n in lexicon.mapping("months").items()}
    short = {a for a in months if any(o != a and o.startswith(a) and months[o] == months[a] for o in months)}
    by_month = sorted(months, key=lambda name: (months[name], -len(name), name))
    full = [name for name in by_month if name not in short]
    common = lexicon.words("common_word_months")
    weekdays = lexicon.mapping("weekdays")
    month = _alternation(full, [name for name in by_month if name in short])
    weekday = _alternation(sorted(weekdays, key=lambda name: (int(weekdays[name]), -len(name), name)))
    long_month = _alternation([name for name in full if name not in common])
    words = _words_of(lexicon)
    compiled = tuple((kind, re.compile(rx, re.IGNORECASE if kind in _CASELESS else 0))
                     for kind, rx in _patterns(month, long_month, weekday, words))
    shapes = {name: re.compile(rx, flags) for name, (rx, flags) in _shapes(month, weekday, words).items()}
    nouns = re.compile(rf"(?i){_any(lexicon.words('noun_date_words'))}\b")
    return Spellings(month, long_month, weekday, _alternation(by_month) + r"\.?", common, words, compiled,
                     shapes, tuple(sorted(lexicon.words("date_lookalikes"))), nouns)


def _patterns(month: str, long_month: str, weekday: str, w: Words) -> list[tuple[str, str]]:
    """The kinds of temporal expression, most specific first, with the lexicon's words."""
    return [
        ("iso", rf"\b(?i:on\s+)?{_YEAR}-[01]\d-[0-3]\d\b"),
        ("day_month_year", rf"\b(?i:on\s+)?{_DAY}\s+{month}(?:,)?\s+{_YEAR}\b"),
        ("month_day_year", rf"\b(?i:on\s+)?{month}\s+{_DAY},?\s+{_YEAR}\b"),
        ("day_month", rf"\b(?i:on\s+)?{_DAY}\s+{month}(?![a-z])"),
        ("month_day", rf"\b(?i:on\s+)?{month}\s+{_DAY}\b(?!,?\s*{_YEAR})(?![%\d])"),
        ("part_month", rf"\b(?i:in\s+)?(?i:{w.month_part})[\s-](?:of\s+)?{month}(?:\s+{_YEAR})?\b"),
        ("month_year", rf"\b(?i:in\s+)?{month}\s+{_YEAR}\b"),
        ("in_month", rf"\b(?i:{w.month_prefix})\s+{month}(?![a-z])"),
        ("long_month", rf"(?<![A-Z][a-z] )\b{long_month}\b(?!\s+[A-Z])"),
        ("quarter", rf"\b(?i:in\s+)?the\s+{w.quarter}\s+quarter\s+of\s+(?:{w.this_year}|{_YEAR})\b"),
        ("half", rf"\b(?i:in\s+)?the\s+{w.half}\s+half\s+of\s+(?:{w.this_year}|{_YEAR})\b"),
        ("part_year", rf"\b(?i:in\s+)?(?i:{w.year_part})[\s-](?:of\s+)?(?:{_YEAR}|{w.this_year})\b"),
        ("year", rf"\b(?i:{w.year_prefix})\s+{_YEAR}\b(?![-/]\d)"),
        ("season", rf"\b(?:in\s+(?:the\s+)?)?(?:{w.modifier}\s+)?{w.season}(?:\s+(?:of\s+)?{_YEAR})?\b"),
        ("ago", rf"\b{w.number}\s+{w.unit}\s+ago\b"),
        ("rel_unit", rf"\b(?:{w.shift}\s+)?{w.step}\s+{w.rel_unit}\b"),
        ("earlier_this", rf"\b{w.shift}\s+(?:{w.this}|in the)\s+{w.this_unit}\b"),
        ("weekday", rf"\b(?:(?i:{w.weekday_prefix})\s+)?{weekday}(?:'s)?(?:\s+{w.day_part})?\b"),
        ("deictic", rf"\b{w.deictic}\b"),
    ]


_CASELESS = {"ago", "rel_unit", "earlier_this", "deictic", "season", "quarter", "half", "part_year"}


def _shapes(month: str, weekday: str, w: Words) -> dict[str, tuple[str, int]]:
    """The shapes `resolve` reads an expression by (full matches), with their flags."""
    return {
        "strip": (rf"^{w.strip}\s+", re.I),
        "iso": (r"(\d{4})-(\d\d)-(\d\d)", 0),
        "day_month_year": (rf"({_DAY})\s+({month}),?\s+({_YEAR})", re.I),
        "month_day_year": (rf"({month})\s+({_DAY}),?\s+({_YEAR})", re.I),
        "day_month": (rf"({_DAY})\s+({month})", re.I),
        "month_day": (rf"({month})\s+({_DAY})", re.I),
        "month_year": (rf"({month})\s+({_YEAR})", re.I),
        "month": (rf"(?:({w.modifier})\s+)?({month})", re.I),
        "part_month": (rf"(?:the\s+)?({w.month_part})[\s-](?:of\s+)?({month})(?:\s+({_YEAR}))?", re.I),
        "year": (rf"({_YEAR})", 0),
        "quarter": (rf"(?:the\s+)?({w.quarter})\s+(quarter|half)\s+of\s+({w.this_year}|{_YEAR})", 0),
        "part_year": (rf"(?:the\s+)?({w.year_part})[\s-](?:of\s+)?({_YEAR}|{w.this_year})", 0),
        "season": (rf"(?:in\s+(?:the\s+)?)?(?:({w.modifier})\s+)?({w.season})(?:\s+(?:of\s+)?({_YEAR}))?", re.I),
        "ago": (rf"({w.number})\s+({w.unit})\s+ago", 0),
        "rel_unit": (rf"(?:{w.shift} )?({w.step})\s+({w.rel_unit})", 0),
        "earlier_this": (rf"{w.shift}\s+(?:{w.this}|in the)\s+({w.this_unit})", 0),
        "deictic": (w.deictic, 0),
        "weekday": (rf"(?:({w.weekday_prefix})\s+)?({weekday})(?:'s)?(?:\s+{w.day_part})?", re.I),
        "leading": (rf"^(?:{w.leading}\s+)?(?:the\s+(?={w.before_the}))?", re.I),
        "forward": (rf"\b{w.forward}\b", re.I),
        "backward": (rf"\b{w.backward}\b", re.I),
    }


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    text: str


WHEN_SCAN = 5000
"""The most characters of one sentence searched for dates (every pattern is linear; this bounds the
work on a run-on 'sentence' of a page without punctuation)."""


def find_date_expressions(text: str, lexicon: Lexicon | None = None) -> list[DateMatch]:
    """Temporal expressions in the first WHEN_SCAN characters of `text`, non-overlapping, longest
    first, in text order (the month and weekday names of `lexicon`)."""
    names = spellings(lexicon or default_lexicon())
    text = text[:WHEN_SCAN]
    found: list[tuple[int, int]] = []
    taken = bytearray(len(text))  # characters inside an expression already found
    for _kind, rx in names.patterns:
        for m in rx.finditer(text):
            start, end = m.span()
            if any(taken[start:end]):
                continue
            if not _plausible(text, m.group(0), start, names):
                continue
            found.append((start, end))
            taken[start:end] = b"\x01" * (end - start)
    found.sort()
    return [DateMatch(s, e, text[s:e]) for s, e in found]


def _plausible(text: str, expr: str, start: int, names: Spellings) -> bool:
    """A month name that is a common word ('may', 'march') is a date only with a day after it."""
    lower = expr.lower()
    common = names.common
    word = next((w for w in common if lower.startswith(f"{w} ")), None)
    if word is not None and re.fullmatch(rf"{re.escape(word)}\s+\d.*", lower) is None:
        return False
    if lower in common:
        return False
    before = text[max(0, start - 8) : start].lower()
    if names.lookalikes and text[start:].lower().startswith(names.lookalikes):
        return False
    return not before.endswith(("the ", "a ")) or not names.nouns.match(expr)


# -- resolution -----------------------------------------------------------------------------------

def _ref(value: date | None, precision: str, text: str, basis: str) -> DateRef:
    if value is None:
        return DateRef(None, "unknown", text, "unknown")
    return DateRef(value, precision, text, basis)


def _strip(expr: str, names: Spellings) -> str:
    return names.full["strip"].sub("", expr.strip())


def _month(word: str, lex: Lexicon) -> int | None:
    value = lex.mapping("months").get(word.lower().rstrip("."))
    return int(value) if value is not None else None


def _day(word: str) -> int:
    return int(re.sub(r"\D", "", word))


def _step(word: str | None, lex: Lexicon) -> int | None:
    """How many units `word` moves time ('last' -1, 'next' 1, 'this' 0), None for other words."""
    step = lex.mapping("relative_steps").get((word or "").lower())
    return None if step is None else int(step)


def _direction(word: str | None, tense: str, lex: Lexicon) -> str:
    """future after a word that moves time forward ('next'), past after one that moves it back."""
    step = _step(word, lex)
    return tense if not step else "future" if step > 0 else "past"


def _pick_year(month: int, day: int, pub: date, tense: str) -> date | None:
    try:
        candidate = date(pub.year, month, day)
    except ValueError:
        return None
    if tense != "future" and candidate > pub + timedelta(days=1):
        return _safe(pub.year - 1, month, day)
    if tense == "future" and candidate < pub:
        return _safe(pub.year + 1, month, day)
    return candidate


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _absolute(expr: str, pub: date | None, tense: str, lex: Lexicon) -> DateRef | None:
    full = spellings(lex).full
    text = _strip(expr, spellings(lex))
    m = full["iso"].fullmatch(text)
    if m:
        return _ref(_safe(int(m[1]), int(m[2]), int(m[3])), "day", expr, "explicit")
    m = full["day_month_year"].fullmatch(text)
    if m:
        return _ref(_safe(int(m[3]), _month(m[2], lex) or 0, _day(m[1])), "day", expr, "explicit")
    m = full["month_day_year"].fullmatch(text)
    if m:
        return _ref(_safe(int(m[3]), _month(m[1], lex) or 0, _day(m[2])), "day", expr, "explicit")
    m = full["day_month"].fullmatch(text) or full["month_day"].fullmatch(text)
    if m:
        first_is_day = m[1][0].isdigit()
        day_word, month_word = (m[1], m[2]) if first_is_day else (m[2], m[1])
        value = _pick_year(_month(month_word, lex) or 0, _day(day_word), pub, tense) if pub else None
        return _ref(value, "day", expr, "explicit")
    return None


def _months(expr: str, pub: date | None, tense: str, lex: Lexicon) -> DateRef | None:
    full = spellings(lex).full
    text = _strip(expr, spellings(lex))
    m = full["month_year"].fullmatch(text)
    if m:
        return _ref(_safe(int(m[2]), _month(m[1], lex) or 0, 1), "month", expr, "explicit")
    m = full["month"].fullmatch(text)
    if m and _month(m[2], lex):
        month = _month(m[2], lex) or 1
        if pub is None:
            return _ref(None, "month", expr, "unknown")
        direction = _direction(m[1], tense, lex)
        value = _pick_year(month, 1, pub, direction)
        if direction != "future" and value and value.year == pub.year and month > pub.month:
            value = _safe(pub.year - 1, month, 1)
        return _ref(value, "month", expr, "explicit")
    m = full["part_month"].fullmatch(text)
    if m:
        day = int(lex.mapping("month_parts")[m[1].lower()])
        month = _month(m[2], lex) or 1
        if m[3]:
            return _ref(_safe(int(m[3]), month, day), "month", expr, "explicit")
        return _ref(_pick_year(month, day, pub, tense) if pub else None, "month", expr, "explicit")
    return None


def _years(expr: str, pub: date | None, tense: str, lex: Lexicon) -> DateRef | None:
    full = spellings(lex).full
    text = _strip(expr, spellings(lex)).lower()
    m = full["year"].fullmatch(text)
    if m:
        return _ref(date(int(m[1]), 1, 1), "year", expr, "explicit")
    m = full["quarter"].fullmatch(text)
    if m:
        year = _year_word(m[3], pub, lex)
        if year is None:
            return _ref(None, "quarter", expr, "unknown")
        n = int(lex.mapping("quarter_ordinals")[m[1]])
        month = (n - 1) * 3 + 1 if m[2] == "quarter" else (1 if n == 1 else 7)
        basis = "explicit" if m[3][0].isdigit() else "relative"
        return _ref(date(year, month, 1), "quarter" if m[2] == "quarter" else "month", expr, basis)
    m = full["part_year"].fullmatch(text)
    if m:
        year = _year_word(m[2], pub, lex)
        if year is None:
            return _ref(None, "year", expr, "unknown")
        month = int(lex.mapping("year_parts")[m[1]])
        return _ref(date(year, month, 1), "year", expr, "explicit" if m[2][0].isdigit() else "relative")
    return None


def _year_word(word: str, pub: date | None, lex: Lexicon) -> int | None:
    """A year ('2023') or a year from the publication's ('last year')."""
    if word[0].isdigit():
        return int(word)
    if pub is None:
        return None
    step = _step(word.split()[0], lex)
    if step is None:
        raise KeyError(word)
    return pub.year + step


def _seasons(expr: str, pub: date | None, tense: str, lex: Lexicon) -> DateRef | None:
    m = spellings(lex).full["season"].fullmatch(expr.strip())
    if not m:
        return None
    month = int(lex.mapping("seasons")[m[2].lower()])
    if m[3]:
        return _ref(date(int(m[3]), month, 1), "season", expr, "explicit")
    if pub is None:
        return _ref(None, "season", expr, "unknown")
    step = _step(m[1], lex)
    this_year = date(pub.year, month, 1)
    if step == 0:
        return _ref(this_year, "season", expr, "relative")
    direction = _direction(m[1], tense, lex)
    if direction == "future":
        value = this_year if this_year > pub else date(pub.year + 1, month, 1)
    else:
        value = this_year if this_year <= pub else date(pub.year - 1, month, 1)
        if step is not None and step < 0 and value.year == pub.year and pub < this_year + timedelta(days=91):
            value = date(pub.year - 1, month, 1)
    return _ref(value, "season", expr, "relative")


def _relative(expr: str, pub: date | None, tense: str, lex: Lexicon) -> DateRef | None:
    text = expr.strip().lower()
    full = spellings(lex).full
    for name, fn in _RELATIVE:
        m = full[name].fullmatch(text)
        if m:
            if pub is None:
                return _ref(None, "unknown", expr, "unknown")
            value, precision = fn(m, pub, lex)
            return _ref(value, precision, expr, "relative")
    return None


def _ago(m: re.Match, pub: date, lex: Lexicon) -> tuple[date, str]:
    n = int(lex.mapping("numbers").get(m[1]) or m[1])
    unit = _kind(m[2], lex)
    if unit == "day":
        return pub - timedelta(days=n), "day"
    if unit == "week":
        return pub - timedelta(weeks=n), "week"
    if unit == "month":
        return _add_months(pub.replace(day=1), -n), "month"
    return date(pub.year - n, 1, 1), "year"


def _kind(word: str, lex: Lexicon) -> str:
    """The kind of a unit of time ('days' -> day), from time_units."""
    units = lex.mapping("time_units")
    return str(units.get(word) or units[word[:-1]])


def _add_months(d: date, n: int) -> date:
    index = d.year * 12 + d.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def _moved(pub: date, step: int, unit: str) -> tuple[date, str]:
    """The unit of time `step` units from the publication's ('last week': -1, week)."""
    monday = pub - timedelta(days=pub.weekday())
    if unit == "week":
        return monday + timedelta(weeks=step), "week"
    if unit == "weekend":
        saturday = monday + timedelta(days=5)
        if step <= 0 and saturday > pub:
            saturday -= timedelta(weeks=1)
        return saturday + timedelta(weeks=max(step, 0)), "week"
    if unit == "month":
        return _add_months(pub.replace(day=1), step), "month"
    return date(pub.year + step, 1, 1), "year"


def _unit(m: re.Match, pub: date, lex: Lexicon) -> tuple[date, str]:
    return _moved(pub, int(lex.mapping("relative_steps")[m[1]]), _kind(m[2], lex))


def _this_unit(m: re.Match, pub: date, lex: Lexicon) -> tuple[date, str]:
    return _moved(pub, 0, _kind(m[1], lex))


def _deictic(m: re.Match, pub: date, lex: Lexicon) -> tuple[date, str]:
    word = m[0]
    if word in lex.words("deictic_weekends"):
        return _moved(pub, -1, "weekend")
    return pub + timedelta(days=int(lex.mapping("deictic_days")[word])), "day"


_RELATIVE: list[tuple[str, Callable[[re.Match, date, Lexicon], tuple[date, str]]]] = [
    ("ago", _ago), ("rel_unit", _unit), ("earlier_this", _this_unit), ("deictic", _deictic),
]


def _weekday(expr: str, pub: date | None, tense: str, lex: Lexicon) -> DateRef | None:
    m = spellings(lex).full["weekday"].fullmatch(expr.strip())
    if not m:
        return None
    if pub is None:
        return _ref(None, "day", expr, "unknown")
    target = int(lex.mapping("weekdays")[m[2].lower()])
    direction = _direction(m[1], tense, lex)
    if direction == "future":
        delta = (target - pub.weekday()) % 7 or 7
        return _ref(pub + timedelta(days=delta), "day", expr, "relative")
    delta = (pub.weekday() - target) % 7
    step = _step(m[1], lex)
    if step is not None and step < 0 and delta == 0:
        delta = 7
    return _ref(pub - timedelta(days=delta), "day", expr, "relative")


RESOLVERS = (_absolute, _months, _years, _seasons, _relative, _weekday)


def resolve(expression: str, publication: date | None, tense: str = "past",
            lexicon: Lexicon | None = None) -> DateRef | None:
    """One temporal expression as a DateRef, or None when it is not a date (words of `lexicon`)."""
    lex = lexicon or default_lexicon()
    if not expression or not expression.strip():
        return None
    original = expression
    full = spellings(lex).full
    expression = full["leading"].sub("", expression.strip())
    direction = tense
    if full["forward"].search(expression):
        direction = "future"
    elif full["backward"].search(expression):
        direction = "past"
    try:
        for fn in RESOLVERS:
            ref = fn(expression, publication, direction, lex)
            if ref is not None and ref.text != original:
                ref = DateRef(ref.value, ref.precision, original, ref.basis)
            if ref is not None:
                return _clamp(ref, publication, tense)
    except (ValueError, OverflowError, KeyError):
        return None
    return None


def _clamp(ref: DateRef, publication: date | None, tense: str) -> DateRef:
    """A past-tense event never lies after the publication date: when the text and the tense
    disagree, the event falls back to the publication date and says so in its basis."""
    if tense == "past" and publication and ref.value and ref.value > publication:
        return DateRef(publication, "day", ref.text, "publication")
    return ref


def publication_fallback(publication: date | None) -> DateRef:
    if publication is None:
        return DateRef(None, "unknown", None, "unknown")
    return DateRef(publication, "day", None, "publication")


def tense_of(verb_tag: str, aux_lemmas: Iterable[str], lexicon: Lexicon | None = None) -> str:
    """past, present or future from a Penn tag and the verb's auxiliaries (words of `lexicon`)."""
    lex = lexicon or default_lexicon()
    aux = {a.lower() for a in aux_lemmas}
    if aux & lex.words("future_aux") or "going" in aux:
        return "future"
    if verb_tag in {"VBD", "VBN"} or aux & lex.words("past_aux"):
        return "past"
    if verb_tag == "VB" and aux & lex.words("future_of_past_aux"):
        return "future"  # "said the troops would leave next year": the future of the past
    return "present"
