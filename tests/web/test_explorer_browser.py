"""The web explorer in a real headless Chromium (Debian's package, driven by Playwright).

One module-wide server: the sample articles of examples/ ingested as `make demo` does, served by
`create_app` under uvicorn on a free port, with an API token so the Try-it page can store.
`make test` fails these tests (not skips) when the browser cannot start; see tests/browser.py.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import httpx
import pytest
import uvicorn
from browser import FLAGS, chromium_path
from click.testing import CliRunner

from dateline.api import create_app
from dateline.cli import main

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "browser-token"
TIMEOUT = 20_000


@pytest.fixture(scope="module")
def base_url(tmp_path_factory) -> Iterator[str]:
    db = str(tmp_path_factory.mktemp("explorer") / "demo.db")
    result = CliRunner().invoke(main, ["ingest", str(ROOT / "examples"), "--db", db])
    assert result.exit_code == 0, result.output
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db, token=TOKEN), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the explorer's server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    path = chromium_path()
    if path is None:
        pytest.skip("no headless Chromium (make test installs Debian's chromium and requires it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=path, args=FLAGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base_url)
    errors: list[str] = []
    tab = context.new_page()
    tab.set_default_timeout(TIMEOUT)
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    yield tab
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


def loaded(page, before: str | None = None) -> str:
    """Wait until the page's script has drawn everything (again, when `before` is given)."""
    page.wait_for_function("b => document.body.dataset.loaded && document.body.dataset.loaded !== b", arg=before)
    return page.evaluate("document.body.dataset.loaded")


def api(base_url: str, path: str, **params) -> dict:
    return httpx.get(base_url + path, params=params, timeout=30).json()


def total_shown(page) -> int:
    return int(page.locator("#total").inner_text().split()[0])


def test_overview_shows_the_sample_events_on_timeline_map_and_table(page, base_url):
    page.goto("/")
    loaded(page)
    everything = api(base_url, "/explore/events", limit=1)["total"]
    assert everything > 100 and total_shown(page) == everything
    bars = page.locator("#timeline g.bar")
    drawn = sum(int(bars.nth(i).get_attribute("data-total")) for i in range(bars.count()))
    assert drawn == everything - api(base_url, "/explore/timeline")["undated"]
    assert page.locator("#clusters circle.cluster").count() > 5
    assert page.locator("#countries path.country").count() > 150
    assert page.locator("#events tbody tr").count() == 25


def test_filters_are_applied_and_kept_in_the_url(page, base_url):
    page.goto("/")
    stamp = loaded(page)
    page.fill("input[name=actor]", "RUS")
    page.select_option("select[name=quad]", "3")
    page.click("#apply")
    stamp = loaded(page, stamp)
    assert "actor=RUS" in page.url and "quad=3" in page.url
    expected = api(base_url, "/explore/events", actor="RUS", quad=3)["total"]
    assert 0 < total_shown(page) == expected < api(base_url, "/explore/events")["total"]
    for row in page.locator("#events tbody tr").all():
        codes = row.locator("td.code").all_inner_texts()
        assert any(code.startswith("RUS") for cell in codes[1:] for code in cell.split(", ")), codes
        assert row.locator(".qdot.q3").count() == 1
    page.reload()
    stamp = loaded(page)
    assert page.input_value("input[name=actor]") == "RUS" and total_shown(page) == expected
    page.click("th[data-sort=mentions]")
    loaded(page, stamp)
    mentions = [int(t) for t in page.locator("#events tbody td.num:nth-child(6)").all_inner_texts()]
    assert "sort=-mentions" in page.url and mentions == sorted(mentions, reverse=True)


def test_a_timeline_bar_narrows_the_dates_and_leads_to_an_event(page, base_url):
    page.goto("/?bucket=month")
    stamp = loaded(page)
    bar = page.locator("#timeline g.bar:not([data-total='0'])").last
    start, in_bar = bar.get_attribute("data-start"), int(bar.get_attribute("data-total"))
    bar.dispatch_event("click")
    loaded(page, stamp)
    since, until = re.search(r"since=([\d-]+)", page.url)[1], re.search(r"until=([\d-]+)", page.url)[1]
    assert since == start and date.fromisoformat(until).month == date.fromisoformat(start).month
    assert total_shown(page) >= in_bar
    day = page.locator("#events tbody td.code").first.inner_text()
    assert since <= day <= until
    page.locator("a.event-link").first.click()
    loaded(page)
    assert "/event/" in page.url and page.locator("#mentions mark.span-trigger").count() >= 1


