"""verify_quotes(): each citation's quote must occur in its source's snapshot.

The snapshots here are short texts written for these tests (never the real articles).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from site_plugins.dossier.checking.quotes import normalise, verify_quotes
from site_plugins.dossier.problems import Problem
from site_plugins.dossier.records.model import ClaimsFile

TOWER = """\
The Bell Tower Gazette, 3 November

Residents gathered on Tuesday evening as the bells of the old tower rang for the
first time in a decade. \u201cThere are eight bells up there \u2014 all of them
working,\u201d the sexton said. The parish council\u2019s chair was more cautious:
only six had been tested, she told reporters.

A spokesperson for the bell foundry said a ninth bell was on order\u2026 but
would not arrive before spring.
"""

HARBOUR = "The harbour master counted twelve lanterns on the pier on Monday night.\n"

BASE: dict[str, Any] = {
    "dossier": {"title": "Bells", "summary": "Made-up claims about bells.", "updated": "2024-11-03"},
    "sources": [
        {
            "id": "gazette",
            "outlet": "Bell Tower Gazette",
            "headline": "Bells ring again",
            "byline": "unknown",
            "kind": "original",
            "reliability": "B",
            "reliability_note": "A local paper.",
            "snapshot": "gazette.txt",
        },
        {
            "id": "harbour",
            "outlet": "Harbour News",
            "headline": "Lanterns",
            "byline": "unknown",
            "kind": "original",
            "reliability": "C",
            "reliability_note": "A local paper.",
            "snapshot": "harbour.txt",
        },
        {
            "id": "radio",
            "outlet": "Radio Bell",
            "headline": "unknown",
            "byline": "unknown",
            "kind": "original",
            "reliability": "F",
            "reliability_note": "No copy kept.",
        },
    ],
    "actors": [{"id": "sexton", "name": "The sexton"}],
    "questions": [
        {
            "id": "bells",
            "text": "How many bells?",
            "kind": "quantity",
            "unit": "bells",
            "scopes": ["hung"],
            "status": "open",
            "assessment": "Counts differ.",
            "assessed": "2024-11-03",
        }
    ],
    "claims": [],
}


def _claim(cid: str, *citations: tuple[str, str]) -> dict[str, Any]:
    return {
        "id": cid,
        "question": "bells",
        "statement": "Some bells.",
        "actor": "sexton",
        "made": "2024-11-03",
        "value": {"exactly": 8, "scope": "hung"},
        "citations": [{"source": s, "quote": q} for s, q in citations],
        "status": "reported",
    }


def _data(*claims: dict[str, Any]) -> ClaimsFile:
    raw = copy.deepcopy(BASE)
    raw["claims"] = list(claims)
    return ClaimsFile.model_validate(raw)


def where(path: tuple[object, ...]) -> tuple[int, int]:
    """A stand-in for the loader's positions: line = 100 * claim index + citation index."""
    if path[:1] == ("claims",) and len(path) >= 4:
        return 100 * int(path[1]) + int(path[3]) + 1, len(path)  # type: ignore[call-overload]
    if path[:1] == ("sources",):
        return 1000 + int(path[1]), 3  # type: ignore[call-overload]
    return 1, 1


