"""What the value model says beyond a figure at a date: totals for a fixed period, and yes-no
questions whose answer can change only one way. Their rules and their why-sentences."""

from __future__ import annotations

from typing import Any

import pytest
from fixtures.records import claim, dossier, question

from site_plugins.dossier.analysis.conflicts import Analysis, Conflict, analyse
from site_plugins.dossier.records.index import Index


def only(analysis: Analysis) -> Conflict:
    assert len(analysis.conflicts) == 1, analysis.conflicts
    return analysis.conflicts[0]


# ---------------------------------------------------------------------------
# Figures for a period
# ---------------------------------------------------------------------------

WEEK_1 = {"start": "2024-10-01", "end": "2024-10-07"}
WEEK_2 = {"start": "2024-10-08", "end": "2024-10-14"}
OCTOBER = {"start": "2024-10", "end": "2024-10"}


def culled(claims: list[dict[str, Any]], **fields: Any) -> Analysis:
    q = question(unit="birds", scopes=["culled"], **fields)
    return analyse(Index(dossier([q], claims)))


def total(cid: str, figure: dict[str, Any], period: dict[str, str], **fields: Any) -> dict[str, Any]:
    return claim(cid, {**figure, "scope": "culled", "period": period}, **fields)


def test_two_totals_for_the_same_period_must_meet() -> None:
    conflict = only(
        culled(
            [
                total("ministry", {"exactly": 1200}, WEEK_1, made="2024-10-08"),
                total("farmers", {"min": 3000}, WEEK_1, made="2024-12-01", actor="a2"),
            ]
        )
    )
    # made months apart, beyond the window: the period is what they describe
    assert conflict.why == (
        "First Actor: 1,200 birds culled; Second Actor: at least 3,000 birds culled,"
        " both from 1 to 7 October 2024."
    )
    assert (
        culled(
            [total("a", {"exactly": 1200}, WEEK_1), total("b", {"min": 1000, "max": 1500}, WEEK_1)]
        ).conflicts
        == []
    )


def test_a_part_of_a_period_cannot_count_more_than_the_whole() -> None:
    conflict = only(
        culled(
            [
                total("month", {"max": 1000}, OCTOBER, made="2024-11-02", actor="a2"),
                total("week", {"exactly": 1200}, WEEK_1, made="2024-10-08"),
            ]
        )
    )
    assert conflict.why == (
        "First Actor: 1,200 birds culled (from 1 to 7 October 2024); Second Actor: as many as"
        " 1,000 birds culled (in October 2024), more for part of a period than for the whole of it."
    )
    # the whole may count more than its part, or as much
    for figure in ({"exactly": 5000}, {"exactly": 1200}, {"min": 900}):
        assert (
            culled([total("month", figure, OCTOBER), total("week", {"exactly": 1200}, WEEK_1)]).conflicts
            == []
        )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (WEEK_1, WEEK_2),  # one after the other: different totals are no contradiction
        (WEEK_1, {"start": "2024-10-04", "end": "2024-10-10"}),  # overlapping, neither inside the other
    ],
)
def test_periods_that_do_not_nest_say_nothing_about_each_other(
    first: dict[str, str], second: dict[str, str]
) -> None:
    result = culled([total("a", {"exactly": 10}, first), total("b", {"exactly": 99999}, second)])
    assert result.conflicts == []


def test_totals_for_a_period_and_figures_as_of_a_date_are_never_compared() -> None:
    result = culled(
        [
            total("week", {"exactly": 1200}, WEEK_1, made="2024-10-08"),
            claim("so-far", {"exactly": 50, "scope": "culled"}, made="2024-10-08"),
        ]
    )
    assert result.conflicts == []
    assert result.pairs_compared == 0


def test_periods_are_compared_only_when_they_overlap() -> None:
    weeks = [
        total(f"w{n}", {"exactly": n}, {"start": f"2024-{m:02d}-01", "end": f"2024-{m:02d}-07"})
        for n, m in enumerate(range(1, 13))
    ]
    assert culled(weeks, window_days=3650).pairs_compared == 0  # the window is for as-of dates


