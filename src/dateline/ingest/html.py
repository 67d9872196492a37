"""HTML pages: title, publication date from meta tags, and the story's paragraphs."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

SKIP = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "figure", "button"}
DATE_META = {"article:published_time", "og:published_time", "date", "pubdate", "publishdate",
             "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date"}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.h1 = ""
        self.date: str | None = None
        self.paragraphs: list[tuple[bool, str]] = []  # (inside article/main, text)
        self._stack: list[str] = []
        self._skip = 0
        self._main = 0
        self._buf: list[str] | None = None
        self._in_title = self._in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): v or "" for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in DATE_META and a.get("content") and self.date is None:
                self.date = a["content"]
        elif tag == "time" and a.get("datetime") and self.date is None:
            self.date = a["datetime"]
        if tag in SKIP:
            self._skip += 1
        elif tag in {"article", "main"}:
            self._main += 1
        elif tag == "p" and not self._skip:
            self._buf = []
        self._in_title = tag == "title" or self._in_title
        self._in_h1 = tag == "h1" or self._in_h1

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP and self._skip:
            self._skip -= 1
        elif tag in {"article", "main"} and self._main:
            self._main -= 1
        elif tag == "p" and self._buf is not None:
            text = " ".join("".join(self._buf).split())
            if text:
                self.paragraphs.append((self._main > 0, text))
            self._buf = None
        if tag == "title":
            self._in_title = False
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self._in_h1 and not self._skip:
            self.h1 += data
        if self._buf is not None and not self._skip:
            self._buf.append(data)


def parse_html(html: str) -> dict[str, Any]:
    """Fields for an Article: text (story paragraphs), title, date (YYYY-MM-DD or None)."""
    page = _Page()
    page.feed(html)
    page.close()
    inside = [t for main, t in page.paragraphs if main]
    paragraphs = inside or [t for _, t in page.paragraphs]
    title = " ".join((page.h1 or page.title).split()) or None
    day = page.date[:10] if page.date and page.date[:4].isdigit() else None
    return {"text": "\n\n".join(paragraphs), "title": title, "date": day}
