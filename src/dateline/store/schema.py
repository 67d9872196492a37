"""Database schema and its migrations (portable SQL; JSON kept as TEXT)."""

from __future__ import annotations

MIGRATIONS: list[list[str]] = [
    [
        """CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)""",
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY, text TEXT NOT NULL, date TEXT, date_basis TEXT, source TEXT,
            title TEXT, url TEXT, dateline_place TEXT, origin TEXT, content_hash TEXT NOT NULL,
            ingested_at TEXT NOT NULL)""",
        """CREATE TABLE events (
            id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            sentence_index INTEGER, sentence TEXT, trigger_text TEXT, trigger_start INTEGER,
            trigger_end INTEGER, cameo TEXT NOT NULL, cameo_root TEXT NOT NULL, plover_event TEXT,
            plover_mode TEXT, plover_context TEXT, quad_class INTEGER, goldstein REAL,
            event_date TEXT, date_precision TEXT, date_basis TEXT, date_text TEXT,
            location_json TEXT, negated INTEGER, modality TEXT, attributed_to TEXT,
            confidence REAL, coder_version TEXT, json TEXT NOT NULL)""",
        """CREATE TABLE actors (
            event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE, role TEXT NOT NULL,
            position INTEGER NOT NULL, text TEXT, code TEXT, name TEXT, country TEXT, sector TEXT,
            start_char INTEGER, end_char INTEGER, rule TEXT)""",
        "CREATE INDEX events_date ON events(event_date)",
        "CREATE INDEX events_root ON events(cameo_root)",
        "CREATE INDEX events_plover ON events(plover_event)",
        "CREATE INDEX events_article ON events(article_id)",
        "CREATE INDEX actors_code ON actors(code)",
        "CREATE INDEX actors_country ON actors(country)",
        "CREATE INDEX actors_event ON actors(event_id)",
    ],
]

SCHEMA_VERSION = len(MIGRATIONS)
