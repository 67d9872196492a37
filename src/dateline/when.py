"""Temporal expressions: find them in a sentence and resolve them against the publication date.

`find_date_expressions` is regex- and lexicon-based; `resolve` turns one expression into a DateRef
with precision (day, week, month, season, quarter, year) and basis (explicit, relative). Tense
decides the direction of a bare weekday or month: a past-tense "Thursday" is the latest Thursday on
or before publication, a future one the next. Without a publication date, anything relative
resolves to value None with basis "unknown": never a made-up date.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from dateline.lexicon import Lexicon, default_lexicon
from dateline.records import DateRef

# The words live in data/lexicon/dates.yaml; the patterns below spell them as regular expressions.
# Each function reads the lexicon it is given (the settings' lexicon, from the parse the coder
# dates), else the bundled one.

_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19[5-9][0-9]|20[0-9][0-9])"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_NUM = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|\d{1,2})"
_UNIT = r"(?:day|week|month|year)s?"
_PART = r"(?:early|mid|late|the end of|the beginning of|the start of|the middle of)"


def _alternation(names: list[str], abbreviations: Sequence[str] = ()) -> str:
    """Names as written ("January"), then abbreviations with an optional dot ("Jan.")."""
    spelt = [re.escape(n.title()) for n in names] + [re.escape(a.title()) + r"\.?" for a in abbreviations]
    return "(?:" + "|".join(spelt) + ")"


@dataclass(frozen=True)
class Spellings:
    """The month and weekday names of a lexicon (data/lexicon/dates.yaml) as regular expressions."""

    month: str  # a full name, or an abbreviation with its dot: "January", "Jan.", "Sept"
    long_month: str  # a full name that is no common word (not "March", "May"): a date on its own
    weekday: str
    any_month: str  # every name and abbreviation, longest first, then an optional dot (datelines)
    common: frozenset[str]  # the month names that are also common words
    patterns: tuple[tuple[str, re.Pattern[str]], ...]


@lru_cache(maxsize=8)
def spellings(lexicon: Lexicon) -> Spellings:
    """The names of `lexicon`'s `months` and `weekdays` maps as patterns, once per lexicon. An
    abbreviation is a name that starts another name of the same month ("Sep" of "September")."""
    months = {name: int(n) for name, n in lexicon.mapping("months").items()}
    short = {a for a in months if any(o != a and o.startswith(a) and months[o] == months[a] for o in months)}
    by_month = sorted(months, key=lambda name: (months[name], -len(name), name))
    full = [name for name in by_month if name not in short]
    common = lexicon.words("common_word_months")
    weekdays = lexicon.mapping("weekdays")
    month = _alternation(full, [name for name in by_month if name in short])
    weekday = _alternation(sorted(weekdays, key=lambda name: (int(weekdays[name]), -len(name), name)))
    long_month = _alternation([name for name in full if name not in common])
    compiled = tuple((kind, re.compile(rx, re.IGNORECASE if kind in _CASELESS else 0))
                     for kind, rx in _patterns(month, long_month, weekday))
    return Spellings(month, long_month, weekday, _alternation(by_month) + r"\.?", common, compiled)


def _patterns(month: str, long_month: str, weekday: str) -> list[tuple[str, str]]:
    """The kinds of temporal expression, most specific first, with the lexicon's names."""
    return [
        ("iso", rf"\b(?i:on\s+)?{_YEAR}-[01]\d-[0-3]\d\b"),
        ("day_month_year", rf"\b(?i:on\s+)?{_DAY}\s+{month}(?:,)?\s+{_YEAR}\b"),
        ("month_day_year", rf"\b(?i:on\s+)?{month}\s+{_DAY},?\s+{_YEAR}\b"),
        ("day_month", rf"\b(?i:on\s+)?{_DAY}\s+{month}(?![a-z])"),
        ("month_day", rf"\b(?i:on\s+)?{month}\s+{_DAY}\b(?!,?\s*{_YEAR})(?![%\d])"),
        ("part_month", rf"\b(?i:in\s+)?(?i:{_PART})[\s-](?:of\s+)?{month}(?:\s+{_YEAR})?\b"),
        ("month_year", rf"\b(?i:in\s+)?{month}\s+{_YEAR}\b"),
        ("in_month", rf"\b(?i:in|since|during|by|until|last|next|this|early|late)\s+{month}(?![a-z])"),
        ("long_month", rf"(?<![A-Z][a-z] )\b{long_month}\b(?!\s+[A-Z])"),
        ("quarter", rf"\b(?i:in\s+)?the\s+(?:first|second|third|fourth|last)\s+quarter\s+of\s+"
                    rf"(?:this year|last year|next year|{_YEAR})\b"),
        ("half", rf"\b(?i:in\s+)?the\s+(?:first|second)\s+half\s+of\s+(?:this year|last year|next year|{_YEAR})\b"),
        ("part_year", rf"\b(?i:in\s+)?(?i:{_PART})[\s-](?:of\s+)?(?:{_YEAR}|last year|this year|next year)\b"),
        ("year", rf"\b(?i:in|since|during|by|until|of)\s+{_YEAR}\b(?![-/]\d)"),
        ("season", rf"\b(?:in\s+(?:the\s+)?)?(?:(?:this|last|next|early|late)\s+)?{_SEASON}"
                   rf"(?:\s+(?:of\s+)?{_YEAR})?\b"),
        ("ago", rf"\b{_NUM}\s+{_UNIT}\s+ago\b"),
        ("rel_unit", r"\b(?:(?:earlier|later)\s+)?(?:last|next|this|past|coming)\s+(?:week|month|year|weekend)\b"),
        ("earlier_this", r"\b(?:earlier|later)\s+(?:this|in the)\s+(?:week|month|year)\b"),
        ("weekday", rf"\b(?:(?i:on|last|next|this|late|early)\s+)?{weekday}(?:'s)?"
                    r"(?:\s+(?:morning|afternoon|evening|night))?\b"),
        ("deictic", r"\b(?:yesterday|today|tonight|the day before yesterday|this (?:morning|afternoon|evening)"
                    r"|last night|over the weekend|earlier today|the previous day|the day before)\b"),
    ]


