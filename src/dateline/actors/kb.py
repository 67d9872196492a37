"""The actor knowledge base: countries, organisations, armed groups, roles and people with dated roles.

Bundled files live in actors/data/*.yaml; user files (``--actors FILE``) add entries or override
ones with the same code, term or name. Every entry is validated; errors name the file and line.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from dateline import yamlio
from dateline.actors.inflect import number_forms
from dateline.errors import FileLineError

RANK_ORDER = ["head_of_state", "head_of_government", "leader", "deputy_head", "foreign_minister",
              "defence_minister", "other"]
SECTIONS = {"countries": "countries.yaml", "regions": "regions.yaml",
            "organizations": "organizations.yaml", "groups": "groups.yaml", "roles": "roles.yaml",
            "people": "people.yaml"}
ALLOWED_KEYS = {
    "countries": {"code", "iso2", "name", "names", "adjectives", "demonyms", "capitals", "metonyms"},
    "organizations": {"code", "name", "names", "kind", "country", "sector"},
    "groups": {"code", "name", "names", "kind", "country", "sector"},
    "regions": {"code", "name", "names", "kind", "country", "sector"},
    "roles": {"term", "sector", "person", "rank", "exact"},
    "people": {"name", "aliases", "roles"},
}
CODE = re.compile(r"^[A-Z][A-Z0-9]{2,11}$")


class KnowledgeError(FileLineError):
    """A bad entry in a knowledge file: 'path:line: message'."""


@dataclass(frozen=True)
class CountryEntry:
    code: str
    iso2: str | None
    name: str
    names: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    metonyms: dict[str, str] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class OrgEntry:
    code: str
    name: str
    names: tuple[str, ...] = ()
    kind: str = "igo"  # igo | ngo | group | region
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True)
class RoleEntry:
    term: str
    sector: str
    person: bool = False
    rank: str | None = None
    exact: bool = False  # found only in the number written ("jets" names warplanes, "a jet" may not)


@dataclass(frozen=True)
class PersonRole:
    country: str
    sector: str
    title: str
    rank: str | None
    start: date | None
    end: date | None

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class PersonEntry:
    name: str
    aliases: tuple[str, ...]
    roles: tuple[PersonRole, ...]

    def role_at(self, day: date | None) -> PersonRole | None:
        """The role held on `day` (the highest-ranking one); the latest role when day is None."""
        if not self.roles:
            return None
        if day is None:
            return max(self.roles, key=lambda r: r.start or date.min)
        held = [r for r in self.roles if r.holds_on(day)]
        if not held:
            return None
        return min(held, key=lambda r: RANK_ORDER.index(r.rank) if r.rank in RANK_ORDER else 99)


@dataclass(frozen=True)
class KBHit:
    kind: str  # country | adjective | demonym | capital | metonym | org | person
    entry: Any
    sector: str | None = None


def normalise(phrase: str) -> str:
    """Lower case, straight quotes, no leading 'the', no possessive, single spaces."""
    text = phrase.replace("’", "'").replace("‘", "'").strip()
    text = re.sub(r"'s$|'$", "", text)
    text = re.sub(r"\s+", " ", text).lower()
    return text[4:] if text.startswith("the ") else text


def _case_sensitive(alias: str) -> bool:
    """Short all-caps aliases ("US", "IS", "UN") match only in capitals: 'us' and 'is' are words."""
    letters = alias.replace(".", "")
    return letters.isupper() and len(letters) <= 3


def _date(value: Any, path: str, line: int) -> date | None:
    if value in (None, "", "null"):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise KnowledgeError(path, line, f"bad date {value!r} (YYYY-MM-DD)") from exc


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    return tuple(str(v) for v in items if v is not None)


def _entries(text: str, path: str) -> list[tuple[str, dict[str, Any], int]]:
    """(section, entry, line) for a file holding a list, or a mapping of sections to lists."""
    try:
        root = yamlio.compose(text)
    except yaml.YAMLError as exc:
        line = exc.problem_mark.line + 1 if getattr(exc, "problem_mark", None) else 1
        raise KnowledgeError(path, line, f"not valid YAML ({getattr(exc, 'problem', exc)})") from exc
    if root is None:
        return []
    section = next((k for k, v in SECTIONS.items() if Path(path).name == v), None)
    if isinstance(root, yaml.SequenceNode):
        if section is None:
            raise KnowledgeError(path, 1, "a list file must be named like a bundled file, "
                                 "or hold a mapping with countries/organizations/groups/roles/people")
        pairs = [(section, root)]
    else:
        pairs = [(key.value, value) for key, value in root.value]
    out = []
    for name, node in pairs:
        if name not in SECTIONS:
            raise KnowledgeError(path, node.start_mark.line + 1, f"unknown section {name!r}")
        for item in node.value:
            value = yamlio.node_value(item)
            line = item.start_mark.line + 1
            if not isinstance(value, dict):
                raise KnowledgeError(path, line, "expected a mapping")
            out.append((name, value, line))
    return out


def _need(entry: dict[str, Any], keys: Sequence[str], path: str, line: int) -> None:
    missing = [k for k in keys if not entry.get(k)]
    if missing:
        raise KnowledgeError(path, line, f"missing {', '.join(missing)}")


def _code(value: Any, path: str, line: int) -> str:
    code = str(value or "")
    if not CODE.match(code):
        raise KnowledgeError(path, line, f"bad actor code {code!r} (3-12 upper-case letters or digits)")
    return code


def _country(e: dict[str, Any], path: str, line: int) -> CountryEntry:
    _need(e, ["code", "name"], path, line)
    metonyms = e.get("metonyms") or {}
    if not isinstance(metonyms, dict):
        raise KnowledgeError(path, line, "metonyms must map a phrase to a sector code")
    return CountryEntry(_code(e["code"], path, line), e.get("iso2"), str(e["name"]), _tuple(e.get("names")),
                        _tuple(e.get("adjectives")), _tuple(e.get("demonyms")), _tuple(e.get("capitals")),
                        {str(k): str(v) for k, v in metonyms.items()})


def _org(e: dict[str, Any], path: str, line: int, kind: str) -> OrgEntry:
    _need(e, ["code", "name"], path, line)
    country = e.get("country")
    return OrgEntry(_code(e["code"], path, line), str(e["name"]), _tuple(e.get("names")),
                    str(e.get("kind") or kind), _code(country, path, line) if country else None,
                    e.get("sector"))


def _role(e: dict[str, Any], path: str, line: int) -> RoleEntry:
    _need(e, ["term", "sector"], path, line)
    return RoleEntry(str(e["term"]).lower(), _code(e["sector"], path, line), bool(e.get("person")),
                     e.get("rank"), bool(e.get("exact")))


def _person(e: dict[str, Any], path: str, line: int) -> PersonEntry:
    _need(e, ["name", "roles"], path, line)
    roles = []
    for r in e["roles"]:
        if not isinstance(r, dict) or not r.get("country"):
            raise KnowledgeError(path, line, f"{e['name']}: each role needs a country")
        start, end = _date(r.get("start"), path, line), _date(r.get("end"), path, line)
        if start and end and end < start:
            raise KnowledgeError(path, line, f"{e['name']}: role ends ({end}) before it starts ({start})")
        sector = "GOV" if r.get("sector") is None else str(r["sector"])  # "" = the country itself
        roles.append(PersonRole(_code(r["country"], path, line), sector,
                                str(r.get("title") or ""), r.get("rank"), start, end))
    return PersonEntry(str(e["name"]), _tuple(e.get("aliases")), tuple(roles))


def parse_file(path: str, text: str) -> dict[str, list[Any]]:
    """All entries of one knowledge file, by section; raises KnowledgeError at the first bad one."""
    out: dict[str, list[Any]] = defaultdict(list)
    for section, entry, line in _entries(text, path):
        unknown = set(entry) - ALLOWED_KEYS[section]
        if unknown:
            raise KnowledgeError(path, line, f"unknown key(s) {', '.join(sorted(map(str, unknown)))} "
                                 f"(a name with a comma needs quotes)")
        if section == "countries":
            out[section].append(_country(entry, path, line))
        elif section in {"organizations", "groups", "regions"}:
            kind = {"organizations": "igo", "groups": "group", "regions": "region"}[section]
            out[section].append(_org(entry, path, line, kind))
        elif section == "roles":
            out[section].append(_role(entry, path, line))
        else:
            out[section].append(_person(entry, path, line))
    return out


def validate_file(path: Path) -> list[KnowledgeError]:
    """Problems in one knowledge file (empty when it is good)."""
    try:
        parse_file(str(path), Path(path).read_text(encoding="utf-8"))
    except KnowledgeError as exc:
        return [exc]
    except OSError as exc:
        return [KnowledgeError(str(path), 0, f"cannot read ({exc})")]
    return []


class KnowledgeBase:
    """Indexes over the knowledge files: phrase -> hits, role words, codes."""

    def __init__(self, entries: dict[str, list[Any]]) -> None:
        self.countries = {c.code: c for c in entries.get("countries", [])}
        self.orgs = {o.code: o for key in ("organizations", "groups", "regions") for o in entries.get(key, [])}
        self.roles = {r.term: r for r in entries.get("roles", [])}
        self.people = {p.name: p for p in entries.get("people", [])}
        self._surnames: dict[str, list[PersonEntry]] = defaultdict(list)
        self._exact: dict[str, list[KBHit]] = defaultdict(list)
        self._folded: dict[str, list[KBHit]] = defaultdict(list)
        self._index()

    def _add(self, phrase: str, hit: KBHit) -> None:
        if _case_sensitive(phrase):
            self._exact[phrase.replace("’", "'")].append(hit)
        else:
            self._folded[normalise(phrase)].append(hit)

    def _index(self) -> None:
        for c in self.countries.values():
            for name in (c.name, *c.names):
                self._add(name, KBHit("country", c))
            for adj in c.adjectives:
                self._add(adj, KBHit("adjective", c))
            for dem in c.demonyms:
                self._add(dem, KBHit("demonym", c))
            for cap in c.capitals:
                self._add(cap, KBHit("capital", c, "GOV"))
            for phrase, sector in c.metonyms.items():
                self._add(phrase, KBHit("metonym", c, sector))
        for o in self.orgs.values():
            for name in (o.name, *o.names):
                self._add(name, KBHit("org", o, o.sector))
        for p in self.people.values():
            for name in (p.name, *p.aliases):
                self._add(name, KBHit("person", p))
            if " " in p.name:
                self._surnames[p.name.split()[-1].lower()].append(p)

    @classmethod
    def load(cls, extra_files: Sequence[Path] = ()) -> KnowledgeBase:
        entries: dict[str, list[Any]] = defaultdict(list)
        data = resources.files("dateline.actors") / "data"
        for name in SECTIONS.values():
            resource = data / name
            if resource.is_file():
                for section, items in parse_file(name, resource.read_text(encoding="utf-8")).items():
                    entries[section].extend(items)
        for path in extra_files:
            for section, items in parse_file(str(path), Path(path).read_text(encoding="utf-8")).items():
                entries[section].extend(items)  # later entries with the same key win
        return cls(entries)

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> KnowledgeBase:
        return cls.load()

    def find(self, phrase: str) -> list[KBHit]:
        """Every entry this exact phrase names (case-insensitive except short all-caps aliases)."""
        clean = phrase.replace("’", "'").strip()
        hits = list(self._exact.get(re.sub(r"'s$", "", clean), []))
        return hits + self._folded.get(normalise(clean), [])

    def shared_surname(self, word: str, day: date | None) -> PersonEntry | str | None:
        """A surname several people share, which is no alias of any ('President BUSH'): the one of
        them in office on `day`, else the country all of them served, else None."""
        people = self._surnames.get(word.lower(), [])
        if len(people) < 2 or self.find(word):
            return None
        if day is not None:
            serving = [p for p in people if p.role_at(day) is not None]
            if len(serving) == 1:
                return serving[0]
        countries = sorted({r.country for p in people for r in p.roles})
        return countries[0] if len(countries) == 1 and countries[0] in self.countries else None

    def role(self, term: str) -> RoleEntry | None:
        """The role entry of a term in the number written, else in the other number."""
        key = normalise(term)
        entry = self.roles.get(key)
        if entry is None:
            entry = next((self.roles[form] for form in number_forms(key)
                          if form in self.roles and not self.roles[form].exact), None)
        return entry

    def country_names(self) -> dict[str, str]:
        """Every name of every country (not adjectives), name -> code: for the gazetteer."""
        return {name: c.code for c in self.countries.values() for name in (c.name, *c.names)}

    def country(self, code: str) -> CountryEntry | None:
        return self.countries.get(code)

    def org(self, code: str) -> OrgEntry | None:
        return self.orgs.get(code)
