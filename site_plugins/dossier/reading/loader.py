"""A strict YAML loader that keeps where every value was written.

``claims.yaml`` is read with libyaml's C parser (PyYAML's safe machinery: no Python objects
are ever constructed from tags), but the data is built here from the parser's event stream
rather than by PyYAML's constructor, so that the loader can:

* keep the line and column of every value and every mapping key (``Located.where``);
* reject duplicate keys (YAML would silently keep the last one: lost data);
* reject anchors, aliases and tags outright (no "billion laughs" expansion is possible);
* bound the file size (checked before parsing), the nesting depth and the length of values;
* read scalars by the YAML 1.2 core schema only: ``true``/``false``, ``null``/``~``, integers
  and floats. Everything else stays text, so YAML 1.1 conversions (``no`` read as false,
  ``2024-10-23`` read as a date, ``1_000`` read as a number) never change what an editor wrote.

Every problem is reported as a :class:`~.errors.Problem` with a 1-based line and column.
"""

from __future__ import annotations

import os
import pickle
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.cyaml import CParser  # type: ignore[attr-defined]
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from ..machine import spare_core
from ..problems import Problem
from . import limits

Path_ = tuple[str | int, ...]

ANCHOR_MESSAGE = "anchors and aliases (&, *) are not supported"
ANCHOR_HINT = "write the value out"
TAB_MESSAGE = "tabs are not allowed"
TAB_HINT = "indent with spaces"


# ---------------------------------------------------------------------------
# Where values are: a tree of marks parallel to the data
# ---------------------------------------------------------------------------


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


def _packed(mark: Any) -> int:
    return int(mark.line) << 32 | int(mark.column)


def _unpack(pos: int) -> tuple[int, int]:
    """1-based (line, column) of a packed position."""
    return (pos >> 32) + 1, (pos & 0xFFFFFFFF) + 1


def _pos(node: Any) -> tuple[int, int]:
    return _unpack(node.mark if isinstance(node, MapMarks | SeqMarks) else node)


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


def dotted(path: Path_) -> str:
    """``("claims", 3, "citations", 0, "quote")`` -> ``claims[3].citations[0].quote``."""
    out = ""
    for step in path:
        if isinstance(step, int) and not isinstance(step, bool):
            out += f"[{step}]"
        else:
            out += f".{step}" if out else str(step)
    return out or "(file)"


# ---------------------------------------------------------------------------
# Scalars: the YAML 1.2 core schema, nothing more
# ---------------------------------------------------------------------------

_SPECIAL: dict[str, Any] = {
    "null": None,
    "Null": None,
    "NULL": None,
    "~": None,
    "": None,
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
    ".inf": float("inf"),
    ".Inf": float("inf"),
    ".INF": float("inf"),
    "+.inf": float("inf"),
    "+.Inf": float("inf"),
    "+.INF": float("inf"),
    "-.inf": float("-inf"),
    "-.Inf": float("-inf"),
    "-.INF": float("-inf"),
    ".nan": float("nan"),
    ".NaN": float("nan"),
    ".NAN": float("nan"),
}
_NUMBER_START = frozenset("0123456789+-.")
_INT_RE = re.compile(r"[-+]?[0-9]+")
_OCT_RE = re.compile(r"0o[0-7]+")
_HEX_RE = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT_RE = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")


class _TooLong(ValueError):
    pass


def resolve_plain(text: str) -> Any:
    """The value of a plain (unquoted) scalar under the YAML 1.2 core schema."""
    special = _SPECIAL.get(text, _SPECIAL)
    if special is not _SPECIAL:
        return special
    if text[0] not in _NUMBER_START:
        return text
    if text.isdigit() and text.isascii() and len(text) <= limits.MAX_NUMBER_CHARS:
        return int(text)  # the common case, without a regular expression
    if _INT_RE.fullmatch(text):
        if len(text) > limits.MAX_NUMBER_CHARS:
            raise _TooLong(text)
        return int(text, 10)
    if _FLOAT_RE.fullmatch(text):
        if len(text) > limits.MAX_NUMBER_CHARS:
            raise _TooLong(text)
        return float(text)
    if _OCT_RE.fullmatch(text):
        if len(text) > limits.MAX_NUMBER_CHARS:
            raise _TooLong(text)
        return int(text[2:], 8)
    if _HEX_RE.fullmatch(text):
        if len(text) > limits.MAX_NUMBER_CHARS:
            raise _TooLong(text)
        return int(text[2:], 16)
    return text


