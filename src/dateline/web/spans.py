"""A mention's sentence cut into labelled pieces (displaCy-style): trigger, source, target, date, place.

Offsets in a mention are offsets into its article's text; the sentence is found in that text near
the trigger, and every span that falls inside the sentence becomes a labelled segment. Overlapping
spans keep the first in LABELS order (the trigger wins over an actor that contains it).
"""

from __future__ import annotations

from typing import Any

LABELS = ("trigger", "source", "target", "place", "date")
MODALITY = {"asserted": "asserted as fact", "intended": "intended or planned", "hypothetical": "hypothetical",
            "threatened": "threatened", "reported": "reported by someone else", "question": "asked as a question"}


def sentence_start(mention: dict[str, Any], text: str | None) -> int | None:
    """Where the mention's sentence starts in its article text (None when it cannot be placed)."""
    sentence, trigger = mention.get("sentence") or "", mention.get("trigger") or {}
    if not text or not sentence:
        return None
    anchor = trigger.get("start") or 0
    start = text.find(sentence, max(0, anchor - len(sentence)))
    if start < 0 or not start <= anchor <= start + len(sentence):
        start = text.find(sentence)
    return start if start >= 0 else None


def raw_spans(mention: dict[str, Any]) -> list[tuple[str, int | None, int | None, str | None]]:
    """(label, start, end, detail) for every evidence span, in article offsets."""
    trigger = mention.get("trigger") or {}
    spans = [("trigger", trigger.get("start"), trigger.get("end"), mention.get("cameo"))]
    for role in ("source", "target"):
        spans += [(role, a.get("start"), a.get("end"), a.get("code")) for a in mention.get(role) or []]
    place = mention.get("location") or {}
    spans.append(("place", place.get("start"), place.get("end"), place.get("country")))
    when = mention.get("date") or {}
    spans.append(("date", when.get("start"), when.get("end"), when.get("value")))
    return spans


def segments(mention: dict[str, Any], text: str | None) -> list[dict[str, Any]]:
    """The sentence as ``[{"text", "label", "detail"}]`` pieces; unlabelled pieces have label None."""
    sentence = mention.get("sentence") or ""
    offset = sentence_start(mention, text)
    if offset is None:
        return [{"text": sentence, "label": None, "detail": None}]
    kept: list[tuple[int, int, str, str | None]] = []
    for label, start, end, detail in sorted(raw_spans(mention), key=lambda s: LABELS.index(s[0])):
        if start is None or end is None:
            continue
        lo, hi = start - offset, end - offset
        if lo < 0 or hi > len(sentence) or lo >= hi or any(lo < k_hi and k_lo < hi for k_lo, k_hi, _, _ in kept):
            continue
        kept.append((lo, hi, label, detail))
    pieces, at = [], 0
    for lo, hi, label, detail in sorted(kept):
        if lo > at:
            pieces.append({"text": sentence[at:lo], "label": None, "detail": None})
        pieces.append({"text": sentence[lo:hi], "label": label, "detail": detail})
        at = hi
    if at < len(sentence):
        pieces.append({"text": sentence[at:], "label": None, "detail": None})
    return pieces


def in_words(mention: dict[str, Any]) -> str:
    """Modality, negation and attribution as a sentence: 'Asserted as fact; not negated; said by X.'"""
    words = [MODALITY.get(mention.get("modality") or "asserted", mention.get("modality") or "asserted")]
    words.append("negated: the text says it did not happen" if mention.get("negated") else "not negated")
    who = mention.get("attributed_to")
    words.append(f"attributed to {who}" if who else "not attributed to a speaker")
    return "; ".join(words).capitalize() + "."
