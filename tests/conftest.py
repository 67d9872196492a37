"""Shared fixtures: one real spaCy pipeline and one coder per test session."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from dateline.pipeline import build_coder, code_articles
from dateline.records import Article, Event
from dateline.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = next((p for p in [Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared")),
                            Path("/work/shared")] if p.exists()), ROOT.parent / "shared")


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def nlp(settings: Settings):
    from dateline.nlp import load_pipeline

    return load_pipeline(settings.model)


@pytest.fixture(scope="session")
def coder(settings: Settings):
    return build_coder(settings)


@pytest.fixture(scope="session")
def code_text(settings: Settings):
    """Code one text as an article published on `day` (default 2021-07-22)."""

    def run(text: str, day: date | None = date(2021, 7, 22), article_id: str = "t") -> list[Event]:
        coded = list(code_articles([Article(id=article_id, text=text, date=day)], settings))
        assert coded[0].error is None, coded[0].error
        return list(coded[0].events)

    return run


def shared_file(*parts: str) -> Path:
    """A file of ../shared, or skip the test when the folder is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """An empty store on each back end: a SQLite file, and a fresh database on the test PostgreSQL server."""
    from pg import drop_database, fresh_database, pg_url

    if request.param == "sqlite":
        yield str(tmp_path / "events.db")
        return
    server = pg_url()
    if server is None:
        pytest.skip("no PostgreSQL server (make test starts one)")
    url = fresh_database(server)
    yield url
    drop_database(url)


@pytest.fixture()
def lexicon_error(tmp_path: Path):
    """Load a user lexicon file whose line 2 is bad; the error must name that file and line."""
    from dateline.lexicon import LexiconError, load_lexicon

    def load(text: str) -> LexiconError:
        path = tmp_path / "user.yaml"
        path.write_text("# my words\n" + text, encoding="utf-8")
        with pytest.raises(LexiconError) as err:
            load_lexicon([path])
        assert (err.value.path, err.value.line) == (str(path), 2)
        return err.value

    return load
