"""The web explorer `dateline serve` answers at /: overview (filters, timeline, map, table), event,
article, actor and dyad pages and a Try-it page; plain HTML, CSS, JS and SVG shipped in this
package (no CDN, no tile server). Country boundaries: static/world.json (Natural Earth, public
domain; built by scripts/make-world-map)."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

STATIC = "/static/explorer"


def mount(app: FastAPI) -> None:
    """Add the explorer's pages, its /explore endpoints and its static files to the API app."""
    from dateline.web.routes import api, pages

    app.include_router(api)
    app.include_router(pages)
    app.mount(STATIC, StaticFiles(directory=Path(__file__).parent / "static"), name="explorer-static")
