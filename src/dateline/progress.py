"""A progress line on stderr (articles, events, articles/s, ETA) when stderr is a terminal."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TextIO

from dateline.ingest.readers import JSONL_SUFFIXES, KNOWN_SUFFIXES


def count_inputs(inputs: tuple[str, ...]) -> int | None:
    """Articles to expect when every input is one article per file; None when unknown (JSONL, CSV)."""
    total = 0
    for item in inputs:
        path = Path(item)
        files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
        for file in files:
            suffix = file.suffix.lower()
            if suffix in JSONL_SUFFIXES or suffix == ".csv" or item == "-":
                return None
            total += suffix in KNOWN_SUFFIXES
    return total


class Progress:
    """Call `tick(events)` per article (`tick(events, articles)` per batch of them); prints at most twice
    a second; silent when not a terminal. `clear()` before printing a message wipes the line."""

    def __init__(self, total: int | None = None, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.active = self.stream.isatty()
        self.total, self.articles, self.events = total, 0, 0
        self.started = self.last = time.monotonic()
        self.drawn = False

    def tick(self, events: int, articles: int = 1) -> None:
        self.articles += articles
        self.events += events
        now = time.monotonic()
        if self.active and now - self.last >= 0.5:
            self.last, self.drawn = now, True
            self.stream.write("\r" + self.line(now))
            self.stream.flush()

    def clear(self) -> None:
        if self.active and self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.drawn, self.last = False, 0.0

    def line(self, now: float) -> str:
        rate = self.articles / max(now - self.started, 1e-9)
        text = f"{self.articles} articles, {self.events} events, {rate:.1f} articles/s"
        if self.total:
            left = max(self.total - self.articles, 0) / max(rate, 1e-9)
            text += f", {self.articles * 100 // self.total}%, ETA {int(left) // 60}m{int(left) % 60:02d}s"
        return text

    def close(self) -> None:
        if self.active:
            self.stream.write("\r" + self.line(time.monotonic()) + "\n")
