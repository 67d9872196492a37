"""Trigger patterns: which words in which frame signal which CAMEO event (data in data/*.yaml)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from dateline import yamlio
from dateline.errors import FileLineError

VERB_KEYS = {
    "lemma", "lemmas", "code", "prt", "prep", "obj", "obj_any", "compound", "prep_obj", "target",
    "reciprocal", "person_obj", "place_obj", "topic", "before", "after", "form", "joint_subject",
}
NOUN_KEYS = {"lemma", "lemmas", "code", "compound", "reciprocal", "needs_support", "plural"}
CONTROL_KEYS = {"transform", "modality", "reciprocal", "negate", "target_from", "generic", "nonfactual"}
TRANSFORMS = {"intent", "threat", "reject", "appeal", "demand", "none"}


class PatternError(FileLineError):
    """A trigger or transform file has a bad entry; says which file and line."""


@dataclass(frozen=True)
class VerbRule:
    code: str
    prt: str | None = None
    prep: frozenset[str] = frozenset()
    obj: frozenset[str] = frozenset()
    obj_any: bool = False
    compound: frozenset[str] = frozenset()
    prep_obj: frozenset[str] = frozenset()
    target: str | None = None
    reciprocal: bool = False
    person_obj: bool = False
    place_obj: bool = False
    topic: bool = False  # the direct object is what is talked about, never the target
    # words before the verb, in order (other words may come between): each slot its alternatives,
    # each alternative a sequence of adjacent words ("heavily", "did n't|will not")
    before: tuple[tuple[tuple[str, ...], ...], ...] = ()
    after: tuple[tuple[tuple[str, ...], ...], ...] = ()  # the same, after the verb ("abandon NEW ECONOMIC ties")
    form: frozenset[str] = frozenset()  # the verb as written: "said" only, not "say" (an inflected headword)
    joint_subject: bool = False  # the subject is two or more actors ("X and Y agree")

    @property
    def specificity(self) -> int:
        """How narrowly the rule matches: the narrower rule wins ("CALL UP reservists" over "call
        someone", "carry out a JOINT operation" over "carry out an operation", "HEAVILY criticized"
        over "criticized")."""
        weights = ((self.prt, 2), (self.prep, 1), (self.obj, 3), (self.obj_any, 1), (self.compound, 3),
                   (self.prep_obj, 1))
        return sum(weight for cond, weight in weights if cond) + 2 * (len(self.before) + len(self.after)) \
            + bool(self.form) + self.joint_subject


@dataclass(frozen=True)
class NounRule:
    code: str
    compound: frozenset[str] = frozenset()
    reciprocal: bool = False
    needs_support: bool = False
    plural: bool = False
    verb: str | None = None  # the verb trigger whose rule this noun names (nominals.yaml), None: listed itself
    person_obj: bool = False  # the verb rule's conditions on its object, checked on the noun's "of" phrase
    place_obj: bool = False
    obj_any: bool = False


@dataclass(frozen=True)
class Nominals:
    """How nouns are derived from verb triggers (data/nominals.yaml)."""

    gerund: bool = False
    not_derived: frozenset[str] = frozenset()
    patient_roots: frozenset[str] = frozenset()
    nouns: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Control:
    transform: str = "none"
    modality: str = "asserted"
    reciprocal: bool = False
    negate: bool = False
    target_from: str | None = None
    generic: bool = False  # also with a complement that is no event ("agreed to coordinate")
    nonfactual: bool = False  # its complement did not (yet) happen ("urged X to withdraw"): frames.governed_modality


@dataclass(frozen=True)
class Patterns:
    verbs: dict[str, tuple[VerbRule, ...]]
    nouns: dict[str, tuple[NounRule, ...]]
    control: dict[str, Control]
    control_nouns: dict[str, Control]
    transforms: dict[str, dict[str, str]] = field(default_factory=dict)
    patient_roots: frozenset[str] = frozenset()  # roots whose nouns take the one acted on in "of"
    user_lemmas: frozenset[str] = frozenset()  # lemmas a user trigger file defines: its rules alone read them
    declared: dict[str, str] = field(default_factory=dict)  # codes user files add (`codes:`), with labels

    def nonfactual_words(self) -> frozenset[str]:
        """The control verbs and nouns marked `nonfactual: true` (their complement is no fact)."""
        entries = [*self.control.items(), *self.control_nouns.items()]
        return frozenset(lemma for lemma, control in entries if control.nonfactual)

    def transform(self, kind: str, code: str) -> str:
        """The code an event `code` becomes under `kind` (intent, threat, reject, appeal, demand)."""
        table = self.transforms.get(kind)
        if not table:
            return code
        for n in range(len(code), 1, -1):
            if code[:n] in table:
                return table[code[:n]]
        return table.get("*", code)


def _lines(node: yaml.Node) -> list[int]:
    return [item.start_mark.line + 1 for item in getattr(node, "value", [])]


def _section(root: yaml.MappingNode, name: str) -> yaml.Node | None:
    for key, value in root.value:
        if key.value == name:
            return value
    return None


def _as_set(value: Any) -> frozenset[str]:
    if value is None:
        return frozenset()
    items = value if isinstance(value, list) else [value]
    return frozenset(str(v).lower() for v in items)


def _lemmas(entry: dict[str, Any]) -> list[str]:
    lemmas = entry.get("lemmas") or [entry.get("lemma")]
    return [str(x).lower() for x in lemmas if x]


CODE = re.compile(r"^\d{2,4}$")
DECLARED_CODE = re.compile(r"^\d{2,4}[A-Za-z]?$")


def _check(entry: Any, allowed: set[str], path: str, line: int, codes: set[str] | None,
           declared: dict[str, str]) -> None:
    if not isinstance(entry, dict):
        raise PatternError(path, line, "expected a mapping like {lemma: ..., code: ...}")
    unknown = set(entry) - allowed
    if unknown:
        raise PatternError(path, line, f"unknown key(s) {sorted(unknown)}; allowed: {sorted(allowed)}")
    if not _lemmas(entry):
        raise PatternError(path, line, "needs `lemma` or `lemmas`")
    code = str(entry.get("code", ""))
    if code in declared:
        return
    if not CODE.match(code):
        raise PatternError(path, line, f"bad CAMEO code {entry.get('code')!r}")
    if codes is not None and code not in codes:
        raise PatternError(path, line, f"CAMEO code {code} is not in the ontology (declare it under `codes:`)")


def _words_in_order(value: Any, path: str, line: int) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """`before: [heavily, "did n't|will not"]` -> ((('heavily',),), (('did', "n't"), ('will', 'not')))."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise PatternError(path, line, "`before`/`after` is a list of words ('a|b c': alternatives, "
                                       "each words in a row)")
    return tuple(tuple(tuple(alt.lower().split()) for alt in slot.split("|") if alt.strip()) for slot in value)


