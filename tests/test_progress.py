"""The progress line: silent when stderr is not a terminal, with ETA when the total is known."""

from __future__ import annotations

import io

from dateline.progress import Progress, count_inputs


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_silent_when_not_a_terminal():
    stream = io.StringIO()
    progress = Progress(10, stream)
    for _ in range(10):
        progress.tick(2)
    progress.close()
    assert stream.getvalue() == ""


def test_line_with_rate_and_eta():
    progress = Progress(10, Terminal())
    progress.started -= 5.0
    for _ in range(5):
        progress.tick(3)
    line = progress.line(progress.started + 5.0)
    assert line.startswith("5 articles, 15 events, 1.0 articles/s, 50%, ETA 0m05s")
    progress.close()
    assert progress.stream.getvalue().endswith("\n")


def test_count_inputs(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.html").write_text("x")
    (tmp_path / "notes.md").write_text("x")
    assert count_inputs((str(tmp_path),)) == 2
    (tmp_path / "c.jsonl").write_text("{}")
    assert count_inputs((str(tmp_path),)) is None


def test_clear_wipes_a_drawn_line_and_redraws_on_the_next_tick():
    progress = Progress(None, Terminal())
    progress.last -= 1.0
    progress.tick(2, articles=5)  # a batch of five articles
    assert progress.stream.getvalue().startswith("\r5 articles, 2 events, ")
    progress.clear()
    assert progress.stream.getvalue().endswith("\r\x1b[K")
    progress.tick(1)
    assert progress.stream.getvalue().split("\r\x1b[K")[1].startswith("\r6 articles, 3 events")
