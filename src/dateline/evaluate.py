"""Score the coder against gold files: dateline JSONL, PLOVER JSON records, PETRARCH XML, and dateline's
own PLOVER and POLECAT exports.

Per sentence, coded events are matched one-to-one to gold events on a key (detection: any event;
root; full CAMEO code; PLOVER event; dyad = root + source + target actor at country level) and
precision, recall and F1 are summed over sentences. Negated and non-asserted coded events count
only where the gold says the event is negated or not asserted.
"""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from dateline.events.ontology import Ontology
from dateline.pipeline import code_articles
from dateline.progress import Progress
from dateline.records import Article, Event
from dateline.settings import Settings

METRICS = ("event", "root", "code", "plover", "dyad", "pair")


class GoldFormatError(ValueError):
    """A gold file that cannot be read; names the file and line."""


@dataclass(frozen=True)
class GoldEvent:
    cameo: str | None
    plover: str | None
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    negated: bool = False
    date: str | None = None
    any_modality: bool = False  # coded whatever its modality ("will abandon ties"), as PETRARCH2 codes


@dataclass(frozen=True)
class GoldSentence:
    id: str
    text: str
    date: date | None
    events: tuple[GoldEvent, ...]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    path: str
    sentences: int = 0
    scores: dict[str, Score] = field(default_factory=lambda: {m: Score() for m in METRICS})
    type_hits: int = 0  # sentences where an event of a gold PLOVER type was coded
    typed_sentences: int = 0
    source_hits: int = 0
    source_total: int = 0
    date_hits: int = 0
    date_total: int = 0
    confusion: Counter = field(default_factory=Counter)  # (gold root, coded root or '-')
    complete_hits: int = 0  # sentences whose every gold (source, target, code) coding was produced
    complete_total: int = 0  # sentences with gold codings that have a CAMEO code

    @property
    def type_accuracy(self) -> float:
        return self.type_hits / self.typed_sentences if self.typed_sentences else 0.0

    @property
    def source_recall(self) -> float:
        return self.source_hits / self.source_total if self.source_total else 0.0


# -- reading gold ---------------------------------------------------------------------------------

