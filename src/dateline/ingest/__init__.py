"""Ingest: files, directories and stdin into Article records (errors reported, never raised).

Inside a directory an article is named by its path relative to that directory, without the
suffix (``a/news`` and ``b/news`` stay two articles; ``news.txt`` beside ``news.html`` keep their
suffixes); a file given by itself by its stem. A
subdirectory that cannot be read, or a symbolic link that loops, is reported, never skipped silently.
"""

from __future__ import annotations

import logging
import os
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from dateline.ingest.fields import Limits
from dateline.ingest.readers import (
    KNOWN_SUFFIXES,
    Defaults,
    IngestError,
    IngestNote,
    Item,
    read_path,
    read_stdin,
)
from dateline.lexicon import Lexicon

__all__ = ["IngestError", "IngestNote", "Limits", "read_inputs", "walk"]
log = logging.getLogger(__name__)


def walk(directory: Path) -> Iterator[tuple[Path, str] | IngestError]:
    """(file, id) for every readable input file under `directory`, sorted; problems as IngestErrors.

    Hidden files and directories are skipped; a symbolic link to a directory is followed once."""
    seen: set[tuple[int, int]] = set()
    yield from _walk(directory, directory, seen)


def _walk(root: Path, directory: Path, seen: set[tuple[int, int]]) -> Iterator[tuple[Path, str] | IngestError]:
    try:
        info = directory.stat()
        if (info.st_dev, info.st_ino) in seen:
            yield IngestError(str(directory), "directory already read (a symbolic link loop?); skipped")
            return
        seen.add((info.st_dev, info.st_ino))
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as exc:
        yield IngestError(str(directory), f"cannot read directory ({exc.strerror or exc})")
        return
    stems = Counter(Path(e.name).stem for e in entries if Path(e.name).suffix.lower() in KNOWN_SUFFIXES)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
        except OSError as exc:
            yield IngestError(str(path), f"cannot read ({exc.strerror or exc})")
            continue
        if is_dir:
            yield from _walk(root, path, seen)
        elif is_file and path.suffix.lower() in KNOWN_SUFFIXES:
            rel = path.relative_to(root)  # news.txt beside news.html: both keep their suffix
            yield path, (rel if stems[path.stem] > 1 else rel.with_suffix("")).as_posix()
        elif not is_file and not is_dir and entry.is_symlink():
            yield IngestError(str(path), "broken symbolic link")
        else:
            log.debug("skipping %s (unknown extension)", path)


def read_inputs(inputs: Sequence[str], *, default_date: date | None = None,
                default_source: str | None = None, stdin: TextIO | None = None,
                limits: Limits | None = None, lexicon: Lexicon | None = None) -> Iterator[Item]:
    """Articles (and IngestErrors, IngestNotes) from files, directories (recursive) and '-' (stdin),
    streamed."""
    defaults = Defaults(default_date, default_source, limits or Limits(), lexicon)
    for item in inputs:
        if item == "-":
            yield from read_stdin(stdin or sys.stdin, defaults)
            continue
        path = Path(item)
        if path.is_dir():
            for found in walk(path):
                if isinstance(found, IngestError):
                    yield found
                else:
                    yield from read_path(found[0], defaults, found[1])
        elif path.is_file():
            yield from read_path(path, defaults)
        elif path.exists():
            yield IngestError(item, "not a regular file (a pipe, socket or device?); give a file or a directory")
        else:
            yield IngestError(item, "no such file or directory")