# ---------------------------------------------------------------------------
# The event-driven builder
# ---------------------------------------------------------------------------


def _end_line(ev: Any) -> int:
    end = ev.end_mark or ev.start_mark
    return int(end.line)


class _Fatal(Exception):
    """Stops loading: the problem makes the rest of the file meaningless or unsafe."""


class _Builder:
    def __init__(self, parser: CParser, name: str) -> None:
        self.get: Callable[[], Any] = parser.get_event
        self.name = name
        self.problems: list[Problem] = []
        self.fatal = False
        self.block_scalar_lines: list[tuple[int, int]] = []
        self.at: Path_ = ()  # where the parser is, for syntax errors
        self.at_key: str | None = None
        self.at_key_line = -1
        self.nodes = 0  # values read so far
        self.plain_keys: set[str] = set()  # field names already found to be plain text

    # -- problems -------------------------------------------------------------

    def problem(self, mark: Any, path: Path_, message: str, hint: str = "", fatal: bool = False) -> None:
        self.problems.append(Problem(self.name, mark.line + 1, mark.column + 1, dotted(path), message, hint))
        if fatal:
            self.fatal = True
        if len(self.problems) >= limits.MAX_LOAD_PROBLEMS:
            self.fatal = True
            self.problems.append(
                Problem(
                    self.name,
                    mark.line + 1,
                    mark.column + 1,
                    dotted(path),
                    f"too many problems; stopped after {limits.MAX_LOAD_PROBLEMS}",
                    "fix these first",
                )
            )
            raise _Fatal

    def too_many_values(self, ev: Any, path: Path_) -> None:
        self.problem(
            ev.start_mark,
            path,
            f"the file holds more than {limits.MAX_VALUES:,} values, the most a dossier may have",
            "split the dossier, or check that this is the right file",
            fatal=True,
        )
        raise _Fatal

    def check_node_event(self, ev: Any, path: Path_) -> None:
        """Anchors and tags on a scalar, mapping or list."""
        if ev.anchor is not None:
            self.problem(
                ev.start_mark, path, f"{ANCHOR_MESSAGE} (found anchor &{ev.anchor})", ANCHOR_HINT, fatal=True
            )
        if ev.tag is not None:
            tag = str(ev.tag).replace("tag:yaml.org,2002:", "!!")
            self.problem(
                ev.start_mark,
                path,
                f"tags such as {tag} are not supported",
                "remove the tag; write the value as plain text, a number, true/false or null",
                fatal=True,
            )

    def scalar(self, ev: Any, path: Path_) -> Any:
        value = ev.value
        if ev.anchor is not None or ev.tag is not None:
            self.check_node_event(ev, path)
        if len(value) > limits.MAX_SCALAR_CHARS:
            self.problem(
                ev.start_mark,
                path,
                f"this value is {len(value):,} characters long; the limit is {limits.MAX_SCALAR_CHARS:,}",
                "shorten it",
                fatal=True,
            )
            return None
        style = ev.style
        if not style:
            try:
                return resolve_plain(value)
            except _TooLong:
                self.problem(
                    ev.start_mark,
                    path,
                    f"a number may have at most {limits.MAX_NUMBER_CHARS} characters",
                    "put it in quotes if it is meant as text",
                    fatal=True,
                )
                return None
        if style in "|>":
            self.block_scalar_lines.append((ev.start_mark.line, _end_line(ev)))
        return value

    def node(self, ev: Any, path: Path_, depth: int) -> tuple[Any, Any]:
        """Build the value that starts with ``ev``; return (value, marks)."""
        t = type(ev)
        if t is ScalarEvent:
            return self.scalar(ev, path), _packed(ev.start_mark)
        if t is MappingStartEvent:
            return self.mapping(ev, path, depth + 1)
        if t is SequenceStartEvent:
            return self.sequence(ev, path, depth + 1)
        if t is AliasEvent:
            self.problem(
                ev.start_mark, path, f"{ANCHOR_MESSAGE} (found alias *{ev.anchor})", ANCHOR_HINT, fatal=True
            )
            return None, _packed(ev.start_mark)
        raise AssertionError(f"unexpected YAML event {ev!r}")  # pragma: no cover - libyaml contract

    def enter(self, ev: Any, path: Path_, depth: int) -> None:
        if ev.anchor is not None or ev.tag is not None:
            self.check_node_event(ev, path)
        if depth > limits.MAX_DEPTH:
            # Name the field where the nesting happens, not forty list indexes below it.
            named = max((i for i, step in enumerate(path) if isinstance(step, str)), default=-1)
            self.problem(
                ev.start_mark,
                path[: named + 1],
                f"nesting is too deep (more than {limits.MAX_DEPTH} levels)",
                "the dossier format needs only a few levels; check the indentation and brackets",
                fatal=True,
            )
            raise _Fatal

    def mapping(self, start: Any, path: Path_, depth: int) -> tuple[dict[str, Any], MapMarks]:
        self.enter(start, path, depth)
        result: dict[str, Any] = {}
        marks = MapMarks(_packed(start.start_mark))
        self.at, self.at_key = path, None
        self._fill_mapping(result, marks, path, depth)
        return result, marks

    def _fill_mapping(self, result: dict[str, Any], marks: MapMarks, path: Path_, depth: int) -> None:
        # The hot loop of the loader: plain text keys and values are handled inline (the
        # common case); anything unusual goes through ``scalar`` / ``node``.
        get = self.get
        keys = marks.keys
        values = marks.values
        special = _SPECIAL.get
        number_start = _NUMBER_START
        max_chars = limits.MAX_SCALAR_CHARS
        max_nodes = limits.MAX_VALUES
        block_lines = self.block_scalar_lines
        plain_keys = self.plain_keys
        while True:
            ev = get()
            t = type(ev)
            if t is MappingEndEvent:
                return
            # The key.
            key: Any
            key_mark = ev.start_mark
            if t is ScalarEvent:
                key = ev.value
                if ev.style or ev.anchor is not None or ev.tag is not None:
                    key = self.scalar(ev, path)
                elif key not in plain_keys:  # a field name seen before is known to be plain text
                    if (
                        len(key) > max_chars
                        or special(key, _SPECIAL) is not _SPECIAL
                        or key[0] in number_start
                    ):
                        key = self.scalar(ev, path)
                    else:
                        plain_keys.add(key)
            else:
                self.node(ev, path, depth)  # check and skip a list or mapping used as a key
                self.at, self.at_key = path, None
                key = ev
            if not isinstance(key, str):
                shown = key if isinstance(key, int | float | bool) or key is None else "a list or mapping"
                self.problem(
                    key_mark,
                    path,
                    f"a field name must be text, not {_describe_key(shown)}",
                    "write a field name such as 'id' or 'source' before the colon",
                )
                self.node(get(), (*path, "?"), depth)
                self.at, self.at_key = path, None
                continue
            # The value.
            key_line = key_mark.line
            self.at_key = key
            self.at_key_line = key_line
            ev = get()
            self.nodes += 1
            if self.nodes > max_nodes:
                self.too_many_values(ev, path)
            if type(ev) is ScalarEvent:
                m: Any = ev.start_mark
                value: Any = ev.value
                if ev.anchor is not None or ev.tag is not None or len(value) > max_chars:
                    value = self.scalar(ev, (*path, key))
                else:
                    style = ev.style
                    if not style:
                        found = special(value, _SPECIAL)
                        if found is not _SPECIAL:
                            value = found
                        elif value[0] in number_start:
                            try:
                                value = resolve_plain(value)
                            except _TooLong:
                                value = self.scalar(ev, (*path, key))
                    elif style in "|>":
                        block_lines.append((m.line, _end_line(ev)))
                value_marks: Any = m.line << 32 | m.column
            else:
                value, value_marks = self.node(ev, (*path, key), depth)
                self.at = path  # back from the nested record or list
                self.at_key = key
                self.at_key_line = key_line
            if key in result:
                first = keys[key]
                self.problem(
                    key_mark,
                    (*path, key),
                    f"duplicate field '{key}': it is already set at line {(first >> 32) + 1}",
                    "keep one of the two; YAML would silently drop the first",
                )
                continue
            result[key] = value
            keys[key] = key_line << 32 | key_mark.column
            values[key] = value_marks

    def sequence(self, start: Any, path: Path_, depth: int) -> tuple[list[Any], SeqMarks]:
        self.enter(start, path, depth)
        result: list[Any] = []
        marks = SeqMarks(_packed(start.start_mark))
        self.at, self.at_key = path, None
        self._fill_sequence(result, marks, path, depth)
        return result, marks

    def _fill_sequence(self, result: list[Any], marks: SeqMarks, path: Path_, depth: int) -> None:
        get = self.get
        append = result.append
        mark_append = marks.items.append
        special = _SPECIAL.get
        number_start = _NUMBER_START
        max_chars = limits.MAX_SCALAR_CHARS
        max_nodes = limits.MAX_VALUES
        index = 0
        while True:
            ev = get()
            t = type(ev)
            if t is SequenceEndEvent:
                return
            self.nodes += 1
            if self.nodes > max_nodes:
                self.too_many_values(ev, path)
            if t is ScalarEvent:
                value: Any = ev.value
                if ev.style or ev.anchor is not None or ev.tag is not None or len(value) > max_chars:
                    value = self.scalar(ev, (*path, index))
                elif special(value, _SPECIAL) is not _SPECIAL or value[0] in number_start:
                    try:
                        value = resolve_plain(value)
                    except _TooLong:
                        value = self.scalar(ev, (*path, index))
                append(value)
                m = ev.start_mark
                mark_append(m.line << 32 | m.column)
            else:
                value, value_marks = self.node(ev, (*path, index), depth)
                self.at, self.at_key = path, None  # back from the nested record or list
                append(value)
                mark_append(value_marks)
            index += 1

    def document(self) -> tuple[Any, Any] | None:
        get = self.get
        get()  # StreamStartEvent
        ev = get()
        if type(ev) is StreamEndEvent:
            self.problem(
                _FIRST, (), "the file is empty", "start from the example in the editors' guide", fatal=True
            )
            return None
        assert type(ev) is DocumentStartEvent
        ev = get()
        value, marks = self.node(ev, (), 0)
        end = get()
        assert type(end) is DocumentEndEvent
        ev = get()
        if type(ev) is DocumentStartEvent:
            self.problem(
                ev.start_mark,
                (),
                "a second YAML document starts here; a claims file holds exactly one",
                "remove the '---' line, or move the rest into its own file",
                fatal=True,
            )
            return None
        return value, marks


