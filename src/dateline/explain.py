"""Human-readable evidence: for one stored event, the sentence and where each field came from
(`dateline show`); for a text, every candidate trigger and what became of it (`dateline explain`)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING, Any

from dateline.events.trace import Fate, Reading, Trace
from dateline.records import Article, Event
from dateline.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language

    from dateline.events.coder import Coder
    from dateline.events.screen import Screen


def _mark(text: str | None, start: int | None, end: int | None) -> str:
    if text is None:
        return "-"
    where = f" [chars {start}-{end}]" if start is not None else ""
    return f"{text!r}{where}"


def _actor_lines(label: str, actors: list[dict[str, Any]]) -> list[str]:
    if not actors:
        return [f"{label:<10} -"]
    lines = []
    for actor in actors:
        code = actor.get("code") or "unresolved"
        lines.append(f"{label:<10} {code:<10} {_mark(actor['text'], actor['start'], actor['end'])}"
                     f"  ({actor.get('rule') or 'no rule'})")
    return lines


def describe_event(event: dict[str, Any], article: dict[str, Any] | None) -> str:
    """What `dateline show` prints."""
    plover = event["plover"]
    date = event.get("date") or {}
    location = event.get("location")
    lines = [
        f"event      {event['id']}  (article {event['article_id']}, sentence {event['sentence_index']})",
        f"CAMEO      {event['cameo']}  quad class {event['quad_class']}  Goldstein {event['goldstein']}",
        f"PLOVER     {plover['event'] or 'none (a statement, CAMEO 01)'}"
        + (f" / {plover['mode']}" if plover.get("mode") else "")
        + (f" / {plover['context']}" if plover.get("context") else ""),
        f"trigger    {_mark(event['trigger']['text'], event['trigger']['start'], event['trigger']['end'])}",
        *_actor_lines("source", event["source"]),
        *_actor_lines("target", event["target"]),
        f"date       {date.get('value') or 'unknown'} ({date.get('precision')}, {date.get('basis')})"
        f"  from {_mark(date.get('text'), date.get('start'), date.get('end'))}",
        f"location   {location.get('name') or location.get('text') if location else '-'}",
        f"negated    {event['negated']}   modality {event['modality']}"
        f"   confidence {event['confidence']}",
        f"reported   {event.get('attributed_to') or '-'}",
        f"sentence   {event['sentence']}",
    ]
    if article:
        lines.append(f"article    {article.get('title') or article['id']}"
                     f" ({article.get('source') or 'unknown source'}, {article.get('date') or 'no date'})")
    return "\n".join(lines)


# -- why an event is there or missing: `dateline explain` ------------------------------------------

OTHER_READING = "a better reading of the word"  # the detail of a word's readings that were not chosen

@dataclass(frozen=True)
class Explanation:
    """Every candidate trigger of an article and what became of it, and the events coded."""

    article: Article
    readings: tuple[Reading, ...]
    events: tuple[Event, ...]


def explain_text(text: str, *, date: str | None = None, settings: Settings | None = None) -> Explanation:
    """Explain the coding of one text (a sentence or an article), dated `date` (ISO) if given."""
    from dateline.library import Dateline

    return explain_article(Dateline(settings).article(text, date=date), settings)


def explain_article(article: Article, settings: Settings | None = None) -> Explanation:
    """Code `article` as `dateline code` does, recording every candidate trigger's fate."""
    from dateline.nlp import load_pipeline
    from dateline.pipeline import build_coder, build_screen, parse_texts, text_for_parser, with_dateline

    settings = settings or Settings()
    article = with_dateline(article, settings)  # the dateline place geocoded, as code_articles does
    nlp = load_pipeline(settings.model)
    coder = build_coder(settings)
    screen = build_screen(settings)
    [doc] = parse_texts(nlp, [text_for_parser(article, screen)], settings)
    trace = Trace()
    coded = coder.code(doc, article, trace)
    events = tuple(e for e in coded if e.confidence >= settings.min_confidence)
    readings = [_final_fate(r, events, settings.min_confidence) for r in trace.readings]
    if screen is not None:
        readings += _screened_out(nlp, coder, article, screen, settings)
    readings.sort(key=lambda r: (r.start, r.detail.startswith(OTHER_READING), r.fate != Fate.SCREENED_OUT))
    return Explanation(article, tuple(readings), events)


