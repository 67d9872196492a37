"""Import PETRARCH2 / TABARI verb dictionaries into dateline's trigger format (events/data/triggers.yaml).

A verb dictionary holds synonym sets and verb blocks::

    &CURRENCY                      a synonym set: '+' members, until a blank line
    +DOLLAR
    --- SEND [070] ---             a block: its default code ('---' = none)
    SEND {SENDS SENT}              a verb lemma with its irregular forms
    +CALL_OFF [160]                a multiword verb: '+' or a '+'-prefixed word marks the verb
    - * &CURRENCY (TO +) [071]     a pattern: words around '*' (the verb), (preposition phrases),
                                   {noun phrases}, + target, $ source, % compound actor, [code]

Each lemma's default code becomes a bare rule; each pattern becomes one rule with the frame dateline
can test: a direct object (its head word, its modifiers as `compound`), one preposition and the head of
its object, a particle, where the target is, reciprocity. What the format cannot say (words before the
verb, null codes that block an event, codes outside the ontology, transformations) is skipped and
counted by reason; what it can only approximate (a second preposition phrase, word adjacency) is kept
and counted. The coder matches lemmas, so irregular forms are not needed.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import product
from typing import Any

import yaml

from dateline.actors.inflect import word_forms
from dateline.lexicon import Lexicon, default_lexicon

HEADER = re.compile(r"^---\s*(\S+)\s*\[([^\]]*)\]\s*---")
PATTERN = re.compile(r"^-\s+(.*?)\s*\[([^\]]*)\]\s*$")
LEMMA = re.compile(r"^(\S+)\s*(\{[^}]*\})?\s*(?:\[([^\]]*)\])?\s*$")
TOKEN = re.compile(r"&[A-Za-z0-9_]+|[*+$%(){}^]|[^\s*+$%(){}&^]+")
OWN_CODE = re.compile(r"^\d{2,4}[A-Za-z]?$")  # a dictionary's own code: '903', '1717', '174K'
MARKERS = {"+", "$", "%", "^", "(", ")", "{", "}"}
JOIN = "_"  # between two pattern words: adjacent in the sentence


@dataclass
class VerbImport:
    """Trigger rules built from a verb dictionary, with counts of what was kept and skipped."""

    rules: list[dict[str, Any]] = field(default_factory=list)
    lemmas: int = 0
    patterns: int = 0
    converted: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    approximated: Counter[str] = field(default_factory=Counter)
    first_line: dict[str, str] = field(default_factory=dict)  # reason -> first 'file:line'
    forms: int = 0
    declared: dict[str, str] = field(default_factory=dict)  # codes the ontology lacks, kept (`codes:`)

    def skip(self, reason: str, where: str) -> None:
        self.skipped[reason] += 1
        self.first_line.setdefault(reason, where)

    def approx(self, reason: str, where: str) -> None:
        self.approximated[reason] += 1
        self.first_line.setdefault(reason, where)

    def report(self) -> list[str]:
        """Counts, then one line per reason (most frequent first) with its first place."""
        lines = [f"{self.lemmas} verb lemmas, {self.patterns} patterns: {self.converted} converted, "
                 f"{self.patterns - self.converted} skipped; {len(self.rules)} trigger rules written; "
                 f"{self.forms} irregular forms not needed (the coder matches lemmas)"]
        for label, counts in (("skipped (patterns, verb and other lines)", self.skipped),
                              ("approximated", self.approximated)):
            lines += [f"{label} {n}: {reason} (first at {self.first_line[reason]})"
                      for reason, n in counts.most_common()]
        return lines


@dataclass
class _Frame:
    """The conditions of one rule, as triggers.yaml keys."""

    obj: set[str] = field(default_factory=set)
    compound: set[str] = field(default_factory=set)
    prep: str | None = None
    prep_obj: set[str] = field(default_factory=set)
    target: str | None = None
    reciprocal: bool = False
    joint: bool = False  # '%' before the verb: the subject is a compound actor ('X and Y agree')
    before: list[str] = field(default_factory=list)  # pattern words before the verb, as slots
    after: list[str] = field(default_factory=list)  # and after it
    notes: list[str] = field(default_factory=list)

    def as_entry(self) -> dict[str, Any]:
        entry: dict[str, Any] = {"before": self.before} if self.before else {}
        if self.prep:
            entry["prep"] = [self.prep]
        if self.obj:
            entry["obj"] = sorted(self.obj)
        if self.compound:
            entry["compound"] = sorted(self.compound)
        if self.prep_obj:
            entry["prep_obj"] = sorted(self.prep_obj)
        if self.target:
            entry["target"] = self.target
        if self.reciprocal:
            entry["reciprocal"] = True
        if self.joint:
            entry["joint_subject"] = True
        if self.after:
            entry["after"] = self.after
        return entry


@dataclass
class _Block:
    name: str
    code: str
    where: str
    lemmas: list[str] = field(default_factory=list)  # single-word verbs the block's patterns apply to
    forms: dict[str, str] = field(default_factory=dict)  # an inflected headword ('said') -> its lemma ('say')


def _strip_comment(line: str) -> str:
    return re.split(r"[#;]", line, maxsplit=1)[0].rstrip()


def _words(text: str) -> list[str]:
    return [w for w in text.replace("_", " ").lower().split() if w]


def _with_forms(word: str) -> set[str]:
    return {word, *word_forms(word)}


class _Reader:
    def __init__(self, path: str, codes: set[str] | None, lexicon: Lexicon,
                 lemmatize: Callable[[str], str] | None = None) -> None:
        self.path, self.codes = path, codes
        self.lemmatize = lemmatize or (lambda word: word)
        self.frame_words = lexicon.words("petrarch_frame_words")
        self.skip_words = lexicon.words("petrarch_skip_words")
        self.endings = sorted(lexicon.words("petrarch_verb_endings"), key=lambda e: (-len(e), e))
        self.sets: dict[str, list[str]] = {}
        self.out = VerbImport()
        self.block: _Block | None = None
        self.seen: set[str] = set()

    # -- codes and synonym sets -----------------------------------------------------------------

    def code(self, raw: str, where: str) -> str | None:
        """The pattern's code if dateline can use it; else the reason is counted and None returned."""
        first, _, second = raw.strip().partition(":")
        first = first.strip()
        if first in {"---", ""} and not second.strip():
            self.out.skip("null code [---] (blocks an event; a trigger file can only add events)", where)
            return None
        if not first:
            self.out.skip("code only for the target's reaction ([:CODE])", where)
            return None
        if second.strip() and second.strip() != first:
            self.out.approx("paired code [A:B]: A kept, the reaction B dropped", where)
        if not OWN_CODE.match(first):
            self.out.skip("not a code (no digits, or a special mark such as +++ or ###)", where)
            return None
        if self.codes is not None and first not in self.codes:
            self.out.approx("code not in the ontology (a WEIS or test code): kept, declared under codes:", where)
            self.out.declared[first] = f"code {first} of the PETRARCH dictionary {self.path.rsplit('/', 1)[-1]}"
        return first

    def tokens(self, text: str) -> list[str]:
        """'NEW_&TIETYPES_RELATIONS *' -> ['new', '_', '&TIETYPES', '_', 'relations', '*']: the
        words, '_' between words written joined (adjacent in the sentence)."""
        out: list[str] = []
        for tok in TOKEN.findall(text):
            if tok.startswith("&"):
                name = tok[1:].upper()
                parts = name.rstrip("_").split("_")
                cut = next((n for n in range(len(parts), 0, -1) if "_".join(parts[:n]) in self.sets), len(parts))
                words = ["&" + "_".join(parts[:cut]), *(w.lower() for w in parts[cut:] if w)]
                out += [x for w in words for x in (w, JOIN)][:-1] + ([JOIN] if name.endswith("_") else [])
            elif tok in MARKERS or tok == "*":
                out.append(tok)
            else:
                words = [w.lower() for w in tok.split("_") if w]
                out += ([JOIN] if tok.startswith("_") else []) + [x for w in words for x in (w, JOIN)][:-1]
                out += [JOIN] if tok.endswith("_") else []
        return out

    def slots(self, tokens: list[str]) -> list[str]:
        """Pattern words as `before`/`after` slots: words written joined make one slot of adjacent
        words, a synonym set its members as alternatives ('new_&TIETYPES' -> 'new military|new economic')."""
        groups: list[list[str]] = []
        joined = False
        for tok in tokens:
            if tok == JOIN:
                joined = bool(groups)
                continue
            if tok in MARKERS or tok == "*" or tok in self.skip_words:
                groups.append([])
                joined = False
                continue
            alts = self.members(tok[1:]) if tok.startswith("&") else [tok]
            if joined and groups and groups[-1]:
                groups[-1] = [f"{a} {b}" for a, b in product(groups[-1], alts)]
            else:
                groups.append(alts)
            joined = False
        return ["|".join(dict.fromkeys(g)) for g in groups if g]  # words as written: 'RESOLUTION' is
        # not 'resolutions' (PETRARCH2 matches the words of a pattern exactly)

    def members(self, name: str, depth: int = 0) -> list[str]:
        """A set's members as lower-case phrases, embedded sets expanded."""
        out: list[str] = []
        for member in self.sets.get(name, []):
            if member.startswith("&") and depth < 5:
                out += self.members(member[1:].upper().rstrip("_"), depth + 1)
            elif not member.startswith("&"):
                out.append(" ".join(_words(member)))
        return [m for m in out if m]

    # -- lines ----------------------------------------------------------------------------------

    def read(self, text: str) -> VerbImport:
        current_set: str | None = None
        for number, raw in enumerate(text.splitlines(), 1):
            where = f"{self.path}:{number}"
            line = _strip_comment(raw).strip()
            if not raw.strip() or raw.lstrip().startswith("<!--"):
                current_set = None  # a blank line ends a synonym set; a comment line does not
                continue
            if not line:
                continue
            if line.startswith("&"):
                current_set = line.split()[0][1:].upper().rstrip("_")
                self.sets.setdefault(current_set, [])
            elif current_set and line.startswith("+"):
                self.sets[current_set].append(line[1:].strip())
            elif line.startswith("~"):
                self.out.skip("transformation (~ line: a verb whose complement is an event)", where)
            elif line.startswith("###"):
                current_set = None
            elif match := HEADER.match(line):
                current_set = None
                self.block = _Block(match.group(1).lower(), match.group(2).strip(), where)
            elif line.startswith("-"):
                self.pattern(line, where)
            elif self.block is not None:
                self.lemma(line, where)
            else:
                self.out.skip("line outside any verb block or synonym set", where)
        return self.out

    def lemma(self, line: str, where: str) -> None:
        match = LEMMA.match(line)
        if match is None:
            self.out.skip("unreadable verb line", where)
            return
        word, forms, own = match.groups()
        assert self.block is not None
        self.out.lemmas += 1
        self.out.forms += len((forms or "{}").strip("{}").split())
        parts = [p for p in word.lower().split("_") if p]
        if len(parts) == 1 and not word.startswith("+"):
            self.block.lemmas.append(parts[0])
            lemma = self.lemmatize(parts[0])
            if lemma != parts[0]:  # 'SAID': the verb 'say' written 'said'
                self.block.forms[parts[0]] = lemma
            verb, frame = parts[0], _Frame()
        else:
            found = self.multiword(parts, word.startswith("+"), where)
            if found is None:
                return
            verb, frame = found
        raw = own if own is not None else self.block.code
        if raw.strip() in {"---", ""}:
            return  # no default event: the verb codes only through its patterns, as in PETRARCH
        code = self.code(raw, where)
        if code is not None:
            self.emit([verb], code, frame)

    def multiword(self, parts: list[str], verb_first: bool, where: str) -> tuple[str, _Frame] | None:
        """'+CALL_OFF' -> ('call', prep off); 'KLM_NOP_+RST' has words before the verb: skipped."""
        index = 0 if verb_first else next((i for i, p in enumerate(parts) if p.startswith("+")), -1)
        if index < 0:
            self.out.skip("multiword verb with no word marked '+' as the verb", where)
            return None
        verb = self.verb_lemma(parts[index].lstrip("+"))
        frame = self.frame_after([w.lstrip("+") for w in parts[index + 1:]], where)
        if frame is not None and index:  # 'WIRE_+TAP': 'wire' right before the verb
            frame.before = [" ".join(parts[:index])]
        return (verb, frame) if frame is not None else None

    def verb_lemma(self, word: str) -> str:
        """'angered' -> 'anger' when the block lists ANGER (multiword entries are often inflected)."""
        lemmas = set(self.block.lemmas) if self.block else set()
        for cut in self.endings:
            if word.endswith(cut) and word[: -len(cut)] in lemmas | {self.block.name if self.block else ""}:
                return word[: -len(cut)]
        return word

    def frame_after(self, words: list[str], where: str) -> _Frame | None:
        """The frame of plain words after the verb: prepositions and particles, then an object."""
        frame = _Frame()
        rest = [w for w in words if w not in self.skip_words]
        if not rest:
            return frame
        if rest[0] in self.frame_words:
            frame.prep, rest = rest[0], rest[1:]
            if rest:
                frame.prep_obj = _with_forms(rest[-1])
        else:
            head = next((i for i, w in enumerate(rest) if w in self.frame_words), len(rest))
            frame.obj, frame.compound = _with_forms(rest[head - 1]), set(rest[: head - 1])
            if head < len(rest):
                frame.prep = rest[head]
                if rest[head + 1:]:
                    frame.prep_obj = _with_forms(rest[-1])
        if len(rest) > 3:
            self.out.approx("long phrase after the verb: its head words kept, adjacency dropped", where)
        return frame

    def emit(self, lemmas: list[str], code: str, frame: _Frame) -> None:
        """One rule for the block's verbs; a verb written inflected ('SAID') gets its own rule,
        for its lemma as written ('say' in the form 'said')."""
        forms = self.block.forms if self.block else {}
        plain = sorted({w for w in lemmas if w not in forms})
        heads: list[dict[str, Any]] = [{"lemma": forms[w], "form": [w]} for w in sorted(set(lemmas) & set(forms))]
        if plain:
            heads.insert(0, {"lemmas": plain} if len(plain) > 1 else {"lemma": plain[0]})
        for head in heads:
            entry = {**head, **frame.as_entry(), "code": code}
            key = repr(entry)
            if key not in self.seen:
                self.seen.add(key)
                self.out.rules.append(entry)

    def pattern(self, line: str, where: str) -> None:
        self.out.patterns += 1
        match = PATTERN.match(line)
        if self.block is None or match is None:
            self.out.skip("unreadable pattern line (no [code] or outside a verb block)", where)
            return
        if not self.block.lemmas:
            self.out.skip("pattern in a block with only multiword verbs", where)
            return
        raw = self.tokens(match.group(1))
        tokens = [t for t in raw if t not in self.skip_words and t not in {JOIN, "^"}]
        if "*" not in tokens:
            self.out.skip("pattern without the verb marker *", where)
            return
        if any(t.startswith("&") and not self.members(t[1:]) for t in tokens):
            self.out.skip("synonym set not defined (or empty)", where)
            return
        star = tokens.index("*")
        frame = self.pattern_frame(tokens[star + 1:], where)
        if frame is None:
            return
        frame.before, frame.after = self.slots(raw[: raw.index("*")]), self.slots(raw[raw.index("*") + 1:])
        if frame.after:  # the words after the verb, in their order, as PETRARCH matches them: not the
            frame.obj, frame.compound, frame.prep, frame.prep_obj = set(), set(), None, set()  # parse's frame
        if frame.before:
            self.out.approx("words before the verb: matched in order before it in the sentence", where)
        if any(t in {"+", "$"} for t in tokens[:star]):
            self.out.approx("target or source marker before the verb (the roles stay the parse's)", where)
        frame.reciprocal = frame.reciprocal or "%" in tokens[:star]
        frame.joint = "%" in tokens[:star]
        code = self.code(match.group(2), where)
        if code is not None:
            self.out.converted += 1
            self.emit(self.block.lemmas, code, frame)

    def pattern_frame(self, tokens: list[str], where: str) -> _Frame | None:
        """Object, one preposition phrase and role markers from the tokens after '*'."""
        frame = _Frame()
        groups = _group(tokens)
        for kind, words in groups:
            if kind == "marker":
                self.marker(frame, words[0], where)
            elif kind == "pp":
                self.prep_phrase(frame, words, where)
            elif frame.obj or frame.prep:
                if frame.prep and not frame.prep_obj and words and words[0] not in self.frame_words:
                    frame.prep_obj = self.heads(words[-1])
                else:
                    self.out.approx("words after the object or preposition dropped", where)
            elif words and self.is_prep(words[0]):
                if words[0] in self.frame_words:  # a set of prepositions ('&PREPOSIT1') is left to `after`
                    self.prep_phrase(frame, words, where)
            elif words:
                head = next((i for i, w in enumerate(words) if self.is_prep(w)), len(words))
                frame.obj = self.heads(words[head - 1])
                frame.compound = {m for w in words[: head - 1] for m in self.modifiers(w)}
                if head < len(words) and words[head] in self.frame_words:  # 'MEMOS_ON_&TIETYPES FROM'
                    self.prep_phrase(frame, words[head:], where)
        return frame

    def is_prep(self, word: str) -> bool:
        members = self.members(word[1:]) if word.startswith("&") else [word]
        return bool(members) and all(m in self.frame_words for m in members)

    def marker(self, frame: _Frame, marker: str, where: str) -> None:
        if marker == "%":
            frame.reciprocal = True
        elif marker == "+" and not frame.target:
            frame.target = frame.prep if frame.prep else "obj"
        elif marker == "$":
            self.out.approx("source marker $ after the verb (the source stays the subject)", where)

    def prep_phrase(self, frame: _Frame, words: list[str], where: str) -> None:
        if frame.prep:
            self.out.approx("second preposition phrase dropped", where)
            return
        frame.prep = words[0]
        content = [w for w in words[1:] if w not in {"+", "$", "%"}]
        content = content[: next((i for i, w in enumerate(content) if self.is_prep(w)), len(content))]
        if content:
            frame.prep_obj = self.heads(content[-1])
        if "+" in words[1:]:
            frame.target = frame.prep
        if "%" in words[1:]:
            frame.reciprocal = True

    def heads(self, word: str) -> set[str]:
        if word.startswith("&"):
            return {f for m in self.members(word[1:]) for f in _with_forms(m.split()[-1])}
        return _with_forms(word)

    def modifiers(self, word: str) -> set[str]:
        if word.startswith("&"):
            return {w for m in self.members(word[1:]) for w in m.split()}
        return {word}