class _Mark:
    line = 0
    column = 0


_FIRST = _Mark()


def _describe_key(key: Any) -> str:
    if key is None:
        return "null (an empty key)"
    if isinstance(key, bool):
        return f"the boolean {str(key).lower()}"
    if isinstance(key, int | float):
        return f"the number {key}"
    return str(key)


# ---------------------------------------------------------------------------
# Syntax errors
# ---------------------------------------------------------------------------

_SYNTAX_HINTS: list[tuple[str, str, str]] = [
    # (libyaml's words, our message, how to fix)
    (
        "mapping values are not allowed",
        "a colon here starts a new field where none can start",
        "put the value in double quotes if it contains ': ', or fix the indentation",
    ),
    (
        "could not find expected ':'",
        "a field name is not followed by a colon",
        "write 'name: value'; put text containing a colon in double quotes",
    ),
    (
        "did not find expected key",
        "this line does not fit the indentation of the lines above",
        "line up fields of the same record at the same column, with spaces",
    ),
    (
        "did not find expected '-' indicator",
        "this line does not fit the list above it",
        "start list items with '- ' at the same column, or fix the indentation",
    ),
    (
        "found unexpected end of stream",
        "the file ends inside quoted text",
        "close the quotation mark that is opened here",
    ),
    (
        "did not find expected ',' or ']'",
        "a list in square brackets is not closed",
        "close it with ']' and separate items with commas",
    ),
    (
        "did not find expected ',' or '}'",
        "a mapping in curly braces is not closed",
        "close it with '}' and separate fields with commas",
    ),
    (
        "found character that cannot start any token",
        "this character cannot start a value",
        "put the value in double quotes",
    ),
    (
        "found unknown escape character",
        "unknown backslash escape in double-quoted text",
        "write \\\\ for a backslash, or use single quotes",
    ),
    (
        "found undefined tag handle",
        "tags (!...) are not supported",
        "remove the tag, or put the value in quotes if the '!' is text",
    ),
    (
        "found unexpected ':'",
        "unexpected colon",
        "put the value in double quotes",
    ),
]


