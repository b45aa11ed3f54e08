"""Hostile files fail with one clear problem, without expanding, recursing or reading on.

No test here is timed (timings live in benchmarks/bench_validate.py); each asserts the
behaviour that keeps time and memory bounded: aliases refused before anything is expanded,
nesting cut off at the limit, file size checked before parsing, values counted.
"""

from __future__ import annotations

from pathlib import Path

from site_plugins.dossier.checking.validate import load_and_validate
from site_plugins.dossier.reading import limits


def _billion_laughs() -> str:
    lines = ['lol0: &a0 "lol"']
    lines += [f"lol{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    return "\n".join(lines) + "\n"


def test_billion_laughs_is_refused_without_expansion(write) -> None:
    result = load_and_validate(write(_billion_laughs()))
    assert result.data is None
    first = result.problems[0]
    assert (first.line, first.col, first.field) == (1, 7, "lol0")
    assert first.message.startswith("anchors and aliases (&, *) are not supported")
    assert first.hint == "write the value out"
    # Every anchor and alias is named once (9 anchors + 90 aliases), none expanded.
    assert len(result.problems) == 100
    assert all("anchors and aliases" in p.message for p in result.problems)


def test_problems_are_capped_for_a_file_made_of_mistakes(write) -> None:
    text = "a: &x 1\n" + "".join(f"k{i}: *x\n" for i in range(5_000))
    result = load_and_validate(write(text))
    assert len(result.problems) == limits.MAX_LOAD_PROBLEMS + 1
    assert f"stopped after {limits.MAX_LOAD_PROBLEMS}" in result.problems[-1].message


def test_deep_flow_nesting_stops_at_the_limit(write) -> None:
    depth = 100_000
    result = load_and_validate(write("a: " + "[" * depth + "]" * depth + "\n"))
    (p,) = result.problems
    # The root mapping is level 1 and the n-th bracket level n + 1, so the bracket that would
    # be level 41 (the 40th, at column 3 + 40) is refused, and nothing below it is read.
    assert (p.line, p.col, p.field) == (1, 3 + limits.MAX_DEPTH, "a")
    assert p.message == f"nesting is too deep (more than {limits.MAX_DEPTH} levels)"


def test_deep_block_nesting_stops_at_the_limit(write) -> None:
    text = "".join(" " * (2 * i) + f"k{i}:\n" for i in range(500)) + " " * 1000 + "end\n"
    result = load_and_validate(write(text))
    (p,) = result.problems
    assert p.line == limits.MAX_DEPTH + 1
    assert "nesting is too deep" in p.message


def test_a_50_mb_file_is_refused_before_parsing(write) -> None:
    # The first line is a syntax error: had the file been parsed, that would be reported.
    text = "a: [unclosed\n" + "# padding\n" * (50 * 1024 * 1024 // 10)
    path = write(text)
    assert path.stat().st_size > 50 * 1024 * 1024
    result = load_and_validate(path)
    (p,) = result.problems
    assert (p.line, p.col, p.field) == (1, 1, "(file)")
    assert p.message == f"the file is larger than the limit of {limits.MAX_FILE_BYTES // 2**20} MB"


def test_a_file_just_under_the_size_limit_is_parsed(write) -> None:
    text = "a: [unclosed\n"
    text += "#" * (limits.MAX_FILE_BYTES - len(text) - 1) + "\n"
    result = load_and_validate(write(text))
    assert len(result.problems) == 1
    assert "larger than the limit" not in result.problems[0].message


def test_a_ten_million_character_string_is_refused(write) -> None:
    result = load_and_validate(write("dossier: " + "x" * 10_000_000 + "\n"))
    (p,) = result.problems
    assert (p.line, p.col, p.field) == (1, 10, "dossier")
    assert p.message == f"this value is 10,000,000 characters long; the limit is {limits.MAX_SCALAR_CHARS:,}"


def test_millions_of_tiny_values_are_refused_at_the_value_limit(write) -> None:
    result = load_and_validate(write("[" + "1," * (limits.MAX_VALUES + 10) + "1]\n"))
    (p,) = result.problems
    assert p.message.startswith(f"the file holds more than {limits.MAX_VALUES:,} values")
    # Reported where the value beyond the limit starts (each "1," is two characters).
    assert (p.line, p.col) == (1, 2 + 2 * limits.MAX_VALUES)


def test_a_realistic_dossier_is_far_within_the_limits() -> None:
    dossier = Path(__file__).resolve().parents[2] / "claims.yaml"
    if not dossier.is_file():  # pragma: no cover - the repository always has one
        return
    assert dossier.stat().st_size * 40 < limits.MAX_FILE_BYTES
