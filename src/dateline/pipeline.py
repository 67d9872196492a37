"""The whole path for a stream of articles: NLP, actors, events, in one or several processes."""

from __future__ import annotations

import logging
import multiprocessing as mp
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from dateline.actors.kb import KnowledgeBase
from dateline.events.coder import Coder
from dateline.events.noise import is_domain_text
from dateline.events.ontology import Ontology
from dateline.events.patterns import load_patterns
from dateline.events.screen import Screen
from dateline.events.statements import speaker_cues
from dateline.ingest.metadata import locate
from dateline.lexicon import Lexicon, lexicon_for
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
    ontology = ontology.with_codes(patterns.declared)  # a user trigger file's own codes (PETRARCH test codes)
    kb = KnowledgeBase.load(settings.actor_files)
    lexicon = lexicon_for(settings.lexicon_files)
    gazetteer = default_gazetteer(settings.gazetteer_min_population)
    gazetteer.add_country_names(kb.country_names())
    return Coder(patterns, ontology, kb, gazetteer.with_lexicon(lexicon), lexicon, settings.statements)


def text_for_parser(article: Article, screen: Screen | None = None, lexicon: Lexicon | None = None) -> str:
    """The article text with its wire dateline blanked and, when screening, the sentences that
    cannot carry an event blanked too (character offsets unchanged)."""
    text = article.text
    span = locate(article, lexicon).dateline_span  # found at ingest; looked for here only for hand-made Articles
    if span:
        start, end = span
        text = text[:start] + " " * (end - start) + text[end:]
    return screen.blank(text) if screen is not None else text


@lru_cache(maxsize=4)
def build_screen(settings: Settings) -> Screen | None:
    if not settings.screen:
        return None
    patterns = load_patterns(settings.pattern_files, codes=set(_ontology(settings).codes()))
    lexicon = lexicon_for(settings.lexicon_files)
    speakers = speaker_cues(build_coder(settings).kb, lexicon) if settings.statements else None
    return Screen.from_patterns(patterns, lexicon, speakers)


def _ontology(settings: Settings) -> Ontology:
    return Ontology.load(settings.ontology_files) if settings.ontology_files else Ontology.default()


def _code_batch(articles: list[Article], settings: Settings) -> list[Coded]:
    """Code a batch; whatever goes wrong with one article (parse or coder) is that article's error.
    The domain check (sport, markets, the arts) reads the raw text before the parse."""
    lexicon = lexicon_for(settings.lexicon_files)
    # a match report, a film review, a market report: no political events, so no parse
    out: list[Coded | None] = [Coded(a) if is_domain_text(a.text, lexicon) else None for a in articles]
    todo = [with_dateline(a, settings) for a, done in zip(articles, out, strict=True) if done is None]
    coded = iter(_parse_and_code(todo, settings) if todo else [])
    return [done if done is not None else next(coded) for done in out]


def with_dateline(article: Article, settings: Settings) -> Article:
    """`article` with its dateline found and its place geocoded (`dateline_geo`, `home_country`):
    once per article, before coding."""
    article = locate(article, lexicon_for(settings.lexicon_files))
    gazetteer = build_coder(settings).gazetteer
    if article.dateline_geo is not None or not article.dateline_place or gazetteer is None:
        return article
    place = gazetteer.geocode(article.dateline_place.title())
    geo = replace(place, text=article.dateline_place)
    return replace(article, dateline_geo=geo, home_country=place.country)


def _parse_and_code(articles: list[Article], settings: Settings) -> list[Coded]:
    nlp = load_pipeline(settings.model)
    screen = build_screen(settings)
    texts = [text_for_parser(a, screen) for a in articles]
    try:
        docs = parse_texts(nlp, texts, settings)
    except Exception:  # noqa: BLE001 - one text broke the batch: parse them one by one to find it
        log.debug("batch parse failed; parsing its articles one at a time", exc_info=True)
        return [_code_alone(nlp, article, text, settings) for article, text in zip(articles, texts, strict=True)]
    return [_code_doc(doc, article, settings) for doc, article in zip(docs, articles, strict=True)]


