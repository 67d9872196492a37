"""Singular and plural forms of nouns, so a role word is found in either number.

Regular forms are made by rule (-s, -es after s/x/z/ch/sh, -ies after a consonant + y); irregular
words and endings (man/men, person/people, thief/thieves) are data: actors/data/plurals.tsv.
Only the last word of a phrase is inflected ("suicide bomber" <-> "suicide bombers").
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

VOWELS = set("aeiou")
SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh")


@lru_cache(maxsize=1)
def _irregular() -> tuple[dict[str, str], dict[str, str], tuple[tuple[str, str], ...]]:
    """(singular -> plural, plural -> singular, (singular ending, plural ending) longest first)."""
    text = (resources.files("dateline.actors") / "data" / "plurals.tsv").read_text(encoding="utf-8")
    words: dict[str, str] = {}
    endings: list[tuple[str, str]] = []
    for line in text.splitlines():
        fields = line.strip().lower().split("\t")
        if len(fields) != 3 or line.startswith("#") or fields[0] == "kind":
            continue
        if fields[0] == "word":
            words[fields[1]] = fields[2]
        else:
            endings.append((fields[1], fields[2]))
    endings.sort(key=lambda pair: -len(pair[0]))
    return words, {v: k for k, v in words.items()}, tuple(endings)


def _regular_forms(word: str) -> list[str]:
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:  # plural: its singulars
        forms = [word[:-3] + "y"] if word.endswith("ies") and len(word) > 4 else []
        if word.endswith("es") and word[:-2].endswith(SIBILANT_ENDINGS):
            forms.append(word[:-2])
        return forms + [word[:-1]]
    if word.endswith("y") and len(word) > 2 and word[-2] not in VOWELS:
        return [word[:-1] + "ies"]
    return [word + "es"] if word.endswith(SIBILANT_ENDINGS) else [word + "s"]


def word_forms(word: str) -> list[str]:
    """Other-number forms of one lower-case word, most likely first (the word itself not included)."""
    to_plural, to_singular, endings = _irregular()
    if word in to_plural or word in to_singular:
        return [f for f in (to_plural.get(word), to_singular.get(word)) if f and f != word]
    for singular, plural in endings:
        if word.endswith(plural) and len(word) > len(plural):
            return [word[: -len(plural)] + singular]
        if word.endswith(singular) and len(word) > len(singular):
            return [word[: -len(singular)] + plural]
    return _regular_forms(word)


def number_forms(phrase: str) -> list[str]:
    """The phrase with its last word in the other number ("gunman" -> ["gunmen"])."""
    head, _, last = phrase.rpartition(" ")
    prefix = f"{head} " if head else ""
    return [prefix + form for form in word_forms(last)] if last else []
