"""Singular and plural forms of nouns, so a role word is found in either number.

Regular forms are made by rule (-s; -es after the sibilant endings; -ies after a consonant + y);
irregular words and endings (man/men, person/people, thief/thieves) and the sibilant endings
(ch, sh, s, x, z) are data: actors/data/plurals.tsv.
Only the last word of a phrase is inflected ("suicide bomber" <-> "suicide bombers").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

VOWELS = set("aeiou")


@dataclass(frozen=True)
class _Plurals:
    to_plural: dict[str, str]  # irregular words
    to_singular: dict[str, str]
    endings: tuple[tuple[str, str], ...]  # (singular ending, plural ending), longest first
    sibilants: tuple[str, ...]  # endings that take -es


@lru_cache(maxsize=1)
def _irregular() -> _Plurals:
    text = (resources.files("dateline.actors") / "data" / "plurals.tsv").read_text(encoding="utf-8")
    words: dict[str, str] = {}
    endings: list[tuple[str, str]] = []
    sibilants: list[str] = []
    for line in text.splitlines():
        fields = line.strip().lower().split("\t")
        if len(fields) != 3 or line.startswith("#") or fields[0] == "kind":
            continue
        if fields[0] == "word":
            words[fields[1]] = fields[2]
        elif fields[0] == "sibilant":
            sibilants.append(fields[1])
        else:
            endings.append((fields[1], fields[2]))
    endings.sort(key=lambda pair: -len(pair[0]))
    return _Plurals(words, {v: k for k, v in words.items()}, tuple(endings), tuple(sibilants))


def _regular_forms(word: str) -> list[str]:
    sibilants = _irregular().sibilants
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:  # plural: its singulars
        forms = [word[:-3] + "y"] if word.endswith("ies") and len(word) > 4 else []
        if word.endswith("es") and word[:-2].endswith(sibilants):
            forms.append(word[:-2])
        return forms + [word[:-1]]
    if word.endswith("y") and len(word) > 2 and word[-2] not in VOWELS:
        return [word[:-1] + "ies"]
    return [word + "es"] if word.endswith(sibilants) else [word + "s"]


def word_forms(word: str) -> list[str]:
    """Other-number forms of one lower-case word, most likely first (the word itself not included)."""
    data = _irregular()
    if word in data.to_plural or word in data.to_singular:
        return [f for f in (data.to_plural.get(word), data.to_singular.get(word)) if f and f != word]
    for singular, plural in data.endings:
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
