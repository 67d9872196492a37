"""Noise control: sports, business and entertainment idiom that looks like political events.

"Real Madrid beat Barcelona 3-1", "shares plunged", "the film attacks corruption": the trigger verbs
are those of violence or conflict, but the sentence is about a game, a market or a work of art. A
sentence is noise for a trigger when the trigger is one such idiom-prone word and the sentence
carries more words of one of those domains than words of politics (or a match score). A domain word
inside a place name ("GRAND Bahama") or a venue after a place preposition ("at a fish MARKET") is
where the act happened, not what the sentence is about.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from dateline.lexicon import Lexicon, default_lexicon
from dateline.nlp import lexicon_of

# The words live in data/lexicon/domain.yaml, read from the lexicon given (the settings'), else from
# the lexicon of the parse (`nlp.lexicon_of`); plain text without a lexicon reads the bundled one.
# Domain words that count as one only as nouns: "SET UP a centre", "the FINAL status talks"
NOMINAL_POS = {"NOUN", "PROPN", "NUM", "X"}
PLACE_ENTS = {"GPE", "LOC", "FAC"}  # a domain word inside a place name is no domain: "GRAND Bahama"
ARTICLE_DOMAIN_DENSITY = 0.035  # domain words per token above which an article is sport, arts or markets
SCORE = re.compile(r"\b\d{1,3}\s?[-–]\s?\d{1,3}\b(?![-–/]\d)")


def is_domain_text(text: str, lexicon: Lexicon | None = None) -> bool:
    """An article about sport, the arts or markets (its idiom is not political event)."""
    lex = lexicon or default_lexicon()
    words = [w.lower() for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", text)]
    if len(words) < 40:
        return False
    domain_set = lex.words("domain_words") | lex.words("weak_domain_words")
    political_set = lex.words("political_words")
    domain = sum(1 for w in words if w in domain_set)
    political = sum(1 for w in words if w in political_set)
    return domain / len(words) >= ARTICLE_DOMAIN_DENSITY and domain > 3 * political


def _domain_word(tok: Token, lex: Lexicon) -> bool:
    if tok.lower_ not in lex.words("domain_words") or tok.ent_type_ in PLACE_ENTS or _venue(tok, lex):
        return False
    return tok.pos_ in NOMINAL_POS or tok.lower_ in lex.words("verbal_domain_words")


def _venue(tok: Token, lex: Lexicon) -> bool:
    """A venue word as the object of a place preposition: "a blast at a fish MARKET"."""
    return (tok.lower_ in lex.words("venue_words") and tok.dep_ == "pobj"
            and tok.head.lower_ in lex.words("locative_preps"))


def domain_words(sent: Span, lexicon: Lexicon | None = None) -> int:
    """Sport, market and arts words of a sentence, in their nominal uses."""
    lex = lexicon or lexicon_of(sent)
    return sum(1 for t in sent if _domain_word(t, lex))


def is_noise(trigger: Token, lexicon: Lexicon | None = None) -> bool:
    """True when `trigger` is idiom-prone and its sentence is about sport, markets or the arts."""
    lex = lexicon or lexicon_of(trigger)
    if trigger.lemma_.lower() not in lex.words("idiom_triggers"):
        return False
    sent = trigger.sent
    if SCORE.search(sent.text) and not re.search(r"\b\d{4}\s?[-–]\s?\d{2,4}\b", sent.text):
        return True
    domain = domain_words(sent, lex)  # the politics count only when there is a domain word to outweigh
    return domain > 0 and domain > sum(1 for t in sent if t.lower_ in lex.words("political_words"))
