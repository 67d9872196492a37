"""The storage logic both back ends share: SQL written once with ``?`` placeholders.

A back end supplies a connection, a transaction context, its placeholder and its lock; everything
else (ingest, deduplication, queries) lives here so SQLite and PostgreSQL behave the same.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, date, datetime
from typing import Any

from dateline.records import Article, Event
from dateline.store import dedup
from dateline.store.base import ALL, EventQuery, Store, StoreError
from dateline.store.schema import MIGRATIONS, SCHEMA_VERSION

MENTION_COLUMNS = (
    "id, article_id, sentence_index, sentence, trigger_text, trigger_start, trigger_end, cameo, "
    "cameo_root, plover_event, plover_mode, plover_context, quad_class, goldstein, event_date, "
    "date_precision, date_basis, date_text, location_json, negated, modality, attributed_to, "
    "confidence, coder_version, json, event_id"
)
ARTICLE_COLUMNS = ("id, text, date, date_basis, source, title, url, dateline_place, origin, content_hash, "
                   "ingested_at, coder_version")
EVENT_FIELDS = ("id", "cameo_root", "negated", "modality", "source_code", "target_code", "source_country",
                "target_country", "date_lo", "date_hi", "place_name", "place_country", "lat", "lon",
                "mention_id", "cameo", "plover_event", "quad_class", "goldstein", "event_date",
                "date_precision", "num_mentions", "num_articles", "num_sources", "first_seen", "last_seen")
ORDER = {"date": "e.date_lo {d} NULLS LAST, e.id {d}", "mentions": "e.num_mentions {d}, e.id {d}",
         "goldstein": "e.goldstein {d}, e.id {d}", "first_seen": "e.first_seen {d}, e.id {d}"}


class SQLStore(Store):
    """Everything but the connection. Subclasses set ``db`` and ``url`` and call ``_migrate()``."""

    placeholder = "?"
    db: Any

    # -- back-end hooks --------------------------------------------------------------------------
    def _transaction(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def _lock_for_dedup(self) -> None:
        """Serialise writers while they match mentions to events (a no-op where writes are serial)."""

    def _errors(self) -> tuple[type[Exception], ...]:
        raise NotImplementedError

    # -- SQL helpers -----------------------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        return sql if self.placeholder == "?" else sql.replace("?", self.placeholder)

    def _exec(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.db.execute(self._sql(sql), tuple(params))

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self._exec(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self._exec(sql, params).fetchone()
        return row[0] if row else None

    # -- schema ----------------------------------------------------------------------------------
    def _migrate(self) -> None:
        self._exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        current = self._one("SELECT MAX(version) FROM schema_version") or 0
        if current > SCHEMA_VERSION:
            raise StoreError(f"database schema v{current} is newer than this dateline (v{SCHEMA_VERSION}); "
                             "upgrade dateline")
        for version in range(current + 1, SCHEMA_VERSION + 1):
            with self._transaction():
                if (self._one("SELECT MAX(version) FROM schema_version") or 0) >= version:
                    continue  # another writer opening the same new database migrated it meanwhile
                for statement in MIGRATIONS[version - 1]:
                    self._exec(statement)
                self._exec("INSERT INTO schema_version (version) VALUES (?)", (version,))
        if current and current < 2:
            self._assign_unlinked()

    def _assign_unlinked(self) -> None:
        """Fold mentions stored before deduplication existed into events (the v1 -> v2 upgrade)."""
        with self._transaction():
            self._lock_for_dedup()
            for row in self._rows("SELECT id, json FROM mentions WHERE event_id IS NULL ORDER BY article_id, id"):
                self._assign(row["id"], json.loads(row["json"]))

    # -- writing ---------------------------------------------------------------------------------
    def add_article(self, article: Article, events: Sequence[Event], coder_version: str) -> str:
        """The "already stored?" check runs inside the write transaction, after the writers' lock (SQLite's
        BEGIN IMMEDIATE, PostgreSQL's advisory lock), so two writers of the same article never collide."""
        if self._one("SELECT content_hash FROM articles WHERE id = ?", (article.id,)) == article.content_hash:
            return "unchanged"  # the common re-ingest: answered without taking the write lock
        try:
            with self._transaction():
                self._lock_for_dedup()
                stored = self._one("SELECT content_hash FROM articles WHERE id = ?", (article.id,))
                if stored == article.content_hash:
                    return "unchanged"
                if stored is not None:
                    self._remove_mentions(article.id)
                    self._exec("DELETE FROM articles WHERE id = ?", (article.id,))
                self._insert_article(article, coder_version)
                self._insert_mentions(events, coder_version)
        except self._errors() as exc:
            raise StoreError(f"cannot store article {article.id}: {exc}") from exc
        return "replaced" if stored is not None else "inserted"

    def recode_article(self, article: Article, events: Sequence[Event], coder_version: str) -> None:
        try:
            with self._transaction():
                self._lock_for_dedup()
                self._remove_mentions(article.id)
                self._exec("UPDATE articles SET coder_version = ? WHERE id = ?", (coder_version, article.id))
                self._insert_mentions(events, coder_version)
        except self._errors() as exc:
            raise StoreError(f"cannot recode article {article.id}: {exc}") from exc

    def _insert_article(self, a: Article, coder_version: str) -> None:
        self._exec(
            f"INSERT INTO articles ({ARTICLE_COLUMNS}) VALUES ({', '.join('?' * 12)})",
            (a.id, a.text, a.date.isoformat() if a.date else None, a.date_basis, a.source, a.title,
             a.url, a.dateline_place, a.origin, a.content_hash, datetime.now(UTC).isoformat(), coder_version),
        )

    def _insert_mentions(self, events: Sequence[Event], coder_version: str) -> None:
        seen: set[str] = set()
        for event in events:
            if event.id not in seen:
                seen.add(event.id)
                self._insert_mention(event, coder_version)

    def _insert_mention(self, e: Event, coder_version: str) -> None:
        data = e.to_dict()
        self._exec(
            f"INSERT INTO mentions ({MENTION_COLUMNS}) VALUES ({', '.join('?' * 26)})",
            (e.id, e.article_id, e.sentence_index, e.sentence, e.trigger.text, e.trigger.start,
             e.trigger.end, e.cameo, e.cameo[:2], e.plover.event, e.plover.mode, e.plover.context,
             e.quad_class, e.goldstein, data["date"]["value"], e.date.precision, e.date.basis,
             e.date.text, json.dumps(data["location"]) if e.location else None, int(e.negated),
             e.modality, e.attributed_to, e.confidence, coder_version, json.dumps(data), None),
        )
        for role, actors in (("source", e.source), ("target", e.target)):
            for position, a in enumerate(actors):
                self._exec(
                    "INSERT INTO actors (mention_id, role, position, text, code, name, country, sector, "
                    "start_char, end_char, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (e.id, role, position, a.text, a.code, a.name, a.country, a.sector, a.start, a.end, a.rule),
                )
        self._assign(e.id, data)

    def _remove_mentions(self, article_id: str) -> None:
        touched = [r["event_id"] for r in self._rows(
            "SELECT DISTINCT event_id FROM mentions WHERE article_id = ? AND event_id IS NOT NULL", (article_id,))]
        self._exec("DELETE FROM actors WHERE mention_id IN (SELECT id FROM mentions WHERE article_id = ?)",
                   (article_id,))
        self._exec("DELETE FROM mentions WHERE article_id = ?", (article_id,))
        for event_id in touched:
            self._refresh(event_id)

    # -- deduplication ---------------------------------------------------------------------------
    def _assign(self, mention_id: str, mention: dict[str, Any]) -> None:
        key = dedup.key_of(mention)
        event_id = self._matching_event(key) or self._new_event_id(mention_id)
        self._exec("UPDATE mentions SET event_id = ? WHERE id = ?", (event_id, mention_id))
        self._refresh(event_id)

    def _matching_event(self, key: dedup.Key) -> str | None:
        if key.source is None:
            return None
        sql = ("SELECT id, source_code, target_code, date_lo, date_hi, place_name, place_country, lat, lon "
               "FROM events WHERE cameo_root = ? AND negated = ? AND modality = ? AND ")
        params: list[Any] = [key.root, int(key.negated), key.modality]
        actor, actor_params = _actor_prefix(key)
        sql += actor
        params += actor_params
        if key.lo is None:
            sql += "date_lo IS NULL"
        else:
            sql += "date_lo <= ? AND date_hi >= ?"
            params += [key.hi, key.lo]
        best: tuple[tuple[int, int], str] | None = None
        for row in self._rows(sql, params):
            other = dedup.Key(key.root, key.negated, key.modality, row["source_code"], row["target_code"],
                              row["date_lo"], row["date_hi"], row["place_name"], row["place_country"],
                              row["lat"], row["lon"])
            if dedup.same_event(key, other):
                rank = (dedup.closeness(key, other), row["id"])
                if best is None or rank[0] > best[0]:
                    best = rank
        return best[1] if best else None

    def _new_event_id(self, mention_id: str) -> str:
        candidate, n = mention_id, 0
        while self._one("SELECT 1 FROM events WHERE id = ?", (candidate,)):
            n += 1
            candidate = f"{mention_id}-{n}"
        return candidate

    def _refresh(self, event_id: str) -> None:
        """Recompute an event from its mentions (or delete it when none are left)."""
        rows = self._rows(
            "SELECT m.id, m.json, a.source, a.id AS article, COALESCE(a.date, SUBSTR(a.ingested_at, 1, 10)) AS seen "
            "FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id = ?", (event_id,))
        self._exec("DELETE FROM events WHERE id = ?", (event_id,))
        if rows:
            self._exec(f"INSERT INTO events ({', '.join(EVENT_FIELDS)}) VALUES ({', '.join('?' * len(EVENT_FIELDS))})",
                       _event_row(event_id, rows))

    # -- reading ---------------------------------------------------------------------------------
    def query_events(self, query: EventQuery = ALL) -> list[dict[str, Any]]:
        where, params = _where(query)
        order = ORDER[query.sort.lstrip("-")].format(d="DESC" if query.sort.startswith("-") else "ASC")
        sql = (f"SELECT e.*, m.json, m.coder_version, {_ARTICLE_SELECT} FROM events e "
               f"JOIN mentions m ON m.id = e.mention_id JOIN articles a ON a.id = m.article_id {where} "
               f"ORDER BY {order}")
        if query.limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [query.limit, query.offset]
        elif query.offset:
            sql += " LIMIT -1 OFFSET ?" if self.placeholder == "?" else " OFFSET ?"
            params.append(query.offset)
        return [_event_dict(row) for row in self._rows(sql, params)]

    def count_events(self, query: EventQuery = ALL) -> int:
        where, params = _where(query)
        return int(self._one(f"SELECT COUNT(*) FROM events e {where}", params))

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        owner = self._one("SELECT event_id FROM mentions WHERE id = ?", (event_id,))
        rows = self._rows(
            f"SELECT e.*, m.json, m.coder_version, {_ARTICLE_SELECT} FROM events e "
            "JOIN mentions m ON m.id = e.mention_id JOIN articles a ON a.id = m.article_id WHERE e.id = ?",
            (event_id if owner is None else owner,))
        if not rows:
            return None
        event = _event_dict(rows[0])
        event["mentions"] = self._mentions("m.event_id = ?", [event["id"]])
        return event

    def query_mentions(self, query: EventQuery = ALL) -> list[dict[str, Any]]:
        clause, params = self._mention_clause(query)
        page = ""
        if query.limit is not None:
            page, params = " LIMIT ? OFFSET ?", [*params, query.limit, query.offset]
        elif query.offset:
            page = " LIMIT -1 OFFSET ?" if self.placeholder == "?" else " OFFSET ?"
            params = [*params, query.offset]
        return self._mentions(clause, params, page)

    def count_mentions(self, query: EventQuery = ALL) -> int:
        clause, params = self._mention_clause(query)
        return int(self._one(f"SELECT COUNT(*) FROM mentions m WHERE {clause}", params))

    def _mention_clause(self, query: EventQuery) -> tuple[str, list[Any]]:
        where, params = _where(query.page(None, 0))
        clause = f"m.event_id IN (SELECT e.id FROM events e {where})"
        if query.article_id:
            clause += " AND m.article_id = ?"
            params.append(query.article_id)
        return clause, params

    def _mentions(self, clause: str, params: Sequence[Any], page: str = "") -> list[dict[str, Any]]:
        rows = self._rows(f"SELECT m.json, m.event_id, m.coder_version, {_ARTICLE_SELECT} FROM mentions m "
                          f"JOIN articles a ON a.id = m.article_id WHERE {clause} "
                          f"ORDER BY a.date, m.article_id, m.sentence_index, m.trigger_start, m.id{page}", params)
        return [_mention_dict(row) for row in rows]

    def get_mention(self, mention_id: str) -> dict[str, Any] | None:
        found = self._mentions("m.id = ?", [mention_id])
        return found[0] if found else None

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        rows = self._rows(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,))
        if not rows:
            return None
        return {**rows[0], "mentions": self._mentions("m.article_id = ?", [article_id])}

    def iter_articles(self, *, outdated_for: str | None = None) -> Iterator[Article]:
        sql = "SELECT id FROM articles"
        params: list[Any] = []
        if outdated_for:
            sql += " WHERE coder_version IS NULL OR coder_version <> ?"
            params.append(outdated_for)
        for (article_id,) in [tuple(r.values()) for r in self._rows(sql + " ORDER BY id", params)]:
            row = self._rows(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,))[0]
            yield Article(id=row["id"], text=row["text"], date=date.fromisoformat(row["date"]) if row["date"] else None,
                          date_basis=row["date_basis"] or "unknown", source=row["source"], title=row["title"],
                          url=row["url"], dateline_place=row["dateline_place"], origin=row["origin"])

    def actors(self, *, prefix: str | None = None, text: str | None = None, limit: int = 100,
               offset: int = 0) -> list[dict[str, Any]]:
        clauses, params = ["a.code IS NOT NULL"], []
        if prefix:
            clauses.append(_prefix("a.code", prefix.upper(), params))
        if text:
            clauses.append(f"(LOWER(a.name) LIKE ? {_ESCAPE} OR LOWER(a.text) LIKE ? {_ESCAPE})")
            params += [_contains(text)] * 2
        return self._rows(
            "SELECT a.code, MAX(a.name) AS name, MAX(a.country) AS country, MAX(a.sector) AS sector, "
            "COUNT(*) AS mentions, COUNT(DISTINCT m.event_id) AS events FROM actors a "
            f"JOIN mentions m ON m.id = a.mention_id WHERE {' AND '.join(clauses)} "
            "GROUP BY a.code ORDER BY COUNT(*) DESC, a.code LIMIT ? OFFSET ?", [*params, limit, offset])

    def stats(self, query: EventQuery = ALL) -> dict[str, Any]:
        where, params = _where(query)
        day_where = f"{where} AND" if where else "WHERE"
        per_day = self._rows(f"SELECT e.date_lo AS date, COUNT(*) AS events FROM events e {day_where} "
                             "e.date_lo = e.date_hi GROUP BY e.date_lo ORDER BY e.date_lo", params)
        per_type = self._rows(f"SELECT e.plover_event AS plover, e.cameo_root, COUNT(*) AS events FROM events e "
                              f"{where} GROUP BY e.plover_event, e.cameo_root ORDER BY COUNT(*) DESC, "
                              "e.cameo_root", params)
        per_dyad = self._rows(f"SELECT e.source_code AS source, e.target_code AS target, COUNT(*) AS events "
                              f"FROM events e {where} GROUP BY e.source_code, e.target_code "
                              "ORDER BY COUNT(*) DESC, e.source_code, e.target_code LIMIT 100", params)
        return {"total": self.count_events(query), "per_day": per_day, "per_type": per_type, "per_dyad": per_dyad}

    def counts(self) -> dict[str, int]:
        return {t: int(self._one(f"SELECT COUNT(*) FROM {t}")) for t in ("articles", "mentions", "events", "actors")}


