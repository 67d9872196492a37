"""No Python module under src/dateline holds an English word list: words live in data/lexicon/*.yaml.

The scan flags every set, list, tuple or frozenset literal (and `"a b c d".split()`) of four or more
lower-case alphabetic strings, and every regular expression that alternates three or more lower-case
words ("spring|summer|autumn"). spaCy's own labels (dependency relations, entity types) are exempt,
and so are the program's own vocabularies (file keys, column names, enum values, HTML tag names),
named below one by one. The coder's modules are exempt in one place, CODER_MODULES, until the coder
moves its words into the lexicon: delete an entry there and this test holds that module to the rule.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import spacy.glossary

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "dateline"
WORD = re.compile(r"^[a-z][a-z'’ -]*$")
SPACY_LABELS = {label.lower() for label in spacy.glossary.GLOSSARY}

# Modules allowed to keep word lists for now (issue 12's coder work kept its own in events/data/coder.yaml
# and holds none in code): empty, and it should stay so; an entry here is a debt to name in review.
CODER_MODULES: set[str] = set()

# The program's own vocabularies, not English: (module, the constant or function that holds them).
IDENTIFIERS = {
    ("actors/kb.py", "ALLOWED_KEYS"), ("events/patterns.py", "VERB_KEYS"), ("events/patterns.py", "NOUN_KEYS"),
    ("events/patterns.py", "CONTROL_KEYS"), ("events/patterns.py", "TRANSFORMS"), ("lexicon.py", "KEYS"),
    ("cli.py", "export_events"), ("export.py", "FORMATS"), ("export.py", "EXTRA_COLUMNS"),
    ("export_plover.py", "PLOVER_FIELDS"),
    ("evaluate.py", "METRICS"), ("filters.py", "FILTERS"), ("ingest/fields.py", "STRING_FIELDS"),
    ("ingest/html.py", "_name"), ("ingest/html.py", "SKIP"), ("ingest/html.py", "BLOCKS"),
    ("output.py", "CSV_COLUMNS"), ("records.py", "Precision"), ("records.py", "DateBasis"),
    ("records.py", "Modality"), ("shards.py", "ARTICLE_FIELDS"), ("store/aggregate.py", "BUCKETS"),
    ("store/sql.py", "EVENT_FIELDS"), ("store/sql.py", "counts"), ("web/spans.py", "LABELS"),
    ("when.py", "_CASELESS"), ("batch.py", "_SCHEDULER"), ("lexicon.py", "MAP_VALUES"), ("lexicon.py", "NUMBER_MAPS"),
}


def _owner(tree: ast.Module, node: ast.AST) -> str:
    """The module-level name assigned, or the function defined, around `node`."""
    for top in tree.body:
        first = min([getattr(top, "lineno", 0)] + [d.lineno for d in getattr(top, "decorator_list", [])])
        if first <= node.lineno <= getattr(top, "end_lineno", 0):
            if isinstance(top, ast.FunctionDef | ast.ClassDef):
                inner = [f for f in ast.walk(top) if isinstance(f, ast.FunctionDef)
                         and f.lineno <= node.lineno <= (f.end_lineno or 0)]
                return inner[-1].name if inner else top.name
            targets = top.targets if isinstance(top, ast.Assign) else [getattr(top, "target", None)]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            return names[0] if names else "?"
    return "?"


ALTERNATION = re.compile(r"(?:[a-z]{3,}\|){2,}[a-z]{3,}")


def _strings(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):  # a regular expression's words
        found = ALTERNATION.findall(node.value)
        return [w for alternation in found for w in alternation.split("|")] if found else []
    if isinstance(node, ast.Set | ast.List | ast.Tuple):
        return [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split"
            and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str)):
        return node.func.value.value.split()
    return []


def word_lists(path: Path, exempt: set[tuple[str, str]] | None = None, root: Path = PACKAGE) -> list[str]:
    """'module:line: owner: words...' for each English word list literal in the module at `path`
    (the program's own vocabularies that it meets are added to `exempt`)."""
    module = path.relative_to(root).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        words = [s for s in _strings(node) if WORD.match(s)]
        least = 3 if isinstance(node, ast.Constant) else 4
        if len(words) < least or all(w in SPACY_LABELS for w in words):
            continue
        owner = _owner(tree, node)
        if (module, owner) in IDENTIFIERS:
            (exempt if exempt is not None else set()).add((module, owner))
        else:
            found.append(f"{module}:{node.lineno}: {owner}: {sorted(words)[:6]}")
    return found


def test_no_module_holds_an_english_word_list():
    modules = [p for p in sorted(PACKAGE.rglob("*.py")) if p.relative_to(PACKAGE).as_posix() not in CODER_MODULES]
    assert len(modules) > 30
    exempt: set[tuple[str, str]] = set()
    assert [hit for path in modules for hit in word_lists(path, exempt)] == []
    assert IDENTIFIERS - exempt == set(), "an exemption that no longer matches anything: remove it"


def test_the_scan_finds_word_lists_in_their_shapes(tmp_path):
    """The scan is not blind: a set, a tuple inside a function, a split string; labels pass."""
    module = tmp_path / "m.py"
    module.write_text('WORDS = {"war", "peace", "truce", "siege"}\n'
                      'DEPS = {"nsubj", "dobj", "amod", "prep"}\n'
                      'def f(w):\n    return w in ("tank", "jet", "drone", "ship")\n'
                      'MORE = "one two three four".split()\n'
                      'import re\nSEASON = re.compile(r"\\b(?:spring|summer|autumn)\\b")\n'
                      'DEP = re.compile("nsubj|dobj|iobj")\n', encoding="utf-8")
    hits = word_lists(module, root=tmp_path)
    assert sorted(h.split(":")[1] for h in hits) == ["1", "4", "5", "7"]
