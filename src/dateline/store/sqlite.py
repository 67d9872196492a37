"""SQLite back end: one file, WAL mode, every article written in one transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from dateline.store.base import StoreError
from dateline.store.sql import SQLStore


class SQLiteStore(SQLStore):
    placeholder = "?"

    def __init__(self, path: str) -> None:
        try:
            self.db = sqlite3.connect(path, isolation_level=None, timeout=30.0)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {path}: {exc}") from exc
        self.path = path
        self.url = f"sqlite:///{path}"

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE takes the write lock up front, so matching mentions to events is serial."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def _errors(self) -> tuple[type[Exception], ...]:
        return (sqlite3.Error,)

    def close(self) -> None:
        self.db.close()
