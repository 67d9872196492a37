"""PostgreSQL back end (``--db postgresql://user@host:port/dbname``), for servers several people share.

Needs the ``postgres`` extra (``pip install 'dateline[postgres]'``: psycopg 3). The schema and the
queries are those of the SQLite back end (``store/sql.py``); writers take a transaction-level
advisory lock while they match mentions to events, so two ingest processes never create the same
event twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from dateline.store.base import StoreError
from dateline.store.sql import SQLStore

DEDUP_LOCK = 0x64617465  # "date": the advisory lock key writers share


class PostgresStore(SQLStore):
    placeholder = "%s"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as exc:
            raise StoreError("PostgreSQL needs psycopg: pip install 'dateline[postgres]'") from exc
        self._psycopg = psycopg
        try:
            self.db = psycopg.connect(url, autocommit=True)
            with self._transaction():
                self._exec("SELECT pg_advisory_xact_lock(?)", (DEDUP_LOCK + 1,))  # one migrator at a time
                self._migrate()
        except psycopg.Error as exc:
            raise StoreError(f"cannot open database {_safe(url)}: {str(exc).strip()}") from exc
        self.url = url

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        with self.db.transaction() as tx:
            yield tx

    def _lock_for_dedup(self) -> None:
        self._exec("SELECT pg_advisory_xact_lock(?)", (DEDUP_LOCK,))

    def _errors(self) -> tuple[type[Exception], ...]:
        return (self._psycopg.Error,)

    def close(self) -> None:
        self.db.close()


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    scheme, sep, rest = url.partition("://")
    creds, at, host = rest.rpartition("@")
    return f"{scheme}{sep}{creds.split(':')[0]}{at}{host}" if at else url
