"""Score the coder on CASE 2021 task 2 snippets (`id  EventSnippet  SubType`) with a subtype map.

Each snippet is coded as one undated article, read the way `dateline code` reads a JSONL record;
its predicted set is the PLOVER types of its non-negated events. The map (`subtype  types  role`,
tab-separated, one header line) says which PLOVER types each subtype accepts and its role:
`event` snippets score a detection when anything is coded and a type-hit when an accepted type is;
`none` snippets (disasters) score a false alarm when anything is coded; `ignore` ones are listed but
not scored. CASE score = macro type-hit (mean over event subtypes) x (1 - false-alarm rate).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from dateline.evaluate import GoldFormatError
from dateline.ingest.readers import Defaults, IngestError, build_article
from dateline.pipeline import code_articles
from dateline.progress import Progress
from dateline.settings import Settings

CASE_HEADER = ("id", "EventSnippet", "SubType")
ROLES = ("event", "none", "ignore")


@dataclass(frozen=True)
class CaseMap:
    accept: dict[str, frozenset[str]]
    role: dict[str, str]


@dataclass
class CaseReport:
    path: str
    snippets: int = 0
    events: int = 0
    roles: dict[str, str] = field(default_factory=dict)  # subtype -> role ("ignore" when unmapped)
    n: Counter = field(default_factory=Counter)
    detected: Counter = field(default_factory=Counter)
    hits: Counter = field(default_factory=Counter)
    predicted: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    unmapped: tuple[str, ...] = ()

    def _subtypes(self, role: str) -> list[str]:
        return [s for s in self.n if self.roles.get(s) == role]

    @property
    def event_snippets(self) -> int:
        return sum(self.n[s] for s in self._subtypes("event"))

    @property
    def detection(self) -> float:
        total = self.event_snippets
        return sum(self.detected[s] for s in self._subtypes("event")) / total if total else 0.0

    @property
    def type_hit_recall(self) -> float:
        total = self.event_snippets
        return sum(self.hits[s] for s in self._subtypes("event")) / total if total else 0.0

    @property
    def macro_type_hit(self) -> float:
        subs = self._subtypes("event")
        return sum(self.hits[s] / self.n[s] for s in subs) / len(subs) if subs else 0.0

    @property
    def none_snippets(self) -> int:
        return sum(self.n[s] for s in self._subtypes("none"))

    @property
    def false_alarm(self) -> float:
        total = self.none_snippets
        return sum(self.detected[s] for s in self._subtypes("none")) / total if total else 0.0

    @property
    def score(self) -> float:
        return self.macro_type_hit * (1 - self.false_alarm)


def is_case_file(path: Path) -> bool:
    """True when the file's first line is the CASE header `id  EventSnippet  SubType`."""
    with path.open(encoding="utf-8", errors="replace") as handle:
        first = handle.readline()
    return tuple(first.rstrip("\r\n").split("\t")) == CASE_HEADER


def read_case_map(path: Path) -> CaseMap:
    """The subtype map: `subtype<TAB>PLOVER types (comma-separated)<TAB>role` after one header line."""
    accept: dict[str, frozenset[str]] = {}
    role: dict[str, str] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 3 or parts[2].strip() not in ROLES:
            raise GoldFormatError(f"{path}:{number}: expected 'subtype<TAB>types<TAB>role' with role "
                                  f"one of {', '.join(ROLES)}")
        sub = parts[0].strip()
        accept[sub] = frozenset(t.strip() for t in parts[1].split(",") if t.strip())
        role[sub] = parts[2].strip()
    if not role:
        raise GoldFormatError(f"{path}:1: no subtypes in the CASE map")
    return CaseMap(accept, role)


