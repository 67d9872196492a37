"""Errors shared by the stages that read data files."""

from __future__ import annotations


class FileLineError(ValueError):
    """A bad entry in a data file, reported as 'path:line: message'."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = path, line, message

    def __reduce__(self) -> tuple:  # picklable, so a worker process can report it
        return (type(self), (self.path, self.line, self.message))