_CONTEXTS = [
    ("quoted scalar", "the quoted text"),
    ("block collection", "the list"),
    ("block mapping", "the record"),
    ("flow sequence", "the [ ] list"),
    ("flow mapping", "the { } mapping"),
    ("simple key", "the field name"),
    ("block scalar", "the block text"),
]


def _syntax_problem(
    exc: yaml.MarkedYAMLError, text: str, name: str, at: Path_, key: tuple[str, int] | None
) -> Problem:
    """A libyaml error as a problem an editor can act on."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    col = mark.column + 1 if mark else 1
    ctx = exc.context_mark
    words = (exc.problem or "").strip()

    def problem(line: int, col: int, message: str, hint: str) -> Problem:
        # The scanner reads ahead: the field being read counts only if the error is on its line.
        path = (*at, key[0]) if key is not None and key[1] == line else at
        return Problem(name, line, col, dotted(path), message, hint)

    lines = text.split("\n")
    src = lines[line - 1] if 0 < line <= len(lines) else ""
    # Tabs: libyaml reports "found character that cannot start any token" (or a confused
    # indentation error) where a tab is used to indent.
    indent = src[: len(src) - len(src.lstrip(" \t"))]
    if "\t" in indent or src[col - 1 : col] == "\t":
        return problem(line, (indent.index("\t") + 1) if "\t" in indent else col, TAB_MESSAGE, TAB_HINT)
    # A quotation mark left open makes libyaml complain lines later: point at the opening.
    unclosed = _unclosed_quote(lines, ctx.line if ctx is not None else line - 20, line - 1)
    if unclosed is None and ctx is not None and "quoted scalar" in (exc.context or ""):
        unclosed = (ctx.line + 1, ctx.column + 1)
    if unclosed is not None:
        return problem(
            *unclosed,
            "YAML syntax error: the quotation mark opened here is never closed",
            "end the text with the same kind of quotation mark, on the same line",
        )
    # Text after a closing quote: usually a quotation mark inside quoted text.
    before = src[: col - 1].rstrip()
    if before[-1:] in ("'", '"') and _QUOTED_VALUE_RE.match(src):
        if before[-1] == '"':
            hint = (
                'write a quotation mark inside double-quoted text as \\", or put the value in single quotes'
            )
        else:
            hint = (
                "write an apostrophe inside single-quoted text as two ('') or put the value in double quotes"
            )
        return problem(line, col, "YAML syntax error: text goes on after the closing quotation mark", hint)
    message = words or "the file cannot be read as YAML"
    hint = "check the punctuation and indentation here"
    for libyaml_words, plain, how in _SYNTAX_HINTS:
        if libyaml_words in words:
            message, hint = plain, how
            break
    if ctx is not None and exc.context and (ctx.line + 1, ctx.column + 1) != (line, col):
        what = exc.context.strip()
        for context_words, plain in _CONTEXTS:
            if context_words in what:
                what = plain
                break
        message += f"; see {what} that starts at line {ctx.line + 1}, column {ctx.column + 1}"
    return problem(line, col, f"YAML syntax error: {message}", hint)


_QUOTED_VALUE_RE = re.compile(r"^\s*(?:-\s+)?(?:[^\s\"'#][^:#]*:\s+|-\s+)?([\"'])")


def _unclosed_quote(lines: list[str], first: int, last: int) -> tuple[int, int] | None:
    """The 1-based position of the last quoted value in lines first..last (0-based) that is
    not closed on its own line, if any (the usual cause of a confusing syntax error below)."""
    found = None
    for number in range(max(0, first), min(last, len(lines) - 1) + 1):
        src = lines[number]
        match = _QUOTED_VALUE_RE.match(src)
        if not match:
            continue
        quote = match.group(1)
        start = match.start(1)
        rest = src[start + 1 :]
        rest = re.sub(r"\\.", "", rest) if quote == '"' else rest.replace("''", "")
        if quote not in rest:
            found = (number + 1, start + 1)
    return found


def _tab_problems(text: str, name: str, skip: list[tuple[int, int]]) -> list[Problem]:
    """Lines indented with a tab (outside block text, where a tab is content)."""
    out: list[Problem] = []
    for number, src in enumerate(text.split("\n")):
        stripped = src.lstrip(" \t")
        if not stripped or stripped.startswith("#"):
            continue
        indent = src[: len(src) - len(stripped)]
        if "\t" not in indent:
            continue
        if any(first < number <= last for first, last in skip):
            continue
        out.append(Problem(name, number + 1, indent.index("\t") + 1, "(file)", TAB_MESSAGE, TAB_HINT))
    return out


# ---------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------


def display_name(path: Path) -> str:
    """The file name as problems show it: relative to the working directory when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def load_text(text: str, name: str = "claims.yaml") -> LoadResult:
    """Load YAML text (already read and within the size limit)."""
    if "\x00" in text or "\ufffe" in text or "\uffff" in text:
        index = min(i for i in (text.find("\x00"), text.find("\ufffe"), text.find("\uffff")) if i >= 0)
        line = text.count("\n", 0, index) + 1
        col = index - (text.rfind("\n", 0, index) + 1) + 1
        return LoadResult(
            None,
            [
                Problem(
                    name,
                    line,
                    col,
                    "(file)",
                    "the file contains a NUL or other non-text character",
                    "save it as plain UTF-8 text",
                )
            ],
            True,
        )
    if len(text) >= PARALLEL_MIN_CHARS:
        split = _load_in_two(text, name)
        if split is not None:
            return split
    builder, built = _run_builder(text, name)
    problems = builder.problems
    if "\t" in text:
        seen = {(p.line, p.message) for p in problems}
        problems.extend(
            p
            for p in _tab_problems(text, name, builder.block_scalar_lines)
            if (p.line, p.message) not in seen
        )
    if built is None or builder.fatal:
        return LoadResult(None, sorted(problems, key=_order), True)
    return LoadResult(Located(*built), sorted(problems, key=_order), False)


