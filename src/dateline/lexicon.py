"""Word lists as data: named word sets and word mappings read from validated YAML files.

The bundled lexicons live in `dateline/data/lexicon/*.yaml`; each top-level key names one entry:

    speech_verbs:
      description: Verbs that report what someone said.
      words: [say, tell, report]
    months:
      description: Month names and abbreviations, to their number.
      map: {january: 1, jan: 1}
    quantity_heads:
      description: Heads of a counted phrase.
      include: [quantity_nouns]        # the words of other sets, defined once
      words: [group, crowd]

A user file (setting `lexicon_files`, option `--lexicon FILE`) changes bundled entries with `add:` and
`remove:` (words, or map entries / keys), replaces them with `words:` / `map:`, or defines new ones.
Unknown keys, wrong types, repeated words and names that no file defines are errors with file and
line (`LexiconError`). The code reads a `Lexicon` built from the settings, never a module global, so
a user's words reach worker processes with the settings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from dateline import yamlio
from dateline.errors import FileLineError

KEYS = {"description", "words", "map", "include", "add", "remove"}
MapValue = int | str | tuple[str, ...]
# Maps whose values the code reads as numbers, or as one of the program's own names (enum values).
NUMBER_MAPS = frozenset({"months", "weekdays", "seasons", "numbers", "ordinals", "quarter_ordinals",
                         "relative_steps", "month_parts", "year_parts", "deictic_days"})
MAP_VALUES = {"time_units": ("day", "week", "month", "year", "weekend"), "direction_words": ("future", "past")}


class LexiconError(FileLineError):
    """A lexicon file has a bad entry; says which file and line."""


@dataclass
class _Entry:
    """One named entry while files are read (words or map, plus the sets it includes)."""

    path: str
    line: int
    description: str = ""
    words: set[str] | None = None
    map: dict[str, MapValue] | None = None
    include: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Lexicon:
    """Every named word set and word mapping in use (bundled, then the user's files)."""

    sets: Mapping[str, frozenset[str]]
    maps: Mapping[str, Mapping[str, MapValue]]
    descriptions: Mapping[str, str]

    def words(self, name: str) -> frozenset[str]:
        """The words of set `name` (KeyError names the set when it does not exist)."""
        return self.sets[name]

    def mapping(self, name: str) -> Mapping[str, MapValue]:
        return self.maps[name]

    def adding(self, name: str, words: frozenset[str]) -> Lexicon:
        """This lexicon with `words` added to set `name` (itself when they are all there already)."""
        if words <= self.sets[name]:
            return self
        return replace(self, sets={**self.sets, name: self.sets[name] | words})

    def __hash__(self) -> int:
        return id(self)


def _words(value: Any, path: str, line: int, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise LexiconError(path, line, f"`{key}` must be a list of words")
    words = [w.strip().lower() for w in value]
    repeated = sorted({w for w in words if words.count(w) > 1})
    if repeated:
        raise LexiconError(path, line, f"`{key}` repeats {repeated}")
    return words


def _value(value: Any) -> MapValue | None:
    if isinstance(value, int | str) and not isinstance(value, bool):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def _map(value: Any, path: str, line: int, key: str, name: str = "") -> dict[str, MapValue]:
    values = {k: _value(v) for k, v in value.items()} if isinstance(value, dict) else {}
    if not isinstance(value, dict) or not all(isinstance(k, str) and v is not None for k, v in values.items()):
        raise LexiconError(path, line, f"`{key}` must map words to numbers, words or lists of words")
    mapped = {k.strip().lower(): v for k, v in values.items() if v is not None}
    _check_values(name, mapped, path, line)
    return mapped


def _check_values(name: str, mapped: dict[str, MapValue], path: str, line: int) -> None:
    """The values of an entry the code reads as numbers or as one of its own names."""
    if name in NUMBER_MAPS and not all(isinstance(v, int) for v in mapped.values()):
        raise LexiconError(path, line, f"{name!r}: every word must map to a whole number")
    allowed = MAP_VALUES.get(name)
    if allowed and not all(v in allowed for v in mapped.values()):
        raise LexiconError(path, line, f"{name!r}: every word must map to one of {list(allowed)}")


def _check_keys(name: str, data: Any, path: str, line: int) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise LexiconError(path, line, f"{name!r}: expected a mapping with description and words or map")
    unknown = set(data) - KEYS
    if unknown:
        raise LexiconError(path, line, f"{name!r}: unknown key(s) {sorted(unknown)}; allowed: {sorted(KEYS)}")
    if "words" in data and "map" in data:
        raise LexiconError(path, line, f"{name!r}: has both `words` and `map`")
    if "description" in data and not isinstance(data["description"], str):
        raise LexiconError(path, line, f"{name!r}: `description` must be text")
    return data


def _new_entry(name: str, data: dict[str, Any], path: str, line: int) -> _Entry:
    if "add" in data or "remove" in data:
        raise LexiconError(path, line, f"{name!r}: no such lexicon entry to add to or remove from")
    if not data.get("description"):
        raise LexiconError(path, line, f"{name!r}: a new entry needs a `description`")
    if "words" not in data and "map" not in data:
        raise LexiconError(path, line, f"{name!r}: needs `words` or `map`")
    entry = _Entry(path, line, data["description"])
    _replace(entry, name, data, path, line)
    return entry


def _replace(entry: _Entry, name: str, data: dict[str, Any], path: str, line: int) -> None:
    if "description" in data:
        entry.description = data["description"]
    if "words" in data:
        entry.words, entry.map = set(_words(data["words"], path, line, "words")), None
    if "map" in data:
        entry.map, entry.words = _map(data["map"], path, line, "map", name), None
    if "include" in data:
        entry.include = _words(data["include"], path, line, "include")
    if entry.words is None and entry.include:
        raise LexiconError(path, line, f"{name!r}: only a word set can `include` other sets")


def _change(entry: _Entry, name: str, data: dict[str, Any], path: str, line: int) -> None:
    """A user's `add`/`remove` on an existing entry (after any replacement in the same entry)."""
    if ("words" in data and entry.map is not None) or ("map" in data and entry.words is not None):
        kind = "map" if entry.map is not None else "word set"
        raise LexiconError(path, line, f"{name!r} is a {kind} in {entry.path}: change it with its own kind")
    _replace(entry, name, data, path, line)
    for key in ("add", "remove"):
        if key not in data:
            continue
        if entry.map is not None:
            if key == "add":
                entry.map.update(_map(data[key], path, line, key, name))
            else:
                for word in _words(data[key], path, line, key):
                    entry.map.pop(word, None)
        elif key == "add":
            entry.words = (entry.words or set()) | set(_words(data[key], path, line, key))
        else:
            entry.words = (entry.words or set()) - set(_words(data[key], path, line, key))


def _read(path: str, text: str, into: dict[str, _Entry], user: bool) -> None:
    try:
        root = yamlio.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise LexiconError(path, mark.line + 1 if mark else 1, f"not valid YAML: {exc}") from None
    if root is None:
        return
    if not isinstance(root, yaml.MappingNode):
        raise LexiconError(path, 1, "expected a mapping of entry names to entries")
    seen: set[str] = set()
    for key, value in root.value:
        name, line = str(key.value), key.start_mark.line + 1
        if name in seen:
            raise LexiconError(path, line, f"{name!r} is defined twice in this file")
        seen.add(name)
        data = _check_keys(name, yamlio.node_value(value), path, line)
        if name in into and user:
            _change(into[name], name, data, path, line)
        elif name in into:
            raise LexiconError(path, line, f"{name!r} is already defined in {into[name].path}")
        else:
            into[name] = _new_entry(name, data, path, line)


def _resolve(name: str, entries: dict[str, _Entry], done: dict[str, frozenset[str]],
             stack: tuple[str, ...] = ()) -> frozenset[str]:
    if name in done:
        return done[name]
    entry = entries[name]
    words = set(entry.words or ())
    for other in entry.include:
        if other in stack or other == name:
            raise LexiconError(entry.path, entry.line, f"{name!r} includes itself through {other!r}")
        if other not in entries or entries[other].words is None:
            raise LexiconError(entry.path, entry.line, f"{name!r} includes {other!r}, which is no word set")
        words |= _resolve(other, entries, done, (*stack, name))
    done[name] = frozenset(words)
    return done[name]


def words_pattern(words: Iterable[str]) -> str:
    """Words or phrases as one regular-expression group, longest first (so 'share this' is tried
    before 'share'); a group that never matches when there are none (a user removed them all)."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w) for w in ordered) + ")" if ordered else r"(?!)"


def bundled_files() -> list[tuple[str, str]]:
    """(name, text) of the bundled lexicon files, in name order."""
    folder = resources.files("dateline") / "data" / "lexicon"
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name)
    return [(f"lexicon/{f.name}", f.read_text(encoding="utf-8")) for f in files]


def load_lexicon(extra: Sequence[Path] = ()) -> Lexicon:
    """The bundled lexicon changed by the user's files, in order (LexiconError on a bad entry)."""
    entries: dict[str, _Entry] = {}
    for name, text in bundled_files():
        _read(name, text, entries, user=False)
    for path in extra:
        _read(str(path), Path(path).read_text(encoding="utf-8"), entries, user=True)
    sets: dict[str, frozenset[str]] = {}
    for name, entry in entries.items():
        if entry.words is not None:
            _resolve(name, entries, sets)
    maps = {name: dict(e.map) for name, e in entries.items() if e.map is not None}
    return Lexicon(sets, maps, {name: e.description for name, e in entries.items()})


@lru_cache(maxsize=8)
def lexicon_for(files: tuple[Path, ...] = ()) -> Lexicon:
    """`load_lexicon`, once per process and tuple of user files (the settings' `lexicon_files`)."""
    return load_lexicon(files)


def default_lexicon() -> Lexicon:
    """The bundled lexicon only."""
    return lexicon_for(())
