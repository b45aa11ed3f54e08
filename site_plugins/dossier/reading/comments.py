"""Text that YAML cuts short without a word: an unquoted value with `` #`` in it.

In YAML, `` #`` after a value starts a comment, so ``statement: 300 homes # at least`` keeps
only "300 homes". A comment after a single word (``status: disputed  # to check``) is left
alone: editors write those on purpose; after text of several words, it is most likely part of
the text, and the editor gets a warning with the fix.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..problems import Problem
from .positions import Located, MapMarks, Path_, SeqMarks, _unpack, dotted

CODE = "comment-cuts-text"
CUT_HINT = 'put the whole text in double quotes ("...") to keep it'
_SHOWN = 60  # characters of the dropped text shown in the message


def cut_by_comments(text: str, located: Located, name: str) -> list[Problem]:
    """A warning for each unquoted text of several words that a `` #`` cuts short."""
    lines = text.split("\n")
    candidates = {i + 1 for i, src in enumerate(lines) if " #" in src or "\t#" in src}
    if not candidates:
        return []
    found = []
    for path, value, (line, col) in _scalars(located.data, located.root, ()):
        if line not in candidates or not isinstance(value, str) or " " not in value:
            continue
        src = lines[line - 1]
        if not src.startswith(value, col - 1):
            continue  # quoted, a block, or plain text over several lines
        rest = src[col - 1 + len(value) :]
        if rest[:1] in (" ", "\t") and rest.lstrip().startswith("#"):
            dropped = rest.strip()
            if len(dropped) > _SHOWN:
                dropped = dropped[: _SHOWN - 1] + "…"
            found.append(
                Problem(
                    name,
                    line,
                    col,
                    dotted(path),
                    f"the text stops before ' #': YAML reads {dropped!r} as a comment and drops it",
                    CUT_HINT,
                    "warning",
                    CODE,
                )
            )
    return found


def _scalars(data: Any, marks: Any, path: Path_) -> Iterator[tuple[Path_, Any, tuple[int, int]]]:
    """Every scalar value with its path and 1-based position."""
    stack = [(data, marks, path)]
    while stack:
        value, mark, at = stack.pop()
        if isinstance(mark, MapMarks) and isinstance(value, dict):
            stack.extend((value[k], m, (*at, k)) for k, m in mark.values.items() if k in value)
        elif isinstance(mark, SeqMarks) and isinstance(value, list):
            stack.extend((v, m, (*at, i)) for i, (v, m) in enumerate(zip(value, mark.items, strict=False)))
        elif isinstance(mark, int):
            yield at, value, _unpack(mark)
