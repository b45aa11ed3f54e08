"""The event-driven builder: plain data and its marks from libyaml's event stream.

``claims.yaml`` is read with libyaml's C parser (PyYAML's safe machinery: no Python objects
are ever constructed from tags), but the data is built here from the parser's event stream
rather than by PyYAML's constructor, so that the loader can:

* keep the line and column of every value and every mapping key (see ``positions``);
* reject duplicate keys (YAML would silently keep the last one: lost data);
* reject anchors, aliases and tags outright (no "billion laughs" expansion is possible);
* bound the nesting depth, the number of values and the length of values;
* read scalars by the YAML 1.2 core schema only (see ``scalars``).
"""

from __future__ import annotations

from collections.abc import Callable
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

from ..problems import Problem
from . import limits
from .positions import MapMarks, Path_, SeqMarks, dotted, packed
from .scalars import NUMBER_START, SPECIAL, TooLong, resolve_plain
from .syntax import reader_problem, syntax_problem

ANCHOR_MESSAGE = "anchors and aliases (&, *) are not supported"
ANCHOR_HINT = "write the value out"


def _end_line(ev: Any) -> int:
    end = ev.end_mark or ev.start_mark
    return int(end.line)


class _Fatal(Exception):
    """Stops loading: the problem makes the rest of the file meaningless or unsafe."""


def _describe_key(key: Any) -> str:
    if key is None:
        return "null (an empty key)"
    if isinstance(key, bool):
        return f"the boolean {str(key).lower()}"
    if isinstance(key, int | float):
        return f"the number {key}"
    return str(key)


class _Reporter:
    """The problems the builder finds, in editors' words (a base class of ``_Builder``)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []
        self.fatal = False

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

    def too_deep(self, ev: Any, path: Path_) -> None:
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

    def key_not_text(self, key: Any, key_mark: Any, path: Path_) -> None:
        shown = key if isinstance(key, int | float | bool) or key is None else "a list or mapping"
        self.problem(
            key_mark,
            path,
            f"a field name must be text, not {_describe_key(shown)}",
            "write a field name such as 'id' or 'source' before the colon",
        )

    def duplicate_key(self, key: str, key_mark: Any, path: Path_, first: int) -> None:
        self.problem(
            key_mark,
            (*path, key),
            f"duplicate field '{key}': it is already set at line {(first >> 32) + 1}",
            "keep one of the two; YAML would silently drop the first",
        )


class _Builder(_Reporter):
    """Builds the data and its marks from the parser's events, one document."""

    def __init__(self, parser: CParser, name: str) -> None:
        super().__init__(name)
        self.get: Callable[[], Any] = parser.get_event
        self.block_scalar_lines: list[tuple[int, int]] = []
        self.at: Path_ = ()  # where the parser is, for syntax errors
        self.at_key: str | None = None
        self.at_key_line = -1
        self.nodes = 0  # values read so far
        self.plain_keys: set[str] = set()  # field names already found to be plain text

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
            except TooLong:
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
            return self.scalar(ev, path), packed(ev.start_mark)
        if t is MappingStartEvent:
            return self.mapping(ev, path, depth + 1)
        if t is SequenceStartEvent:
            return self.sequence(ev, path, depth + 1)
        if t is AliasEvent:
            self.problem(
                ev.start_mark, path, f"{ANCHOR_MESSAGE} (found alias *{ev.anchor})", ANCHOR_HINT, fatal=True
            )
            return None, packed(ev.start_mark)
        raise AssertionError(f"unexpected YAML event {ev!r}")  # pragma: no cover - libyaml contract

    def enter(self, ev: Any, path: Path_, depth: int) -> None:
        if ev.anchor is not None or ev.tag is not None:
            self.check_node_event(ev, path)
        if depth > limits.MAX_DEPTH:
            self.too_deep(ev, path)

    def mapping(self, start: Any, path: Path_, depth: int) -> tuple[dict[str, Any], MapMarks]:
        self.enter(start, path, depth)
        result: dict[str, Any] = {}
        marks = MapMarks(packed(start.start_mark))
        self.at, self.at_key = path, None
        self._fill_mapping(result, marks, path, depth)
        return result, marks

    def _fill_mapping(self, result: dict[str, Any], marks: MapMarks, path: Path_, depth: int) -> None:
        # The hot loop of the loader: plain text keys and values are handled inline (the
        # common case); anything unusual goes through ``scalar`` / ``node``.
        get = self.get
        keys = marks.keys
        values = marks.values
        special = SPECIAL.get
        number_start = NUMBER_START
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
                    if len(key) > max_chars or special(key, SPECIAL) is not SPECIAL or key[0] in number_start:
                        key = self.scalar(ev, path)
                    else:
                        plain_keys.add(key)
            else:
                self.node(ev, path, depth)  # check and skip a list or mapping used as a key
                self.at, self.at_key = path, None
                key = ev
            if not isinstance(key, str):
                self.key_not_text(key, key_mark, path)
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
                        found = special(value, SPECIAL)
                        if found is not SPECIAL:
                            value = found
                        elif value[0] in number_start:
                            try:
                                value = resolve_plain(value)
                            except TooLong:
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
                self.duplicate_key(key, key_mark, path, keys[key])
                continue
            result[key] = value
            keys[key] = key_line << 32 | key_mark.column
            values[key] = value_marks

    def sequence(self, start: Any, path: Path_, depth: int) -> tuple[list[Any], SeqMarks]:
        self.enter(start, path, depth)
        result: list[Any] = []
        marks = SeqMarks(packed(start.start_mark))
        self.at, self.at_key = path, None
        self._fill_sequence(result, marks, path, depth)
        return result, marks

    def _fill_sequence(self, result: list[Any], marks: SeqMarks, path: Path_, depth: int) -> None:
        get = self.get
        append = result.append
        mark_append = marks.items.append
        special = SPECIAL.get
        number_start = NUMBER_START
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
                elif special(value, SPECIAL) is not SPECIAL or value[0] in number_start:
                    try:
                        value = resolve_plain(value)
                    except TooLong:
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


def run_builder(text: str, name: str) -> tuple[_Builder, tuple[Any, Any] | None]:
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
        builder.problems.append(syntax_problem(exc, text, name, builder.at, key))
        builder.fatal = True
    except yaml.reader.ReaderError as exc:
        builder.problems.append(reader_problem(exc, text, name))
        builder.fatal = True
    finally:
        parser.dispose()
    return builder, built