def _run_builder(text: str, name: str) -> tuple[_Builder, tuple[Any, Any] | None]:
    """Parse ``text``: the builder (with its problems) and the value and marks, if any."""
    parser = CParser(text)
    builder = _Builder(parser, name)
    built: tuple[Any, Any] | None = None
    try:
        built = builder.document()
    except _Fatal:
        pass
    except yaml.MarkedYAMLError as exc:
        # Where the builder stood names the field; the key counts if the error is on its line.
        key = (builder.at_key, builder.at_key_line + 1) if builder.at_key is not None else None
        builder.problems.append(_syntax_problem(exc, text, name, builder.at, key))
        builder.fatal = True
    except yaml.reader.ReaderError as exc:
        builder.problems.append(_reader_problem(exc, text, name))
        builder.fatal = True
    finally:
        parser.dispose()
    return builder, built


# ---------------------------------------------------------------------------
# A large file in two processes
# ---------------------------------------------------------------------------

#: Files at least this long are loaded in two processes where a second core is free.
PARALLEL_MIN_CHARS = 1_000_000
#: The share of the file the second process parses (it also pickles what it built).
_SECOND_SHARE = 0.42
_CLAIMS_KEY = re.compile(r"^claims:[ \t]*(?:#[^\n]*)?$", re.MULTILINE)
_TOP_LEVEL_LINE = re.compile(r"^[^\s#-]", re.MULTILINE)
_FIRST_ITEM = re.compile(r"^( *)- ", re.MULTILINE)