_ARTICLE_SELECT = ("a.source AS a_source, a.title AS a_title, a.url AS a_url, a.date AS a_date, "
                   "a.ingested_at AS a_ingested_at, LENGTH(a.text) AS a_length")


def _article(row: dict[str, Any], article_id: str) -> dict[str, Any]:
    return {"id": article_id, "source": row["a_source"], "title": row["a_title"], "url": row["a_url"],
            "date": row["a_date"], "ingested_at": row["a_ingested_at"], "length": row["a_length"]}


def _mention_dict(row: dict[str, Any]) -> dict[str, Any]:
    data = json.loads(row["json"])
    return {**data, "event_id": row["event_id"], "coder_version": row["coder_version"],
            "article": _article(row, data["article_id"])}


def _event_dict(row: dict[str, Any]) -> dict[str, Any]:
    data = json.loads(row["json"])
    data["date"] = {**data["date"], "lo": row["date_lo"], "hi": row["date_hi"]}
    extra = {k: row[k] for k in ("num_mentions", "num_articles", "num_sources", "first_seen", "last_seen")}
    return {**data, "id": row["id"], "mention_id": data["id"], **extra, "coder_version": row["coder_version"],
            "article": _article(row, data["article_id"])}


def _event_row(event_id: str, rows: list[dict[str, Any]]) -> tuple[Any, ...]:
    mentions = [(r, json.loads(r["json"])) for r in rows]
    best = min(mentions, key=lambda rm: (dedup.precision_rank(rm[1]), -rm[1]["confidence"], rm[0]["id"]))[1]
    key = dedup.key_of(best)
    source, target = _most_specific(key, [dedup.key_of(m) for _, m in mentions])
    placed = next((m for m in [best] + [m for _, m in mentions] if m.get("location")), None)
    where = dedup.key_of(placed) if placed else key
    seen = sorted(r["seen"] for r, _ in mentions if r["seen"])
    return (event_id, key.root, int(key.negated), key.modality, source, target,
            _country(best, "source", source), _country(best, "target", target), key.lo, key.hi,
            where.place, where.country, where.lat, where.lon, best["id"], best["cameo"], best["plover"]["event"],
            best["quad_class"], best["goldstein"], best["date"]["value"], best["date"]["precision"],
            len(mentions), len({r["article"] for r, _ in mentions}),
            len({r["source"] or r["article"] for r, _ in mentions}), seen[0] if seen else None,
            seen[-1] if seen else None)


