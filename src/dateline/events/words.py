"""The event coder's word lists and code conditions, read from data/coder.yaml (validated).

Every key of the file must be there and no other; each value is a list of strings. Errors name the
file and line (`WordsError`). `WORDS` is the bundled set; `load_words(extra)` adds a user's files
(their words join the bundled lists; a key they leave out keeps the bundled words).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from dateline import yamlio
from dateline.errors import FileLineError


class WordsError(FileLineError):
    """A bad entry in a coder word file; says which file and line."""


@dataclass(frozen=True)
class Words:
    not_happening: frozenset[str]
    demonstratives: frozenset[str]
    answering_verbs: frozenset[str]
    support_preps: frozenset[str]
    meeting_preps: frozenset[str]
    noun_target_preps: frozenset[str]
    person_nouns: frozenset[str]
    place_nouns: frozenset[str]
    place_preps: frozenset[str]
    killing_verbs: frozenset[str]
    mass_words: frozenset[str]
    mass_numbers: frozenset[str]
    mass_counters: frozenset[str]
    demand_modals: frozenset[str]
    appeal_modals: frozenset[str]
    threat_conditions: frozenset[str]
    place_target_roots: frozenset[str]
    place_target_exceptions: frozenset[str]
    domestic_roots: frozenset[str]
    domestic_sectors: frozenset[str]
    armed_non_state_sectors: frozenset[str]
    manner_preps: frozenset[str]
    target_preps: tuple[str, ...]  # tried in this order
    inner_preps: frozenset[str]
    owner_preps: frozenset[str]
    border_nouns: frozenset[str]


KEYS = {f.name: f for f in fields(Words)}
ORDERED = {"target_preps"}


def _read(path: str, text: str, required: bool) -> dict[str, list[str]]:
    try:
        root = yamlio.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise WordsError(path, mark.line + 1 if mark else 1, f"not valid YAML: {exc}") from None
    if not isinstance(root, yaml.MappingNode):
        raise WordsError(path, 1, "expected a mapping of word lists")
    out: dict[str, list[str]] = {}
    for key_node, value_node in root.value:
        key, line = key_node.value, key_node.start_mark.line + 1
        if key not in KEYS:
            raise WordsError(path, line, f"unknown key {key!r}; allowed: {sorted(KEYS)}")
        value = yamlio.node_value(value_node)
        if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
            raise WordsError(path, line, f"{key}: expected a list of words")
        out[key] = [w.strip() for w in value]
    missing = sorted(set(KEYS) - set(out)) if required else []
    if missing:
        raise WordsError(path, 1, f"missing key(s) {missing}")
    return out


def load_words(extra: Sequence[Path] = ()) -> Words:
    """The bundled words plus those of the user's files."""
    data = resources.files("dateline.events") / "data" / "coder.yaml"
    merged = _read("coder.yaml", data.read_text(encoding="utf-8"), required=True)
    for path in extra:
        for key, words in _read(str(path), Path(path).read_text(encoding="utf-8"), required=False).items():
            merged[key] = merged[key] + [w for w in words if w not in merged[key]]
    return Words(**{k: tuple(v) if k in ORDERED else frozenset(v) for k, v in merged.items()})


@lru_cache(maxsize=1)
def default_words() -> Words:
    return load_words()


WORDS = default_words()
