"""Article metadata from the text itself: date line, page boilerplate, title and wire dateline."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from dateline.lexicon import Lexicon, default_lexicon, words_pattern
from dateline.records import Article
from dateline.when import spellings

DATE_LINE = re.compile(r"^[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]*(.*)$", re.IGNORECASE)
# A place word: a capital and letters, hyphenated parts each starting with their hyphen
# ("Port-au-Prince"); words are joined by single spaces only. No two ways to split a string into
# words, so the pattern cannot backtrack, and it only ever looks at DATELINE_SCAN characters.
_WORD = r"[A-Z][A-Za-z'.]*(?:-[A-Za-z'.]+){0,4}"
_PLACE = rf"(?P<place>{_WORD}(?: {_WORD}){{0,3}})"
_REGION = r"(?:,\s*(?P<region>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?))?"
_AGENCY = r"(?:\((?P<agency>[A-Za-z][\w .&-]{0,30})\)|/(?P<agency2>[A-Za-z][\w .&-]{0,30})/)"


@lru_cache(maxsize=8)
def dateline_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    """The wire dateline, with the month names of `lexicon` (data/lexicon/dates.yaml)."""
    month = spellings(lexicon).any_month
    monthday = rf"(?:,\s*(?:(?P<month>{month})\s+(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})\s+(?P<month2>{month})))"
    # no lower-case word after the agency: "The Asia-Pacific Economic Cooperation (APEC) forum has"
    return re.compile(rf"\s*{_PLACE}{_REGION}?{monthday}?\.?\s*{_AGENCY}(?!\s*[a-z])\s*\.?\s*(?:--|—|–|-|:)?\s*")


DATELINE_SCAN = 160  # a wire dateline is never longer: the pattern sees at most this much text


@dataclass(frozen=True)
class Furniture:
    """The page furniture patterns of a lexicon (data/lexicon/ingest.yaml)."""

    line: re.Pattern[str]  # a whole line of furniture, a time stamp, a byline or a breadcrumb
    stamp: re.Pattern[str]  # a time stamp that opens a paragraph of the story


@lru_cache(maxsize=8)
def furniture(lexicon: Lexicon) -> Furniture:
    """`lexicon`'s page_furniture and stamp_words as patterns, once per lexicon."""
    stamp = words_pattern(lexicon.words("stamp_words"))
    line = re.compile(rf"^(?:{words_pattern(lexicon.words('page_furniture'))}|"
                      rf"{stamp}(?: on| at)? [\w :,+./-]{{1,40}}|"
                      r"by [A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}|[\w ]+(?: > [\w ]+)+)$", re.IGNORECASE)
    return Furniture(line, re.compile(rf"(?:last )?{stamp}(?: on| at)? [\w :,+/-]{{1,40}}?\. (?=[A-Z])",
                                      re.IGNORECASE))


@dataclass(frozen=True)
class Dateline:
    place: str
    agency: str | None
    month: int | None
    day: int | None
    start: int
    end: int


def split_date_line(text: str) -> tuple[date | None, str]:
    """A first line ' date YYYY-MM-DD' gives the date; the rest of that line stays text."""
    stripped = text.lstrip("\ufeff")
    lines = stripped.split("\n", 1)
    first = lines[0]
    m = DATE_LINE.match(first)
    if not m:
        return None, stripped
    try:
        day = date.fromisoformat(m.group(1))
    except ValueError:
        return None, stripped
    rest = m.group(2) + ("\n" + lines[1] if len(lines) > 1 else "")
    return day, rest.lstrip("\n") if not m.group(2) else rest


def strip_boilerplate(text: str, lexicon: Lexicon | None = None) -> tuple[str | None, str]:
    """Drop leading page furniture; a short headline-like line before the story becomes the title."""
    lines = text.split("\n")
    title: str | None = None
    page = furniture(lexicon or default_lexicon())
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        stamp = page.stamp.match(line) if len(line) > 60 else None
        if stamp:  # "Updated at 10:32 GMT. Police arrested...": the time stamp goes, the story stays
            lines[i] = line[stamp.end():]
            continue
        if not line or len(line) <= 300 and page.line.match(line):
            i += 1
            continue
        headline = title is None and _looks_like_title(line) and i + 1 < len(lines)
        if headline and find_dateline(line, lexicon=lexicon) is None:
            title = line
            i += 1
            continue
        break
    body = "\n".join(lines[i:]).strip()
    if not body and title:
        return None, title
    return title, body


def _looks_like_title(line: str) -> bool:
    return len(line) < 200 and not line.endswith((".", '"', "”", ":")) and len(line.split()) >= 2


def find_dateline(text: str, window: int = 1500, lexicon: Lexicon | None = None) -> Dateline | None:
    """A wire dateline at the start of one of the first paragraphs: place, agency and month/day
    (month names of `lexicon`, else the bundled ones)."""
    lex = lexicon or default_lexicon()
    for start in [0, *(m.end() for m in re.finditer(r"\n\s*", text[:window]))]:
        found = _dateline_at(text, start, lex)
        if found is not None:
            return found
    return None


def _dateline_at(text: str, pos: int, lex: Lexicon) -> Dateline | None:
    m = dateline_pattern(lex).match(text[: pos + DATELINE_SCAN], pos)
    if not m:
        return None
    month_word = m.group("month") or m.group("month2")
    day_word = m.group("day") or m.group("day2")
    number = lex.mapping("months").get(month_word.lower().rstrip(".")) if month_word else None
    month = int(number) if number is not None else None
    place = m.group("place").strip()
    if m.group("region"):
        place = f"{place}, {m.group('region')}"
    agency = (m.group("agency") or m.group("agency2") or "").strip() or None
    return Dateline(place, agency, month, int(day_word) if day_word else None, m.start("place"), m.end())


def locate(article: Article, lexicon: Lexicon | None = None) -> Article:
    """`article` with its wire dateline's span found, unless ingest already looked
    (`Article.dateline_span` is not None): the dateline is found once per article."""
    if article.dateline_span is not None:
        return article
    found = find_dateline(article.text, lexicon=lexicon)
    return replace(article, dateline_span=(found.start, found.end) if found else ())


def dateline_span(text: str, lexicon: Lexicon | None = None) -> tuple[int, int] | None:
    """Character span of the wire dateline, so the coder can leave it out of the parse."""
    found = find_dateline(text, lexicon=lexicon)
    return (found.start, found.end) if found else None


def dateline_date(dateline: Dateline, reference: date | None) -> date | None:
    """Month/day of the dateline with the year of `reference` (the year before if that is later)."""
    if reference is None or dateline.month is None or dateline.day is None:
        return None
    try:
        candidate = date(reference.year, dateline.month, dateline.day)
        if candidate > reference:
            candidate = date(reference.year - 1, dateline.month, dateline.day)
    except ValueError:
        return None
    return candidate
