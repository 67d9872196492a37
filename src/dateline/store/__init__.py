"""Storage: one interface (``base.Store``), SQLite by default, PostgreSQL for shared servers."""

from __future__ import annotations

from dateline.store.base import EventQuery, Store, StoreError
from dateline.store.sqlite import SQLiteStore

__all__ = ["EventQuery", "Store", "StoreError", "open_store"]


def open_store(url_or_path: str) -> Store:
    """``postgresql://...`` opens a PostgreSQL database; a path or ``sqlite:///path`` a SQLite file."""
    if url_or_path.startswith(("postgresql://", "postgres://")):
        from dateline.store.postgres import PostgresStore

        return PostgresStore(url_or_path)
    return SQLiteStore(url_or_path.removeprefix("sqlite:///"))
