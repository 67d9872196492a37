"""Database schema and its migrations (SQL that SQLite and PostgreSQL both run; JSON kept as TEXT).

v1: articles, events (one row per coded sentence event), actors.
v2: deduplication. v1's ``events`` become ``mentions``; a new ``events`` table holds one row per
real-world event (its key fields, its representative mention and counts); ``mentions.event_id``
links each mention to its event; articles remember the coder version that coded them.
v3: indexes for deduplication's candidate lookup (root + source or target actor + date).
"""

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
    [
        "ALTER TABLE events RENAME TO mentions",
        "ALTER TABLE actors RENAME COLUMN event_id TO mention_id",
        "ALTER TABLE mentions ADD COLUMN event_id TEXT",
        "ALTER TABLE articles ADD COLUMN coder_version TEXT",
        """CREATE TABLE events (
            id TEXT PRIMARY KEY, cameo_root TEXT NOT NULL, negated INTEGER NOT NULL, modality TEXT NOT NULL,
            source_code TEXT, target_code TEXT, source_country TEXT, target_country TEXT,
            date_lo TEXT, date_hi TEXT, place_name TEXT, place_country TEXT,
            lat DOUBLE PRECISION, lon DOUBLE PRECISION, mention_id TEXT NOT NULL, cameo TEXT NOT NULL,
            plover_event TEXT, quad_class INTEGER, goldstein DOUBLE PRECISION, event_date TEXT,
            date_precision TEXT, num_mentions INTEGER NOT NULL, num_articles INTEGER NOT NULL,
            num_sources INTEGER NOT NULL, first_seen TEXT, last_seen TEXT)""",
        "CREATE INDEX ev_root_date ON events(cameo_root, date_lo)",
        "CREATE INDEX ev_date ON events(date_lo, id)",
        "CREATE INDEX ev_source ON events(source_code)",
        "CREATE INDEX ev_target ON events(target_code)",
        "CREATE INDEX ev_plover ON events(plover_event)",
        "CREATE INDEX mentions_event ON mentions(event_id)",
    ],
    [  # v3: deduplication looks candidates up by root and actor, not by root alone
        "CREATE INDEX ev_root_source ON events(cameo_root, source_code, date_lo)",
        "CREATE INDEX ev_root_target ON events(cameo_root, target_code, date_lo)",
    ],
]

SCHEMA_VERSION = len(MIGRATIONS)
