"""Fuzzing: random mutations of valid dossiers give a clean result or clean problems, never a
traceback.

The budget is fixed and the examples derandomised (``fuzzing.budget``), so CI runs the same
cases every time; ``test_fuzz_pipeline.py`` beside it mutates the records instead.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from fixtures import TODAY, VALID
from hypothesis import given
from hypothesis import strategies as st

from site_plugins.dossier.analysis.review import review
from site_plugins.dossier.checking.validate import load_and_validate

from .fuzzing import budget, clean

REPO_DOSSIER = Path(__file__).resolve().parents[2] / "claims.yaml"

Lines = list[str]
Mutation = Callable[[Lines], None]

AWKWARD_CHARS = [*" \t:\"'[]{}-#&*!|>%@`,?x0\\\u00e9\u2028\ufeff\x00\x7f\u201c", "\r\n", "  ", ": ", "- "]
AWKWARD_VALUES = [
    "yes",
    "no",
    "on",
    "off",
    "Y",
    "true",
    "false",
    "null",
    "~",
    "",
    "2024-10-23",
    "2024-02-30",
    "2099-01-01",
    "2024",
    "1_000",
    "0x1F",
    "0o17",
    ".inf",
    "-.nan",
    "-1",
    "1e400",
    "9" * 120,
    "3.5",
    '"300"',
    "[]",
    "{}",
    "[a, b]",
    "{a: 1}",
    "&anchor x",
    "*anchor",
    "!!str x",
    "!!binary aGk=",
    "|",
    ">-",
    "'unclosed",
    '"unclosed',
    "javascript:alert(1)",
    "https://example.org",
    "x" * 200_000,
    "[" * 60 + "]" * 60,
    "- item",
    "a: b: c",
    "#comment",
    "%TAG ! tag:x,2024:",
    "---",
    "...",
    "[~, '', 1, -2.5]",
    "-",
    "[-]",
    "{? a}",
    "\n  -\n  - x",
    "\n      -",
    "\n    - \n    -",
    "county-300-homes",
    "valley-courier-2024-10-20",
    "flooded",
    "rainfall",
    "quantity",
    "choice",
]


def _mutations(n_lines: int) -> st.SearchStrategy[Mutation]:
    index = st.integers(0, max(0, n_lines - 1))

    def delete(i: int) -> Mutation:
        return lambda lines: lines.pop(min(i, len(lines) - 1)) if lines else None

    def duplicate(i: int) -> Mutation:
        return lambda lines: lines.insert(i, lines[min(i, len(lines) - 1)]) if lines else None

    def swap(i: int, j: int) -> Mutation:
        def apply(lines: Lines) -> None:
            if lines:
                a, b = min(i, len(lines) - 1), min(j, len(lines) - 1)
                lines[a], lines[b] = lines[b], lines[a]

        return apply

    def put_char(i: int, col: int, char: str, replace: bool) -> Mutation:
        def apply(lines: Lines) -> None:
            if lines:
                k = min(i, len(lines) - 1)
                line = lines[k]
                c = min(col, len(line))
                lines[k] = line[:c] + char + line[c + (1 if replace else 0) :]

        return apply

    def replace_value(i: int, value: str) -> Mutation:
        def apply(lines: Lines) -> None:
            if lines:
                k = min(i, len(lines) - 1)
                head, sep, _ = lines[k].partition(": ")
                lines[k] = f"{head}{sep or ': '}{value}"

        return apply

    def copy_block(i: int, size: int, to: int) -> Mutation:
        def apply(lines: Lines) -> None:
            if lines:
                start = min(i, len(lines) - 1)
                block = lines[start : start + size]
                at = min(to, len(lines))
                lines[at:at] = block

        return apply

    def indent(i: int, delta: int) -> Mutation:
        def apply(lines: Lines) -> None:
            if lines:
                k = min(i, len(lines) - 1)
                line = lines[k]
                lines[k] = (
                    " " * delta + line if delta > 0 else line[min(-delta, len(line) - len(line.lstrip())) :]
                )

        return apply

    def truncate(i: int, col: int) -> Mutation:
        def apply(lines: Lines) -> None:
            if lines:
                k = min(i, len(lines) - 1)
                lines[k] = lines[k][:col]

        return apply

    return st.one_of(
        st.builds(delete, index),
        st.builds(truncate, index, st.integers(0, 12)),
        st.builds(duplicate, index),
        st.builds(swap, index, index),
        st.builds(put_char, index, st.integers(0, 60), st.sampled_from(AWKWARD_CHARS), st.booleans()),
        st.builds(replace_value, index, st.sampled_from(AWKWARD_VALUES)),
        st.builds(copy_block, index, st.integers(1, 25), index),
        st.builds(indent, index, st.sampled_from([-4, -2, -1, 1, 2, 4])),
    )


def _check(text: str, mutations: list[Mutation], folder: Path) -> None:
    lines = text.split("\n")
    for mutate in mutations:
        mutate(lines)
    mutated = "\n".join(lines)
    path = folder / "claims.yaml"
    path.write_text(mutated, encoding="utf-8", errors="surrogatepass")

    result = load_and_validate(path, today=TODAY)  # must never raise
    clean(result, mutated)
    n_lines = mutated.count("\n") + 1
    for w in review(result):  # the warnings too, on whatever records the schema accepted
        assert w.is_warning and 1 <= w.line <= n_lines + 1 and w.col >= 1, w


_FIXTURE = VALID.read_text(encoding="utf-8")


@budget(300)
@given(st.lists(_mutations(_FIXTURE.count("\n") + 1), min_size=1, max_size=6))
def test_mutations_of_the_fixture_never_raise(mutations: list[Mutation]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        _check(_FIXTURE, mutations, Path(folder))


_REAL = REPO_DOSSIER.read_text(encoding="utf-8") if REPO_DOSSIER.is_file() else _FIXTURE


@budget(100)
@given(st.lists(_mutations(_REAL.count("\n") + 1), min_size=1, max_size=4))
def test_mutations_of_the_real_dossier_never_raise(mutations: list[Mutation]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        _check(_REAL, mutations, Path(folder))