@pytest.fixture
def snapshots(tmp_path: Path) -> Path:
    folder = tmp_path / "snapshots"
    folder.mkdir()
    (folder / "gazette.txt").write_text(TOWER, encoding="utf-8")
    (folder / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    return folder


def test_exact_and_typographically_different_quotes_pass(snapshots: Path) -> None:
    data = _data(
        _claim("c1", ("gazette", "the bells of the old tower rang for the first time in a decade")),
        # straight quotes and a hyphen for the published curly quotes and em dash, no line break
        _claim("c2", ("gazette", '"There are eight bells up there - all of them working," the sexton said.')),
        # curly apostrophe typed straight
        _claim("c3", ("gazette", "The parish council's chair was more cautious")),
        # three dots for the ellipsis character, and a line break inside the quote
        _claim("c4", ("gazette", "a ninth bell was on order...\n   but would not arrive")),
        _claim("c5", ("harbour", "twelve lanterns on the pier")),
    )
    assert verify_quotes(data, snapshots, where) == []


def test_a_miss_names_claim_source_and_closest_passage(snapshots: Path) -> None:
    data = _data(
        _claim("ok", ("harbour", "twelve lanterns")),
        _claim(
            "typo",
            ("gazette", "the sexton said"),
            ("gazette", "only seven had been tested, she told reporters"),
        ),
    )
    problems = verify_quotes(data, snapshots, where, file="bells.yaml")
    assert len(problems) == 1
    (p,) = problems
    assert (p.file, p.line, p.col, p.field) == ("bells.yaml", 102, 5, "claims[1].citations[1].quote")
    assert "claim typo" in p.message and "source gazette" in p.message
    assert p.hint.startswith("copy the words exactly as in the source; closest passage: '")
    assert "only six had been tested, she told reporters" in p.hint
    assert str(p).startswith("bells.yaml:102:5: claims[1].citations[1].quote: quote of claim typo not found")


def test_case_matters(snapshots: Path) -> None:
    data = _data(_claim("c", ("harbour", "Twelve Lanterns on the pier")))
    (p,) = verify_quotes(data, snapshots, where)
    assert "closest passage: 'twelve lanterns on the pier" in p.hint


def test_a_quote_with_no_word_in_common_says_so(snapshots: Path) -> None:
    data = _data(_claim("c", ("harbour", "zebras xylophone")))
    (p,) = verify_quotes(data, snapshots, where)
    assert p.hint.endswith("no similar passage was found")


def test_source_without_snapshot(snapshots: Path) -> None:
    data = _data(_claim("c", ("radio", "eight bells")))
    (p,) = verify_quotes(data, snapshots, where)
    assert p.field == "claims[0].citations[0].source"
    assert "radio" in p.message and "no snapshot" in p.message
    assert p.hint == "add `snapshot:` to source radio or cite another source"


def test_snapshot_file_missing_from_the_folder_is_reported_once(snapshots: Path) -> None:
    (snapshots / "harbour.txt").unlink()
    data = _data(
        _claim("a", ("harbour", "twelve lanterns")),
        _claim("b", ("harbour", "on the pier")),
    )
    problems = verify_quotes(data, snapshots, where)
    assert len(problems) == 1
    (p,) = problems
    assert (p.line, p.field) == (1001, "sources[1].snapshot")
    assert "harbour.txt" in p.message and str(snapshots) in p.message
    assert "--snapshots" in p.hint


def test_snapshot_name_that_is_not_a_file_in_the_folder(snapshots: Path) -> None:
    raw = copy.deepcopy(BASE)
    raw["sources"][1]["snapshot"] = ".."
    raw["claims"] = [_claim("a", ("harbour", "twelve lanterns"))]
    (p,) = verify_quotes(ClaimsFile.model_validate(raw), snapshots, where)
    assert p.field == "sources[1].snapshot" and "'..'" in p.message


def test_snapshot_that_is_not_utf8(snapshots: Path) -> None:
    (snapshots / "harbour.txt").write_bytes(b"\xff\xfe twelve lanterns \x81")
    (p,) = verify_quotes(_data(_claim("a", ("harbour", "twelve lanterns"))), snapshots, where)
    assert "not UTF-8" in p.message


def test_missing_snapshots_folder_is_one_problem(tmp_path: Path) -> None:
    data = _data(_claim("a", ("harbour", "x")), _claim("b", ("gazette", "y")))
    problems = verify_quotes(data, tmp_path / "nowhere", where)
    assert len(problems) == 1
    assert problems[0].field == "snapshots" and "nowhere" in problems[0].message


def test_each_snapshot_is_read_once(snapshots: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[str] = []
    original = Path.read_bytes

    def counting(self: Path) -> bytes:
        reads.append(self.name)
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", counting)
    data = _data(*[_claim(f"c{i}", ("gazette", "eight bells"), ("harbour", "lanterns")) for i in range(50)])
    assert verify_quotes(data, snapshots, where) == []
    assert sorted(reads) == ["gazette.txt", "harbour.txt"]


def test_unlocatable_path_falls_back_without_crashing(snapshots: Path) -> None:
    def strict_where(path: tuple[object, ...]) -> tuple[int, int]:
        if len(path) > 2:
            raise KeyError(path)
        return 7, 3

    (p,) = verify_quotes(_data(_claim("a", ("harbour", "nine lanterns"))), snapshots, strict_where)
    assert (p.line, p.col) == (7, 3)
    assert isinstance(p, Problem)


def test_many_misses_stay_quick_and_all_are_reported(snapshots: Path) -> None:
    # Not a timing test: the number of closest-passage searches is bounded, every miss is reported.
    text = " ".join(f"word{i} lanterns" for i in range(3000))
    (snapshots / "harbour.txt").write_text(text, encoding="utf-8")
    claims = [_claim(f"c{i}", ("harbour", f"word{i} lamps")) for i in range(600)]
    problems = verify_quotes(_data(*claims), snapshots, where)
    assert len(problems) == 600
    assert sum("closest passage" in p.hint for p in problems) == 500
    assert "word5 lanterns" in problems[5].hint


def test_normalised_quote_is_what_is_searched() -> None:
    assert normalise("a \u2014 b") == normalise("a - b") == "a-b"


@pytest.mark.parametrize(
    "quote",
    [
        "welve lanterns",  # starts inside "twelve"
        "twelve lantern",  # ends inside "lanterns"
        "he pier",  # "the" cut short
    ],
)
def test_a_quote_must_start_and_end_on_word_boundaries(snapshots: Path, quote: str) -> None:
    """Part of a word or figure is not a quote: "0,000 troops" must not pass for "10,000 troops"."""
    (p,) = verify_quotes(_data(_claim("c", ("harbour", quote))), snapshots, where)
    assert "not found" in p.message


def test_word_boundaries_allow_punctuation_and_later_whole_word_matches(snapshots: Path) -> None:
    (snapshots / "harbour.txt").write_text("Often, ten were lit. (Ten!)\n", encoding="utf-8")
    data = _data(
        _claim("a", ("harbour", "ten")),  # first inside "Often", then as a word of its own
        _claim("b", ("harbour", "Often, ten")),
        _claim("c", ("harbour", "lit. (Ten!)")),
    )
    assert verify_quotes(data, snapshots, where) == []


def test_figures_are_not_cut(tmp_path: Path) -> None:
    (tmp_path / "harbour.txt").write_text("At least 10,000 lanterns were lit.\n", encoding="utf-8")
    (tmp_path / "gazette.txt").write_text(TOWER, encoding="utf-8")
    (p,) = verify_quotes(_data(_claim("a", ("harbour", "0,000 lanterns"))), tmp_path, where)
    assert "closest passage" in p.hint and "10,000 lanterns" in p.hint


def test_quotes_are_checked_even_when_the_schema_refuses_another_field(
    snapshots: Path, tmp_path: Path
) -> None:
    """All problems in one pass: a wrong quote is reported beside an unrelated schema error."""
    import yaml

    from site_plugins.dossier.checking.validate import load_and_validate

    raw = copy.deepcopy(BASE)
    raw["claims"] = [
        _claim("right", ("harbour", "twelve lanterns")),
        _claim("wrong", ("gazette", "nine bells rang")),
    ]
    raw["claims"][0]["sourcse"] = "a typo"  # unknown field: the schema refuses the file
    raw["sources"][2]["id"] = 7  # a source id that is not text is left out of the quote check
    path = tmp_path / "claims.yaml"
    path.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    result = load_and_validate(path, snapshots=snapshots)
    assert not result.ok
    fields = [p.field for p in result.problems]
    assert "claims[0].sourcse" in fields
    assert "claims[1].citations[0].quote" in fields
    miss = next(p for p in result.problems if p.field == "claims[1].citations[0].quote")
    assert "quote of claim wrong not found in source gazette" in miss.message
    assert miss.line == path.read_text(encoding="utf-8").splitlines().index("  - source: gazette") + 2
    assert not any(p.field.startswith("claims[0].citations") for p in result.problems)
