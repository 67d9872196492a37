"""Peak memory of one coding worker on long articles. Run by hand:

    python benchmarks/long_articles.py --articles 60 --chars 58000                 # generated articles
    python benchmarks/long_articles.py --corpus ../shared/corpora/bbc/news --articles 60 --chars 58000
    python benchmarks/long_articles.py --articles 60 --unbounded     # as before: whole texts, batches by count

Long articles are made at run time, either from the project's own sentence templates or by joining
the texts of a corpus folder (read, never copied) until each reaches --chars characters. They are
coded in this process with the library (one worker, as `dateline code --workers 1`), and the peak
resident memory (ru_maxrss) is printed with the time taken. --unbounded sets piece_chars and
batch_chars so high that texts are parsed whole in batches of batch_size, as before they existed.
"""

from __future__ import annotations

import argparse
import itertools
import random
import resource
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import dateline

PEOPLE = ["Prime Minister Anna Berg", "President Ali Karimov", "Foreign Minister Li Wei", "General Omar Haddad",
          "opposition leader Maria Santos", "the interior ministry", "police", "rebel commanders"]
PLACES = ["Moscow", "Kabul", "Dhaka", "Ankara", "Lagos", "Beijing", "Kyiv", "Paris", "Nairobi", "Baghdad"]
ACTS = ["met {o} in {p} on Tuesday", "criticised {o} over the talks", "accused {o} of violating the ceasefire",
        "signed an agreement with {o} in {p}", "called on {o} to release the prisoners",
        "arrested dozens of protesters in {p}", "threatened to impose sanctions on {o}",
        "visited {p} to discuss trade with {o}"]
FILLER = ["The weather in {p} was mild for the season.", "Markets were closed for a public holiday.",
          "Officials gave no further details about the schedule.", "The report runs to more than 200 pages."]


def generated(count: int, chars: int, seed: int = 7) -> Iterator[str]:
    rng = random.Random(seed)
    for _ in range(count):
        parts: list[str] = []
        size = 0
        while size < chars:
            if rng.random() < 0.6:
                who, other = rng.sample(PEOPLE, 2)
                sentence = f"{who[0].upper()}{who[1:]} {rng.choice(ACTS)}.".format(o=other, p=rng.choice(PLACES))
            else:
                sentence = rng.choice(FILLER).format(p=rng.choice(PLACES))
            parts.append(sentence + ("\n\n" if rng.random() < 0.25 else " "))
            size += len(parts[-1])
        yield "".join(parts)


def joined(folder: Path, count: int, chars: int) -> Iterator[str]:
    paths = sorted(folder.rglob("*.txt"))  # cycled: a small corpus makes as many long articles as asked
    texts = (p.read_text(encoding="utf-8", errors="replace") for p in itertools.cycle(paths))
    for _ in range(count):
        parts: list[str] = []
        while sum(map(len, parts)) < chars:
            parts.append(next(texts))
        yield "\n\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--chars", type=int, default=58_000)
    parser.add_argument("--corpus", type=Path, default=None, help="A folder of .txt articles to join.")
    parser.add_argument("--unbounded", action="store_true", help="Parse whole texts in count-only batches.")
    args = parser.parse_args()
    changes = {"piece_chars": 10**9, "batch_chars": 10**12} if args.unbounded else {}
    dl = dateline.load(**changes)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    texts = joined(args.corpus, args.articles, args.chars) if args.corpus else generated(args.articles, args.chars)
    articles = (dl.article(t, id=f"long-{i}", date=date(2024, 5, 1)) for i, t in enumerate(texts))
    began, events, chars = time.perf_counter(), 0, 0
    for coded in dl.code_articles(articles):
        events += len(coded.events)
        chars += len(coded.article.text)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    bounds = f"piece_chars {dl.settings.piece_chars:,}, batch_chars {dl.settings.batch_chars:,}"
    print(f"{args.articles} articles, {chars / args.articles:,.0f} characters each on average "
          f"({'corpus ' + str(args.corpus) if args.corpus else 'generated'}), "
          f"{'unbounded' if args.unbounded else bounds}")
    print(f"peak RSS {peak:,.0f} MB (after loading: {base:,.0f} MB), {events:,} events, "
          f"{time.perf_counter() - began:,.0f} s")


if __name__ == "__main__":
    main()
