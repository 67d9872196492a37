"""dateline: dated, sourced political events from news text."""

__version__ = "0.1.0"
CODER_VERSION = "dateline-coder/0.1.0"
