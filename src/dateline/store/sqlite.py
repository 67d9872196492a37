"""SQLite back end: one file, WAL mode, every article written in one transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from dateline.records import Article, Event
from dateline.store.base import Store, StoreError
from dateline.store.schema import MIGRATIONS, SCHEMA_VERSION

EVENT_COLUMNS = (
    "id, article_id, sentence_index, sentence, trigger_text, trigger_start, trigger_end, cameo, "
    "cameo_root, plover_event, plover_mode, plover_context, quad_class, goldstein, event_date, "
    "date_precision, date_basis, date_text, location_json, negated, modality, attributed_to, "
    "confidence, coder_version, json"
)


class SQLiteStore(Store):
    def __init__(self, path: str) -> None:
        try:
            self.db = sqlite3.connect(path)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {path}: {exc}") from exc
        self.path = path

    def _migrate(self) -> None:
        self.db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        row = self.db.execute("SELECT MAX(version) FROM schema_version").fetchone()
        current = row[0] or 0
        if current > SCHEMA_VERSION:
            raise StoreError(f"database schema v{current} is newer than this dateline (v{SCHEMA_VERSION})")
        for version in range(current + 1, SCHEMA_VERSION + 1):
            with self.db:
                for statement in MIGRATIONS[version - 1]:
                    self.db.execute(statement)
                self.db.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))

    def add_article(self, article: Article, events: Sequence[Event], coder_version: str) -> str:
        row = self.db.execute("SELECT content_hash FROM articles WHERE id = ?", (article.id,)).fetchone()
        if row is not None and row[0] == article.content_hash:
            return "unchanged"
        try:
            with self.db:
                if row is not None:
                    self.db.execute("DELETE FROM articles WHERE id = ?", (article.id,))
                self._insert_article(article)
                for event in events:
                    self._insert_event(event, coder_version)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot store article {article.id}: {exc}") from exc
        return "replaced" if row is not None else "inserted"

    def _insert_article(self, a: Article) -> None:
        self.db.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (a.id, a.text, a.date.isoformat() if a.date else None, a.date_basis, a.source, a.title,
             a.url, a.dateline_place, a.origin, a.content_hash, datetime.now(UTC).isoformat()),
        )

    def _insert_event(self, e: Event, coder_version: str) -> None:
        data = e.to_dict()
        self.db.execute(
            f"INSERT OR REPLACE INTO events ({EVENT_COLUMNS}) VALUES ({', '.join('?' * 25)})",
            (e.id, e.article_id, e.sentence_index, e.sentence, e.trigger.text, e.trigger.start,
             e.trigger.end, e.cameo, e.cameo[:2], e.plover.event, e.plover.mode, e.plover.context,
             e.quad_class, e.goldstein, data["date"]["value"], e.date.precision, e.date.basis,
             e.date.text, json.dumps(data["location"]) if e.location else None, int(e.negated),
             e.modality, e.attributed_to, e.confidence, coder_version, json.dumps(data)),
        )
        for role, actors in (("source", e.source), ("target", e.target)):
            for position, a in enumerate(actors):
                self.db.execute(
                    "INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (e.id, role, position, a.text, a.code, a.name, a.country, a.sector, a.start,
                     a.end, a.rule),
                )

    def query_events(self, *, actor: str | None = None, country: str | None = None,
                     event_type: str | None = None, since: date | None = None,
                     until: date | None = None, article_id: str | None = None,
                     limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        where, params = _filters(actor, country, event_type, since, until, article_id)
        sql = f"SELECT json, coder_version FROM events {where} ORDER BY event_date, id"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return [{**json.loads(j), "coder_version": v} for j, v in self.db.execute(sql, params)]

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT json, coder_version FROM events WHERE id = ?", (event_id,)).fetchone()
        return {**json.loads(row[0]), "coder_version": row[1]} if row else None

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        cur = self.db.execute("SELECT * FROM articles WHERE id = ?", (article_id,))
        row = cur.fetchone()
        return dict(zip([d[0] for d in cur.description], row, strict=True)) if row else None

    def counts(self) -> dict[str, int]:
        return {t: self.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("articles", "events", "actors")}

    def close(self) -> None:
        self.db.close()


def _filters(actor: str | None, country: str | None, event_type: str | None, since: date | None,
             until: date | None, article_id: str | None) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if actor:
        clauses.append("id IN (SELECT event_id FROM actors WHERE code LIKE ?)")
        params.append(actor.upper() + "%")
    if country:
        clauses.append("id IN (SELECT event_id FROM actors WHERE country = ?)")
        params.append(country.upper())
    if event_type:
        if event_type.isdigit():
            clauses.append("cameo LIKE ?")
            params.append(event_type + "%")
        else:
            clauses.append("plover_event = ?")
            params.append(event_type.upper())
    if since:
        clauses.append("event_date >= ?")
        params.append(since.isoformat())
    if until:
        clauses.append("event_date <= ?")
        params.append(until.isoformat())
    if article_id:
        clauses.append("article_id = ?")
        params.append(article_id)
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params
