"""`dateline actor NAME`: how a name resolves on a date, and why (entry, rule, role held then)."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from dateline.actors.kb import KnowledgeBase
from dateline.actors.resolver import Resolver


def explain_actor(name: str, day: date | None, kb: KnowledgeBase, nlp: Language) -> list[str]:
    """Lines describing the resolution of `name` as the subject of a sentence on `day`."""
    doc = nlp(f"{name} said on Monday.")
    span = doc.char_span(0, len(name), alignment_mode="expand")
    head = span.root if span is not None else doc[0]
    actors = Resolver(kb, day).resolve(head)
    lines = [f"{name!r} on {day or 'no date (latest known roles)'}:"]
    if not actors:
        lines.append("  unresolved: no knowledge-base entry, country word or role word matches")
    for actor in actors:
        lines.append(f"  code {actor.code or '-'}  country {actor.country or '-'}  sector {actor.sector or '-'}")
        lines.append(f"  rule: {actor.rule}")
    for hit in kb.find(name):
        lines.extend(_entry_lines(hit.kind, hit.entry, day))
    return lines


def _entry_lines(kind: str, entry: object, day: date | None) -> list[str]:
    if kind != "person":
        code = getattr(entry, "code", "?")
        return [f"  entry: {kind} {getattr(entry, 'name', '?')!r} [{code}]"]
    lines = [f"  entry: person {entry.name!r}"]
    held = entry.role_at(day)
    for role in entry.roles:
        mark = "  <- on this date" if held is role else ""
        span = f"{role.start or '...'}..{role.end or 'now'}"
        lines.append(f"    {role.country}{role.sector or ''}  {role.title}  {span}{mark}")
    return lines
