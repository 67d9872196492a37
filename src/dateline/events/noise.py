"""Noise control: sports, business and entertainment idiom that looks like political events.

"Real Madrid beat Barcelona 3-1", "shares plunged", "the film attacks corruption": the trigger verbs
are those of violence or conflict, but the sentence is about a game, a market or a work of art. A
sentence is noise for a trigger when the trigger is one such idiom-prone word and the sentence
carries the vocabulary of one of those domains (or a match score).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

IDIOM_TRIGGERS = {
    "beat", "defeat", "attack", "fight", "battle", "clash", "strike", "hit", "kill", "crush", "rout", "fire",
    "thrash", "storm", "shoot", "blast", "slam", "capture", "seize", "invade", "surrender", "retreat",
    "withdraw", "threaten", "punish", "destroy", "bomb", "crash", "plunge", "slump", "tumble", "sink",
    "claim", "win", "lose", "draw", "host", "visit", "meet", "welcome", "sign", "offensive", "assault",
    "raid", "siege", "war", "fighting", "victory", "protest", "boycott", "ban", "suspend", "sanction",
    "arrest", "support", "praise", "criticize", "criticise", "accuse", "deny", "reject", "agree",
}
DOMAIN_WORDS = {
    # sport
    "match", "goal", "goals", "league", "cup", "championship", "tournament", "striker", "midfielder",
    "goalkeeper", "coach", "season", "club", "derby", "stadium", "fixture", "semi-final", "final",
    "quarter-final", "innings", "wicket", "penalty", "scored", "scoring", "half-time", "olympic",
    "olympics", "medal", "grand", "slam", "tennis", "football", "soccer", "cricket", "rugby", "nba",
    "fifa", "uefa", "playoff", "playoffs", "squad", "defender", "champions", "la liga",
    "serie", "bundesliga", "lap", "podium", "set", "sets", "seed", "match-winner", "kick-off",
    # business and markets
    "shares", "stocks", "stock", "index", "nasdaq", "dow", "investors", "earnings", "profit",
    "profits", "revenue", "quarterly", "dividend", "ipo", "merger", "acquisition", "market",
    "markets", "prices", "price", "brent", "crude", "futures", "bond", "bonds", "yields", "currency",
    "ftse", "traders", "shareholders", "ceo", "startup", "smartphone",
    # entertainment and arts
    "film", "movie", "album", "song", "novel", "box", "premiere", "actor", "actress",
    "episode", "festival", "oscar", "oscars", "grammy", "concert", "band", "singer",
    "comedy", "thriller", "documentary", "musical", "critics", "audience", "audiences", "book",
    "chart", "charts", "nomination", "nominations", "nominee", "nominees", "box-office", "actors",
    "singers", "rapper", "scrum", "referee", "sprinter", "athlete", "athletes", "athletics", "marathon",
    "premiership", "sevens", "footballer", "batsman", "bowler", "winger", "hat-trick", "equaliser",
    "equalizer", "goalscorer",
}
# Words that are common in sport, arts and market reports but also in politics: they count towards an
# article's domain, never alone against a sentence.
WEAK_DOMAIN_WORDS = {
    "single", "singles", "award", "awards", "ceremony", "hit", "tour", "star", "stars", "try", "tries",
    "captain", "player", "players", "team", "teams", "game", "games", "win", "wins", "won", "defeat",
    "champion", "championships", "title", "coach", "manager", "minute", "minutes", "half", "kick", "ball",
    "pitch", "score", "scores", "record", "fa", "side", "victory", "fans", "performance", "show",
    # also common in politics: "Chinese Premier", "a protest rally", "arms sales", "a series of attacks",
    # "the CIA director", "the presidential race"
    "premier", "rally", "sales", "series", "director", "play", "race",
}
# Domain words that count as one only as nouns: "SET UP a centre", "the FINAL status talks"
NOMINAL_POS = {"NOUN", "PROPN", "NUM", "X"}
VERBAL_DOMAIN_WORDS = {"scored", "scoring"}
ARTICLE_DOMAIN_DENSITY = 0.035  # domain words per token above which an article is sport, arts or markets
POLITICAL_WORDS = {
    "government", "minister", "president", "parliament", "election", "troops", "military", "police",
    "army", "war", "rebels", "ministry", "sanctions", "treaty", "diplomat", "diplomats", "embassy",
    "protesters", "talks", "ceasefire", "militants", "opposition", "senate", "congress", "kremlin",
}
SCORE = re.compile(r"\b\d{1,3}\s?[-–]\s?\d{1,3}\b(?![-–/]\d)")


def is_domain_text(text: str) -> bool:
    """An article about sport, the arts or markets (its idiom is not political event)."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", text)]
    if len(words) < 40:
        return False
    domain = sum(1 for w in words if w in DOMAIN_WORDS or w in WEAK_DOMAIN_WORDS)
    political = sum(1 for w in words if w in POLITICAL_WORDS)
    return domain / len(words) >= ARTICLE_DOMAIN_DENSITY and domain > 3 * political


def _domain_word(tok: Token) -> bool:
    if tok.lower_ not in DOMAIN_WORDS:
        return False
    return tok.pos_ in NOMINAL_POS or tok.lower_ in VERBAL_DOMAIN_WORDS


def domain_words(sent: Span) -> int:
    """Sport, market and arts words of a sentence, in their nominal uses."""
    return sum(1 for t in sent if _domain_word(t))


def is_noise(trigger: Token) -> bool:
    """True when `trigger` is idiom-prone and its sentence is about sport, markets or the arts."""
    if trigger.lemma_.lower() not in IDIOM_TRIGGERS:
        return False
    sent = trigger.sent
    if SCORE.search(sent.text) and not re.search(r"\b\d{4}\s?[-–]\s?\d{2,4}\b", sent.text):
        return True
    return domain_words(sent) >= 1
