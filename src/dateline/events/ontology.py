"""The event ontology: CAMEO codes with PLOVER event/mode/context, Goldstein score and QuadClass.

Data: data/cameo.tsv (bundled) plus any user TSV files with the same columns, which add codes or
override rows with the same code. The loader validates every row and names the bad line.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from dateline.errors import FileLineError

COLUMNS = ["code", "label", "plover_event", "plover_mode", "plover_context", "goldstein", "quad_class"]
PLOVER_EVENTS = {
    "REQUEST", "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT",
}
LEGACY_PLOVER = {"STATEMENT": "", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
                 "FIGHT": "ASSAULT", "YIELD": "CONCEDE"}
QUAD_BY_ROOT = {**dict.fromkeys(["01", "02", "03", "04", "05"], 1),
                **dict.fromkeys(["06", "07", "08"], 2),
                **dict.fromkeys(["09", "10", "11", "12", "13"], 3),
                **dict.fromkeys(["14", "15", "16", "17", "18", "19", "20"], 4)}


class OntologyError(FileLineError):
    """A bad row in an ontology file: 'path:line: message'."""


@dataclass(frozen=True)
class CameoCode:
    code: str
    label: str
    root: str
    plover_event: str | None  # None: no PLOVER type (CAMEO 01, statements)
    plover_mode: str | None
    plover_context: str | None
    goldstein: float
    quad_class: int


def _row(values: list[str], path: str, line: int) -> CameoCode:
    if len(values) < len(COLUMNS):
        raise OntologyError(path, line, f"expected {len(COLUMNS)} tab-separated columns, got {len(values)}")
    code, label, event, mode, context, goldstein, quad = (v.strip() for v in values[: len(COLUMNS)])
    if not code.isdigit() or not 2 <= len(code) <= 4:
        raise OntologyError(path, line, f"bad CAMEO code {code!r} (2-4 digits)")
    if event and event not in PLOVER_EVENTS:
        raise OntologyError(path, line, f"unknown PLOVER event {event!r} (empty: none, as for statements)")
    try:
        score, quad_class = float(goldstein), int(quad)
    except ValueError as exc:
        raise OntologyError(path, line, f"bad number ({exc})") from exc
    if not -10.0 <= score <= 10.0:
        raise OntologyError(path, line, f"Goldstein score {score} outside -10..10")
    if QUAD_BY_ROOT.get(code[:2]) != quad_class:
        raise OntologyError(path, line, f"QuadClass {quad_class} does not fit root {code[:2]}")
    return CameoCode(code, label, code[:2], event or None, mode or None, context or None, score, quad_class)


def _read(path: str, text: str, into: dict[str, CameoCode], seen_here: set[str]) -> None:
    for line, values in enumerate(csv.reader(text.splitlines(), delimiter="\t"), 1):
        if not values or not values[0].strip() or values[0].startswith("#") or values[0] == "code":
            continue
        entry = _row(values, path, line)
        if entry.code in seen_here:
            raise OntologyError(path, line, f"duplicate code {entry.code}")
        seen_here.add(entry.code)
        parent = entry.code[:-1] if len(entry.code) == 4 else entry.code[:2]
        if len(entry.code) > 2 and parent not in into and parent not in seen_here:
            raise OntologyError(path, line, f"code {entry.code} has no parent {parent} above it")
        into[entry.code] = entry


class Ontology:
    """All CAMEO codes, looked up by code."""

    def __init__(self, codes: dict[str, CameoCode]) -> None:
        self._codes = codes

    @classmethod
    def load(cls, extra: Sequence[Path] = ()) -> Ontology:
        codes: dict[str, CameoCode] = {}
        bundled = (resources.files("dateline.events") / "data" / "cameo.tsv").read_text(encoding="utf-8")
        _read("cameo.tsv", bundled, codes, set())
        for path in extra:
            _read(str(path), Path(path).read_text(encoding="utf-8"), codes, set())
        return cls(codes)

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> Ontology:
        return cls.load()

    def with_codes(self, declared: dict[str, str]) -> Ontology:
        """This ontology plus codes a trigger file declares (`codes:`) that it lacks: no PLOVER type,
        the QuadClass and Goldstein score of their CAMEO root when they have one (else 0)."""
        extra = {}
        for code, label in declared.items():
            if code in self._codes:
                continue
            root = self._codes.get(code[:2])
            extra[code] = CameoCode(code, label or f"declared code {code}", code[:2], None, None, None,
                                    root.goldstein if root else 0.0, root.quad_class if root else 0)
        return Ontology(self._codes | extra) if extra else self

    def get(self, code: str) -> CameoCode:
        try:
            return self._codes[code]
        except KeyError:
            raise KeyError(f"unknown CAMEO code {code!r}") from None

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def codes(self) -> list[str]:
        return sorted(self._codes)

    def roots(self) -> list[str]:
        return sorted(c for c in self._codes if len(c) == 2)

    def root_label(self, root: str) -> str:
        return self.get(root).label

    def codes_for_plover(self, event: str) -> list[str]:
        return sorted(c.code for c in self._codes.values() if c.plover_event == event)

    def plover_names(self) -> set[str]:
        return {c.plover_event for c in self._codes.values() if c.plover_event}

    @staticmethod
    def map_legacy_plover(name: str) -> str:
        """Older PLOVER labels in gold files: DEMAND -> REQUEST, DISAPPROVE -> ACCUSE, ...; STATEMENT
        (dateline's former label of CAMEO 01) -> "" (no PLOVER type)."""
        upper = name.strip().upper()
        return LEGACY_PLOVER.get(upper, upper)