def _declared(node: yaml.Node | None, path: str) -> dict[str, str]:
    """A trigger file's own codes (`codes: {'903': label}`): codes its dictionary uses that the
    ontology lacks (a PETRARCH test code, a WEIS code); events get them with no PLOVER type."""
    out: dict[str, str] = {}
    if node is None:
        return out
    if not isinstance(node, yaml.MappingNode):
        raise PatternError(path, node.start_mark.line + 1, "`codes` maps a code to its label")
    for key, value in node.value:
        code = str(key.value)
        if not DECLARED_CODE.match(code):
            raise PatternError(path, key.start_mark.line + 1, f"bad code {code!r} (2-4 digits, one letter may follow)")
        out[code] = str(yamlio.node_value(value) or "")
    return out


def _verb_rule(e: dict[str, Any], path: str = "", line: int = 0) -> VerbRule:
    return VerbRule(
        code=str(e["code"]), prt=e.get("prt"), prep=_as_set(e.get("prep")),
        obj=_as_set(e.get("obj")), obj_any=bool(e.get("obj_any")),
        compound=_as_set(e.get("compound")), prep_obj=_as_set(e.get("prep_obj")),
        target=e.get("target"), reciprocal=bool(e.get("reciprocal")),
        person_obj=bool(e.get("person_obj")), place_obj=bool(e.get("place_obj")),
        topic=bool(e.get("topic")), before=_words_in_order(e.get("before"), path, line),
        after=_words_in_order(e.get("after"), path, line), form=_as_set(e.get("form")),
        joint_subject=bool(e.get("joint_subject")),
    )


