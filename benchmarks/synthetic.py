"""Synthetic news for large runs: JSON lines of wire-style articles assembled from templates.

    python benchmarks/synthetic.py --mb 1024 > /tmp/big.jsonl      # about 1 GB
    python benchmarks/synthetic.py --articles 10000 > /tmp/10k.jsonl

Every article has a dateline, a date, several event sentences (actors, verbs and dates drawn at
random) and background sentences without events. Deterministic for a given --seed.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import date, timedelta

COUNTRIES = [("Russia", "Russian", "Moscow"), ("Tajikistan", "Tajik", "Dushanbe"), ("Pakistan", "Pakistani",
             "Islamabad"), ("India", "Indian", "New Delhi"), ("China", "Chinese", "Beijing"), ("Turkey", "Turkish",
             "Ankara"), ("France", "French", "Paris"), ("Kenya", "Kenyan", "Nairobi"), ("Nigeria", "Nigerian",
             "Abuja"), ("Brazil", "Brazilian", "Brasilia"), ("Iran", "Iranian", "Tehran"), ("Egypt", "Egyptian",
             "Cairo"), ("Uzbekistan", "Uzbek", "Tashkent"), ("Kazakhstan", "Kazakh", "Astana")]
EVENTS = [
    "{a_adj} President {a_name} held talks with his {b_adj} counterpart in {b_cap} on {day}.",
    "{a} and {b} agreed to expand trade and security cooperation, officials said on {day}.",
    "{a_adj} troops attacked positions held by rebels near the border with {b} on {day}.",
    "{a} imposed sanctions on {b_adj} officials over the crackdown on protesters.",
    "{a_adj} Foreign Minister {a_name} criticised {b} for its support of the rebels.",
    "Police in {a_cap} arrested dozens of protesters who had marched against the government.",
    "{a} threatened to expel {b_adj} diplomats if the accusations were not withdrawn.",
    "{a_adj} President {a_name} spoke by phone with {b_adj} President {b_name} on {day}.",
    "{a} sent humanitarian aid to {b} after the floods, the foreign ministry said.",
    "{a_adj} forces withdrew from the disputed area on {day}, ending a week of clashes with {b_adj} troops.",
]
BACKGROUND = [
    "The weather in the capital was mild for the season.",
    "Analysts said the currency had been stable for several months.",
    "The ceremony was attended by several hundred guests.",
    "Local newspapers devoted much of their coverage to the national football league.",
    "The report, published in English and French, runs to more than 200 pages.",
    "Traffic in the city centre was heavy throughout the afternoon.",
]
NAMES = ["Amir Karimov", "Elena Sokolova", "Rahul Mehta", "Chen Wei", "Selim Demir", "Claire Martin",
         "Grace Otieno", "Tunde Bello", "Lucas Pereira", "Reza Karimi", "Omar Farouk", "Dilnoza Yusupova"]
OUTLETS = ["Synthetic Wire", "Daily Example", "Example Times", "Radio Sample", "Specimen News"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def article(rng: random.Random, index: int, days: int = 3650) -> dict[str, str]:
    """One article; ``days`` is how many days the publication dates spread over (fewer: more repeats)."""
    a, b = rng.sample(COUNTRIES, 2)
    day = date(2015, 1, 1) + timedelta(days=rng.randrange(days))
    fill = {"a": a[0], "a_adj": a[1], "a_cap": a[2], "b": b[0], "b_adj": b[1], "b_cap": b[2],
            "a_name": rng.choice(NAMES), "b_name": rng.choice(NAMES), "day": rng.choice(DAYS)}
    sentences = [t.format(**fill) for t in rng.sample(EVENTS, rng.randint(2, 4))]
    sentences += rng.sample(BACKGROUND, rng.randint(2, 5))
    rng.shuffle(sentences)
    text = f"{a[2].upper()}, {day:%B} {day.day} (Synthetic) -- " + " ".join(sentences)
    return {"id": f"syn-{index}", "text": text, "date": day.isoformat(), "source": rng.choice(OUTLETS)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=None)
    parser.add_argument("--mb", type=float, default=None)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--days", type=int, default=3650, help="Spread of publication dates in days.")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    limit_bytes = args.mb * 1024 * 1024 if args.mb else None
    written, index = 0, 0
    while (args.articles is None or index < args.articles) and (limit_bytes is None or written < limit_bytes):
        line = json.dumps(article(rng, index, args.days)) + "\n"
        sys.stdout.write(line)
        written += len(line.encode("utf-8"))
        index += 1
        if args.articles is None and limit_bytes is None:
            break


if __name__ == "__main__":
    main()