def _most_specific(best: dedup.Key, keys: list[dedup.Key]) -> tuple[str | None, str | None]:
    """The longest codes on each side, reading reversed consultations the right way round."""
    source, target = best.source, best.target
    for k in keys:
        forward = dedup.codes_match(k.source, best.source)
        ks, kt = (k.source, k.target) if forward else (k.target, k.source)
        if ks and dedup.codes_match(ks, source) and len(ks) > len(source or ""):
            source = ks
        if kt and (target is None or dedup.codes_match(kt, target)) and len(kt) > len(target or ""):
            target = kt
    return source, target


def _country(mention: dict[str, Any], role: str, code: str | None) -> str | None:
    for actor in mention.get(role) or []:
        if actor.get("country"):
            return actor["country"]
    return code[:3] if code and len(code) >= 3 and code[:3].isalpha() and code[:3] not in ("IGO", "NGO") else None


def _prefix(column: str, prefix: str, params: list[Any]) -> str:
    """``column`` starts with ``prefix``, as a range an index can serve."""
    params += [prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)]
    return f"({column} >= ? AND {column} < ?)"


_ESCAPE = "ESCAPE '!'"


def _contains(text: str) -> str:
    """A LIKE pattern for "contains ``text``" (case-folded), its own % and _ taken literally."""
    escaped = text.lower().replace("!", "!!").replace("%", "!%").replace("_", "!_")
    return f"%{escaped}%"


