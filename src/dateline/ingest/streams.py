"""Bytes into text, line by line with a bound: what every reader reads through.

Files and stdin are read as bytes so that a bad line costs only itself: a line longer than the
record limit is skipped (to its end, without holding it) and reported; invalid UTF-8 is decoded with
U+FFFD and reported; binary data (NUL bytes, PDF, images, archives) is recognised and refused.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

MAGIC = {b"%PDF": "a PDF document", b"PK\x03\x04": "a ZIP archive (or an office document)",
         b"\x89PNG": "a PNG image", b"GIF8": "a GIF image", b"\xff\xd8\xff": "a JPEG image",
         b"\x1f\x8b": "a gzip file", b"\x7fELF": "an executable", b"{\\rtf": "an RTF document",
         b"\xd0\xcf\x11\xe0": "an old office document"}
BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_CHUNK = 1 << 16


@dataclass(frozen=True)
class Line:
    """One physical line: its number, its text (None when over the limit) and decoding notes."""

    number: int
    text: str | None
    note: str | None = None


def binary_kind(head: bytes) -> str | None:
    """What kind of binary data `head` (the first bytes) is, or None for text."""
    for magic, kind in MAGIC.items():
        if head.startswith(magic):
            return kind
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 text (has NUL bytes but is text)
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return "binary data (control bytes)" if head and controls > len(head) // 20 else None


def decode(raw: bytes) -> tuple[str, str | None]:
    """UTF-8 (or UTF-16 with a byte-order mark) text, and a note when bytes had to be replaced."""
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            raw, chosen = raw[len(bom):], encoding
            break
    else:
        chosen = "utf-8"
    try:
        return raw.decode(chosen), None
    except UnicodeDecodeError as exc:
        text = raw.decode(chosen, errors="replace")
        bad = text.count("\ufffd")
        return text, f"not valid {chosen.upper()} (first bad byte at {exc.start}): {bad} characters replaced by U+FFFD"


def lines(handle: BinaryIO, limit: int, first: int = 1, end: int | None = None) -> Iterator[Line]:
    """Numbered lines of a binary stream (up to byte offset `end`); over-long lines yield text None."""
    number, read = first - 1, 0
    while end is None or read < end:
        want = limit + 1 if end is None else min(limit + 1, end - read)
        raw = handle.readline(want)
        if not raw:
            return
        number += 1
        read += len(raw)
        if not raw.endswith(b"\n") and len(raw) > limit:
            read += _skip_line(handle)
            yield Line(number, None, f"line longer than the limit of {limit:,} bytes")
            continue
        text, note = decode(raw) if number == 1 else _decode_plain(raw)
        yield Line(number, text, note)


def _decode_plain(raw: bytes) -> tuple[str, str | None]:
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        text = raw.decode("utf-8", errors="replace")
        return text, f"not valid UTF-8 (byte {exc.start}): {text.count(chr(0xFFFD))} characters replaced by U+FFFD"


def _skip_line(handle: BinaryIO) -> int:
    skipped = 0
    while chunk := handle.readline(_CHUNK):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def read_bounded(handle: BinaryIO, limit: int) -> bytes | None:
    """All of a stream up to `limit` bytes, or None (the rest drained) when it is longer."""
    raw = handle.read(limit + 1)
    if len(raw) <= limit:
        return raw
    while handle.read(_CHUNK):
        pass
    return None


class Prefixed:
    """A binary stream with some bytes already read put back in front (readline and read only)."""

    def __init__(self, head: list[bytes], rest: BinaryIO) -> None:
        self._head, self._rest = list(head), rest

    def readline(self, size: int = -1) -> bytes:
        if self._head:
            first = self._head[0]
            if size < 0 or len(first) <= size:
                return self._head.pop(0)
            self._head[0] = first[size:]
            return first[:size]
        return self._rest.readline(size)

    def read(self, size: int = -1) -> bytes:
        out = b""
        while self._head and (size < 0 or len(out) < size):
            out += self.readline(-1 if size < 0 else size - len(out))
        if size < 0:
            return out + self._rest.read()
        return out + (self._rest.read(size - len(out)) if len(out) < size else b"")