_CASELESS = {"ago", "rel_unit", "earlier_this", "deictic", "season", "quarter", "half", "part_year"}


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
            if not _plausible(text, m.group(0), start, names.common):
                continue
            found.append((start, end))
            taken[start:end] = b"\x01" * (end - start)
    found.sort()
    return [DateMatch(s, e, text[s:e]) for s, e in found]


def _plausible(text: str, expr: str, start: int, common: frozenset[str]) -> bool:
    """A month name that is a common word ('may', 'march') is a date only with a day after it."""
    lower = expr.lower()
    word = next((w for w in common if lower.startswith(f"{w} ")), None)
    if word is not None and re.fullmatch(rf"{re.escape(word)}\s+\d.*", lower) is None:
        return False
    if lower in common:
        return False
    before = text[max(0, start - 8) : start].lower()
    if lower.startswith("sunday") and text[start:].lower().startswith(("sunday times", "sunday telegraph")):
        return False
    return not before.endswith(("the ", "a ")) or not re.match(r"(?i)(sunday|march)\b", expr)


# -- resolution -----------------------------------------------------------------------------------

def _ref(value: date | None, precision: str, text: str, basis: str) -> DateRef:
    if value is None:
        return DateRef(None, "unknown", text, "unknown")
    return DateRef(value, precision, text, basis)


def _strip(expr: str) -> str:
    return re.sub(r"^(?:on|in|since|during|by|until|of)\s+", "", expr.strip(), flags=re.I)


def _month(word: str, lex: Lexicon) -> int | None:
    value = lex.mapping("months").get(word.lower().rstrip("."))
    return int(value) if value is not None else None


def _day(word: str) -> int:
    return int(re.sub(r"\D", "", word))


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
    names = spellings(lex)
    text = _strip(expr)
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", text)
    if m:
        return _ref(_safe(int(m[1]), int(m[2]), int(m[3])), "day", expr, "explicit")
    m = re.fullmatch(rf"({_DAY})\s+({names.month}),?\s+({_YEAR})", text, re.I)
    if m:
        return _ref(_safe(int(m[3]), _month(m[2], lex) or 0, _day(m[1])), "day", expr, "explicit")
    m = re.fullmatch(rf"({names.month})\s+({_DAY}),?\s+({_YEAR})", text, re.I)
    if m:
        return _ref(_safe(int(m[3]), _month(m[1], lex) or 0, _day(m[2])), "day", expr, "explicit")
    m = re.fullmatch(rf"({_DAY})\s+({names.month})", text, re.I) or re.fullmatch(
        rf"({names.month})\s+({_DAY})", text, re.I)
    if m:
        first_is_day = m[1][0].isdigit()
        day_word, month_word = (m[1], m[2]) if first_is_day else (m[2], m[1])
        value = _pick_year(_month(month_word, lex) or 0, _day(day_word), pub, tense) if pub else None
        return _ref(value, "day", expr, "explicit")
    return None