def _where(q: EventQuery) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if q.actor:
        clauses.append(f"({_prefix('e.source_code', q.actor.upper(), params)} OR "
                       f"{_prefix('e.target_code', q.actor.upper(), params)})")
    for column, value in (("e.source_code", q.source), ("e.target_code", q.target)):
        if value:
            clauses.append(_prefix(column, value.upper(), params))
    if q.dyad:
        source, _, target = q.dyad.upper().partition("-")
        if source:
            clauses.append(_prefix("e.source_code", source, params))
        clauses.append(_prefix("e.target_code", target, params) if target else "e.target_code IS NULL")
    if q.country:
        clauses.append("(e.source_country = ? OR e.target_country = ?)")
        params += [q.country.upper()] * 2
    _type_filters(q, clauses, params)
    _mention_filters(q, clauses, params)
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


def _type_filters(q: EventQuery, clauses: list[str], params: list[Any]) -> None:
    if q.plover:
        clauses.append("e.plover_event = ?")
        params.append(q.plover.upper())
    if q.cameo:
        clauses.append(_prefix("e.cameo", q.cameo, params))
    if q.since:
        clauses.append("e.date_hi >= ?")
        params.append(q.since.isoformat())
    if q.until:
        clauses.append("e.date_lo <= ?")
        params.append(q.until.isoformat())
    if q.place:
        clauses.append(f"(LOWER(e.place_name) LIKE ? {_ESCAPE} OR e.place_country = ?)")
        params += [_contains(q.place), q.place.upper()]
    if not q.include_negated:
        clauses.append("e.negated = 0")
    _count_filters(q, clauses, params)


