"""Throughput and peak memory: bare spaCy parsing vs. the whole dateline path, on the same texts.

Run by hand, never in the test suite:

    .venv/bin/python benchmarks/throughput.py ../shared/corpora/bbc --limit 500 --workers 1

Prints words/s and articles/s for `nlp.pipe` alone (same model, one process, loaded before timing)
and for `dateline.pipeline.code_articles` with N workers (with one worker, the coder's one-time
setup is done on an article outside the timed set first and printed apart), and the peak resident
memory of this process and of its children.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import time
from pathlib import Path

from dateline.ingest import IngestError, read_inputs
from dateline.nlp import load_pipeline
from dateline.pipeline import code_articles, text_for_parser
from dateline.records import Article
from dateline.settings import Settings


def load_articles(inputs: list[str], limit: int) -> list[Article]:
    articles = []
    for item in read_inputs(inputs):
        if not isinstance(item, Article):
            print(f"{'skipped' if isinstance(item, IngestError) else 'note'}: {item}", file=sys.stderr)
            continue
        articles.append(item)
        if len(articles) >= limit:
            break
    return articles


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def bare_parse(articles: list[Article], settings: Settings) -> float:
    nlp = load_pipeline(settings.model)
    start = time.perf_counter()
    for _ in nlp.pipe((text_for_parser(a) for a in articles), batch_size=settings.batch_size):
        pass
    return time.perf_counter() - start


def dateline_setup(warmup: list[Article], settings: Settings) -> float:
    """Seconds to code one article not in the timed set: loading the knowledge base, the trigger
    patterns, the gazetteer and the screen happens once per process, as the model's load does for
    the bare parse, and is reported apart from throughput."""
    start = time.perf_counter()
    for _ in code_articles(warmup, settings):
        pass
    return time.perf_counter() - start


def dateline_run(articles: list[Article], settings: Settings) -> tuple[float, int]:
    start = time.perf_counter()
    events = sum(len(c.events) for c in code_articles(articles, settings))
    return time.perf_counter() - start, events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--skip-bare", action="store_true")
    args = parser.parse_args()
    settings = Settings(workers=args.workers)
    articles = load_articles(args.inputs, args.limit + 1)
    warmup, articles = articles[-1:], articles[: args.limit]
    words = sum(len(a.text.split()) for a in articles)
    print(f"machine: {platform.machine()}, {cpu_name()}, {os.cpu_count()} cores, python {platform.python_version()}")
    print(f"corpus: {len(articles)} articles, {words} words")
    if not args.skip_bare:
        load_pipeline(settings.model)
        bare = bare_parse(articles, settings)
        print(f"bare nlp.pipe:      {words / bare:8.0f} words/s {len(articles) / bare:7.1f} articles/s")
    load_pipeline(settings.model)
    if args.workers == 1:  # with workers, each pool process loads its own (the pool's start-up is timed)
        print(f"dateline setup (knowledge base, patterns, gazetteer, screen; one article): "
              f"{dateline_setup(warmup, settings):.1f}s")
    took, events = dateline_run(articles, settings)
    print(f"dateline workers={args.workers}: {words / took:8.0f} words/s "
          f"{len(articles) / took:7.1f} articles/s, {events} events")
    own, children = peak_mb()
    print(f"peak RSS: this process {own:.0f} MB, largest child {children:.0f} MB")


if __name__ == "__main__":
    main()