def _codes(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        code = item.get("code") if isinstance(item, dict) else item
        if code:
            out.append(str(code).upper())
    return tuple(out)


def _parse_date(value: Any) -> date | None:
    if not value:
        return None
    text = str(value)
    if len(text) == 8 and text.isdigit():
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _plover(value: Any) -> str | None:
    """A gold PLOVER type; dateline's former STATEMENT label (CAMEO 01) is no type."""
    return Ontology.map_legacy_plover(str(value)) or None if value else None


T = TypeVar("T")
_BAD_RECORD = (json.JSONDecodeError, KeyError, TypeError, AttributeError)


def _json_lines(path: Path, kind: str, build: Callable[[dict[str, Any]], T]) -> Iterator[T]:
    """Each non-blank line of a JSON-lines file built into a record; a bad line is one error naming file:line."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield build(json.loads(line))
            except _BAD_RECORD as exc:
                raise GoldFormatError(f"{path}:{number}: bad {kind} record ({exc})") from exc


def _gold_sentence(rec: dict[str, Any]) -> GoldSentence:
    events = tuple(
        GoldEvent(str(e.get("cameo")) if e.get("cameo") else None, _plover(e.get("plover")),
                  _codes(e.get("source")), _codes(e.get("target")), bool(e.get("negated")), e.get("date"))
        for e in rec.get("events", [])
    )
    return GoldSentence(str(rec["id"]), rec["text"], _parse_date(rec.get("date")), events)


def read_dateline_jsonl(path: Path) -> Iterator[GoldSentence]:
    return _json_lines(path, "gold", _gold_sentence)


def read_plover_json(path: Path) -> Iterator[GoldSentence]:
    ontology = Ontology.default()
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise GoldFormatError(f"{path}:{exc.lineno}: not a JSON array of records ({exc.msg})") from exc
    for rec in records:
        if not rec.get("text") or rec.get("event") == "DOCUMENT":
            continue
        event = GoldEvent(None, ontology.map_legacy_plover(str(rec.get("event", ""))) or None,
                          _codes(rec.get("source")), _codes(rec.get("target")))
        yield GoldSentence(str(rec.get("id")), rec["text"], _parse_date(rec.get("date")), (event,))


def read_petrarch_xml(path: Path) -> Iterator[GoldSentence]:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise GoldFormatError(f"{path}:{exc.position[0]}: not valid XML ({exc})") from exc
    for sent in root.iter("Sentence"):
        text_node = sent.find("Text")
        if text_node is None or not (text_node.text or "").strip():
            continue
        events = tuple(
            GoldEvent(c.get("eventcode"), None, _codes(c.get("sourcecode")),
                      _codes(c.get("targetcode")), any_modality=True)
            for c in sent.findall("EventCoding") if c.get("eventcode")
        )
        text = " ".join(text_node.text.split())
        yield GoldSentence(str(sent.get("id")), text, _parse_date(sent.get("date")), events)


# -- dateline's own PLOVER and POLECAT exports, read back ------------------------------------------

def _plover_record(rec: dict[str, Any]) -> tuple[str, str, Any, GoldEvent]:
    event = GoldEvent(rec.get("cameo"), rec["event"], _codes(rec.get("source")), _codes(rec.get("target")),
                      bool(rec.get("negated")), rec.get("date"))
    return (str(rec.get("storyId") or rec.get("id")), rec.get("text") or "",
            rec.get("publicationDate") or rec.get("date"), event)


def read_plover_lines(path: Path) -> Iterator[GoldSentence]:
    """`dateline export --format plover` (PLOVER JSON lines): records of one sentence form one gold sentence."""
    records = list(_json_lines(path, "PLOVER", _plover_record))
    return _sentences(records)


def read_polecat_tsv(path: Path) -> Iterator[GoldSentence]:
    """`dateline export --format polecat` (POLECAT's columns, then dateline's Story ID, Text, CAMEO...)."""
    records = []
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        missing = {"Event Type", "Story ID", "Text"} - set(rows.fieldnames or [])
        if missing:
            raise GoldFormatError(f"{path}:1: not a dateline POLECAT export (no {', '.join(sorted(missing))} column)")
        for row in rows:
            codes = [tuple(c for c in (row.get(f"{side} Codes") or "").split(";") if c)
                     for side in ("Actor", "Recipient")]
            event = GoldEvent(row.get("CAMEO") or None, row["Event Type"], codes[0], codes[1])
            records.append((row["Story ID"], row["Text"], row.get("Publication Date") or row.get("Event Date"), event))
    return _sentences(records)


def _sentences(records: list[tuple[str, str, Any, GoldEvent]]) -> Iterator[GoldSentence]:
    grouped: dict[tuple[str, str], list[tuple[Any, GoldEvent]]] = {}
    for story, text, day, event in records:
        if text:
            grouped.setdefault((story, text), []).append((day, event))
    for number, ((story, text), events) in enumerate(grouped.items(), 1):
        yield GoldSentence(f"{story}#{number}", text, _parse_date(events[0][0]), tuple(e for _, e in events))


def read_gold(path: Path) -> list[GoldSentence]:
    head = path.read_text(encoding="utf-8", errors="replace")[:2000].lstrip()
    if head.startswith("<"):
        return list(read_petrarch_xml(path))
    if head.startswith("["):
        return list(read_plover_json(path))
    if head.startswith("{") and '"eventText"' in head.splitlines()[0]:
        return list(read_plover_lines(path))  # `dateline export --format plover`
    if head.startswith("Event ID\t"):
        return list(read_polecat_tsv(path))  # `dateline export --format polecat`
    if head.startswith("{"):
        return list(read_dateline_jsonl(path))
    raise GoldFormatError(f"{path}:1: unknown gold format (expected JSONL, a JSON array or XML)")


# -- scoring --------------------------------------------------------------------------------------

def _country(code: str | None) -> str:
    return (code or "")[:3].upper()


def _countries(actors: Any) -> set[str]:
    """A coded side at country level: each actor's code read as its country, and the country the
    knowledge base gives a group whose code names none ('HEZ' is Lebanese: LBN)."""
    return {_country(a.code) for a in actors} | {a.country for a in actors if a.country}


def _keys(metric: str, ev: GoldEvent | Event) -> set[str]:
    if isinstance(ev, GoldEvent):
        cameo, plover = ev.cameo or "", ev.plover or ""
        sources = {_country(s) for s in ev.sources} or {""}
        targets = {_country(t) for t in ev.targets} or {""}
    else:
        cameo, plover = ev.cameo, ev.plover.event
        sources = _countries(ev.source) or {""}
        targets = _countries(ev.target) or {""}
    if metric == "event":
        return {"*"}
    if metric == "root":
        return {cameo[:2]}
    if metric == "code":
        return {cameo}
    if metric == "plover":
        return {plover}
    if metric == "pair":  # the whole actor codes, whatever the event: PETRARCH's source/target pairs
        if isinstance(ev, GoldEvent):
            full_s, full_t = set(ev.sources) or {""}, set(ev.targets) or {""}
        else:
            full_s = {a.code or "" for a in ev.source} or {""}
            full_t = {a.code or "" for a in ev.target} or {""}
        return {f"{s}|{t}" for s in full_s for t in full_t}
    return {f"{cameo[:2]}|{s}|{t}" for s in sources for t in targets}


def _match(gold: list[GoldEvent], coded: list[Event], key: Callable[[Any], set[str]]) -> Score:
    free = list(coded)
    score = Score()
    for g in gold:
        wanted = key(g)
        hit = next((c for c in free if key(c) & wanted), None)
        if hit is None:
            score.fn += 1
        else:
            score.tp += 1
            free.remove(hit)
    score.fp = len(free)
    return score


def _actor_codes(actors: Any) -> set[str]:
    return {(a.code or "---").upper() for a in actors} or {"---"}


def _produced(g: GoldEvent, coded: list[Event]) -> bool:
    """A coded event has the gold's full CAMEO code and its full source and target codes (PETRARCH's
    '---' is no actor); a gold side with no code accepts any actor."""
    return any(
        e.cameo == g.cameo
        and (not g.sources or bool(set(g.sources) & _actor_codes(e.source)))
        and (not g.targets or bool(set(g.targets) & _actor_codes(e.target)))
        for e in coded
    )


def _counted(event: Event, gold: tuple[GoldEvent, ...]) -> bool:
    if any(g.negated for g in gold):
        return True
    if any(g.any_modality for g in gold):
        return not event.negated
    return not event.negated and event.modality in {"asserted", "reported"}


def score_sentence(report: Report, sentence: GoldSentence, coded: list[Event], has_cameo: bool) -> None:
    """Add one sentence's matches to the report. Coded events with no PLOVER type (statements) do
    not count against a gold file that has only PLOVER types, nor in the `plover` metric."""
    coded = [e for e in coded if _counted(e, sentence.events) and (has_cameo or e.plover.event)]
    report.sentences += 1
    metrics = METRICS if has_cameo else ("event", "plover")
    for metric in metrics:
        gold, events = list(sentence.events), coded
        if metric == "plover":
            gold, events = [g for g in gold if g.plover], [e for e in coded if e.plover.event]
        s = _match(gold, events, lambda e, m=metric: _keys(m, e))
        total = report.scores[metric]
        total.tp, total.fp, total.fn = total.tp + s.tp, total.fp + s.fp, total.fn + s.fn
    coded_gold = [g for g in sentence.events if g.cameo]
    if coded_gold:
        report.complete_total += 1
        report.complete_hits += all(_produced(g, coded) for g in coded_gold)
    gold_types = {g.plover for g in sentence.events if g.plover}
    if gold_types:
        report.typed_sentences += 1
        report.type_hits += bool(gold_types & {e.plover.event for e in coded})
    coded_sources = {c for e in coded for c in _countries(e.source)}
    for g in sentence.events:
        report.source_total += len(g.sources)
        report.source_hits += sum(1 for s in g.sources if _country(s) in coded_sources)
        if g.date:
            report.date_total += 1
            report.date_hits += any(e.date.value and e.date.value.isoformat() == g.date for e in coded)
        if g.cameo:
            coded_labels = sorted({e.cameo[:2] for e in coded}) or ["-"]
            report.confusion[(g.cameo[:2], ",".join(coded_labels))] += 1
        else:
            coded_labels = sorted({e.plover.event for e in coded}) or ["-"]
            report.confusion[(g.plover or "?", ",".join(coded_labels))] += 1
    if not sentence.events:
        for e in coded:
            report.confusion[("-", e.cameo[:2] if has_cameo else e.plover.event)] += 1


def joint_acts(events: list[Event]) -> list[Event]:
    """PLOVER codes a joint act of two sides ("X and Y agreed") once, both sides its source and no
    target; the coder codes it both ways (X>Y and Y>X, as PETRARCH2 does). For PLOVER gold, each such
    pair becomes one event in PLOVER's form, so both are scored as PLOVER has them."""
    out: list[Event] = []
    for event in events:
        twin = next((o for o in out if _mirrors(o, event)), None)
        if twin is None:
            out.append(event)
        else:
            out[out.index(twin)] = replace(twin, source=twin.source + event.source, target=())
    return out