def _count_filters(q: EventQuery, clauses: list[str], params: list[Any]) -> None:
    if q.quad_class is not None:
        clauses.append("e.quad_class = ?")
        params.append(q.quad_class)
    if q.min_mentions is not None:
        clauses.append("e.num_mentions >= ?")
        params.append(q.min_mentions)


def _mention_filters(q: EventQuery, clauses: list[str], params: list[Any]) -> None:
    if q.text:
        clauses.append("EXISTS (SELECT 1 FROM mentions t WHERE t.event_id = e.id AND "
                       f"LOWER(t.sentence) LIKE ? {_ESCAPE})")
        params.append(_contains(q.text))
    if q.article_id:
        clauses.append("EXISTS (SELECT 1 FROM mentions t WHERE t.event_id = e.id AND t.article_id = ?)")
        params.append(q.article_id)


def _actor_prefix(key: dedup.Key) -> tuple[str, list[Any]]:
    """An index-friendly necessary condition for `dedup.dyads_match`: codes that match up to the
    hierarchy share their first three letters, so the candidate's source (or, for symmetric roots,
    its target) lies in the range [XYZ, XY{Z+1}). Only letters and digits are compared, so the
    range holds under any collation (PostgreSQL databases need not use "C")."""
    code = (key.source or "").upper()
    if len(code) < 3 or not code[:3].isalnum() or code[2] in "Z9":
        return "", []
    low, high = code[:3], code[:2] + chr(ord(code[2]) + 1)
    if key.root in dedup.SYMMETRIC_ROOTS and key.target is not None:
        return ("((source_code >= ? AND source_code < ?) OR (target_code >= ? AND target_code < ?)) AND ",
                [low, high, low, high])
    return "source_code >= ? AND source_code < ? AND ", [low, high]
