"""Helpers for tests that need a PostgreSQL server (no tests in this module).

`make test` starts a throw-away server with scripts/pg-test-server and sets
DATELINE_TEST_PG_URL (its URL) and DATELINE_REQUIRE_PG=1. When PostgreSQL is required, a missing
URL or an unreachable server raises RuntimeError so the tests fail instead of skipping; when it
is not required and no URL is set, `pg_url()` returns None and the caller skips.
"""

from __future__ import annotations

import functools
import os
import re
import secrets
import socket
from urllib.parse import unquote, urlsplit, urlunsplit

URL_ENV = "DATELINE_TEST_PG_URL"
REQUIRE_ENV = "DATELINE_REQUIRE_PG"
_FRESH_NAME = re.compile(r"dateline_[0-9a-f]{16}")


def pg_required() -> bool:
    return os.environ.get(REQUIRE_ENV, "").strip() == "1"


def pg_url() -> str | None:
    """The test server's URL, None when not configured and not required (caller skips)."""
    url = os.environ.get(URL_ENV, "").strip()
    if not url:
        if pg_required():
            raise RuntimeError(
                f"{REQUIRE_ENV}=1 but {URL_ENV} is not set: start a server with "
                "`scripts/pg-test-server start DIR` (or run the tests with `make test`)"
            )
        return None
    if pg_required():
        problem = _connection_problem(url)
        if problem:
            raise RuntimeError(f"{REQUIRE_ENV}=1 but the PostgreSQL server at {url} is unusable: {problem}")
    return url


@functools.cache
def _connection_problem(url: str) -> str | None:
    """None when `url` accepts a connection, else a description of what went wrong."""
    try:
        import psycopg
    except ImportError:
        psycopg = None
    if psycopg is not None:
        try:
            with psycopg.connect(url, connect_timeout=10) as conn:
                conn.execute("SELECT 1")
        except Exception as exc:  # noqa: BLE001 - any failure means the server is unusable
            return f"{type(exc).__name__}: {exc}".strip()
        return None
    # No psycopg: at least check that something listens on the URL's host and port.
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 5432
    try:
        socket.create_connection((host, port), timeout=10).close()
    except OSError as exc:
        return f"cannot connect to {host}:{port}: {exc} (psycopg is not installed)"
    return None


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def _database_name(url: str) -> str:
    return unquote(urlsplit(url).path.lstrip("/"))


def _admin_connect(url: str):
    import psycopg

    return psycopg.connect(url, autocommit=True, connect_timeout=10)


def fresh_database(url: str) -> str:
    """Create an empty database `dateline_<random hex>` on `url`'s server and return its URL."""
    from psycopg import sql

    name = f"dateline_{secrets.token_hex(8)}"
    with _admin_connect(url) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return _with_database(url, name)


def drop_database(url: str) -> None:
    """Drop a database made by `fresh_database` (closing its remaining connections)."""
    from psycopg import sql

    name = _database_name(url)
    if not _FRESH_NAME.fullmatch(name):
        raise ValueError(f"refusing to drop {name!r}: not a database made by fresh_database()")
    with _admin_connect(_with_database(url, "postgres")) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