def _months(expr: str, pub: date | None, tense: str, lex: Lexicon) -> DateRef | None:
    names = spellings(lex)
    text = _strip(expr)
    m = re.fullmatch(rf"({names.month})\s+({_YEAR})", text, re.I)
    if m:
        return _ref(_safe(int(m[2]), _month(m[1], lex) or 0, 1), "month", expr, "explicit")
    m = re.fullmatch(rf"(?:(last|next|this|early|late)\s+)?({names.month})", text, re.I)
    if m and _month(m[2], lex):
        month = _month(m[2], lex) or 1
        if pub is None:
            return _ref(None, "month", expr, "unknown")
        mod = (m[1] or "").lower()
        direction = "future" if mod == "next" else "past" if mod == "last" else tense
        value = _pick_year(month, 1, pub, direction)
        if direction != "future" and value and value.year == pub.year and month > pub.month:
            value = _safe(pub.year - 1, month, 1)
        return _ref(value, "month", expr, "explicit")
    m = re.fullmatch(rf"(?:the\s+)?({_PART})[\s-](?:of\s+)?({names.month})(?:\s+({_YEAR}))?", text, re.I)
    if m:
        part = m[1].lower()
        day = 15 if part in {"mid", "the middle of"} else 20 if part in {"late", "the end of"} else 1
        month = _month(m[2], lex) or 1
        if m[3]:
            return _ref(_safe(int(m[3]), month, day), "month", expr, "explicit")
        return _ref(_pick_year(month, day, pub, tense) if pub else None, "month", expr, "explicit")
    return None


def _years(expr: str, pub: date | None, tense: str, lex: Lexicon) -> DateRef | None:
    text = _strip(expr).lower()
    m = re.fullmatch(rf"({_YEAR})", text)
    if m:
        return _ref(date(int(m[1]), 1, 1), "year", expr, "explicit")
    m = re.fullmatch(rf"(?:the\s+)?(first|second|third|fourth|last)\s+(quarter|half)\s+of\s+(this year|last year"
                     rf"|next year|{_YEAR})", text)
    if m:
        year = _year_word(m[3], pub)
        if year is None:
            return _ref(None, "quarter", expr, "unknown")
        n = int(lex.mapping("quarter_ordinals")[m[1]])
        month = (n - 1) * 3 + 1 if m[2] == "quarter" else (1 if n == 1 else 7)
        basis = "explicit" if m[3][0].isdigit() else "relative"
        return _ref(date(year, month, 1), "quarter" if m[2] == "quarter" else "month", expr, basis)
    m = re.fullmatch(rf"(?:the\s+)?({_PART})[\s-](?:of\s+)?({_YEAR}|last year|this year|next year)", text)
    if m:
        year = _year_word(m[2], pub)
        if year is None:
            return _ref(None, "year", expr, "unknown")
        month = 1 if m[1] in {"early", "the beginning of", "the start of"} else 6 if "mid" in m[1] else 9
        if m[1] == "the end of":
            month = 12
        return _ref(date(year, month, 1), "year", expr, "explicit" if m[2][0].isdigit() else "relative")
    return None


def _year_word(word: str, pub: date | None) -> int | None:
    if word[0].isdigit():
        return int(word)
    if pub is None:
        return None
    return pub.year + {"last year": -1, "this year": 0, "next year": 1}[word]


def _seasons(expr: str, pub: date | None, tense: str, lex: Lexicon) -> DateRef | None:
    m = re.fullmatch(rf"(?:in\s+(?:the\s+)?)?(?:(this|last|next|early|late)\s+)?({_SEASON})"
                     rf"(?:\s+(?:of\s+)?({_YEAR}))?", expr.strip(), re.I)
    if not m:
        return None
    month = int(lex.mapping("seasons")[m[2].lower()])
    if m[3]:
        return _ref(date(int(m[3]), month, 1), "season", expr, "explicit")
    if pub is None:
        return _ref(None, "season", expr, "unknown")
    mod = (m[1] or "").lower()
    this_year = date(pub.year, month, 1)
    if mod == "this":
        return _ref(this_year, "season", expr, "relative")
    direction = "future" if mod == "next" else "past" if mod == "last" else tense
    if direction == "future":
        value = this_year if this_year > pub else date(pub.year + 1, month, 1)
    else:
        value = this_year if this_year <= pub else date(pub.year - 1, month, 1)
        if mod == "last" and value.year == pub.year and pub < date(pub.year, month, 1) + timedelta(days=91):
            value = date(pub.year - 1, month, 1)
    return _ref(value, "season", expr, "relative")


