"""The storage interface every back end implements."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from datetime import date
from typing import Any

from dateline.records import Article, Event


class StoreError(Exception):
    """The database cannot be opened or written; the message says what to do."""


class Store(ABC):
    @abstractmethod
    def add_article(self, article: Article, events: Sequence[Event], coder_version: str) -> str:
        """Store an article with its events: 'inserted', 'unchanged' or 'replaced'."""

    @abstractmethod
    def query_events(self, *, actor: str | None = None, country: str | None = None,
                     event_type: str | None = None, since: date | None = None,
                     until: date | None = None, article_id: str | None = None,
                     limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Events matching every given filter, ordered by event date then id."""

    @abstractmethod
    def get_event(self, event_id: str) -> dict[str, Any] | None: ...

    @abstractmethod
    def get_article(self, article_id: str) -> dict[str, Any] | None: ...

    @abstractmethod
    def counts(self) -> dict[str, int]: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
