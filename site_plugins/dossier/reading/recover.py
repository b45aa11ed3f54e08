"""Reading on after a syntax error, so that the file's other problems are listed too.

libyaml stops at the first syntax error. The lines it could not read are turned into comments
(line numbers unchanged) and the text is read again, up to a few times; what can then be read
is checked as usual, and the checker leaves out what the commented lines make of their own
records (a field they held is not "missing").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..problems import Problem
from .positions import Located, dotted
from .result import LoadResult
from .syntax import MISSING_COLON, TAB_MESSAGE

#: How many times the text is read again, each with the new syntax errors commented out.
MAX_ROUNDS = 5
_WORD_RE = re.compile(r"[^\s:#'\"]+")


@dataclass
class Recovered:
    """The file read past its syntax errors."""

    located: Located  # the data of the text with the unreadable lines commented out
    problems: list[Problem]  # every problem the reading found, syntax errors included
    lines: set[int]  # the 1-based lines commented out


def is_syntax(p: Problem) -> bool:
    return p.message.startswith("YAML syntax error") or p.message == TAB_MESSAGE


def read_past_errors(text: str, first: LoadResult, name: str) -> Recovered | None:
    """The data that can be read once the syntax errors' lines are commented out, or None
    when the file cannot be read that way (or had no syntax error)."""
    from .load import load_text  # load imports this module's neighbours; avoid the cycle

    found = [p for p in first.problems if is_syntax(p)]
    if not first.fatal or not found:
        return None
    lines = {p.line for p in found}
    for _ in range(MAX_ROUNDS):
        loaded = load_text(_commented(text, lines), name)
        new = [p for p in loaded.problems if is_syntax(p) and p.line not in lines]
        if not loaded.fatal and loaded.located is not None:
            others = [p for p in first.problems if not is_syntax(p)]
            placed = [_placed(p, loaded.located, text) for p in found]
            return Recovered(loaded.located, placed + others + loaded.problems, lines)
        if not new:
            return None
        found.extend(new)
        lines.update(p.line for p in new)
    return None


def _commented(text: str, lines: set[int]) -> str:
    out = text.split("\n")
    for number in lines:
        if 0 < number <= len(out):
            src = out[number - 1]
            indent = len(src) - len(src.lstrip(" \t"))
            out[number - 1] = f"{src[:indent]}#{src[indent:]}"
    return "\n".join(out)


def _placed(p: Problem, located: Located, text: str) -> Problem:
    """A missing colon named by the field it is missing from (libyaml's path is stale)."""
    if not p.message.endswith(MISSING_COLON):
        return p
    owner = located.owner_of(p.line, p.col)
    src = text.split("\n")[p.line - 1]
    word = _WORD_RE.match(src, p.col - 1)
    if owner is None or word is None:
        return p
    return replace(p, field=dotted((*owner, word.group(0))))
