"""Human-readable evidence for one stored event: the sentence and where each field came from."""

from __future__ import annotations

from typing import Any


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
        f"PLOVER     {plover['event']}"
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