def _mirrors(a: Event, b: Event) -> bool:
    return (a.sentence_index == b.sentence_index and a.trigger == b.trigger and a.cameo == b.cameo
            and [x.code for x in a.source] == [x.code for x in b.target]
            and [x.code for x in a.target] == [x.code for x in b.source] and bool(a.target))


def evaluate_file(path: Path, settings: Settings, progress: Progress | None = None) -> Report:
    gold = read_gold(path)
    has_cameo = any(e.cameo for s in gold for e in s.events)
    articles = [Article(id=s.id, text=s.text, date=s.date) for s in gold]
    report = Report(str(path))
    by_id = {s.id: s for s in gold}
    if progress is not None:
        progress.total = len(articles)
    for coded in code_articles(articles, settings):
        events = list(coded.events) if has_cameo else joint_acts(list(coded.events))
        score_sentence(report, by_id[coded.article.id], events, has_cameo)
        if progress is not None:
            progress.tick(len(coded.events))
    return report


def format_report(report: Report, by_code: bool = False) -> str:
    lines = [f"gold: {report.path} ({report.sentences} sentences)"]
    if by_code:
        lines.append("confusion (gold root -> coded roots: count), most frequent first:")
        for (gold_root, coded), n in report.confusion.most_common():
            mark = "" if gold_root in coded.split(",") else "  <-- miss"
            lines.append(f"  {gold_root:>9} -> {coded:<24} {n:>4}{mark}")
    if report.date_total:
        lines.append(f"event dates right: {report.date_hits}/{report.date_total}")
    lines.append(f"{'metric':<8} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn")
    for name, s in report.scores.items():
        if s.tp + s.fp + s.fn:
            lines.append(f"{name:<8} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}   "
                         f"{s.tp}/{s.fp}/{s.fn}")
    lines.append(f"PLOVER event-type accuracy: {report.type_accuracy:.3f} "
                 f"({report.type_hits}/{report.typed_sentences} sentences)")
    lines.append(f"source-actor recall: {report.source_recall:.3f} "
                 f"({report.source_hits}/{report.source_total})")
    if report.complete_total:
        lines.append(f"sentences with every (source, target, code) coding: "
                     f"{report.complete_hits / report.complete_total:.3f} "
                     f"({report.complete_hits}/{report.complete_total})")
    return "\n".join(lines)
