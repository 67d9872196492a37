"""A generator of hostile inputs: the records and files a careless user or an attacker feeds dateline.

`write_battery(folder)` writes every case into `folder` and returns the `Case`s: for each, the ids
of the good articles that must be coded and stored whatever sits next to them, and the origins
(file or file:line, relative to `folder`) that must be reported as rejected. Everything is made
here, from the project's own sentences; nothing is downloaded or copied.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

GOOD = [
    "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Tuesday.",
    "Police arrested 40 protesters in Dhaka on Monday after clashes near parliament.",
    "Iran and Iraq signed a trade agreement in Baghdad, officials said.",
    "Turkish Foreign Minister Mevlut Cavusoglu held talks with his Hungarian counterpart in Ankara.",
]


@dataclass
class Case:
    name: str
    path: str  # relative to the battery folder
    good: list[str] = field(default_factory=list)  # article ids that must be stored
    rejected: list[str] = field(default_factory=list)  # origins that must be reported


def _good(ident: str, i: int = 0) -> dict[str, str]:
    return {"id": ident, "text": GOOD[i % len(GOOD)], "date": "2023-03-22"}


def _jsonl_cases() -> list[tuple[str, list[str | bytes], list[int]]]:
    """(name, lines, the 1-based numbers of the bad lines); every other line is a good record."""
    enc = json.dumps
    return [
        ("deep_nesting", ["[" * 100_000, enc(_good("deep-ok"))], [1]),
        ("huge_number_id", ['{"id": ' + "9" * 5000 + ', "text": "Putin met Xi."}', enc(_good("num-ok", 1))], [1]),
        ("long_string_id", [enc({"id": "x" * 5000, "text": GOOD[0]}), enc(_good("sid-ok", 2))], [1]),
        ("wrong_types", [enc({"id": "wt1", "text": GOOD[0], "source": ["AP"]}),
                         enc({"id": "wt2", "text": GOOD[1], "title": {"a": 1}}),
                         enc({"id": "wt3", "text": GOOD[2], "url": 5}),
                         enc({"id": "wt4", "text": ["a"]}), enc({"id": True, "text": GOOD[0]}),
                         enc({"id": 1.5, "text": GOOD[0]}), enc(_good("wt-ok", 3))], [1, 2, 3, 4, 5, 6]),
        ("not_objects", ['"just a string"', "[1, 2]", "null", "{not json", enc(_good("no-ok"))], [1, 2, 3, 4]),
        ("null_ids", [enc({"id": None, "text": GOOD[0]}), enc({"id": None, "text": GOOD[1]}),
                      enc({"text": GOOD[2]})], []),
        ("odd_dates", [enc({"id": "d1", "text": GOOD[0], "date": "2023-02-30"}),
                       enc({"id": "d2", "text": GOOD[0], "date": 20230101}),
                       enc({"id": "d3", "text": GOOD[0], "date": "9999-12-31"}),
                       enc({"id": "d4", "text": GOOD[1], "date": "0001-01-01"})], [1, 2]),
        ("colliding_ids", [enc({"id": "same", "text": GOOD[0]}), enc({"id": "same", "text": GOOD[1]}),
                           enc({"id": "twice", "text": GOOD[2]}), enc({"id": "twice", "text": GOOD[2]})], [2]),
        ("repairs", [enc({"id": "nul", "text": "Putin met Xi\u0000 in Moscow."}),
                     enc({"id": "sur", "text": "Putin met Xi \ud800 in Moscow."}),
                     b'{"id": "bytes", "text": "Putin met Xi \xff\xfe in Moscow."}'], []),
        ("empty_texts", [enc({"id": "e1", "text": ""}), enc({"id": "e2", "text": "   "}), enc({"id": "e3"}),
                         enc(_good("e-ok"))], [1, 2, 3]),
        ("huge_text", [enc({"id": "big", "text": "Putin met Xi. " * 75_000}), enc(_good("big-ok", 1))], [1]),
        ("over_long_line", [enc({"id": "line", "text": "a " * 4_300_000}), enc(_good("line-ok", 2))], [1]),
        ("runaway_dateline", [enc({"id": "rx", "text": "A" + "-A" * 400 + " met Xi."}),
                              enc({"id": "rx2", "text": "A" + " A" * 400 + " (AP) met Xi."})], []),
    ]


def _files() -> list[tuple[str, bytes, list[str], bool]]:
    """(relative path, content, good ids, refused?) for whole-file cases."""
    text = GOOD[0].encode()
    html = ("<html><head><meta property='article:published_time' content='2023-03-22'></head><body>"
            f"<div class='cookie'>We use cookies.</div><p>{GOOD[0]}<p>{GOOD[1]}"
            "<p><a href='/x'>READ MORE: Other news</a>"
            "<footer>Copyright</footer></body></html>").encode()
    return [
        ("files/utf16.txt", GOOD[1].encode("utf-16"), ["files/utf16.txt"], False),
        ("files/bom.txt", b"\xef\xbb\xbf" + text, ["files/bom"], False),
        ("files/empty.txt", b"", [], True),
        ("files/blank.txt", b" \n\n\t\n", [], True),
        ("files/binary.txt", b"\x00\x01\x02\x03" * 100, [], True),
        ("files/fake.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nstream\n\x00\x00", [], True),
        ("files/image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", [], True),
        ("files/latin1.txt", GOOD[2].replace("Iraq", "Ir\xe4q").encode("latin-1"), ["files/latin1"], False),
        ("files/unclosed.html", html, ["files/unclosed"], False),
        ("files/script_only.html", b"<html><script>var a = 1;</script></html>", [], True),
        ("files/deep.html", b"<div>" * 20_000 + text + b"</div>" * 20_000, ["files/deep"], False),
        ("files/updated.txt", b"Updated at 10:32 GMT. " + GOOD[1].encode(), ["files/updated"], False),
        ("files/utf16.jsonl", json.dumps(_good("u16")).encode("utf-16"), [], True),
        ("files/no_text.csv", b"id,body\n1,hello\n", [], True),
        ("files/good.csv", b'id,text\r\ncsv1,"' + text + b'"\r\n', ["csv1"], False),
        ("a/news.txt", text, ["a/news"], False),
        ("b/news.txt", GOOD[3].encode(), ["b/news"], False),
        ("files/crlf.jsonl", (json.dumps(_good("crlf1")) + "\r\n" + json.dumps(_good("crlf2", 1)) + "\r\n").encode(),
         ["crlf1", "crlf2"], False),
    ]


def write_battery(folder: Path) -> list[Case]:
    cases: list[Case] = []
    for name, lines, bad in _jsonl_cases():
        rel = f"jsonl/{name}.jsonl"
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        raw = [line if isinstance(line, bytes) else line.encode("utf-8", "surrogatepass") for line in lines]
        path.write_bytes(b"\n".join(raw) + b"\n")
        good = [_record_id(line, n, name) for n, line in enumerate(lines, 1) if n not in bad]
        cases.append(Case(name, rel, [g for g in good if g], [f"{rel}:{n}" for n in bad]))
    for rel, content, good, refused in _files():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        cases.append(Case(rel, rel, good, [rel if not rel.endswith(".csv") else f"{rel}:1"] if refused else []))
    loop = folder / "loops" / "self"
    loop.parent.mkdir(parents=True, exist_ok=True)
    os.symlink("..", loop)  # a symbolic link loop: loops/self -> the battery folder itself
    (folder / "loops" / "dangling.txt").symlink_to(folder / "nowhere.txt")
    cases.append(Case("symlink loop", "loops/self", [], ["loops/self"]))
    cases.append(Case("dangling link", "loops/dangling.txt", [], ["loops/dangling.txt"]))
    return cases


def _record_id(line: str | bytes, number: int, name: str) -> str | None:
    try:
        record = json.loads(line.decode("utf-8", "replace") if isinstance(line, bytes) else line)
    except ValueError:
        return None
    ident = record.get("id")
    return str(ident) if ident not in (None, "") else f"jsonl/{name}-{number}"
