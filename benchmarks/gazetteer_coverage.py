"""Gazetteer coverage: the share of place names (spaCy GPE/LOC entities) in a corpus that the offline
gazetteer resolves, and the most frequent misses. Run by hand:

    python benchmarks/gazetteer_coverage.py ../shared/corpora/bbc/news/politics [--limit 200]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from dateline.actors.kb import KnowledgeBase
from dateline.nlp import load_pipeline
from dateline.settings import Settings
from dateline.where import default_gazetteer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--limit", type=int, default=200)
    args = parser.parse_args()
    nlp = load_pipeline(Settings().model)
    gazetteer = default_gazetteer()
    gazetteer.add_country_names(KnowledgeBase.default().country_names())
    files = sorted(p for p in args.folder.rglob("*.txt"))[: args.limit]
    texts = (p.read_text(encoding="utf-8", errors="replace") for p in files)
    found, missed = Counter(), Counter()
    for doc in nlp.pipe(texts, disable=["parser", "lemmatizer"]):
        for ent in doc.ents:
            if ent.label_ in {"GPE", "LOC"}:
                place = gazetteer.geocode(ent.text)
                (found if place.name else missed)[ent.text] += 1
    total = sum(found.values()) + sum(missed.values())
    print(f"{len(files)} files, {total} GPE/LOC mentions, resolved {sum(found.values()) / max(total, 1):.1%}")
    print("most frequent unresolved:", ", ".join(f"{k} ({v})" for k, v in missed.most_common(15)))


if __name__ == "__main__":
    main()
