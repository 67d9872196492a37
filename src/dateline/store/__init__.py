"""Storage: one interface, SQLite by default (PostgreSQL to come behind the same interface)."""

from __future__ import annotations

from dateline.store.base import Store, StoreError
from dateline.store.sqlite import SQLiteStore

__all__ = ["Store", "StoreError", "open_store"]


def open_store(url_or_path: str) -> Store:
    """A path or sqlite:///path opens (and creates) a SQLite database."""
    if url_or_path.startswith(("postgresql://", "postgres://")):
        raise StoreError("PostgreSQL support is not installed yet; use a SQLite path for --db")
    path = url_or_path.removeprefix("sqlite:///")
    return SQLiteStore(path)
