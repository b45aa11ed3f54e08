"""Where values are: a tree of marks parallel to the data.

The loader keeps the line and column of every value and every mapping key
(``Located.where``), so that every problem can be reported with a 1-based line and column.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Path_ = tuple[str | int, ...]


class MapMarks:
    """Marks of a mapping: its own start, and each key's and value's marks."""

    __slots__ = ("keys", "mark", "values")

    def __init__(self, mark: Any) -> None:
        self.mark = mark
        self.keys: dict[str, Any] = {}
        self.values: dict[str, Any] = {}


class SeqMarks:
    """Marks of a list: its own start and each item's marks."""

    __slots__ = ("items", "mark")

    def __init__(self, mark: Any) -> None:
        self.mark = mark
        self.items: list[Any] = []


# A position is kept as one int, ``line << 32 | column`` (0-based), not as libyaml's Mark
# object: a dossier has hundreds of thousands of them, and plain ints are cheaper to keep and
# invisible to the cyclic garbage collector.


def packed(mark: Any) -> int:
    return int(mark.line) << 32 | int(mark.column)


def _unpack(pos: int) -> tuple[int, int]:
    """1-based (line, column) of a packed position."""
    return (pos >> 32) + 1, (pos & 0xFFFFFFFF) + 1


def _pos(node: Any) -> tuple[int, int]:
    return _unpack(node.mark if isinstance(node, MapMarks | SeqMarks) else node)


def line_col(text: str, index: int) -> tuple[int, int]:
    """1-based (line, column) of the character at ``index`` in ``text``."""
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, col


@dataclass
class Located:
    """Loaded data with the position of every value in the file."""

    data: Any
    root: Any  # MapMarks | SeqMarks | a libyaml mark (for a scalar document)

    def _walk(self, path: Path_) -> tuple[Any, bool, Any]:
        """The deepest marks node along ``path``, whether it was reached, and its parent."""
        node = self.root
        parent: Any = None
        for step in path:
            if isinstance(node, MapMarks) and isinstance(step, str) and step in node.values:
                parent, node = node, node.values[step]
            elif (
                isinstance(node, SeqMarks)
                and isinstance(step, int)
                and not isinstance(step, bool)
                and 0 <= step < len(node.items)
            ):
                parent, node = node, node.items[step]
            else:
                return node, False, parent
        return node, True, parent

    def where(self, path: Path_) -> tuple[int, int]:
        """1-based (line, column) of the value at ``path``.

        For a path that does not exist (e.g. a missing field) this is the position of the
        deepest mapping or list along it that does exist.
        """
        node, _found, _parent = self._walk(path)
        return _pos(node)

    def exists(self, path: Path_) -> bool:
        return self._walk(path)[1]

    def key_where(self, path: Path_) -> tuple[int, int]:
        """1-based (line, column) of the mapping key that ``path`` ends with (else as ``where``)."""
        if path:
            node, found, _ = self._walk(path[:-1])
            last = path[-1]
            if found and isinstance(node, MapMarks) and isinstance(last, str) and last in node.keys:
                return _unpack(node.keys[last])
        return self.where(path)

    def line_of(self, path: Path_) -> int | None:
        """1-based line where the value at ``path`` starts, or None if there is no such value."""
        node, found, _ = self._walk(path)
        return _pos(node)[0] if found else None

    def owner_of(self, line: int, col: int) -> Path_ | None:
        """The path of the mapping whose fields start at column ``col`` (1-based) on the
        lines nearest above ``line``: where a field written at (line, col) would belong."""
        best: tuple[int, Path_] | None = None
        stack: list[tuple[Any, Path_]] = [(self.root, ())]
        while stack:
            node, path = stack.pop()
            if isinstance(node, MapMarks):
                for pos in node.keys.values():
                    at = _unpack(pos)
                    if at[1] == col and at[0] < line and (best is None or at[0] > best[0]):
                        best = (at[0], path)
                stack.extend((child, (*path, key)) for key, child in node.values.items())
            elif isinstance(node, SeqMarks):
                stack.extend((child, (*path, i)) for i, child in enumerate(node.items))
        return best[1] if best is not None else None


def dotted(path: Path_) -> str:
    """``("claims", 3, "citations", 0, "quote")`` -> ``claims[3].citations[0].quote``."""
    out = ""
    for step in path:
        if isinstance(step, int) and not isinstance(step, bool):
            out += f"[{step}]"
        else:
            out += f".{step}" if out else str(step)
    return out or "(file)"