def read_case_snippets(path: Path) -> list[tuple[str, str, str]]:
    """(id, snippet, subtype) rows of a CASE file; a row without three fields is an error naming its line."""
    rows = []
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or tuple(lines[0].split("\t")) != CASE_HEADER:
        raise GoldFormatError(f"{path}:1: not a CASE file (expected the header 'id<TAB>EventSnippet<TAB>SubType')")
    for number, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise GoldFormatError(f"{path}:{number}: expected 3 tab-separated fields, found {len(parts)}")
        rows.append((parts[0], parts[1], parts[2].strip()))
    return rows


def default_case_map(path: Path) -> Path:
    """`plover_map.tsv` beside a CASE file, used when no --case-map is given."""
    beside = path.parent / "plover_map.tsv"
    if not beside.exists():
        raise GoldFormatError(f"{path}:1: a CASE file needs its subtype map (--case-map MAP.tsv)")
    return beside


def evaluate_case(path: Path, settings: Settings, map_path: Path | None = None,
                  progress: Progress | None = None) -> CaseReport:
    rows = read_case_snippets(path)
    case_map = read_case_map(map_path or default_case_map(path))
    gold = {f"c{ident}": sub for ident, _, sub in rows}
    articles = []
    for ident, text, _ in rows:
        built = build_article({"id": f"c{ident}", "text": text}, f"{path}:{ident}", Defaults())
        if not isinstance(built, IngestError):  # a snippet the reader refuses scores as no events
            articles.append(built)
    predicted: dict[str, set[str]] = defaultdict(set)
    report = CaseReport(str(path), snippets=len(rows))
    if progress is not None:
        progress.total = len(articles)
    for coded in code_articles(articles, settings):
        if progress is not None:
            progress.tick(len(coded.events))
        for event in coded.events:
            report.events += 1
            if not event.negated and event.plover.event:
                predicted[coded.article.id].add(event.plover.event)
    _tally(report, gold, predicted, case_map)
    return report


def _tally(report: CaseReport, gold: dict[str, str], predicted: dict[str, set[str]], case_map: CaseMap) -> None:
    for aid, sub in gold.items():
        types = predicted.get(aid, set())
        report.n[sub] += 1
        report.detected[sub] += bool(types)
        report.hits[sub] += bool(types & case_map.accept.get(sub, frozenset()))
        report.predicted[sub].update(types)
        report.roles[sub] = case_map.role.get(sub, "ignore")
    report.unmapped = tuple(sorted({s for s in gold.values() if s not in case_map.role}))


def format_case_report(report: CaseReport) -> str:
    lines = [f"gold: {report.path} ({report.snippets} CASE snippets, {report.events} events)",
             f"{'subtype':30s} {'role':6s} {'n':>4s} {'detect':>6s} {'type-hit':>8s}  most predicted"]
    order = {"event": 0, "none": 1}
    for sub in sorted(report.n, key=lambda s: (order.get(report.roles[s], 2), s)):
        role, n = report.roles[sub], report.n[sub]
        hit = f"{report.hits[sub] / n:8.2f}" if role == "event" else f"{'-':>8s}"
        common = ",".join(f"{t}:{c}" for t, c in report.predicted[sub].most_common(3))
        lines.append(f"{sub:30s} {role:6s} {n:4d} {report.detected[sub] / n:6.2f} {hit}  {common}")
    if report.unmapped:
        lines.append(f"not in the map (not scored): {', '.join(report.unmapped)}")
    events = len([s for s in report.n if report.roles[s] == "event"])
    lines.append(f"event snippets {report.event_snippets}: detection={report.detection:.3f} "
                 f"type-hit recall={report.type_hit_recall:.3f} macro type-hit={report.macro_type_hit:.3f} "
                 f"({events} subtypes); none snippets {report.none_snippets}: "
                 f"false-alarm={report.false_alarm:.3f}")
    lines.append(f"CASE: score={report.score:.3f} macro-type-hit={report.macro_type_hit:.3f} "
                 f"false-alarm={report.false_alarm:.3f}")
    return "\n".join(lines)
