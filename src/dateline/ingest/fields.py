"""Field checks and text normalisation, done once at the reader for every input format.

A record's fields are validated here (strings where strings are expected, ids of sane length, text
within the size the coder takes) and every string is normalised the same way: NUL characters are
removed (PostgreSQL refuses them) and lone UTF-16 surrogates (which cannot be encoded as UTF-8) are
replaced by U+FFFD. What was changed is returned as notes, so the reader can report it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MAX_ID_CHARS = 256
MAX_TEXT_CHARS = 1_000_000
MAX_RECORD_BYTES = 8 * 1024 * 1024
STRING_FIELDS = ("source", "title", "url", "date")


@dataclass(frozen=True)
class Limits:
    """How large a record and its text may be (a bigger one is refused, the run goes on)."""

    max_record_bytes: int = MAX_RECORD_BYTES
    """Longest JSONL line, CSV row, text or HTML file, or stdin text, in bytes."""
    max_text_chars: int = MAX_TEXT_CHARS
    """Longest article text, in characters (spaCy's own default limit); longer texts are refused."""


class FieldError(ValueError):
    """A field of a record has the wrong type or size; the message names the field."""


def clean_text(text: str) -> tuple[str, list[str]]:
    """`text` without NUL characters and with lone surrogates replaced; notes on what changed."""
    notes: list[str] = []
    if "\x00" in text:
        notes.append(f"{text.count(chr(0))} NUL characters removed")
        text = text.replace("\x00", "")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # surrogatepass keeps valid pairs (they decode back to one character); lone halves become U+FFFD
        fixed = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        notes.append(f"{sum(1 for a, b in zip(text, fixed, strict=False) if a != b) or 1} "
                     "unpaired surrogate characters replaced by U+FFFD")
        text = fixed
    return text, notes


def type_name(value: object) -> str:
    return {dict: "an object", list: "a list", bool: "true/false", int: "a number", float: "a number",
            type(None): "null"}.get(type(value), type(value).__name__)


def check_id(value: object) -> str | None:
    """The record's id as a string, None when absent (null or ""); FieldError when unusable."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise FieldError(f"'id' must be a string or an integer, not {type_name(value)}")
    text = str(value) if isinstance(value, str) else _int_text(value)
    text, _ = clean_text(text)
    if not text.strip():
        raise FieldError("'id' is blank")
    if len(text) > MAX_ID_CHARS:
        raise FieldError(f"'id' has {len(text)} characters; at most {MAX_ID_CHARS} are allowed")
    return text


def _int_text(value: int) -> str:
    if value.bit_length() > 4 * MAX_ID_CHARS:  # far more digits than an id may have: do not format it
        raise FieldError(f"'id' is a number with more than {MAX_ID_CHARS} digits")
    return str(value)


def check_fields(record: dict[str, Any], limits: Limits) -> tuple[dict[str, Any], list[str]]:
    """Validated, normalised copies of the fields a reader passes on, and notes on what was changed."""
    text = record.get("text")
    if not isinstance(text, str):
        what = "missing" if text is None else f"{type_name(text)}, not a string"
        raise FieldError(f"'text' is {what}")
    if len(text) > limits.max_text_chars:
        raise FieldError(f"'text' has {len(text):,} characters; the limit is {limits.max_text_chars:,} "
                         "(split the article)")
    text, notes = clean_text(text)
    fields: dict[str, Any] = {"text": text}
    for name in STRING_FIELDS:
        value = record.get(name)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            raise FieldError(f"'{name}' must be a string, not {type_name(value)}")
        if len(value) > 10_000:
            raise FieldError(f"'{name}' has {len(value):,} characters; at most 10,000 are allowed")
        fields[name], more = clean_text(value)
        notes.extend(f"'{name}': {note}" for note in more)
    return fields, notes
