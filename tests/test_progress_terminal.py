"""The long commands draw a progress line when stderr is a terminal (a real pseudo-terminal here) and
print exactly what they printed before when it is a pipe."""

from __future__ import annotations

import os
import pty
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLD = ROOT / "tests" / "gold" / "heldout.jsonl"


def run_on_terminal(*args: str) -> tuple[int, str]:
    """Runs `dateline ARGS` with stderr on a pseudo-terminal; returns its status and what the terminal got."""
    leader, follower = pty.openpty()
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                data = os.read(leader, 4096)
            except OSError:  # EIO: every writer closed the terminal
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain)
    reader.start()
    proc = subprocess.Popen([sys.executable, "-m", "dateline", *args], stdout=subprocess.DEVNULL, stderr=follower)
    os.close(follower)
    status = proc.wait(timeout=600)
    reader.join(timeout=30)
    os.close(leader)
    return status, b"".join(chunks).decode()


def run_piped(*args: str) -> tuple[int, str]:
    done = subprocess.run([sys.executable, "-m", "dateline", *args], capture_output=True, text=True, timeout=600)
    return done.returncode, done.stderr


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    for path in sorted(EXAMPLES.glob("*.txt"))[:4]:
        shutil.copy(path, folder / path.name)
    return folder


def test_ingest_and_recode_draw_a_progress_line_on_a_terminal(articles, tmp_path):
    db = str(tmp_path / "events.db")
    status, seen = run_on_terminal("ingest", str(articles), "--db", db)
    assert status == 0
    assert "\r4 articles, " in seen and "100%" in seen  # the final progress line, total known
    assert "4 articles (4 new" in seen  # the summary still follows
    status, seen = run_on_terminal("recode", "--all", "--db", db)
    assert status == 0
    assert "\r4 articles, " in seen and "100%" in seen
    assert "4 articles re-coded" in seen


def test_no_progress_line_in_a_pipe(articles, tmp_path):
    status, err = run_piped("ingest", str(articles), "--db", str(tmp_path / "events.db"))
    assert status == 0
    assert "\r" not in err and "articles/s" not in err
    assert "4 articles (4 new" in err


def test_evaluate_draws_a_progress_line_on_a_terminal(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(GOLD.read_text().splitlines(keepends=True)[:6]))
    status, seen = run_on_terminal("evaluate", str(gold))
    assert status == 0
    assert "\r6 articles, " in seen and "100%" in seen
    assert "PLOVER event-type accuracy" not in seen  # the report goes to stdout, the bar to stderr
    status, err = run_piped("evaluate", str(gold))
    assert status == 0 and "\r" not in err


def test_batch_draws_a_progress_line_instead_of_a_line_per_partition(articles, tmp_path):
    status, seen = run_on_terminal("batch", str(articles), "--output", str(tmp_path / "run"), "--workers", "1")
    assert status == 0
    assert "\r4 articles, " in seen  # one progress line over the partitions
    assert not re.search(r"\S: \d+ articles, \d+ events", seen)  # no "PARTITION: N articles, M events" line
    status, err = run_piped("batch", str(articles), "--output", str(tmp_path / "again"), "--workers", "1")
    assert status == 0 and "\r" not in err
    assert re.search(r"\S: \d+ articles, \d+ events", err)  # in a pipe: the line per partition, as before
