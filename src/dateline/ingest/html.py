"""HTML pages: the story's text, title and publication date, through a real extractor.

trafilatura (with lxml's HTML cleaner) finds the main text of a page with or without
`<article>`/`<main>`, leaving out cookie banners, navigation, share links, tags, comments and
footers, and reads the publication date from meta tags and JSON-LD (not from the text). Teaser
links ("READ MORE: ...") it keeps as paragraphs are dropped here. A page too small for trafilatura
to call it an article falls back to a plain paragraph reader, so no text is lost.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any

from dateline.lexicon import Lexicon, default_lexicon, words_pattern

log = logging.getLogger(__name__)
for _name in ("trafilatura", "htmldate", "courlan", "justext"):  # their complaints about a page are not ours:
    logging.getLogger(_name).setLevel(logging.CRITICAL)  # a page with no text is reported as such, once

SKIP = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "figure", "button"}
BLOCKS = {"p", "div", "section", "article", "main", "li", "h1", "h2", "h3", "h4", "blockquote", "br", "td"}
_OPTIONS: dict[str, Any] = {
    "with_metadata": True, "include_comments": False, "include_tables": False, "include_links": False,
    "include_images": False, "deduplicate": False,
    "date_extraction_params": {"extensive_search": False, "original_date": True},
}


@lru_cache(maxsize=8)
def teaser_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    """A teaser link's label and its mark ('READ MORE:'), the labels of `lexicon` (teaser_labels)."""
    return re.compile(rf"^{words_pattern(lexicon.words('teaser_labels'))}\b\s*[:|>»-]", re.IGNORECASE)


def parse_html(html: str, lexicon: Lexicon | None = None) -> dict[str, Any]:
    """Fields for an Article: text (story paragraphs), title, date (YYYY-MM-DD or None); teaser
    links are dropped by the labels of `lexicon` (the bundled one when None)."""
    found = _extract(html)
    if found is None or not found["text"].strip():
        found = _plain(html)
    teaser = teaser_pattern(lexicon or default_lexicon())
    paragraphs = [p for p in found["text"].split("\n") if p.strip() and not teaser.match(p.strip())]
    title = found["title"]
    if paragraphs and title and paragraphs[0].strip() == title:
        paragraphs = paragraphs[1:]  # the headline, kept as the title
    return {"text": "\n\n".join(p.strip() for p in paragraphs), "title": title, "date": found["date"]}


def _extract(html: str) -> dict[str, Any] | None:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, **_OPTIONS)
    except Exception as exc:  # noqa: BLE001 - the extractor's own failure: fall back to the plain reader
        log.debug("trafilatura failed (%s); reading paragraphs", exc)
        return None
    if doc is None:
        return None
    day = doc.date if doc.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc.date[:10]) else None
    return {"text": doc.text or "", "title": " ".join((doc.title or "").split()) or None, "date": day}


class _Page(HTMLParser):
    """Every block of text outside scripts, navigation and footers; an unclosed block ends at the next."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.blocks: list[str] = []
        self._buf: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP:
            self._skip += 1
        elif tag in BLOCKS:
            self.flush()
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP and self._skip:
            self._skip -= 1
        elif tag in BLOCKS:
            self.flush()
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skip:
            self._buf.append(data)

    def flush(self) -> None:
        text = " ".join("".join(self._buf).split())
        if text:
            self.blocks.append(text)
        self._buf = []


def _plain(html: str) -> dict[str, Any]:
    page = _Page()
    page.feed(html)
    page.close()
    page.flush()
    return {"text": "\n".join(page.blocks), "title": " ".join(page.title.split()) or None, "date": None}
