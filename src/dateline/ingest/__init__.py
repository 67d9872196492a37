"""Ingest: files, directories and stdin into Article records (errors reported, never raised)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from dateline.ingest.readers import KNOWN_SUFFIXES, Defaults, IngestError, Item, read_path, read_stdin

__all__ = ["IngestError", "read_inputs"]
log = logging.getLogger(__name__)


def _files(directory: Path) -> Iterator[Path]:
    for path in sorted(directory.rglob("*")):
        if any(part.startswith(".") for part in path.relative_to(directory).parts):
            continue
        if path.is_file():
            if path.suffix.lower() in KNOWN_SUFFIXES:
                yield path
            else:
                log.debug("skipping %s (unknown extension)", path)


def read_inputs(inputs: Sequence[str], *, default_date: date | None = None,
                default_source: str | None = None, stdin: TextIO | None = None) -> Iterator[Item]:
    """Articles (and IngestErrors) from files, directories (recursive) and '-' (stdin), streamed."""
    defaults = Defaults(default_date, default_source)
    for item in inputs:
        if item == "-":
            yield from read_stdin(stdin or sys.stdin, defaults)
            continue
        path = Path(item)
        if path.is_dir():
            for file in _files(path):
                yield from read_path(file, defaults)
        elif path.exists():
            yield from read_path(path, defaults)
        else:
            yield IngestError(item, "no such file or directory")
