"""Screenshots of the explorer's pages for docs/explorer.md, taken in headless Chromium.

    make explore &                       # serves demo.db on http://127.0.0.1:8000/
    .venv/bin/python scripts/explorer_screenshots.py http://127.0.0.1:8000 docs

Picks an event, an actor and a dyad from the served database (the most mentioned ones).
"""

from __future__ import annotations

import sys
from pathlib import Path

import httpx
from playwright.sync_api import sync_playwright

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TRY_TEXT = ("ISLAMABAD, March 3 (Wire) - Pakistani Foreign Minister met his Afghan counterpart in Islamabad on "
            "Friday and the two sides agreed to reopen the Torkham border crossing. Pakistan's army accused "
            "militants of attacking a checkpoint near the border on Thursday.")


def pages(base: str) -> list[tuple[str, str, int]]:
    top = httpx.get(f"{base}/explore/events", params={"sort": "-mentions", "limit": 50}).json()["events"]
    event = next(e for e in top if e["target"] and e["place"])
    source = event["source"][0]
    partners = httpx.get(f"{base}/explore/actor/{source[:3]}").json()["counterparts"]
    target = next((c["code"] for c in partners if c["code"][:3] != source[:3]), event["target"][0])
    return [("overview", "/", 1150), ("event", f"/event/{event['id']}", 700), ("actor", f"/actor/{source[:3]}", 900),
            ("dyad", f"/dyad/{source[:3]}-{target[:3]}", 800)]


def main(base: str, out: Path) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        page = browser.new_page(viewport={"width": 1200, "height": 800})
        for name, path, height in pages(base):
            page.goto(base + path)
            page.wait_for_function("document.body.dataset.loaded")
            clip = {"x": 0, "y": 0, "width": 1200, "height": height}
            page.screenshot(path=str(out / f"explorer-{name}.png"), clip=clip, full_page=True)
        page.goto(base + "/try")
        page.fill("#try-text", TRY_TEXT)
        page.fill("input[name=date]", "2023-03-03")
        page.click("#code-it")
        page.wait_for_function("document.body.dataset.coded", timeout=60_000)
        page.screenshot(path=str(out / "explorer-try.png"), clip={"x": 0, "y": 0, "width": 1200, "height": 800},
                        full_page=True)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"), Path(sys.argv[2]))