def test_a_growing_count_does_not_apply_to_totals_for_a_period() -> None:
    result = culled(
        [total("a", {"exactly": 1200}, WEEK_1), total("b", {"exactly": 900}, WEEK_1)], only_grows=True
    )
    assert [c.why for c in result.conflicts] == [
        "First Actor: 1,200 birds culled; First Actor: 900 birds culled, both from 1 to 7 October 2024."
    ]


# ---------------------------------------------------------------------------
# One-way yes-no questions
# ---------------------------------------------------------------------------

TEXT = "Has the flood reached the capital?"


def reached(claims: list[dict[str, Any]], one_way: str | None = "no-to-yes", **fields: Any) -> Analysis:
    if one_way:
        fields["one_way"] = one_way
    return analyse(Index(dossier([question(kind="yes-no", text=TEXT, **fields)], claims)))


def test_no_before_yes_is_a_change_not_a_contradiction() -> None:
    claims = [
        claim("not-yet", {"answer": "no"}, made="2024-10-01"),
        claim("arrived", {"answer": "yes"}, made="2024-10-03", actor="a2"),
    ]
    assert reached(claims).conflicts == []
    # without one_way, the same two claims conflict
    assert len(reached(claims, one_way=None).conflicts) == 1


def test_yes_before_no_still_conflicts() -> None:
    conflict = only(
        reached(
            [
                claim("arrived", {"answer": "yes"}, made="2024-10-01"),
                claim("not-yet", {"answer": "no"}, made="2024-10-03", actor="a2"),
            ]
        )
    )
    assert conflict.why == (
        f"On '{TEXT}', First Actor: yes (said on 1 October 2024); Second Actor: no"
        " (said on 3 October 2024), but once yes, the answer cannot go back to no."
    )


def test_opposite_answers_on_the_same_day_conflict() -> None:
    conflict = only(reached([claim("a", {"answer": "no"}), claim("b", {"answer": "yes"}, actor="a2")]))
    assert conflict.why == (
        f"On '{TEXT}', First Actor: no; Second Actor: yes, both said on 20 October 2024,"
        " but once yes, the answer cannot go back to no."
    )


def test_a_no_that_lasts_into_the_yes_conflicts() -> None:
    no_until = {"answer": "no", "as_of": "2024-10-01", "until": "2024-10-10"}
    assert (
        len(
            reached([claim("no", no_until), claim("yes", {"answer": "yes", "as_of": "2024-10-05"})]).conflicts
        )
        == 1
    )
    assert (
        reached([claim("no", no_until), claim("yes", {"answer": "yes", "as_of": "2024-10-11"})]).conflicts
        == []
    )


@pytest.mark.parametrize(
    ("no_made", "yes_made", "conflict"),
    [
        ("2024-10", "2024-10-15", False),  # the no, some day in October, may come first
        ("2024-10-15", "2024-10", False),  # the yes, some day in October, may come later
        ("2024-10-31", "2024-10", True),  # the yes can come no later than the no
    ],
)
def test_partial_dates_conflict_only_when_no_reading_allows_the_change(
    no_made: str, yes_made: str, conflict: bool
) -> None:
    claims = [claim("no", {"answer": "no"}, made=no_made), claim("yes", {"answer": "yes"}, made=yes_made)]
    assert bool(reached(claims).conflicts) is conflict


def test_yes_to_no_runs_the_other_way() -> None:
    standing = [
        claim("standing", {"answer": "yes"}, made="2024-10-01"),
        claim("fallen", {"answer": "no"}, made="2024-10-03"),
    ]
    assert reached(standing, one_way="yes-to-no").conflicts == []
    back = [
        claim("fallen", {"answer": "no"}, made="2024-10-01"),
        claim("standing", {"answer": "yes"}, made="2024-10-03"),
    ]
    assert only(reached(back, one_way="yes-to-no")).why.endswith(
        ", but once no, the answer cannot go back to yes."
    )


def test_one_way_keeps_the_window() -> None:
    far = [
        claim("arrived", {"answer": "yes"}, made="2024-10-01"),
        claim("not-yet", {"answer": "no"}, made="2024-11-01"),
    ]
    assert reached(far).conflicts == []  # 31 days apart, beyond the default 14
    assert len(reached(far, window_days=60).conflicts) == 1
