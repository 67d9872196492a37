"""The whole path for a stream of articles: NLP, actors, events, in one or several processes."""

from __future__ import annotations

import logging
import multiprocessing as mp
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from dateline.actors.kb import KnowledgeBase
from dateline.events.coder import Coder
from dateline.events.ontology import Ontology
from dateline.events.patterns import load_patterns
from dateline.events.screen import Screen
from dateline.ingest.metadata import dateline_span
from dateline.nlp import load_pipeline
from dateline.records import Article, Event
from dateline.settings import Settings
from dateline.where import default_gazetteer

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Coded:
    """One article's result: its events, or why it could not be coded."""

    article: Article
    events: tuple[Event, ...] = ()
    error: str | None = None


@lru_cache(maxsize=4)
def build_coder(settings: Settings) -> Coder:
    """The coder with its knowledge, built once per process and settings."""
    ontology = _ontology(settings)
    patterns = load_patterns(settings.pattern_files, codes=set(ontology.codes()))
    kb = KnowledgeBase.load(settings.actor_files)
    gazetteer = default_gazetteer(settings.gazetteer_min_population)
    gazetteer.add_country_names(kb.country_names())
    return Coder(patterns, ontology, kb, gazetteer)


def text_for_parser(article: Article, screen: Screen | None = None) -> str:
    """The article text with its wire dateline blanked and, when screening, the sentences that
    cannot carry an event blanked too (character offsets unchanged)."""
    text = article.text
    span = dateline_span(text)
    if span is not None:
        start, end = span
        text = text[:start] + " " * (end - start) + text[end:]
    return screen.blank(text) if screen is not None else text


@lru_cache(maxsize=4)
def build_screen(settings: Settings) -> Screen | None:
    if not settings.screen:
        return None
    patterns = load_patterns(settings.pattern_files, codes=set(_ontology(settings).codes()))
    return Screen.from_patterns(patterns)


def _ontology(settings: Settings) -> Ontology:
    return Ontology.load(settings.ontology_files) if settings.ontology_files else Ontology.default()


def _code_batch(articles: list[Article], settings: Settings) -> list[Coded]:
    nlp = load_pipeline(settings.model)
    coder = build_coder(settings)
    out: list[Coded] = []
    screen = build_screen(settings)
    texts = ((text_for_parser(a, screen), a) for a in articles)
    for doc, article in nlp.pipe(texts, as_tuples=True, batch_size=settings.batch_size):
        try:
            events = coder.code(doc, article)
        except (ValueError, KeyError, IndexError, AttributeError) as exc:  # a coder bug: report it
            log.exception("coding failed for %s", article.origin or article.id)
            out.append(Coded(article, (), f"coder failed: {type(exc).__name__}: {exc}"))
            continue
        kept = tuple(e for e in events if e.confidence >= settings.min_confidence)
        out.append(Coded(article, kept))
    return out


def _warm(settings: Settings) -> None:
    """Pool initializer: load the model, the coder and the screen before the first batch arrives."""
    load_pipeline(settings.model)
    build_coder(settings)
    build_screen(settings)


def _validate(settings: Settings) -> None:
    KnowledgeBase.load(settings.actor_files)
    load_patterns(settings.pattern_files, codes=set(_ontology(settings).codes()))


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, size)):
        yield batch


def code_articles(articles: Iterable[Article], settings: Settings) -> Iterator[Coded]:
    """Code a stream of articles, in input order, holding only a few batches in memory."""
    if settings.workers <= 1:
        for batch in _batches(articles, settings.batch_size):
            yield from _code_batch(batch, settings)
        return
    if sys.platform == "linux":
        # fork: the workers inherit the loaded model and coder (copy-on-write), no start-up per worker
        _warm(settings)
        ctx = mp.get_context("fork")
    else:
        _validate(settings)  # bad knowledge or pattern files fail here, once, with file and line
        ctx = mp.get_context("spawn")
    with ctx.Pool(settings.workers, initializer=_warm, initargs=(settings,)) as pool:
        pending: deque = deque()
        for batch in _batches(articles, settings.batch_size):
            pending.append(pool.apply_async(_code_batch, (batch, settings)))
            while len(pending) > 2 * settings.workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
