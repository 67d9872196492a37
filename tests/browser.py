"""Helpers for the browser tests (no tests in this module).

`make test` runs scripts/browser-test-setup (installs Debian's chromium when missing, checks that it
starts) and sets DATELINE_REQUIRE_BROWSER=1: then a missing browser or Playwright raises, so the
tests fail instead of skipping. Without it, `chromium_path()` returns None and the caller skips.
"""

from __future__ import annotations

import os
import shutil

REQUIRE_ENV = "DATELINE_REQUIRE_BROWSER"
PATH_ENV = "DATELINE_CHROMIUM"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
"""Chromium as root in a container; Playwright adds a fresh temporary --user-data-dir itself."""


def browser_required() -> bool:
    return os.environ.get(REQUIRE_ENV, "").strip() == "1"


def chromium_path() -> str | None:
    path = os.environ.get(PATH_ENV) or shutil.which("chromium") or "/usr/bin/chromium"
    problem = None
    if not os.access(path, os.X_OK):
        problem = f"no Chromium at {path} (scripts/browser-test-setup installs Debian's chromium)"
    else:
        try:
            import playwright  # noqa: F401
        except ImportError:
            problem = "the playwright package is not installed (pip install -e '.[dev]')"
    if problem and browser_required():
        raise RuntimeError(f"{REQUIRE_ENV}=1 but {problem}")
    return None if problem else path