def _relative(expr: str, pub: date | None, tense: str, lex: Lexicon) -> DateRef | None:
    text = expr.strip().lower()
    for rx, fn in _RELATIVE:
        m = re.fullmatch(rx, text)
        if m:
            if pub is None:
                return _ref(None, "unknown", expr, "unknown")
            value, precision = fn(m, pub, lex)
            return _ref(value, precision, expr, "relative")
    return None


def _ago(m: re.Match, pub: date, lex: Lexicon) -> tuple[date, str]:
    n = int(lex.mapping("numbers").get(m[1]) or m[1])
    unit = m[2].rstrip("s")
    if unit == "day":
        return pub - timedelta(days=n), "day"
    if unit == "week":
        return pub - timedelta(weeks=n), "week"
    if unit == "month":
        return _add_months(pub.replace(day=1), -n), "month"
    return date(pub.year - n, 1, 1), "year"


def _add_months(d: date, n: int) -> date:
    index = d.year * 12 + d.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def _unit(m: re.Match, pub: date, lex: Lexicon) -> tuple[date, str]:
    which, unit = m[1], m[2]
    step = int(lex.mapping("relative_steps")[which])
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


def _deictic(m: re.Match, pub: date, lex: Lexicon) -> tuple[date, str]:
    word = m[0]
    if word in lex.words("day_before_words"):
        return pub - timedelta(days=1), "day"
    if word == "the day before yesterday":
        return pub - timedelta(days=2), "day"
    if word == "over the weekend":
        return _unit(re.fullmatch(r"(last) (weekend)", "last weekend"), pub, lex)
    return pub, "day"


_RELATIVE: list[tuple[str, Callable[[re.Match, date, Lexicon], tuple[date, str]]]] = [
    (rf"({_NUM})\s+({_UNIT})\s+ago", _ago),
    (r"(?:earlier |later )?(last|next|this|past|coming)\s+(week|month|year|weekend)", _unit),
    (r"(?:earlier|later)\s+(?:this|in the)\s+(week|month|year)",
     lambda m, pub, lex: _unit(re.fullmatch(r"(this) (\w+)", f"this {m[1]}"), pub, lex)),
    (r"yesterday|today|tonight|the day before yesterday|this (?:morning|afternoon|evening)|last night"
     r"|over the weekend|earlier today|the previous day|the day before", _deictic),
]


def _weekday(expr: str, pub: date | None, tense: str, lex: Lexicon) -> DateRef | None:
    names = spellings(lex)
    m = re.fullmatch(rf"(?:(on|last|next|this|late|early)\s+)?({names.weekday})(?:'s)?"
                     r"(?:\s+(?:morning|afternoon|evening|night))?", expr.strip(), re.I)
    if not m:
        return None
    if pub is None:
        return _ref(None, "day", expr, "unknown")
    target = int(lex.mapping("weekdays")[m[2].lower()])
    mod = (m[1] or "").lower()
    direction = "future" if mod == "next" else "past" if mod == "last" else tense
    if direction == "future":
        delta = (target - pub.weekday()) % 7 or 7
        return _ref(pub + timedelta(days=delta), "day", expr, "relative")
    delta = (pub.weekday() - target) % 7
    if mod == "last" and delta == 0:
        delta = 7
    return _ref(pub - timedelta(days=delta), "day", expr, "relative")


_LEADING = re.compile(r"^(?:(?:at|in|on|during|from|by|since|until|till|before|after|around|about)\s+)?"
                      r"(?:the\s+(?=past|last|coming|next|spring|summer|autumn|fall|winter))?", re.IGNORECASE)
_FORWARD = re.compile(r"\b(?:next|coming|later this|later in the)\b", re.IGNORECASE)
_BACKWARD = re.compile(r"\b(?:ago|last|yesterday|previous|earlier|past|the day before)\b", re.IGNORECASE)

RESOLVERS = (_absolute, _months, _years, _seasons, _relative, _weekday)


def resolve(expression: str, publication: date | None, tense: str = "past",
            lexicon: Lexicon | None = None) -> DateRef | None:
    """One temporal expression as a DateRef, or None when it is not a date (words of `lexicon`)."""
    lex = lexicon or default_lexicon()
    if not expression or not expression.strip():
        return None
    original = expression
    expression = _LEADING.sub("", expression.strip())
    direction = tense
    if _FORWARD.search(expression):
        direction = "future"
    elif _BACKWARD.search(expression):
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