def test_a_map_cluster_leads_to_its_events(page):
    page.goto("/")
    loaded(page)
    biggest = page.locator("#clusters g.cluster-group").first
    events = int(biggest.get_attribute("data-events"))
    assert events > 1
    biggest.dispatch_event("click")
    links = page.locator("#cluster-list a.cluster-event")
    links.first.wait_for()
    assert links.count() == min(events, 20)
    links.first.click()
    loaded(page)
    assert "/event/" in page.url and page.locator("#event-head h1").is_visible()


def test_the_event_page_labels_trigger_actors_place_and_date(page, base_url):
    rows = api(base_url, "/explore/events", limit=200, min_mentions=1)["events"]
    chosen = next(e for e in rows if e["target"] and e["target"][0] and e["place"] and e["source"][0])
    event = api(base_url, f"/explore/event/{chosen['id']}")
    page.goto(f"/event/{chosen['id']}")
    loaded(page)
    first = page.locator("#mentions .mention").first
    labels = {m.get_attribute("data-label"): m for m in first.locator("mark.span").all()}
    mention = event["mentions"][0]
    assert labels["trigger"].inner_text().startswith(mention["trigger"]["text"])
    assert {"trigger", "source"} <= set(labels)
    assert all(m.locator(".label").inner_text().lower() == label for label, m in labels.items())
    assert first.locator(".words").inner_text() == mention["in_words"]
    assert page.locator("#event-head .in-words").inner_text().startswith(("Asserted", "Intended", "Reported",
                                                                             "Hypothetical", "Threatened", "Asked"))
    source_code = event["source"][0]["code"]
    assert page.locator(f"#event-head a.actor-link[href='/actor/{source_code}']").count() >= 1
    first.locator("a.article-link").click()
    loaded(page)
    assert mention["sentence"][:40] in page.locator("#article-text").inner_text()


def test_actor_and_dyad_pages(page):
    page.goto("/actor/RUS")
    loaded(page)
    assert page.locator("#did g.bar:not([data-total='0'])").count() > 0
    assert page.locator("#done-to g.bar").count() == page.locator("#did g.bar").count()
    assert page.locator("#counterparts tbody tr").count() > 3
    page.locator("#counterparts a.dyad-link").first.click()
    loaded(page)
    directions = page.locator(".direction")
    assert directions.count() == 2 and "/dyad/RUS" in page.url
    assert page.locator(".direction svg.goldstein").count() == 2


def test_try_it_codes_a_pasted_article_and_stores_it_with_the_token(page, base_url):
    page.goto("/try")
    page.fill("#try-text", "CAIRO, May 3 (Nile Wire) - Egyptian President Abdel Fattah al-Sisi met Sudanese army chief "
                           "Abdel Fattah al-Burhan in Cairo on Tuesday to discuss a ceasefire.")
    page.fill("input[name=date]", "2023-05-03")
    page.fill("input[name=source]", "Nile Wire")
    page.click("#code-it")
    page.wait_for_function("document.body.dataset.coded")
    card = page.locator("#results .try-event").first
    assert card.locator("mark.span-trigger").inner_text().lower().startswith("met")
    assert card.locator("mark.span-source").count() >= 1
    assert "Coded:" in page.locator("#status").inner_text()
    page.click("#store-it")
    assert "API token" in page.locator("#status").inner_text()
    page.fill("#token", TOKEN)
    page.click("#store-it")
    page.locator("a.stored-link").wait_for()
    article_id = page.locator("a.stored-link").get_attribute("href").removeprefix("/article/")
    stored = api(base_url, f"/explore/article/{article_id}")
    assert stored["source"] == "Nile Wire" and stored["mentions"]