def _noun_rule(e: dict[str, Any], path: str = "", line: int = 0) -> NounRule:
    return NounRule(
        code=str(e["code"]), compound=_as_set(e.get("compound")),
        reciprocal=bool(e.get("reciprocal")), needs_support=bool(e.get("needs_support")),
        plural=bool(e.get("plural")),
    )


def _controls(node: yaml.Node | None, path: str) -> dict[str, Control]:
    out: dict[str, Control] = {}
    if node is None:
        return out
    for key, value in node.value:
        data = yamlio.node_value(value) or {}
        line = key.start_mark.line + 1
        if not isinstance(data, dict) or set(data) - CONTROL_KEYS:
            raise PatternError(path, line, f"bad control entry for {key.value!r}")
        if data.get("transform", "none") not in TRANSFORMS:
            raise PatternError(path, line, f"unknown transform {data.get('transform')!r}")
        if not isinstance(data.get("nonfactual", False), bool):
            raise PatternError(path, line, f"{key.value!r}: `nonfactual` must be true or false")
        out[str(key.value).lower()] = Control(**data)
    return out


def _read_rules(path: str, text: str, codes: set[str] | None, into: dict[str, Any]) -> None:
    root = yamlio.compose(text)
    if root is None:
        return
    if not isinstance(root, yaml.MappingNode):
        raise PatternError(path, 1, "expected a mapping with verbs/nouns/control sections")
    declared = _declared(_section(root, "codes"), path)
    into.setdefault("declared", {}).update(declared)
    for name, keys, build in (("verbs", VERB_KEYS, _verb_rule), ("nouns", NOUN_KEYS, _noun_rule)):
        node = _section(root, name)
        if node is None:
            continue
        entries = yamlio.node_value(node) or []
        for entry, line in zip(entries, _lines(node), strict=True):
            _check(entry, keys, path, line, codes, declared)
            for lemma in _lemmas(entry):
                into[name][lemma].append(build(entry, path, line))
    into["control"].update(_controls(_section(root, "control"), path))
    into["control_nouns"].update(_controls(_section(root, "control_nouns"), path))


def _read_transforms(path: str, text: str, codes: set[str] | None) -> dict[str, dict[str, str]]:
    data = yamlio.load(text) or {}
    out: dict[str, dict[str, str]] = {}
    for kind, table in data.items():
        if kind not in TRANSFORMS:
            raise PatternError(path, 1, f"unknown transform kind {kind!r}")
        for prefix, code in table.items():
            if codes is not None and str(code) not in codes:
                raise PatternError(path, 1, f"{kind}: code {code} for {prefix} is not in the ontology")
        out[kind] = {str(k): str(v) for k, v in table.items()}
    return out


NOMINAL_KEYS = {"gerund", "not_derived", "patient_roots", "nouns"}


def _read_nominals(path: str, text: str) -> Nominals:
    data = yamlio.load(text) or {}
    if not isinstance(data, dict) or set(data) - NOMINAL_KEYS:
        raise PatternError(path, 1, f"expected a mapping with keys {sorted(NOMINAL_KEYS)}")
    nouns = data.get("nouns") or {}
    if not isinstance(nouns, dict):
        raise PatternError(path, 1, "`nouns` maps a verb lemma to a list of nouns")
    return Nominals(bool(data.get("gerund")), _as_set(data.get("not_derived")), _as_set(data.get("patient_roots")),
                    {str(v).lower(): tuple(sorted(_as_set(n))) for v, n in nouns.items()})