def _group(tokens: list[str]) -> list[tuple[str, list[str]]]:
    """Tokens after '*' as ('marker', [m]), ('pp', [prep, words...]), ('np', [words...]) groups
    (determiners are already gone)."""
    out: list[tuple[str, list[str]]] = []
    kind, words = "", []
    for tok in tokens:
        if tok in {"(", "{"}:
            if words:
                out.append(("np", words))
            kind, words = ("pp" if tok == "(" else "np"), []
        elif tok in {")", "}"}:
            if words:
                out.append((kind or "np", words))
            kind, words = "", []
        elif tok in {"+", "$", "%"} and not kind:
            if words:
                out.append(("np", words))
                words = []
            out.append(("marker", [tok]))
        else:
            words.append(tok if tok.startswith("&") or tok in {"+", "$", "%"} else tok.lower())
    if words:
        out.append((kind or "np", words))
    return out


def trigger_file_text(found: VerbImport, source: str) -> str:
    """The trigger file: a header saying where the rules come from, then one flow mapping a line."""
    lines = [f"# Trigger rules converted from the PETRARCH2 verb dictionary {source} by dateline import-petrarch.",
             "# As of that dictionary's own date; its patterns, reduced to what triggers.yaml can test.",
             *(f"# {line}" for line in found.report())]
    if found.declared:
        lines += ["codes:  # codes of the dictionary that the ontology lacks: events get them with no PLOVER type",
                  *(f"  {json.dumps(c)}: {json.dumps(label)}" for c, label in sorted(found.declared.items()))]
    lines.append("verbs:")
    for rule in found.rules:
        lines.append("  - " + yaml.safe_dump(rule, default_flow_style=True, width=100_000, sort_keys=False).strip())
    return "\n".join(lines) + "\n"


def spacy_lemmatizer(nlp: Any) -> Callable[[str], str]:
    """A verb's lemma by the pipeline's own lemmatizer ('said' -> 'say'), as the coder will see it."""
    from spacy.tokens import Doc

    lemmatizer = nlp.get_pipe("lemmatizer")

    def lemma(word: str) -> str:
        doc = Doc(nlp.vocab, words=[word], pos=["VERB"])
        return (lemmatizer.rule_lemmatize(doc[0]) or [word])[0].lower()
    return lemma


def import_verbs(text: str, path: str = "<verbs>", codes: set[str] | None = None,
                 lexicon: Lexicon | None = None, lemmatize: Callable[[str], str] | None = None) -> VerbImport:
    """Convert a PETRARCH2 verb dictionary's text; `codes` are the codes the ontology knows (others
    the dictionary uses are declared in the file); `lemmatize` gives a verb's lemma ('said' -> 'say')."""
    return _Reader(path, codes, lexicon or default_lexicon(), lemmatize).read(text)