def _load_in_two(text: str, name: str) -> LoadResult | None:
    """Load a large valid file on two cores: the later part of the claims list in a forked
    process, the rest here, then the two joined. None whenever that cannot be done or
    anything in either part is not plainly valid: the caller then loads the file in one piece,
    so every problem is found and reported exactly as always.

    The claims list is cut at one of its own items (a line with the items' indentation and a
    dash, inside the top-level ``claims:`` block). Both parts keep their line numbers: this
    process reads the file with the cut-out lines left blank, the other the cut-out lines
    after as many blank lines. A cut in the wrong place (inside a quoted text, say) leaves one
    part with an unclosed scalar, which libyaml refuses, and the file is loaded in one piece.
    """
    if not spare_core() or not hasattr(os, "fork") or "\t" in text or "\n---" in text or "\n..." in text:
        return None
    cut = _cut(text)
    if cut is None:
        return None
    start, end = cut
    lines_before = text.count("\n", 0, start)
    moved = text[start:end]
    here = text[:start] + "\n" * moved.count("\n") + text[end:]
    there = "\n" * lines_before + moved
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:  # the second process: build its part, send it, leave at once
        try:
            os.close(read_end)
            builder, built = _run_builder(there, name)
            plain = built is not None and not builder.problems and not builder.fatal
            result = (built, builder.nodes) if plain else None
            payload = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as out:
                out.write(payload)
        finally:
            os._exit(0)
    os.close(write_end)
    try:
        builder, built = _run_builder(here, name)
    finally:
        with os.fdopen(read_end, "rb") as inp:
            payload = inp.read()
        os.waitpid(pid, 0)
    if built is None or builder.problems or builder.fatal or not payload:
        return None
    try:
        other = pickle.loads(payload)
    except Exception:
        return None
    if other is None:
        return None
    (items, item_marks), nodes = other
    data, marks = built
    claims, claim_marks = data.get("claims") if isinstance(data, dict) else None, None
    if isinstance(marks, MapMarks):
        claim_marks = marks.values.get("claims")
    if not (
        isinstance(claims, list)
        and isinstance(claim_marks, SeqMarks)
        and isinstance(items, list)
        and isinstance(item_marks, SeqMarks)
        and builder.nodes + nodes <= limits.MAX_VALUES
    ):
        return None
    claims.extend(items)
    claim_marks.items.extend(item_marks.items)
    return LoadResult(Located(data, marks), [], False)


