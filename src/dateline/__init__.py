"""dateline: dated, sourced political events from news text.

The Python API (see `dateline.library`): ``dateline.load()`` gives a `Dateline` that codes text
(``dl.code("...", date="2023-03-21")``) or articles, and `code_and_store` codes and stores them.
Importing ``dateline`` is cheap: the library loads when one of these names is first used.
"""

__version__ = "0.1.0"

_LAZY = {
    "Dateline": "dateline.library", "load": "dateline.library", "code_and_store": "dateline.library",
    "RunReport": "dateline.library", "Stored": "dateline.library", "InvalidArticle": "dateline.library",
    "Coded": "dateline.pipeline", "Settings": "dateline.settings", "Article": "dateline.records",
    "Event": "dateline.records", "open_store": "dateline.store",
}
__all__ = ["CODER_VERSION", "__version__", *_LAZY]


def __getattr__(name: str) -> object:
    if name == "CODER_VERSION":  # the default settings' coder version (dateline.version.coder_version)
        from dateline.version import coder_version

        return coder_version()
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'dateline' has no attribute {name!r}")