def gerunds(lemma: str) -> set[str]:
    """The regular -ing forms a verb may take ("kill" killing, "shell" shelling, "stab" stabbing,
    "expel" expelling, "target" targeting)."""
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
        return {lemma[:-1] + "ing"}
    if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", lemma):
        doubled = lemma + lemma[-1] + "ing"
        return {doubled} if len(re.findall(r"[aeiouy]+", lemma)) == 1 else {doubled, lemma + "ing"}
    return {lemma + "ing"}


def _nameable(rule: VerbRule) -> bool:
    """A verb rule a noun can name: it needs no particular object, particle or preposition."""
    return not (rule.obj or rule.prt or rule.prep or rule.prep_obj or rule.compound)


def derive_nouns(verbs: dict[str, list[VerbRule]], listed: Sequence[str],
                 nominals: Nominals) -> dict[str, list[NounRule]]:
    """The noun rules named after verb rules: the nouns of `nominals` and the gerunds, each with the
    code of its verb's rules that need no particular object (a noun `listed` keeps its own rules)."""
    out: dict[str, list[NounRule]] = defaultdict(list)
    for verb, rules in verbs.items():
        nameable = [r for r in rules if _nameable(r)]
        if not nameable or " " in verb:
            continue
        nouns = set(nominals.nouns.get(verb, ())) | (gerunds(verb) if nominals.gerund else set())
        for noun in sorted(nouns - nominals.not_derived - set(listed)):
            out[noun] += [NounRule(r.code, reciprocal=r.reciprocal, verb=verb, person_obj=r.person_obj,
                                   place_obj=r.place_obj, obj_any=r.obj_any) for r in nameable]
    return out


def _empty() -> dict[str, Any]:
    return {"verbs": defaultdict(list), "nouns": defaultdict(list), "control": {}, "control_nouns": {},
            "declared": {}}


def _merge(user: dict[str, Any], bundled: dict[str, Any]) -> tuple[dict[str, Any], frozenset[str]]:
    """A lemma a user file defines (verb, noun or control word) is read by the user's rules alone:
    the user's dictionary replaces the bundled one word by word, as a PETRARCH dictionary is the
    only dictionary its coder has."""
    own = frozenset().union(*(user[k] for k in ("verbs", "nouns", "control", "control_nouns")))
    into = _empty()
    for name in ("verbs", "nouns", "control", "control_nouns"):
        kept = {k: v for k, v in bundled[name].items() if k not in own}
        into[name].update(kept | dict(user[name]))
    into["declared"] = user["declared"]
    return into, own


def load_patterns(extra: Sequence[Path] = (), codes: set[str] | None = None) -> Patterns:
    """Bundled trigger patterns plus user files; a lemma a user file defines takes the user's rules
    only (`_merge`)."""
    user, bundled = _empty(), _empty()
    for path in extra:
        _read_rules(str(path), Path(path).read_text(encoding="utf-8"), codes, user)
    data = resources.files("dateline.events") / "data"
    _read_rules("triggers.yaml", (data / "triggers.yaml").read_text(encoding="utf-8"), codes, bundled)
    into, own = _merge(user, bundled)
    transforms = _read_transforms(
        "transforms.yaml", (data / "transforms.yaml").read_text(encoding="utf-8"), codes
    )
    nominals = _read_nominals("nominals.yaml", (data / "nominals.yaml").read_text(encoding="utf-8"))
    nouns = {k: tuple(sorted(v, key=lambda r: -len(r.compound))) for k, v in into["nouns"].items()}
    derived = derive_nouns(into["verbs"], list(nouns), nominals)
    return Patterns(
        verbs={k: tuple(sorted(v, key=lambda r: -r.specificity)) for k, v in into["verbs"].items()},
        nouns=nouns | {k: tuple(sorted(v, key=lambda r: -(r.person_obj + r.place_obj + r.obj_any)))
                       for k, v in derived.items()},
        control=into["control"], control_nouns=into["control_nouns"], transforms=transforms,
        patient_roots=nominals.patient_roots, user_lemmas=own, declared=into["declared"],
    )


@lru_cache(maxsize=1)
def default_patterns() -> Patterns:
    return load_patterns()