def _cut(text: str) -> tuple[int, int] | None:
    """Where the second process's part of the claims list starts and ends (offsets)."""
    key = _CLAIMS_KEY.search(text)
    if key is None or _CLAIMS_KEY.search(text, key.end()) is not None:
        return None
    after = _TOP_LEVEL_LINE.search(text, key.end() + 1)
    end = after.start() if after else len(text)
    first = _FIRST_ITEM.search(text, key.end(), end)
    if first is None:
        return None
    item = re.compile("^" + re.escape(first.group(1)) + "- ", re.MULTILINE)
    at = item.search(text, max(first.end(), int(len(text) * (1 - _SECOND_SHARE))), end)
    return (at.start(), end) if at is not None else None


# Characters YAML 1.2 does not allow in a stream (the printable set is the complement).
_NOT_PRINTABLE_RE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _reader_problem(exc: yaml.reader.ReaderError, text: str, name: str) -> Problem:
    # libyaml gives a byte offset; find the character itself to report line and column.
    found = _NOT_PRINTABLE_RE.search(text)
    index = found.start() if found else max(0, min(int(getattr(exc, "position", 0) or 0), len(text)))
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    reason = getattr(exc, "reason", "") or "unreadable character"
    return Problem(
        name,
        line,
        col,
        "(file)",
        f"the file contains a character YAML does not allow ({reason})",
        "remove it, or save the file as plain UTF-8 text",
    )


def _order(p: Problem) -> tuple[int, int]:
    return (p.line, p.col)


def load_file(path: Path, name: str | None = None) -> LoadResult:
    """Read and load a claims file, checking its size before anything is parsed."""
    name = name or display_name(path)
    try:
        with open(path, "rb") as fh:
            raw = fh.read(limits.MAX_FILE_BYTES + 1)
    except OSError as exc:
        return LoadResult(
            None,
            [
                Problem(
                    name,
                    1,
                    1,
                    "(file)",
                    f"cannot read the file: {exc.strerror or exc}",
                    "check that the path is right and the file is readable",
                )
            ],
            True,
        )
    if len(raw) > limits.MAX_FILE_BYTES:
        mib = limits.MAX_FILE_BYTES // (1024 * 1024)
        return LoadResult(
            None,
            [
                Problem(
                    name,
                    1,
                    1,
                    "(file)",
                    f"the file is larger than the limit of {mib} MB",
                    "split the dossier, or check that this is the right file",
                )
            ],
            True,
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        return LoadResult(
            None,
            [
                Problem(
                    name,
                    line,
                    col,
                    "(file)",
                    "the file is not valid UTF-8 text",
                    "save it with the UTF-8 encoding",
                )
            ],
            True,
        )
    return load_text(text, name)
