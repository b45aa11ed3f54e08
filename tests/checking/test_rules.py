"""The dossier's own rules and the validator's contract, case by case.

Each test edits the valid fixture in one place (by exact text replacement, so the fixture's
line numbers stay meaningful) and checks what is, or is not, reported.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fixtures import TODAY

from site_plugins.dossier.checking.validate import ValidationResult, default_today, load_and_validate
from site_plugins.dossier.records.model import ClaimsFile


def _edit(text: str, *pairs: tuple[str, str]) -> str:
    for old, new in pairs:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def _run(write, text: str, today: dt.date = TODAY, **kwargs) -> ValidationResult:
    return load_and_validate(write(text), today=today, **kwargs)


def _where(result: ValidationResult) -> list[tuple[int, int, str]]:
    return [(p.line, p.col, p.field) for p in result.problems]


def test_contract_of_a_valid_file(write, valid_text: str) -> None:
    result = _run(write, valid_text)
    assert result.ok and result.problems == []
    assert isinstance(result.data, ClaimsFile)
    assert result.data.claims[3].id == "operator-no-breach"
    assert result.line_of(("claims", 3)) == 113


def test_contract_of_an_unreadable_file(write) -> None:
    result = _run(write, "a: [\n")
    assert not result.ok and result.data is None
    assert result.line_of(("claims", 0)) is None


def test_contract_of_a_file_with_rule_problems_keeps_positions(write, valid_text: str) -> None:
    result = _run(
        write,
        _edit(
            valid_text,
            (
                "actor: dam-operator\n    made: 2024-10-21\n    value:\n      option",
                "actor: nobody\n    made: 2024-10-21\n    value:\n      option",
            ),
        ),
    )
    assert result.data is None and not result.ok
    assert _where(result) == [(131, 12, "claims[4].actor")]
    assert result.line_of(("claims", 4)) == 128


# -- what is allowed ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "pairs",
    [
        # as_of before the claim was made is fine (a claim about an earlier date)
        [("      answer: no\n      as_of: 2024-10-21", "      answer: no\n      as_of: 2024-10-01")],
        # until may lie in the future (a claim about a period still running)
        [
            (
                "      as_of: 2024-10-21\n    citations",
                "      as_of: 2024-10-21\n      until: 2025-06-30\n    citations",
            )
        ],
        # a republication or a wire story without copy_of is fine
        [("    kind: wire\n", "    kind: republication\n")],
        # month and year precision
        [
            ("published: 2024-10-20", "published: 2024-10"),
            ("made: 2024-10-21\n    value:\n      option", 'made: "2024"\n    value:\n      option'),
        ],
        # this month is not the future
        [("updated: 2024-11-02", "updated: 2024-11")],
        # a yes/no word in free text is text
        [("outlet: River Wire", "outlet: yes")],
        # a range open at the top ("at least") and at the bottom ("as many as")
        [("      min: 450", "      max: 450")],
    ],
)
def test_allowed(write, valid_text: str, pairs: list[tuple[str, str]]) -> None:
    result = _run(write, _edit(valid_text, *pairs))
    assert result.problems == [], [str(p) for p in result.problems]


# -- what is reported --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pairs", "where", "words"),
    [
        (  # a figure on a yes-no question
            [("      answer: yes\n", "      answer: yes\n      exactly: 3\n")],
            [(109, 7, "claims[2].value.exactly")],
            "'exactly' does not fit a yes-no question",
        ),
        (  # a month in the future
            [("updated: 2024-11-02", "updated: 2024-12")],
            [(5, 12, "dossier.updated")],
            "in the future",
        ),
        (  # an impossible month
            [("published: 2024-10-20", "published: 2024-13")],
            [(12, 16, "sources[0].published")],
            "is not a real date",
        ),
        (  # an option excluding itself
            [("excludes: [sabotage]", "excludes: [rainfall]")],
            [(62, 20, "questions[2].options[0].excludes[0]")],
            "cannot exclude itself",
        ),
        (  # a choice question with one option
            [
                (
                    "      - id: spillway-fault\n        label: A fault in the spillway gates\n"
                    "      - id: sabotage\n        label: Deliberate damage\n",
                    "",
                ),
                ("excludes: [sabotage]", "excludes: []"),
            ],
            [(60, 7, "questions[2].options")],
            "at least two options",
        ),
        (  # a quantity question without a unit
            [("    unit: homes\n    scopes", "    scopes"), ("      unit: homes\n", "")],
            [(37, 5, "questions[0]")],
            "needs a unit",
        ),
        (  # a scope missing where the question defines scopes
            [("      min: 450\n      scope: flooded\n", "      min: 450\n")],
            [(92, 7, "claims[1].value")],
            "scope is missing",
        ),
        (  # a resolution naming one claim twice
            [("[county-dam-breached, operator-no-breach]", "[county-dam-breached, county-dam-breached]")],
            [(142, 35, "resolutions[0].claims[1]")],
            "two different claims",
        ),
        (  # a claim contradicting itself
            [("      - claim: county-dam-breached\n", "      - claim: operator-no-breach\n")],
            [(126, 16, "claims[3].contradicts[0].claim")],
            "cannot contradict itself",
        ),
        (  # an infinite figure (.inf is a float in YAML's core schema)
            [("exactly: 300", "exactly: .inf")],
            [(75, 16, "claims[0].value.exactly")],
            "not a finite number",
        ),
        (  # a source that is a copy of itself
            [("    kind: wire\n", "    kind: wire\n    copy_of: river-wire-2024-10-21\n")],
            [(23, 14, "sources[1].copy_of")],
            "copy of itself",
        ),
        (  # until before the date the claim was made (no as_of)
            [("      answer: yes\n", "      answer: yes\n      until: 2024-10-01\n")],
            [(109, 14, "claims[2].value.until")],
            "is before the claim was made",
        ),
        (  # a number given as text with a thousands separator
            [("min: 450", 'min: "1,450"')],
            [(92, 12, "claims[1].value.min")],
            "a number written as text",
        ),
    ],
)
def test_reported(
    write, valid_text: str, pairs: list[tuple[str, str]], where: list[tuple[int, int, str]], words: str
) -> None:
    result = _run(write, _edit(valid_text, *pairs))
    assert _where(result) == where, [str(p) for p in result.problems]
    assert words in result.problems[0].message


def test_a_three_claim_supersession_cycle_is_reported_once(write, valid_text: str) -> None:
    text = _edit(
        valid_text,
        (
            "    tags: [casualties]\n",
            "    tags: [casualties]\n    supersedes:\n      - claim: county-dam-breached\n",
        ),
        (
            "    status: disputed\n  - id: operator-no-breach",
            "    status: disputed\n    supersedes:\n      - claim: county-450-homes\n"
            "  - id: operator-no-breach",
        ),
    )
    result = _run(write, text)
    (p,) = result.problems
    assert (p.line, p.col, p.field) == (87, 16, "claims[0].supersedes[0].claim")
    assert p.message.endswith(
        "county-300-homes supersedes county-dam-breached supersedes county-450-homes"
        " supersedes county-300-homes"
    )


def test_today_is_the_clock_not_source_date_epoch(
    monkeypatch: pytest.MonkeyPatch, write, valid_text: str
) -> None:
    # A build pinned to 2024-10-25 must not call the fixture's November dates "in the future".
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1729814400")
    assert default_today() == dt.date.today()
    assert load_and_validate(write(valid_text)).ok
    # Given a day explicitly, those dates are in the future.
    result = load_and_validate(write(valid_text), today=dt.date(2024, 10, 25))
    assert [p.field for p in result.problems] == [
        "dossier.updated",
        "questions[0].assessed",
        "questions[1].assessed",
        "questions[2].assessed",
    ]


def test_quotes_are_verified_when_snapshots_are_given(write, valid_text: str, tmp_path: Path) -> None:
    folder = tmp_path / "snapshots"
    folder.mkdir()
    # Short texts written for this test (the fixture's reporting is made up).
    (folder / "courier.txt").write_text(
        "Officials said about 300 homes were flooded overnight. Engineers said the dam wall was breached.",
        encoding="utf-8",
    )
    (folder / "wire.txt").write_text(
        "County officials now say at least 450 homes had been flooded. \u201cThe dam held. Only the spillway "
        "overflowed.\u201d The engineer blamed record rainfall.",
        encoding="utf-8",
    )
    text = _edit(
        valid_text,
        ("    kind: original\n", "    kind: original\n    snapshot: courier.txt\n"),
        ("    kind: wire\n", "    kind: wire\n    snapshot: wire.txt\n"),
    )
    good = _run(write, text, snapshots=folder)
    assert good.problems == [], [str(p) for p in good.problems]

    bad = _run(
        write, text.replace('"the dam wall was breached"', '"the dam wall was destroyed"'), snapshots=folder
    )
    (p,) = bad.problems
    assert (p.line, p.col, p.field) == (113, 16, "claims[2].citations[0].quote")
    assert bad.data is None
