"""The coder version: the package version and a hash of everything that decides the events."""

from __future__ import annotations

from pathlib import Path

import dateline
from dateline.settings import Settings
from dateline.version import coder_version


def test_the_version_names_the_package_and_is_stable():
    first = coder_version()
    assert first.startswith(f"dateline-coder/{dateline.__version__}+") and len(first.split("+")[1]) == 12
    assert coder_version(Settings()) == first == dateline.CODER_VERSION


def test_user_files_change_the_version_by_content_not_by_path(tmp_path: Path):
    one, two = tmp_path / "one.yaml", tmp_path / "two.yaml"
    one.write_text('verbs:\n  - {lemma: snub, code: "120"}\n', encoding="utf-8")
    two.write_text('verbs:\n  - {lemma: snub, code: "120"}\n', encoding="utf-8")
    base = coder_version()
    assert coder_version(Settings(pattern_files=(one,))) != base
    assert coder_version(Settings(pattern_files=(one,))) == coder_version(Settings(pattern_files=(two,)))
    two.write_text('verbs:\n  - {lemma: snub, code: "121"}\n', encoding="utf-8")
    assert coder_version(Settings(pattern_files=(one,))) != coder_version(Settings(pattern_files=(two,)))
    assert coder_version(Settings(ontology_files=(one,))) != coder_version(Settings(pattern_files=(one,)))
    assert coder_version(Settings(actor_files=(one,))) not in {base, coder_version(Settings(ontology_files=(one,)))}
