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
    "beat", "defeat", "attack", "fight", "battle", "clash", "strike", "hit", "kill", "crush", "rout",
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
    "fifa", "uefa", "playoff", "playoffs", "squad", "defender", "champions", "premier", "la liga",
    "serie", "bundesliga", "race", "lap", "podium", "set", "sets", "seed", "match-winner", "kick-off",
    # business and markets
    "shares", "stocks", "stock", "index", "nasdaq", "dow", "investors", "earnings", "profit",
    "profits", "revenue", "quarterly", "dividend", "ipo", "merger", "acquisition", "market",
    "markets", "prices", "price", "brent", "crude", "futures", "bond", "bonds", "yields", "currency",
    "ftse", "rally", "traders", "shareholders", "ceo", "startup", "smartphone", "sales",
    # entertainment and arts
    "film", "movie", "album", "song", "novel", "box", "premiere", "actor", "actress", "director",
    "series", "episode", "festival", "oscar", "oscars", "grammy", "concert", "band", "singer",
    "comedy", "thriller", "documentary", "play", "musical", "critics", "audience", "audiences", "book",
}
SCORE = re.compile(r"\b\d{1,3}\s?[-–]\s?\d{1,3}\b(?![-–/]\d)")


def domain_words(sent: Span) -> int:
    return sum(1 for t in sent if t.lower_ in DOMAIN_WORDS)


def is_noise(trigger: Token) -> bool:
    """True when `trigger` is idiom-prone and its sentence is about sport, markets or the arts."""
    if trigger.lemma_.lower() not in IDIOM_TRIGGERS:
        return False
    sent = trigger.sent
    if SCORE.search(sent.text) and not re.search(r"\b\d{4}\s?[-–]\s?\d{2,4}\b", sent.text):
        return True
    return domain_words(sent) >= 1
