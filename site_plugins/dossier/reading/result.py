"""What loading a file gives: the data with its positions, and the problems found."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..problems import Problem
from .positions import Located


@dataclass
class LoadResult:
    """What the loader made of a file.

    ``fatal`` is true when the data could not be read as a whole (syntax error, anchors,
    limits ...); then ``located`` may be None and nothing further should be checked.
    Problems that are not fatal (duplicate keys, non-text keys) leave the data usable for
    further checks, so that editors see every problem at once.
    """

    located: Located | None
    problems: list[Problem] = field(default_factory=list)
    fatal: bool = False

    @classmethod
    def refused(cls, name: str, line: int, col: int, message: str, hint: str) -> LoadResult:
        """A file that cannot be read at all, for the one reason given (at line, column)."""
        return cls(None, [Problem(name, line, col, "(file)", message, hint)], True)