def _code_alone(nlp: Language, article: Article, text: str, settings: Settings) -> Coded:
    try:
        [doc] = parse_texts(nlp, [text], settings)
    except Exception as exc:  # noqa: BLE001 - reported per article, the run goes on
        log.exception("parsing failed for %s", article.origin or article.id)
        return Coded(article, (), f"parser failed: {type(exc).__name__}: {str(exc)[:200]}")
    return _code_doc(doc, article, settings)


def _code_doc(doc: Doc, article: Article, settings: Settings) -> Coded:
    try:
        events = build_coder(settings).code(doc, article)
    except Exception as exc:  # noqa: BLE001 - a coder bug on one article: report it, code the others
        log.exception("coding failed for %s", article.origin or article.id)
        return Coded(article, (), f"coder failed: {type(exc).__name__}: {str(exc)[:200]}")
    return Coded(article, tuple(e for e in events if e.confidence >= settings.min_confidence))


_NO_TENSOR = numpy.zeros((0, 0), dtype="float32")


def parse_texts(nlp: Language, texts: list[str], settings: Settings) -> list[Doc]:
    """One Doc per text; a long text is parsed in pieces (`split_pieces`) joined into one Doc whose
    text is the whole text, so character offsets are unchanged."""
    pieces = [(piece, i) for i, text in enumerate(texts) for piece in split_pieces(text, settings.piece_chars)]
    parts: list[list[Doc]] = [[] for _ in texts]
    for doc, i in _pipe_by_size(nlp, pieces, settings):
        doc.tensor = _NO_TENSOR  # the coder reads the parse, not the vectors: do not hold them
        parts[i].append(doc)
    docs = [p[0] if len(p) == 1 else Doc.from_docs(p, ensure_whitespace=False) for p in parts]
    for doc, text in zip(docs, texts, strict=True):
        if doc.text != text:
            raise ValueError("pieces of a long text did not join back into the text")
    return docs


def _pipe_by_size(nlp: Language, pieces: list[tuple[str, int]], settings: Settings) -> Iterator[tuple[Doc, int]]:
    """nlp.pipe over groups of pieces of at most `batch_chars` characters (the parser's working memory
    grows with the text of a batch, not with its number of texts)."""
    group: list[tuple[str, int]] = []
    held = 0
    for piece in pieces:
        if group and held + len(piece[0]) > settings.batch_chars:
            yield from nlp.pipe(group, as_tuples=True, batch_size=len(group))
            group, held = [], 0
        group.append(piece)
        held += len(piece[0])
    if group:
        yield from nlp.pipe(group, as_tuples=True, batch_size=len(group))


def split_pieces(text: str, size: int) -> list[str]:
    """`text` cut into pieces of at most `size` characters: after a line break when there is one in
    the second half of the piece, else after a sentence end, else after a space."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = next((i + len(mark) for mark in ("\n", ". ", " ") if (i := window.rfind(mark)) > size // 2), size)
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def _warm(settings: Settings) -> None:
    """Pool initializer: load the model, the coder and the screen before the first batch arrives."""
    load_pipeline(settings.model)
    build_coder(settings)
    build_screen(settings)


def _validate(settings: Settings) -> None:
    KnowledgeBase.load(settings.actor_files)
    lexicon_for(settings.lexicon_files)
    load_patterns(settings.pattern_files, codes=set(_ontology(settings).codes()))


def _batches(articles: Iterable[Article], size: int, chars: int) -> Iterator[list[Article]]:
    """Batches of at most `size` articles and about `chars` characters (a longer article alone)."""
    batch: list[Article] = []
    held = 0
    for article in articles:
        if batch and (len(batch) >= size or held + len(article.text) > chars):
            yield batch
            batch, held = [], 0
        batch.append(article)
        held += len(article.text)
    if batch:
        yield batch


def code_articles(articles: Iterable[Article], settings: Settings) -> Iterator[Coded]:
    """Code a stream of articles, in input order, holding only a few batches in memory."""
    if settings.workers <= 1:
        for batch in _batches(articles, settings.batch_size, settings.batch_chars):
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
        for batch in _batches(articles, settings.batch_size, settings.batch_chars):
            pending.append(pool.apply_async(_code_batch, (batch, settings)))
            while len(pending) > 2 * settings.workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
