"""YAML reading for the project's knowledge files.

YAML 1.1 reads on/off/yes/no as booleans, which breaks files full of prepositions ("prep: [on]").
`Loader` keeps only true/false as booleans; everything else stays a string.
"""

from __future__ import annotations

import re
from typing import Any

import yaml


class Loader(yaml.SafeLoader):
    """SafeLoader whose booleans are only true/false (any case)."""


Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def load(text: str) -> Any:
    return yaml.load(text, Loader=Loader)  # noqa: S506 - Loader is a SafeLoader


def compose(text: str) -> yaml.Node | None:
    return yaml.compose(text, Loader=Loader)


def node_value(node: yaml.Node) -> Any:
    """The Python value of one composed node, with the same boolean rules."""
    return Loader(yaml.serialize(node)).get_single_data()
