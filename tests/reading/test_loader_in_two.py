"""A large file loaded in two processes: the same data and positions as in one, or one piece.

``in_two.load_in_two`` parses the later part of the claims list in a forked process. It must
give exactly what loading in one piece gives, and must give up (None) on anything that is not
plainly valid, so that problems are always found and reported by the one-piece load.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from site_plugins.dossier.machine import spare_core
from site_plugins.dossier.reading import in_two, load
from site_plugins.dossier.reading.positions import MapMarks, SeqMarks
from site_plugins.dossier.reading.result import LoadResult


def _tree(marks: Any) -> Any:
    if isinstance(marks, MapMarks):
        values = tuple((k, _tree(v)) for k, v in sorted(marks.values.items()))
        return ("map", marks.mark, tuple(sorted(marks.keys.items())), values)
    if isinstance(marks, SeqMarks):
        return ("list", marks.mark, tuple(_tree(m) for m in marks.items))
    return marks


def _in_one_piece(text: str, monkeypatch: pytest.MonkeyPatch) -> LoadResult:
    with monkeypatch.context() as patch:
        patch.setattr(in_two, "PARALLEL_MIN_CHARS", 10**12)
        return load.load_text(text, "claims.yaml")


@pytest.fixture(scope="module")
def large() -> str:
    repo = str(Path(__file__).resolve().parents[2])
    if repo not in sys.path:  # the generator lives in benchmarks/, beside the package
        sys.path.insert(0, repo)
    from benchmarks.bench_validate import generate

    text = generate(1500)
    assert len(text) >= in_two.PARALLEL_MIN_CHARS
    return text


def test_two_processes_give_the_same_data_and_positions(large: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if not spare_core():
        pytest.skip("one core: the file is always loaded in one piece")  # CI's machine has two
    two = in_two.load_in_two(large, "claims.yaml")
    one = _in_one_piece(large, monkeypatch)
    assert two is not None and one.located is not None and two.located is not None
    assert two.problems == one.problems == []
    assert two.located.data == one.located.data
    assert _tree(two.located.root) == _tree(one.located.root)
    assert len(two.located.data["claims"]) == 1500
    # and load_text takes that way for such a file
    assert load.load_text(large, "claims.yaml").located.data == one.located.data  # type: ignore[union-attr]


def _break(text: str, where: float, old: str, new: str) -> str:
    at = text.index(old, int(len(text) * where))
    return text[:at] + new + text[at + len(old) :]


@pytest.mark.parametrize(
    ("where", "old", "new"),
    [
        (0.8, "    status: ", "    status: reported\n    status: "),  # a duplicate key, second part
        (0.2, "    status: ", "    status: reported\n    status: "),  # a duplicate key, first part
        (0.8, "    statement: ", '    statement: "an unclosed quote\n    statement: '),
        (0.62, "\n  - id: ", '\n    notes: "a quote left open\n  - id: '),  # open across the cut
    ],
    ids=["duplicate-late", "duplicate-early", "unclosed-late", "open-across-the-cut"],
)
def test_a_problem_anywhere_gives_the_one_piece_report(
    large: str, where: float, old: str, new: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = _break(large, where, old, new)
    assert in_two.load_in_two(broken, "claims.yaml") is None
    assert load.load_text(broken, "claims.yaml").problems == _in_one_piece(broken, monkeypatch).problems
    assert load.load_text(broken, "claims.yaml").problems


def test_files_it_does_not_cut(large: str) -> None:
    assert in_two.load_in_two(large.replace("claims:\n", "claimz:\n", 1), "claims.yaml") is None
    assert in_two.load_in_two(large + "claims: []\n", "claims.yaml") is None  # the key twice
    assert in_two.load_in_two(large.replace("  ", "\t", 1), "claims.yaml") is None  # tabs
