"""SQLite back end: one file, WAL mode, every article written in one transaction."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager

from dateline.store.base import StoreError
from dateline.store.sql import SQLStore

OPEN_ATTEMPTS = 20  # tries to open a file another process holds locked while it creates or migrates it


class SQLiteStore(SQLStore):
    placeholder = "?"

    def __init__(self, path: str) -> None:
        for attempt in range(OPEN_ATTEMPTS):
            try:
                self._open(path)
                break
            except sqlite3.OperationalError as exc:
                self._close_quietly()
                if "locked" not in str(exc) or attempt == OPEN_ATTEMPTS - 1:
                    raise StoreError(f"cannot open database {path}: {exc}") from exc
                time.sleep(0.05 * (attempt + 1))  # another process is creating or migrating the same file
            except sqlite3.Error as exc:
                self._close_quietly()
                raise StoreError(f"cannot open database {path}: {exc}") from exc
        self.path = path
        self.url = f"sqlite:///{path}"

    def _open(self, path: str) -> None:
        """Connect, switch to WAL and migrate. Switching a new file to WAL is not covered by the busy
        timeout: two processes opening the same new file can see 'database is locked' at once."""
        self.db = sqlite3.connect(path, isolation_level=None, timeout=30.0)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self._migrate()

    def _close_quietly(self) -> None:
        db = getattr(self, "db", None)
        if db is not None:
            db.close()

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
