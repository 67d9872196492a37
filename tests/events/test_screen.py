"""The pre-parse screen: same offsets, trigger sentences kept, others blanked; no effect on events."""

from __future__ import annotations

from datetime import date

from dateline.events.screen import Screen, forms, sentences
from dateline.pipeline import build_screen, code_articles
from dateline.records import Article
from dateline.settings import Settings

TEXT = ("The weather in Moscow was mild. Russian President Vladimir Putin held talks with "
        "Rahmon on Monday.\nShares of the company rose 3 percent. The U.S. imposed sanctions on Iran.")


def test_forms():
    assert {"held", "holds", "holding"} <= forms("hold")
    assert {"agreed", "agrees", "agreeing"} <= forms("agree")
    assert {"stopped", "stopping"} <= forms("stop")


def test_sentences_do_not_split_abbreviations():
    spans = [TEXT[a:b] for a, b in sentences(TEXT)]
    assert any(s.startswith("The U.S. imposed sanctions") for s in spans)


def test_blank_keeps_offsets_and_only_candidate_sentences():
    screen = build_screen(Settings())
    blanked = screen.blank(TEXT)
    assert len(blanked) == len(TEXT)
    assert "weather" not in blanked and "Shares" not in blanked
    assert "held talks with" in blanked and "imposed sanctions on Iran" in blanked
    assert blanked.index("Putin") == TEXT.index("Putin")


def test_light_verbs_need_their_object():
    screen = Screen(["attack"], {"hold": {"talk"}, "impose": {"sanction"}})
    assert screen.wanted("They held talks.") and screen.wanted("Militants attacked a post.")
    assert not screen.wanted("They held a party.") and not screen.wanted("Taxes were imposed.")


def test_screening_changes_no_event():
    article = Article(id="s", text=TEXT, date=date(2021, 7, 22))
    on = list(code_articles([article], Settings()))[0].events
    off = list(code_articles([article], Settings().with_(screen=False)))[0].events
    assert [(e.cameo, e.trigger.start) for e in on] == [(e.cameo, e.trigger.start) for e in off]
    assert {e.cameo[:2] for e in on} >= {"04", "16"}


def test_the_screen_keeps_what_the_obligation_rule_reads():
    """'France said Iraq must disarm.' holds no trigger of the pattern files, only the obligation
    rule's speech verb and modal: the screen keeps it, and the event is the same with and without it."""
    text = "The talks ended late. France said Iraq must disarm. The weather was mild."
    settings = Settings(statements=False)  # with statements, "France said" is kept as a statement
    screen = build_screen(settings)
    assert screen is not None and screen.wanted("France said Iraq must disarm.")
    assert not screen.wanted("France said the weather was mild.")  # a speech verb alone is not enough
    article = Article(id="a", text=text, date=date(2003, 2, 1))
    screened = [(e.cameo, e.source[0].code, e.target[0].code)
                for coded in code_articles([article], settings) for e in coded.events]
    unscreened = [(e.cameo, e.source[0].code, e.target[0].code)
                  for coded in code_articles([article], settings.with_(screen=False)) for e in coded.events]
    assert screened == unscreened == [("100", "FRA", "IRQ")]


def test_control_words_count_only_when_they_are_acts_and_nouns_only_in_their_plurals():
    screen = build_screen(Settings(statements=False))
    assert screen is not None
    assert not screen.wanted("The board decided to expand into Asia.")  # 'decide' codes only its complement
    assert screen.wanted("The board decided to expel the envoy.")  # the complement's trigger passes it
    assert screen.wanted("Russia pledged to help.")  # 'pledge' is an act alone (030 with no event)
    assert screen.wanted("The clashes spread to the capital.")  # a noun trigger in its plural
    assert not screen.wanted("Prices rose according to the report.")  # a noun trigger's verb forms are no plural
    text = "The board decided to expand into Asia. Iran and Iraq agreed to cooperate on water."
    article = Article(id="c", text=text, date=date(2021, 7, 22))
    on = list(code_articles([article], Settings()))[0].events
    off = list(code_articles([article], Settings().with_(screen=False)))[0].events
    assert [(e.cameo, e.trigger.start) for e in on] == [(e.cameo, e.trigger.start) for e in off]
