"""Which date in a sentence belongs to which event: the one modifying the event's own clause."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span, Token

from dateline import when
from dateline.events import frames
from dateline.nlp import lexicon_of
from dateline.records import DateRef


def date_for(trigger: Token, anchor: Token, publication: date | None) -> DateRef:
    """The event's own date; else the date of the clause that reports it; else the publication."""
    sent = trigger.sent
    dated = _dated_governors(sent)
    if dated:
        path = [*frames.clause_path(trigger), *frames.clause_path(anchor)]
        for tok in path:
            for governor, match in dated:
                if governor.i == tok.i:
                    ref = _resolve(match, governor, sent, publication)
                    if ref is not None:
                        return ref
        speech = frames.speech_head(anchor)
        for governor, match in dated:
            if speech is not None and governor.i == speech.i:
                ref = _resolve(match, governor, sent, publication)
                if ref is not None:
                    return ref
    return when.publication_fallback(publication)


def _dated_governors(sent: Span) -> list[tuple[Token, when.DateMatch]]:
    """Each temporal expression of the sentence with the verb (or noun) it modifies."""
    out = []
    for match in when.find_date_expressions(sent.text, lexicon_of(sent)):
        span = sent.char_span(match.start, match.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        root = span.root
        governor = root.head if root.head.i != root.i else root
        while governor.pos_ not in {"VERB", "AUX", "NOUN"} and governor.head.i != governor.i:
            governor = governor.head
        out.append((governor, match))
        if governor.pos_ == "NOUN" and governor.head.i != governor.i:
            verb = governor
            while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
                verb = verb.head
            out.append((verb, match))
    return out


def _resolve(match: when.DateMatch, governor: Token, sent: Span,
             publication: date | None) -> DateRef | None:
    verb = governor if governor.pos_ in {"VERB", "AUX"} else governor.head
    aux = [c.lemma_.lower() for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    lexicon = lexicon_of(sent)
    ref = when.resolve(match.text, publication, when.tense_of(verb.tag_, aux, lexicon), lexicon)
    if ref is None:
        return None
    start = sent.start_char + match.start
    return DateRef(ref.value, ref.precision, ref.text, ref.basis, start, start + len(match.text))
