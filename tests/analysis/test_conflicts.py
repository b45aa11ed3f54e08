"""Conflict analysis: every rule and its edges."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from fixtures.records import claim, dossier, question

from site_plugins.dossier.analysis.conflicts import Analysis, Conflict, analyse
from site_plugins.dossier.records.index import Index


def pairs(analysis: Analysis) -> list[tuple[str, str]]:
    return [(c.a, c.b) for c in analysis.conflicts]


def only(analysis: Analysis) -> Conflict:
    assert len(analysis.conflicts) == 1, analysis.conflicts
    return analysis.conflicts[0]


def quantity(claims: list[dict[str, Any]], **fields: Any) -> Analysis:
    return analyse(Index(dossier([question(**fields)], claims)))


# ---------------------------------------------------------------------------
# The Conflict record
# ---------------------------------------------------------------------------


def test_conflict_carries_both_claims_sorted_kind_why_and_status() -> None:
    result = quantity(
        [
            claim("z-low", {"exactly": 1500, "scope": "sent"}, made="2024-10-20"),
            claim("a-high", {"min": 10000, "scope": "sent"}, made="2024-10-21", actor="a2"),
        ]
    )
    conflict = only(result)
    assert conflict.id == "a-high--z-low"
    assert (conflict.a, conflict.b) == ("a-high", "z-low")
    assert conflict.question == "q"
    assert conflict.kind == "quantity"
    # the earlier claim first, whatever the order of the ids
    assert conflict.why == (
        "First Actor: 1,500 troops sent (said on 20 October 2024);"
        " Second Actor: at least 10,000 troops sent (said on 21 October 2024)."
    )
    assert conflict.status == "open"
    assert conflict.resolution is None
    assert result.by_claim["a-high"] == [conflict]
    assert result.by_claim["z-low"] == [conflict]
    assert result.by_id == {conflict.id: conflict}


def test_why_sentence_names_who_the_figures_with_unit_and_scope_and_the_dates() -> None:
    conflict = only(
        quantity(
            [
                claim("c1", {"exactly": 1500, "scope": "sent"}, made="2024-10-18"),
                claim("c2", {"exactly": 3000, "scope": "sent", "as_of": "2024-10-23"}, actor="a2"),
            ]
        )
    )
    assert conflict.why == (
        "First Actor: 1,500 troops sent (said on 18 October 2024);"
        " Second Actor: 3,000 troops sent (as of 23 October 2024)."
    )


def test_each_figure_keeps_its_own_date() -> None:
    """The figures and their dates go together, the earlier first, whichever claim's id is first
    (the two claims below, in either order in the file, read the same)."""
    planned = [
        claim("a-11000", {"exactly": 11000, "scope": "planned"}, made="2024-11", actor="a2"),
        claim("b-10000", {"exactly": 10000, "scope": "planned", "as_of": "2024-10-23"}),
    ]
    for claims in (planned, planned[::-1]):
        conflict = only(quantity(claims, scopes=["planned"], window_days=30))
        assert conflict.why == (
            "First Actor: 10,000 troops planned (as of 23 October 2024);"
            " Second Actor: 11,000 troops planned (said in November 2024)."
        )


def test_claims_without_conflicts_are_in_by_claim_with_no_conflicts() -> None:
    result = quantity(
        [claim("c1", {"exactly": 5, "scope": "sent"}), claim("c2", {"exactly": 5, "scope": "sent"})]
    )
    assert result.conflicts == []
    assert result.by_claim == {"c1": [], "c2": []}


# ---------------------------------------------------------------------------
# Quantities
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ({"exactly": 1500}, {"exactly": 3000}, True),
        ({"exactly": 3000}, {"exactly": 3000}, False),
        ({"min": 1000, "max": 2000}, {"min": 1500, "max": 3000}, False),
        # touching ranges can both hold
        ({"min": 1000, "max": 2000}, {"min": 2000, "max": 3000}, False),
        ({"exactly": 2000}, {"min": 2000}, False),
        ({"max": 2000}, {"min": 2000}, False),
        ({"max": 2000}, {"exactly": 2000}, False),
        ({"min": 1000, "max": 2000}, {"min": 2001, "max": 3000}, True),
        # open-ended ranges: at least / as many as
        ({"min": 10000}, {"min": 20000}, False),
        ({"min": 10000}, {"exactly": 1_000_000}, False),
        ({"min": 10000}, {"max": 3000}, True),
        ({"max": 3000}, {"exactly": 12000}, True),
        ({"max": 3000}, {"max": 12000}, False),
        ({"max": 3000}, {"exactly": 0}, False),
        ({"min": 10000}, {"exactly": 9999}, True),
    ],
)
def test_quantity_ranges(first: dict[str, Any], second: dict[str, Any], conflict: bool) -> None:
    result = quantity(
        [
            claim("c1", {**first, "scope": "sent"}, made="2024-10-20"),
            claim("c2", {**second, "scope": "sent"}, made="2024-10-21"),
        ]
    )
    assert bool(result.conflicts) is conflict
    assert result.pairs_compared == 1


def test_open_ended_why_sentences() -> None:
    conflict = only(
        quantity(
            [
                claim("c1", {"max": 3000, "scope": "sent"}, made="2024-10-20"),
                claim("c2", {"exactly": 12000, "scope": "sent"}, made="2024-10-23"),
            ]
        )
    )
    assert conflict.why == (
        "First Actor: as many as 3,000 troops sent (said on 20 October 2024);"
        " First Actor: 12,000 troops sent (said on 23 October 2024)."
    )
    conflict = only(
        quantity(
            [
                claim("c1", {"min": 2000, "max": 3000}, made="2024-10-20"),
                claim("c2", {"min": 10000}, made="2024-10-20"),
            ]
        )
    )
    assert conflict.why == (
        "First Actor: 2,000 to 3,000 troops; First Actor: at least 10,000 troops,"
        " both said on 20 October 2024."
    )


def test_quantities_compare_only_within_one_scope() -> None:
    result = quantity(
        [
            claim("sent", {"exactly": 1500, "scope": "sent"}),
            claim("pledged", {"exactly": 12000, "scope": "pledged"}),
            claim("none-a", {"exactly": 1}),
            claim("none-b", {"exactly": 2}),
        ]
    )
    assert pairs(result) == [("none-a", "none-b")]
    assert result.pairs_compared == 1  # scopes are separated before the sweep


def test_value_unit_is_used_in_the_sentence() -> None:
    conflict = only(
        quantity(
            [
                claim("c1", {"exactly": 1, "unit": "troops"}),
                claim("c2", {"exactly": 2, "unit": "troops"}),
            ]
        )
    )
    assert conflict.why == "First Actor: 1 troops; First Actor: 2 troops, both said on 20 October 2024."


def test_figures_without_a_number_are_left_out() -> None:
    result = quantity([claim("c1", {"scope": "sent"}), claim("c2", {"exactly": 2, "scope": "sent"})])
    assert result.conflicts == []
    assert result.pairs_compared == 0


@pytest.mark.parametrize(("days", "compared"), [(0, True), (6, True), (7, True), (8, False), (400, False)])
def test_window_boundary(days: int, compared: bool) -> None:
    later = (dt.date(2024, 10, 1) + dt.timedelta(days=days)).isoformat()
    result = quantity(
        [
            claim("c1", {"exactly": 1, "scope": "sent"}, made="2024-10-01"),
            claim("c2", {"exactly": 2, "scope": "sent"}, made=later),
        ],
        window_days=7,
    )
    assert bool(result.conflicts) is compared
    assert result.pairs_compared == int(compared)


def test_window_zero_compares_the_same_day_only() -> None:
    same = quantity([claim("c1", {"exactly": 1}), claim("c2", {"exactly": 2})], window_days=0)
    assert pairs(same) == [("c1", "c2")]
    apart = quantity(
        [claim("c1", {"exactly": 1}, made="2024-10-20"), claim("c2", {"exactly": 2}, made="2024-10-21")],
        window_days=0,
    )
    assert apart.conflicts == []


def test_as_of_date_comes_before_made_and_falls_back_to_it() -> None:
    # made months apart, but the figures describe the same week
    close = quantity(
        [
            claim("c1", {"exactly": 1, "as_of": "2024-10-20"}, made="2024-10-20"),
            claim("c2", {"exactly": 2, "as_of": "2024-10-22"}, made="2025-03-01"),
        ],
        window_days=7,
    )
    # as of: the date the figure describes, never called a gap in reporting
    assert only(close).why == (
        "First Actor: 1 troops (as of 20 October 2024); First Actor: 2 troops (as of 22 October 2024)."
    )
    # made the same day, but about dates far apart
    far = quantity(
        [
            claim("c1", {"exactly": 1, "as_of": "2024-01-01"}, made="2024-10-20"),
            claim("c2", {"exactly": 2}, made="2024-10-20"),
        ],
        window_days=7,
    )
    assert far.conflicts == []


def test_partial_dates_compare_when_they_could_be_close() -> None:
    month = quantity(
        [
            claim("c1", {"exactly": 1}, made="2024-10"),
            claim("c2", {"exactly": 2}, made="2024-10-31"),
        ],
        window_days=0,
    )
    assert only(month).why == (
        "First Actor: 1 troops (said in October 2024); First Actor: 2 troops (said on 31 October 2024)."
    )
    both = quantity([claim("c1", {"exactly": 1}, made="2024"), claim("c2", {"exactly": 2}, made="2024")])
    assert only(both).why == "First Actor: 1 troops; First Actor: 2 troops, both said in 2024."
    as_of_month = quantity(
        [
            claim("c1", {"exactly": 1, "as_of": "2024-10"}, made="2024-10-31"),
            claim("c2", {"exactly": 2, "as_of": "2024-10"}, made="2024-11-02"),
        ]
    )
    assert only(as_of_month).why == ("First Actor: 1 troops; First Actor: 2 troops, both as of October 2024.")
    too_far = quantity(
        [claim("c1", {"exactly": 1}, made="2024-09"), claim("c2", {"exactly": 2}, made="2024-10-20")],
        window_days=7,
    )
    assert too_far.conflicts == []
    edge = quantity(
        [claim("c1", {"exactly": 1}, made="2024-09"), claim("c2", {"exactly": 2}, made="2024-10-07")],
        window_days=7,
    )
    assert pairs(edge) == [("c1", "c2")]


# -- counts that only grow --------------------------------------------------------------


def grows(claims: list[dict[str, Any]], growth: float | None = None, window: int = 30) -> Analysis:
    fields: dict[str, Any] = {"only_grows": True, "window_days": window}
    if growth is not None:
        fields["max_growth_per_day"] = growth
    return quantity(claims, **fields)


def test_growing_count_later_higher_is_no_conflict() -> None:
    result = grows(
        [
            claim("early", {"exactly": 1500}, made="2024-10-10"),
            claim("late", {"min": 10000}, made="2024-10-20"),
        ]
    )
    assert result.conflicts == []
    assert result.pairs_compared == 1


def test_growing_count_later_lower_is_a_conflict() -> None:
    conflict = only(
        grows(
            [
                claim("early", {"exactly": 10000}, made="2024-10-10"),
                claim("late", {"exactly": 3000}, made="2024-10-20"),
            ]
        )
    )
    assert conflict.why == (
        "First Actor: 10,000 troops (said on 10 October 2024);"
        " First Actor: 3,000 troops (said on 20 October 2024), but the count can only grow."
    )


def test_growing_count_later_maximum_below_earlier_minimum() -> None:
    assert pairs(
        grows(
            [
                claim("early", {"min": 10000}, made="2024-10-10"),
                claim("late", {"max": 3000}, made="2024-10-20"),
            ]
        )
    ) == [("early", "late")]
    # a later maximum above the earlier minimum can still hold
    assert (
        grows(
            [
                claim("early", {"min": 10000}, made="2024-10-10"),
                claim("late", {"max": 12000}, made="2024-10-20"),
            ]
        ).conflicts
        == []
    )
    # an earlier figure lower than a later maximum is fine
    assert (
        grows(
            [
                claim("early", {"exactly": 1000}, made="2024-10-10"),
                claim("late", {"max": 3000}, made="2024-10-20"),
            ]
        ).conflicts
        == []
    )


def test_growing_count_same_day_figures_compare_directly() -> None:
    conflict = only(
        grows(
            [
                claim("c1", {"exactly": 1500}, made="2024-10-10"),
                claim("c2", {"min": 10000}, made="2024-10-10"),
            ]
        )
    )
    assert conflict.why == (
        "First Actor: 1,500 troops; First Actor: at least 10,000 troops, both said on 10 October 2024."
    )


def test_growing_count_with_a_growth_limit() -> None:
    at_limit = grows(
        [
            claim("early", {"exactly": 1000}, made="2024-10-10"),
            claim("late", {"exactly": 1500}, made="2024-10-15"),
        ],
        growth=100,
    )
    assert at_limit.conflicts == []
    beyond = only(
        grows(
            [
                claim("early", {"exactly": 1000}, made="2024-10-10"),
                claim("late", {"exactly": 1501}, made="2024-10-15"),
            ],
            growth=100,
        )
    )
    assert beyond.why == (
        "First Actor: 1,000 troops (said on 10 October 2024); First Actor: 1,501 troops"
        " (said on 15 October 2024), more than the count can grow at 100 troops a day."
    )
    # an open-ended later figure can always be low enough
    assert (
        grows(
            [
                claim("early", {"exactly": 1000}, made="2024-10-10"),
                claim("late", {"max": 1_000_000}, made="2024-10-11"),
            ],
            growth=100,
        ).conflicts
        == []
    )
    # an open-ended earlier figure can always be high enough
    assert (
        grows(
            [
                claim("early", {"min": 1000}, made="2024-10-10"),
                claim("late", {"exactly": 1_000_000}, made="2024-10-11"),
            ],
            growth=100,
        ).conflicts
        == []
    )


def test_growing_count_without_a_limit_may_grow_any_amount() -> None:
    result = grows(
        [
            claim("early", {"exactly": 1}, made="2024-10-10"),
            claim("late", {"exactly": 1_000_000}, made="2024-10-11"),
        ]
    )
    assert result.conflicts == []


def test_growing_count_with_partial_dates_that_could_come_in_either_order() -> None:
    # October's figure may be dated after 15 October, when 10,000 can follow 3,000
    result = grows(
        [
            claim("month", {"min": 10000}, made="2024-10"),
            claim("day", {"max": 3000}, made="2024-10-15"),
        ]
    )
    assert result.conflicts == []
    # but not when the month lies wholly before the day
    result = grows(
        [
            claim("month", {"min": 10000}, made="2024-09"),
            claim("day", {"max": 3000}, made="2024-10-15"),
        ],
        window=60,
    )
    assert pairs(result) == [("day", "month")]


# ---------------------------------------------------------------------------
# Yes-no
# ---------------------------------------------------------------------------


def yes_no(claims: list[dict[str, Any]], **fields: Any) -> Analysis:
    q = question(kind="yes-no", text="Are North Korean troops in Russia?", **fields)
    return analyse(Index(dossier([q], claims)))


def test_opposite_answers_conflict() -> None:
    conflict = only(
        yes_no(
            [
                claim("confirm", {"answer": "yes"}, made="2024-10-20"),
                claim("deny", {"answer": "no"}, made="2024-10-23"),
            ]
        )
    )
    assert conflict.kind == "yes-no"
    assert conflict.why == (
        "On 'Are North Korean troops in Russia?', First Actor: yes (said on 20 October 2024);"
        " First Actor: no (said on 23 October 2024)."
    )
    same_day = only(yes_no([claim("a", {"answer": "no"}), claim("b", {"answer": "yes"}, actor="a2")]))
    assert same_day.why == (
        "On 'Are North Korean troops in Russia?', First Actor: no; Second Actor: yes,"
        " both said on 20 October 2024."
    )
    # the same date, once as the date made and once as the date described: both are shown
    mixed = only(yes_no([claim("a", {"answer": "no"}), claim("b", {"answer": "yes", "as_of": "2024-10-20"})]))
    assert mixed.why == (
        "On 'Are North Korean troops in Russia?', First Actor: no (said on 20 October 2024);"
        " First Actor: yes (as of 20 October 2024)."
    )


def test_same_answers_are_never_compared() -> None:
    result = yes_no([claim(f"c{i}", {"answer": "yes"}) for i in range(20)])
    assert result.conflicts == []
    assert result.pairs_compared == 0


def test_yes_no_outside_the_window() -> None:
    result = yes_no(
        [
            claim("confirm", {"answer": "yes"}, made="2024-10-01"),
            claim("deny", {"answer": "no"}, made="2024-10-16"),
        ]
    )  # default window: 14 days
    assert result.conflicts == []
    result = yes_no(
        [
            claim("confirm", {"answer": "yes"}, made="2024-10-01"),
            claim("deny", {"answer": "no"}, made="2024-10-15"),
        ]
    )
    assert pairs(result) == [("confirm", "deny")]


def test_yes_no_overlapping_periods_conflict_whatever_the_window() -> None:
    conflict = only(
        yes_no(
            [
                claim(
                    "there",
                    {"answer": "yes", "as_of": "2024-10-01", "until": "2024-10-31"},
                    made="2024-11-01",
                ),
                claim("not-there", {"answer": "no", "as_of": "2024-10-20"}, made="2024-10-20"),
            ],
            window_days=0,
        )
    )
    assert conflict.why == (
        "On 'Are North Korean troops in Russia?', First Actor: yes, until 31 October 2024"
        " (as of 1 October 2024); First Actor: no (as of 20 October 2024)."
    )


def test_yes_no_period_that_ended_long_before() -> None:
    result = yes_no(
        [
            claim("there", {"answer": "yes", "as_of": "2024-09-01", "until": "2024-09-05"}),
            claim("gone", {"answer": "no", "as_of": "2024-10-20"}),
        ]
    )
    assert result.conflicts == []


# ---------------------------------------------------------------------------
# Choices
# ---------------------------------------------------------------------------

OPTIONS = [
    {"id": "combat", "label": "combat"},
    {"id": "labour", "label": "labour only", "excludes": ["combat"]},
    {"id": "training", "label": "training"},
    {"id": "engineers", "label": "engineers"},
]


def choice(claims: list[dict[str, Any]], **fields: Any) -> Analysis:
    return analyse(Index(dossier([question(kind="choice", options=OPTIONS, **fields)], claims)))


def test_single_answer_choice_different_options_conflict() -> None:
    conflict = only(choice([claim("c1", {"option": "combat"}), claim("c2", {"option": "labour"})]))
    assert conflict.kind == "choice"
    assert conflict.why == (
        "On 'Question q?', First Actor: 'combat'; First Actor: 'labour only', both said on 20 October 2024."
    )


def test_single_answer_choice_same_option_and_outside_window() -> None:
    assert choice([claim("c1", {"option": "combat"}), claim("c2", {"option": "combat"})]).conflicts == []
    apart = choice(
        [
            claim("c1", {"option": "combat"}, made="2024-10-01"),
            claim("c2", {"option": "training"}, made="2024-12-01"),
        ]
    )
    assert apart.conflicts == []
    assert apart.pairs_compared == 0


def test_multiple_answer_choice_conflicts_only_on_exclusions() -> None:
    result = choice(
        [
            claim("c1", {"option": "combat"}),
            claim("c2", {"option": "training"}),
            claim("c3", {"option": "engineers"}),
        ],
        multiple=True,
    )
    assert result.conflicts == []
    # excludes is written on 'labour' only, but works in both directions
    result = choice(
        [
            claim("c1", {"option": "combat"}),
            claim("c2", {"option": "labour"}),
            claim("c3", {"option": "training"}),
        ],
        multiple=True,
    )
    assert pairs(result) == [("c1", "c2")]
    assert only(result).why == (
        "On 'Question q?', First Actor: 'combat'; First Actor: 'labour only',"
        " both said on 20 October 2024, answers that exclude each other."
    )
    result = choice(
        [
            claim("c2", {"option": "labour"}, made="2024-10-20"),
            claim("c1", {"option": "combat"}, made="2024-10-21"),
        ],
        multiple=True,
    )
    assert pairs(result) == [("c1", "c2")]


def test_exclusions_written_on_both_sides_give_one_conflict() -> None:
    options = [
        {"id": "combat", "label": "combat", "excludes": ["labour"]},
        {"id": "labour", "label": "labour only", "excludes": ["combat"]},
    ]
    q = question(kind="choice", options=options, multiple=True)
    result = analyse(
        Index(dossier([q], [claim("c1", {"option": "combat"}), claim("c2", {"option": "labour"})]))
    )
    assert pairs(result) == [("c1", "c2")]
    assert result.pairs_compared == 1


def test_multiple_answer_choice_without_exclusions_compares_nothing() -> None:
    options = [{"id": "x", "label": "x"}, {"id": "y", "label": "y"}]
    q = question(kind="choice", options=options, multiple=True)
    result = analyse(Index(dossier([q], [claim("c1", {"option": "x"}), claim("c2", {"option": "y"})])))
    assert result.conflicts == []
    assert result.pairs_compared == 0


# ---------------------------------------------------------------------------
# Declared links
# ---------------------------------------------------------------------------


def test_declared_links_count_whatever_the_dates() -> None:
    result = quantity(
        [
            claim(
                "c1",
                {"exactly": 1},
                made="2020-01-01",
                contradicts=[{"claim": "c2", "note": "The ministry denies the earlier count"}],
            ),
            claim("c2", {"exactly": 1}, made="2024-10-20"),
        ]
    )
    conflict = only(result)
    assert conflict.kind == "declared"
    assert conflict.why == "The ministry denies the earlier count."
    assert result.pairs_compared == 0


def test_declared_from_both_sides_is_one_conflict_with_the_note_of_the_smaller_id() -> None:
    """Not the first in the file: the order of the claims never changes what the table says."""
    claims = [
        claim("c2", {"exactly": 1}, contradicts=[{"claim": "c1", "note": "The note of c2."}]),
        claim("c1", {"exactly": 1}, contradicts=[{"claim": "c2", "note": "The note of c1."}]),
    ]
    for order in (claims, claims[::-1]):
        conflict = only(quantity(order))
        assert (conflict.id, conflict.why) == ("c1--c2", "The note of c1.")


def test_declared_without_a_note() -> None:
    result = quantity(
        [claim("c1", {"exactly": 1}, contradicts=[{"claim": "c2"}]), claim("c2", {"exactly": 1})]
    )
    assert only(result).why == "Editors marked these claims as contradicting each other."
    # a later note fills in for a missing one
    result = quantity(
        [
            claim("c1", {"exactly": 1}, contradicts=[{"claim": "c2"}]),
            claim("c2", {"exactly": 1}, contradicts=[{"claim": "c1", "note": "Why."}]),
        ]
    )
    assert only(result).why == "Why."


def test_declared_link_replaces_a_detected_conflict_of_the_same_pair() -> None:
    result = quantity(
        [
            claim("c1", {"exactly": 1}, contradicts=[{"claim": "c2", "note": "Editors say so."}]),
            claim("c2", {"exactly": 2}),
        ]
    )
    conflict = only(result)
    assert (conflict.kind, conflict.why) == ("declared", "Editors say so.")


def test_declared_link_across_questions_is_listed_under_the_first_claims_question() -> None:
    data = dossier(
        [question("q"), question("other", kind="yes-no")],
        [
            claim("z", {"exactly": 1}, contradicts=[{"claim": "b"}]),
            claim("b", {"answer": "yes"}, question="other"),
        ],
    )
    conflict = only(analyse(Index(data)))
    assert (conflict.a, conflict.question) == ("b", "other")


# ---------------------------------------------------------------------------
# Supersession, retraction, editors' resolutions
# ---------------------------------------------------------------------------


def test_superseded_pair_is_no_conflict() -> None:
    result = quantity(
        [
            claim("old", {"exactly": 1500}, status="superseded"),
            claim("new", {"exactly": 3000}, supersedes=[{"claim": "old"}]),
        ]
    )
    assert result.conflicts == []
    # even when an editor also declared them contradictory
    result = quantity(
        [
            claim("old", {"exactly": 1500}, contradicts=[{"claim": "new"}]),
            claim("new", {"exactly": 3000}, supersedes=[{"claim": "old"}]),
        ]
    )
    assert result.conflicts == []


def test_supersession_chain() -> None:
    result = quantity(
        [
            claim("first", {"exactly": 1000}),
            claim("second", {"exactly": 2000}, supersedes=[{"claim": "first"}]),
            claim("third", {"exactly": 3000}, supersedes=[{"claim": "second"}]),
        ]
    )
    assert result.conflicts == []


def test_supersession_loop_does_not_hang() -> None:
    result = quantity(
        [
            claim("c1", {"exactly": 1}, supersedes=[{"claim": "c2"}]),
            claim("c2", {"exactly": 2}, supersedes=[{"claim": "c3"}]),
            claim("c3", {"exactly": 3}, supersedes=[{"claim": "c1"}]),
            claim("c4", {"exactly": 4}),
        ]
    )
    assert pairs(result) == [("c1", "c4"), ("c2", "c4"), ("c3", "c4")]


def test_conflict_with_a_superseded_claim_is_resolved() -> None:
    result = quantity(
        [
            claim("old", {"exactly": 1500}, status="superseded"),
            claim("new", {"exactly": 1500}, supersedes=[{"claim": "old"}]),
            claim("other", {"exactly": 9000}, actor="a2"),
        ]
    )
    by_id = {c.id: c for c in result.conflicts}
    assert by_id["new--other"].status == "open"
    assert by_id["old--other"].status == "resolved"
    assert by_id["old--other"].resolution == "Claim old was superseded by claim new."


def test_superseded_status_without_a_successor() -> None:
    result = quantity([claim("old", {"exactly": 1}, status="superseded"), claim("x", {"exactly": 2})])
    assert only(result).resolution == "Claim old was superseded."


def test_conflict_with_a_retracted_claim_is_resolved() -> None:
    conflict = only(quantity([claim("c1", {"exactly": 1}, status="retracted"), claim("c2", {"exactly": 2})]))
    assert (conflict.status, conflict.resolution) == ("resolved", "Claim c1 was retracted.")


def test_editor_resolution_sets_status_and_note_for_either_order() -> None:
    claims = [claim("c1", {"exactly": 1}), claim("c2", {"exactly": 2}), claim("c3", {"exactly": 3})]
    data = dossier(
        [question()],
        claims,
        resolutions=[
            {"claims": ["c2", "c1"], "status": "resolved", "note": "The lower figure counted only one unit."},
            {"claims": ["c1", "c3"], "status": "open", "note": "Waiting for confirmation."},
        ],
    )
    by_id = analyse(Index(data)).by_id
    assert (by_id["c1--c2"].status, by_id["c1--c2"].resolution) == (
        "resolved",
        "The lower figure counted only one unit.",
    )
    assert (by_id["c1--c3"].status, by_id["c1--c3"].resolution) == ("open", "Waiting for confirmation.")
    assert (by_id["c2--c3"].status, by_id["c2--c3"].resolution) == ("open", None)


def test_editor_resolution_overrides_retraction() -> None:
    data = dossier(
        [question()],
        [claim("c1", {"exactly": 1}, status="retracted"), claim("c2", {"exactly": 2})],
        resolutions=[
            {"claims": ["c1", "c2"], "status": "open", "note": "The retraction is itself disputed."}
        ],
    )
    conflict = only(analyse(Index(data)))
    assert (conflict.status, conflict.resolution) == ("open", "The retraction is itself disputed.")


def test_resolution_of_a_pair_that_does_not_conflict_adds_nothing() -> None:
    data = dossier(
        [question()],
        [claim("c1", {"exactly": 1}), claim("c2", {"exactly": 1})],
        resolutions=[{"claims": ["c1", "c2"], "status": "resolved", "note": "n"}],
    )
    assert analyse(Index(data)).conflicts == []


# ---------------------------------------------------------------------------
# Order, determinism, scale
# ---------------------------------------------------------------------------


def test_order_is_question_order_then_claim_ids() -> None:
    data = dossier(
        [question("second", kind="yes-no"), question("first")],
        [
            claim("q-b", {"exactly": 1}, question="first"),
            claim("q-a", {"exactly": 2}, question="first"),
            claim("q-c", {"exactly": 3}, question="first"),
            claim("y-2", {"answer": "no"}, question="second"),
            claim("y-1", {"answer": "yes"}, question="second"),
        ],
    )
    result = analyse(Index(data))
    assert [c.id for c in result.conflicts] == ["y-1--y-2", "q-a--q-b", "q-a--q-c", "q-b--q-c"]
    assert [c.id for c in result.by_claim["q-a"]] == ["q-a--q-b", "q-a--q-c"]


def random_dossier(seed: int, n: int, days: int, window: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    start = dt.date(2024, 1, 1)
    claims = []
    for i in range(n):
        day = start + dt.timedelta(days=rng.randrange(days))
        kind = rng.choice(["q", "yn", "ch"])
        if kind == "q":
            low = rng.randrange(0, 20) * 500
            value: dict[str, Any] = rng.choice(
                [{"exactly": low}, {"min": low}, {"max": low + 500}, {"min": low, "max": low + 1500}]
            )
            value["scope"] = rng.choice(["sent", "pledged"])
        elif kind == "yn":
            value = {"answer": rng.choice(["yes", "no"])}
        else:
            value = {"option": rng.choice(["combat", "labour", "training"])}
        made = day.isoformat() if rng.random() > 0.1 else day.isoformat()[:7]
        claims.append(claim(f"c{i:05d}", value, made=made, question=kind))
    return claims


def random_questions(window: int, **quantity_fields: Any) -> list[dict[str, Any]]:
    return [
        question("q", window_days=window, **quantity_fields),
        question("yn", kind="yes-no", window_days=window),
        question("ch", kind="choice", options=OPTIONS, window_days=window),
    ]


@pytest.mark.parametrize(
    "quantity_fields", [{}, {"only_grows": True}, {"only_grows": True, "max_growth_per_day": 50}]
)
def test_sweep_finds_exactly_what_comparing_every_pair_finds(quantity_fields: dict[str, Any]) -> None:
    """The sweep only skips pairs that cannot conflict: checked against all pairs, two at a time."""
    claims = random_dossier(seed=4, n=90, days=60, window=5)
    data = dossier(random_questions(5, **quantity_fields), claims)
    swept = {(c.a, c.b): c.why for c in analyse(Index(data)).conflicts}
    assert swept  # the data has conflicts to find
    every_pair: dict[tuple[str, str], str] = {}
    for i, x in enumerate(data.claims):
        for y in data.claims[i + 1 :]:
            if x.question != y.question:
                continue
            for c in analyse(Index(data.model_copy(update={"claims": [x, y]}))).conflicts:
                every_pair[(c.a, c.b)] = c.why
    assert swept == every_pair


def test_result_does_not_depend_on_the_order_of_the_claims() -> None:
    claims = random_dossier(seed=9, n=150, days=40, window=3)
    shuffled = list(claims)
    random.Random(1).shuffle(shuffled)
    one = analyse(Index(dossier(random_questions(3), claims)))
    two = analyse(Index(dossier(random_questions(3), shuffled)))
    assert one.conflicts == two.conflicts
    assert one.pairs_compared == two.pairs_compared


def test_pairs_compared_stays_far_below_all_pairs() -> None:
    n = 2000
    claims = random_dossier(seed=1, n=n, days=365, window=7)
    result = analyse(Index(dossier(random_questions(7), claims)))
    all_pairs = n * (n - 1) // 2
    assert result.conflicts
    assert 0 < result.pairs_compared < all_pairs // 20


def test_pairs_compared_grows_linearly_with_claims_at_a_constant_density() -> None:
    small = analyse(Index(dossier(random_questions(7), random_dossier(seed=2, n=500, days=100, window=7))))
    large = analyse(Index(dossier(random_questions(7), random_dossier(seed=2, n=2000, days=400, window=7))))
    assert large.pairs_compared < small.pairs_compared * 6  # 4x the claims; all pairs would be 16x


def test_declared_note_becomes_one_tidy_sentence() -> None:
    result = quantity(
        [
            claim("c1", {"exactly": 1}, contradicts=[{"claim": "c2", "note": "  the two counts\n differ  "}]),
            claim("c2", {"exactly": 1}),
        ]
    )
    assert only(result).why == "The two counts differ."
