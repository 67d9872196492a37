"""The coder version: what coded an article, so `dateline recode` re-codes exactly what an older coder coded.

``dateline-coder/<package version>+<hash>``. The hash covers everything that decides the events of
a text: the bundled data files (triggers, transforms, CAMEO table, actor knowledge, lexicons: every
YAML, TSV, CSV, JSON or text file of the package outside the web explorer and the store), the Python
source of the coding stages (``events/``, ``actors/``, ``where.py``, ``when.py``, ``records.py``),
the user's trigger, ontology and actor files named in the settings (by content, not by path), the
spaCy model's name and the gazetteer's population floor. Change any of them and every stored
article becomes out of date for `recode`.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from dateline import __version__
from dateline.settings import Settings

PACKAGE = Path(__file__).resolve().parent
CODING_SOURCES = ("events", "actors", "where.py", "when.py", "records.py")
DATA_SUFFIXES = {".yaml", ".yml", ".tsv", ".csv", ".json", ".txt"}
NOT_CODING = {"web", "store", "__pycache__"}
PREFIX = "dateline-coder"


def _bundled_files() -> list[Path]:
    """The package files the coder's output depends on, in a fixed order."""
    files = [p for p in PACKAGE.rglob("*") if p.suffix in DATA_SUFFIXES and p.is_file()
             and p.relative_to(PACKAGE).parts[0] not in NOT_CODING]
    for name in CODING_SOURCES:
        root = PACKAGE / name
        files += sorted(root.rglob("*.py")) if root.is_dir() else [root]
    return sorted(set(files))


@lru_cache(maxsize=1)
def _bundled_digest() -> str:
    digest = hashlib.sha256()
    for path in _bundled_files():
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _user_digest(kind: str, paths: tuple[Path, ...]) -> bytes:
    """The contents of the user's files of one kind, in the order given (order decides ties)."""
    digest = hashlib.sha256(kind.encode())
    for path in paths:
        try:
            digest.update(Path(path).read_bytes() + b"\0")
        except OSError:
            digest.update(f"unreadable {path}\0".encode())  # loading it reports the error
    return digest.digest()


def coder_version(settings: Settings | None = None) -> str:
    """The version string stored with every article coded under `settings`."""
    settings = settings or Settings()
    digest = hashlib.sha256(_bundled_digest().encode())
    digest.update(_user_digest("triggers", settings.pattern_files))
    digest.update(_user_digest("ontology", settings.ontology_files))
    digest.update(_user_digest("actors", settings.actor_files))
    if settings.lexicon_files:
        digest.update(_user_digest("lexicon", settings.lexicon_files))
    digest.update(f"{settings.model}\0{settings.gazetteer_min_population}".encode())
    if not settings.statements:
        digest.update(b"\0no statements")
    return f"{PREFIX}/{__version__}+{digest.hexdigest()[:12]}"