def _final_fate(reading: Reading, events: tuple[Event, ...], floor: float) -> Reading:
    """A reading the sentence kept may still be dropped for the article: a headline told again in
    the body, or an event below the confidence floor."""
    if reading.fate not in {Fate.KEPT, Fate.NEGATED}:
        return reading
    final = tuple(e for e in reading.events if e in events)
    if final:
        return replace(reading, events=final)
    if reading.events and all(e.confidence < floor for e in reading.events):
        low = max(e.confidence for e in reading.events)
        return replace(reading, fate=Fate.BELOW_CONFIDENCE, detail=f"confidence {low:.2f} < {floor:.2f}")
    return replace(reading, fate=Fate.MERGED, detail="headline repeat: told again later in the article")


def _screened_out(nlp: Language, coder: Coder, article: Article, screen: Screen,
                  settings: Settings) -> list[Reading]:
    """Candidate triggers in the sentences the screen blanked before the parser."""
    from dateline.pipeline import parse_texts, text_for_parser

    whole = text_for_parser(article, None)
    screened = screen.blank(whole)
    if screened == whole:
        return []
    [doc] = parse_texts(nlp, [whole], settings)
    out: list[Reading] = []
    for index, sent in enumerate(doc.sents):
        if screened[sent.start_char : sent.end_char].strip():
            continue  # the screen kept this sentence: the coder saw it
        for tok in sent:
            if coder.is_candidate(tok):
                out.append(Reading(index, sent.text.strip(), tok.text, tok.idx, tok.idx + len(tok),
                                   tok.lemma_.lower(), tok.pos_, Fate.SCREENED_OUT,
                                   detail="no word of the sentence is a form of a trigger the screen knows"))
    return out


def describe_explanation(explanation: Explanation) -> str:
    """What `dateline explain` prints: one block per sentence, one line per candidate."""
    lines = [f"article {explanation.article.id}: {len(explanation.events)} events, "
             f"{len(explanation.readings)} candidate triggers"]
    last = None
    for r in explanation.readings:
        if r.sentence != last:
            lines += ["", f"sentence: {r.sentence}"]
            last = r.sentence
        code = f" {r.code}" if r.code else ""
        lines.append(f"  {r.trigger!r} [chars {r.start}-{r.end}] {r.pos}{code}: {r.fate.value}"
                     + (f" - {r.detail}" if r.detail else ""))
        if r.rule:
            lines.append(f"      rule     {r.rule} (score {r.score:g})")
        for a in r.arguments:
            actors = ", ".join(c or "(no code)" for c in a.actors) or "nothing"
            lines.append(f"      {a.role:<8} {a.text!r} ({a.kind}, score {a.score:g}) -> {actors}")
        for e in r.events:
            dyad = f"{'+'.join(a.code or '?' for a in e.source)} -> {'+'.join(a.code or '?' for a in e.target) or '-'}"
            lines.append(f"      event    {e.cameo} {dyad} confidence {e.confidence:.2f}"
                         + (" negated" if e.negated else "") + ("" if e.modality == "asserted" else f" {e.modality}"))
    return "\n".join(lines)


def reading_dict(reading: Reading) -> dict[str, Any]:
    """A reading as JSON: its fields, the fate's name, each event's code and dyad."""
    out = {k: v for k, v in asdict(reading).items() if k not in {"events", "fate"}}
    out["fate"] = reading.fate.value
    out["events"] = [{"cameo": e.cameo, "source": [a.code for a in e.source], "target": [a.code for a in e.target],
                      "negated": e.negated, "modality": e.modality, "confidence": e.confidence}
                     for e in reading.events]
    return out
