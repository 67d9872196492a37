"""The Python API: load the coder once, code a string or many articles, code and store.

    import dateline
    dl = dateline.load()                                   # or dateline.Dateline(Settings(...))
    events = dl.code("Putin met Xi in Moscow on Tuesday.", date="2023-03-21")
    for coded in dl.code_articles([{"id": "a1", "text": "...", "date": "2023-03-21"}]): ...

`code_and_store` is the one loop that codes and stores records; `dateline ingest`, `dateline recode`
and the REST API's POST /articles all run it. Every record gets one outcome (`Stored`): a record
that cannot be read, validated, coded or stored is `rejected` with its origin (file:line) and the
reason, and the others go on.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dateline import version
from dateline.ingest.readers import Defaults, IngestError, IngestNote, Item, build_article
from dateline.pipeline import Coded, code_articles
from dateline.records import Article, Event
from dateline.settings import Settings
from dateline.store.base import Store, StoreError


class InvalidArticle(ValueError):
    """An article given to the API cannot be coded (no text, bad date, wrong field type...)."""


@dataclass(frozen=True)
class Stored:
    """What became of one input record in `code_and_store`.

    status: 'inserted', 'replaced', 'unchanged' (add), 'recoded' (recode), 'rejected' (with the
    reason in `message`) or 'note' (a repair made to a record that was still read)."""

    origin: str
    status: str
    article_id: str | None = None
    events: int = 0
    message: str | None = None
    undated: bool = False

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}" if self.message else f"{self.origin}: {self.status}"


@dataclass
class RunReport:
    """Counts of a `code_and_store` run; `status` is the exit status it calls for (0 or 1)."""

    stored: dict[str, int] = field(default_factory=lambda: {"inserted": 0, "replaced": 0, "unchanged": 0,
                                                            "recoded": 0})
    events: int = 0
    rejected: int = 0
    notes: int = 0

    def add(self, outcome: Stored) -> Stored:
        if outcome.status == "rejected":
            self.rejected += 1
        elif outcome.status == "note":
            self.notes += 1
        else:
            self.stored[outcome.status] += 1
            self.events += outcome.events
        return outcome

    @property
    def articles(self) -> int:
        return sum(self.stored.values())

    @property
    def status(self) -> int:
        return 1 if self.rejected else 0


def code_and_store(items: Iterable[Item], store: Store, settings: Settings, *, recode: bool = False,
                   coder_version: str | None = None) -> Iterator[Stored]:
    """Code every article among `items` and store it with its events; one `Stored` per item.

    `items` may mix Articles with the IngestErrors and IngestNotes of a reader. Two records with the
    same id and different texts in one run: the second is rejected (never a silent overwrite). With
    `recode`, stored articles get their mentions replaced (`Store.recode_article`)."""
    coder_version = coder_version or version.coder_version(settings)
    seen: dict[str, tuple[str, str]] = {}  # id -> (content hash, origin) of this run's articles
    queue: deque[Stored | None] = deque()  # in input order: reader outcomes, None for an article being coded

    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, Article):
                clash = id_clash(item, seen)
                if clash is None:
                    queue.append(None)
                    yield item
                else:
                    queue.append(Stored(item.origin or item.id, "rejected", item.id, message=clash))
            else:
                status = "note" if isinstance(item, IngestNote) else "rejected"
                queue.append(Stored(item.origin, status, message=item.message))

    for coded in code_articles(articles(), settings):
        while (waiting := queue.popleft()) is not None:  # the coder reads ahead: keep the input's order
            yield waiting
        yield _store(store, coded, recode, coder_version)
    yield from (o for o in queue if o is not None)


def id_clash(article: Article, seen: dict[str, tuple[str, str]]) -> str | None:
    """Why `article` must be rejected when its id was seen in this run with another text, else None."""
    known = seen.get(article.id)
    if known is None:
        seen[article.id] = (article.content_hash, article.origin or article.id)
        return None
    if known[0] == article.content_hash:
        return None  # the same article twice: storing it again changes nothing
    return f"id {article.id!r} is already used in this run by {known[1]} with a different text; give it its own id"


def _store(store: Store, coded: Coded, recode: bool, coder_version: str) -> Stored:
    article = coded.article
    origin = article.origin or article.id
    if coded.error:
        return Stored(origin, "rejected", article.id, message=coded.error)
    try:
        if recode:
            store.recode_article(article, coded.events, coder_version)
            status = "recoded"
        else:
            status = store.add_article(article, coded.events, coder_version)
    except StoreError:
        raise  # the database itself failed: no later record can be stored either
    except Exception as exc:  # noqa: BLE001 - a record the database refuses: report it, store the others
        return Stored(origin, "rejected", article.id, message=f"cannot store: {type(exc).__name__}: {exc}"[:300])
    return Stored(origin, status, article.id, len(coded.events), undated=article.date is None)


class Dateline:
    """The coder, loaded once: code text or articles, or code and store them."""

    def __init__(self, settings: Settings | None = None, **changes: Any) -> None:
        self.settings = (settings or Settings()).with_(**changes) if changes else (settings or Settings())

    def load(self) -> Dateline:
        """Load the spaCy pipeline and the coder's knowledge now rather than on the first call."""
        from dateline.nlp import load_pipeline
        from dateline.pipeline import build_coder, build_screen

        load_pipeline(self.settings.model)
        build_coder(self.settings)
        build_screen(self.settings)
        return self

    def article(self, text: str, *, id: str | None = None, date: date | str | None = None,  # noqa: A002
                source: str | None = None, title: str | None = None, url: str | None = None) -> Article:
        """An Article as the readers make it (dateline, date line, boilerplate); InvalidArticle if unusable."""
        day = date.isoformat() if hasattr(date, "isoformat") else date
        fields = {"id": id or _content_id(text), "text": text, "date": day, "source": source, "title": title,
                  "url": url}
        built = build_article(fields, f"article {fields['id']}", Defaults())
        if isinstance(built, IngestError):
            raise InvalidArticle(built.message)
        return built

    def code(self, text: str, **fields: Any) -> list[Event]:
        """The events of one text (keyword fields as in `article`)."""
        [coded] = self.code_articles([self.article(text, **fields)])
        if coded.error:
            raise InvalidArticle(coded.error)
        return list(coded.events)

    def code_articles(self, articles: Iterable[Article | dict[str, Any]]) -> Iterator[Coded]:
        """Coded results, in order, for Articles or dicts with the JSONL fields (id, text, date...)."""
        return code_articles((a if isinstance(a, Article) else self.article(**a) for a in articles),
                             self.settings)

    def code_and_store(self, items: Iterable[Item], store: Store, *, recode: bool = False,
                       on_outcome: Callable[[Stored], None] | None = None) -> RunReport:
        """Run `code_and_store` to the end and return its report."""
        report = RunReport()
        for outcome in code_and_store(items, store, self.settings, recode=recode):
            report.add(outcome)
            if on_outcome is not None:
                on_outcome(outcome)
        return report


def _content_id(text: object) -> str:
    import hashlib

    data = text.encode("utf-8", "replace") if isinstance(text, str) else repr(text).encode()
    return "text-" + hashlib.sha256(data).hexdigest()[:16]


def load(settings: Settings | None = None, **changes: Any) -> Dateline:
    """A loaded `Dateline` (the spaCy pipeline and the knowledge read once)."""
    return Dateline(settings, **changes).load()
