"""Import PETRARCH / TABARI actor and agent dictionaries into dateline's knowledge-file format.

Actor dictionaries hold entries such as::

    RUSSIA  [RUS]
    +RUSSIAN
    GOLLUM  # comment
    +SMEAGOL
        [HOB < 950601]
        [HOBGOV 19950601 - 19990815]
        [HOBREB > 990816]

a name (words joined by underscores), synonyms on '+' lines, and one code or several dated codes.
Agent dictionaries hold ``TERM {PLURALS} [~SECTOR]`` lines and ``!MACRO! = A, B`` substitutions.
Undated actors become groups (code kept whole, country = its first three letters), dated ones
people with roles; agents become roles. Entries that cannot be represented are reported, not
guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
DATED = re.compile(r"^([A-Za-z0-9]{3,12})?\s*(?:(<|>)\s*(\d{6,8})|(\d{6,8})\s*-\s*(\d{6,8}))$")
PLAIN = re.compile(r"^[A-Za-z0-9]{3,12}$")
MACRO = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")


@dataclass
class Imported:
    """Knowledge-file sections built from a dictionary, with the lines that could not be used."""

    groups: list[dict[str, Any]] = field(default_factory=list)
    people: list[dict[str, Any]] = field(default_factory=list)
    roles: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def as_yaml_data(self) -> dict[str, list[dict[str, Any]]]:
        return {k: v for k, v in (("groups", self.groups), ("people", self.people), ("roles", self.roles)) if v}


def petrarch_date(text: str) -> date:
    """YYMMDD (years before 30 are 20xx) or YYYYMMDD."""
    if len(text) == 8:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    year = int(text[:2])
    return date(2000 + year if year < 30 else 1900 + year, int(text[2:4]), int(text[4:]))


def _name(raw: str) -> str:
    """'NORTH_KOREA' -> 'North Korea'; short acronyms stay in capitals ('PLO', 'IMF')."""
    words = [w for w in raw.strip().strip("_").replace("_", " ").split() if w]
    return " ".join(w if len(w) <= 4 and w.isalpha() and w.isupper() and len(words) == 1 else w.title()
                    for w in words)


def _with_word_forms(names: list[str]) -> list[str]:
    """A short name kept in capitals may be an acronym ('PLO') or a word ('BREE', 'OMAN'): the word
    as news writes it ('Bree') is a name too."""
    extra = [n.title() for n in names if n.isupper() and " " not in n]
    return list(dict.fromkeys([*names, *extra]))


def _strip(line: str) -> str:
    return re.sub(r"<!--.*?-->", "", line.split("#", 1)[0]).rstrip()


def _blocks(text: str) -> list[tuple[int, list[str], list[str]]]:
    """(line, names, code texts) per actor entry."""
    entries: list[tuple[int, list[str], list[str]]] = []
    in_comment = False
    for number, raw in enumerate(text.splitlines(), 1):
        if "<!--" in raw and "-->" not in raw:
            in_comment = True
            continue
        if in_comment:
            in_comment = "-->" not in raw
            continue
        line = _strip(raw)
        if not line.strip():
            continue
        codes = CODE_BLOCK.findall(line)
        body = CODE_BLOCK.sub("", line).strip()
        if raw[:1] in {" ", "\t"} and not body and entries:
            entries[-1][2].extend(codes)
        elif body.startswith("+") and entries:
            entries[-1][1].append(body[1:])
            entries[-1][2].extend(codes)
        elif body:
            entries.append((number, [body], list(codes)))
    return entries


def _role(code_text: str) -> dict[str, Any] | None:
    m = DATED.match(code_text.strip())
    if not m or not m.group(1):
        return None
    code = m.group(1).upper()
    role: dict[str, Any] = {"country": code[:3], "sector": code[3:], "title": f"PETRARCH {code}"}
    if m.group(2) == "<":
        role["end"] = petrarch_date(m.group(3)).isoformat()
    elif m.group(2) == ">":
        role["start"] = petrarch_date(m.group(3)).isoformat()
    else:
        role["start"] = petrarch_date(m.group(4)).isoformat()
        role["end"] = petrarch_date(m.group(5)).isoformat()
    return role


def import_actors(text: str, origin: str = "actors") -> Imported:
    out = Imported()
    for line, names, codes in _blocks(text):
        names = _with_word_forms([_name(n) for n in names if _name(n)])
        codes = [c.strip() for c in codes if c.strip()]
        where = f"{origin}:{line}"
        if not names or not codes:
            out.skipped.append(f"{where}: {names[:1] or '?'} has no code")
            continue
        plain = [c.upper() for c in codes if PLAIN.match(c)]
        if len(codes) == 1 and plain:
            same = next((g for g in out.groups if g["code"] == plain[0]), None)
            if same is not None:  # several entries with one code ('BREE', 'ROMENDACIL' [BRE]): one group
                same["names"] = list(dict.fromkeys([*same["names"], *names]))
                continue
            out.groups.append({"code": plain[0], "name": names[0], "names": names[1:],
                               "country": plain[0][:3], "kind": "petrarch"})
            continue
        roles = [r for r in (_role(c) for c in codes) if r is not None]
        roles += [{"country": c[:3], "sector": c[3:], "title": f"PETRARCH {c}"} for c in plain]
        if not roles or any(not PLAIN.match(r["country"]) for r in roles):
            out.skipped.append(f"{where}: {names[0]}: codes {codes} cannot be represented")
            continue
        out.people.append({"name": names[0], "aliases": names[1:], "roles": roles})
    _whole_codes(out)
    return out


def _whole_codes(out: Imported) -> None:
    """A dated code whose first letters are a group of the dictionary ('HOBGOV' beside the group
    'HOB'): the role keeps the whole code, which would otherwise resolve to the group and lose
    its sector ('HOB')."""
    groups = {g["code"] for g in out.groups}
    for person in out.people:
        for role in person["roles"]:
            if role["sector"] and role["country"] in groups:
                role["country"], role["sector"] = role["country"] + role["sector"], ""


def import_agents(text: str, origin: str = "agents") -> Imported:
    out = Imported()
    macros: dict[str, list[str]] = {}
    for number, raw in enumerate(text.splitlines(), 1):
        line = _strip(raw)
        if not line.strip() or line.lstrip().startswith("<"):
            continue
        m = MACRO.match(line.strip())
        if m:
            macros[m.group(1)] = [w.strip().lower() for w in m.group(2).split(",") if w.strip()]
            continue
        codes = CODE_BLOCK.findall(line)
        if not codes or not codes[0].strip().startswith("~"):
            out.skipped.append(f"{origin}:{number}: not an agent line")
            continue
        sector = codes[0].strip()[1:].upper()
        head = CODE_BLOCK.sub("", line)
        plurals = re.findall(r"\{([^}]*)\}", head)
        term = re.sub(r"\{[^}]*\}", "", head).strip()
        for form in _expand(term, macros):
            out.roles.append({"term": form, "sector": sector})
            extra = [p.strip() for p in plurals[0].split(",")] if plurals and plurals[0].strip() else []
            for plural in extra or ([form + "s"] if plurals else []):
                out.roles.append({"term": _name(plural).lower(), "sector": sector})
    return out


def _expand(term: str, macros: dict[str, list[str]]) -> list[str]:
    forms = [term.lower()]
    for macro, words in macros.items():
        forms = [f.replace(macro.lower(), w) for f in forms for w in words] if any(
            macro.lower() in f for f in forms) else forms
    return [f.replace("_", " ").strip() for f in forms if "!" not in f]
