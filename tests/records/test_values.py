"""How values, numbers and dates read: one wording for pages, tables, charts and why-sentences."""

from __future__ import annotations

import math
from typing import Any

import pytest
from fixtures.records import question

from site_plugins.dossier.records.model import Period, Question, Value
from site_plugins.dossier.records.values import (
    figure_text,
    format_date,
    format_number,
    format_value,
    period_text,
    quantity_bounds,
    said_text,
)


def q(**fields: Any) -> Question:
    return Question.model_validate(question(**fields))


CHOICE = q(kind="choice", options=[{"id": "combat", "label": "Fighting at the front"}])


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (0, "0"),
        (1500, "1,500"),
        (1500.0, "1,500"),
        (10000, "10,000"),
        (1_250_000, "1,250,000"),
        (2.5, "2.5"),
        (1234.125, "1,234.12"),
        (math.inf, "unlimited"),
    ],
)
def test_format_number(number: float, text: str) -> None:
    assert format_number(number) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ({"exactly": 1500}, "1,500"),
        ({"min": 10000}, "at least 10,000"),
        ({"max": 3000}, "as many as 3,000"),
        ({"min": 2000, "max": 3000}, "2,000 to 3,000"),
        ({"min": 3000, "max": 3000}, "3,000"),
        ({}, "no figure"),
    ],
)
def test_figure_text(value: dict[str, Any], text: str) -> None:
    assert figure_text(Value.model_validate(value)) == text


@pytest.mark.parametrize(
    ("value", "bounds"),
    [
        ({"exactly": 5}, (5.0, 5.0)),
        ({"min": 5}, (5.0, math.inf)),
        ({"max": 5}, (0.0, 5.0)),
        ({"min": 1, "max": 5}, (1.0, 5.0)),
        ({"scope": "sent"}, None),
    ],
)
def test_quantity_bounds(value: dict[str, Any], bounds: tuple[float, float] | None) -> None:
    assert quantity_bounds(Value.model_validate(value)) == bounds


def test_format_value_for_each_kind() -> None:
    troops = q()
    assert format_value(Value(min=10000, scope="sent"), troops) == "at least 10,000 troops sent"
    assert format_value(Value(min=10000, scope="sent"), troops, with_scope=False) == "at least 10,000 troops"
    assert format_value(Value(exactly=1500, scope="in-kursk"), troops) == "1,500 troops in kursk"
    assert format_value(Value(max=3000, unit="soldiers"), troops) == "as many as 3,000 soldiers"
    assert format_value(Value(exactly=3), q(unit=None)) == "3"
    yes_no = q(kind="yes-no")
    assert format_value(Value.model_validate({"answer": "yes"}), yes_no) == "yes"
    assert format_value(Value.model_validate({"answer": "no", "until": "2024-11"}), yes_no) == (
        "no, until November 2024"
    )
    assert format_value(Value(), yes_no) == "no answer"
    assert format_value(Value(option="combat"), CHOICE) == "Fighting at the front"
    assert format_value(Value(option="unlisted"), CHOICE) == "unlisted"
    assert format_value(Value(option="combat"), None) == "combat"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2024-10-23", "23 October 2024"),
        ("2024-01-01", "1 January 2024"),
        ("2024-10", "October 2024"),
        ("2024", "2024"),
        ("2024-13", "2024-13"),
        ("2024-02-30", "2024-02-30"),
        ("soon", "soon"),
    ],
)
def test_format_date(text: str, words: str) -> None:
    assert format_date(text) == words


@pytest.mark.parametrize(
    ("made", "words"),
    [
        ("2024-10-23", "said on 23 October 2024"),
        ("2024-10", "said in October 2024"),
        ("2024", "said in 2024"),
    ],
)
def test_said_text_says_on_a_day_and_in_a_month_or_a_year(made: str, words: str) -> None:
    assert said_text(made) == words


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        ("2024-10-01", "2024-10-07", "from 1 to 7 October 2024"),
        ("2024-09-30", "2024-10-06", "from 30 September to 6 October 2024"),
        ("2024-12-30", "2025-01-05", "from 30 December 2024 to 5 January 2025"),
        ("2024-10", "2024-10", "in October 2024"),
        ("2024-10-03", "2024-10-03", "on 3 October 2024"),
        ("2024-10", "2025-03", "from October 2024 to March 2025"),
        ("2024-10", "2024-10-15", "from October 2024 to 15 October 2024"),
    ],
)
def test_period_text(start: str, end: str, words: str) -> None:
    assert period_text(Period(start=start, end=end)) == words


def test_a_figure_for_a_period_reads_with_its_period() -> None:
    value = Value(exactly=1200, scope="sent", period=Period(start="2024-10-01", end="2024-10-07"))
    assert format_value(value, q()) == "1,200 troops sent from 1 to 7 October 2024"
    assert format_value(value, q(), with_period=False) == "1,200 troops sent"
