"""How values, numbers and dates read on the site, in tables, charts and why-sentences.

One place for the wording, so that a claim's value reads the same on its page, in the
contradiction table, in a chart's table and in the downloads. No MkDocs import.
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
from collections import defaultdict
from collections.abc import Callable, Iterable

from .model import Period, Question, QuestionKind, Value

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

#: The range a quantity value stands for when only its upper bound is known starts here.
FLOOR = 0.0


@functools.lru_cache(maxsize=4096)
def format_number(number: float) -> str:
    """A number with thousands separators: 1500 -> '1,500', 2.5 -> '2.5'."""
    if math.isinf(number):
        return "unlimited"
    if float(number).is_integer():
        return f"{int(number):,}"
    return f"{number:,.2f}".rstrip("0").rstrip(".")


def scope_words(scope: str | None) -> str:
    """A scope id as words: 'in-hospital' -> 'in hospital'."""
    return scope.replace("-", " ") if scope else ""


def quantity_bounds(value: Value) -> tuple[float, float] | None:
    """The interval a quantity value allows: exactly x -> [x, x]; at least m -> [m, inf);
    as many as M -> [0, M]; min and max -> [min, max]. None when the value has no figure."""
    if value.exactly is not None:
        return float(value.exactly), float(value.exactly)
    if value.min is None and value.max is None:
        return None
    low = float(value.min) if value.min is not None else FLOOR
    high = float(value.max) if value.max is not None else math.inf
    return low, high


def stated_figures(value: Value) -> list[float]:
    """The figures a value states: its exact figure, its lower bound, its upper bound."""
    return [float(n) for n in (value.exactly, value.min, value.max) if n is not None]


def unit_of(value: Value, question: Question | None) -> str:
    """The unit a value is counted in: its own, else its question's (may be empty)."""
    if value.unit:
        return value.unit
    if question is not None and question.unit:
        return question.unit
    return ""


def option_label(question: Question | None, option_id: str) -> str:
    """The label of a choice question's option (its id when the question does not list it)."""
    if question is not None:
        for option in question.options:
            if option.id == option_id:
                return option.label
    return option_id


@functools.lru_cache(maxsize=4096)
def format_date(text: str) -> str:
    """A date as editors wrote it, in words: '2024-10-23' -> '23 October 2024',
    '2024-10' -> 'October 2024', '2024' -> '2024'. Text that is not a date is returned as is."""
    parts = text.split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 3:
            day = _dt.date(numbers[0], numbers[1], numbers[2])
            return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
        if len(numbers) == 2 and 1 <= numbers[1] <= 12:
            return f"{MONTHS[numbers[1] - 1]} {numbers[0]}"
    except (ValueError, IndexError):
        return text
    return text


def _is_day(text: str) -> bool:
    return text.count("-") == 2


#: A pattern's way into the reader's language: the site's gettext; as written by default.
Translate = Callable[[str], str]


def as_written(text: str) -> str:
    return text


def N_(text: str) -> str:
    """Marks ``text`` for the site's catalogues where it is defined (it is translated where it
    is shown)."""
    return text


class Wording:
    """How values read in one language: the English patterns through ``translate`` (the site's
    gettext; they are marked with ``_`` for the catalogues), dates through ``date`` and numbers
    through ``number`` (the site's, in the language's own form). The default is English as the
    site writes it; the record's own words (units, scopes, option labels) stay as written."""

    def __init__(
        self,
        translate: Translate = as_written,
        date: Callable[[str], str] = format_date,
        number: Callable[[float], str] = format_number,
    ) -> None:
        self.translate = translate
        self.date = date
        self.number = number
        #: English dates can share their month and year in a period ("from 1 to 7 October 2024")
        self._english_dates = date is format_date

    def figure(self, value: Value) -> str:
        """The figure alone, without unit: '1,500', 'at least 10,000', '2,000 to 3,000'."""
        _, number = self.translate, self.number
        if value.exactly is not None:
            return number(value.exactly)
        if value.min is not None and value.max is not None:
            if value.min == value.max:
                return number(value.min)
            return _("{low} to {high}").format(low=number(value.min), high=number(value.max))
        if value.min is not None:
            return _("at least {figure}").format(figure=number(value.min))
        if value.max is not None:
            return _("as many as {figure}").format(figure=number(value.max))
        return _("no figure")

    def answer(self, answer: str) -> str:
        """A yes-no answer: 'yes', 'no'."""
        _ = self.translate
        return {"yes": _("yes"), "no": _("no")}.get(answer, answer)

    def value(
        self, value: Value, question: Question | None, *, with_scope: bool = True, with_period: bool = True
    ) -> str:
        """A claim's value in readers' words.

        quantity: '1,500 people evacuated', 'at least 10,000 people', 'as many as 3,000 people',
        and a figure for a period with it: '1,200 birds culled from 1 to 7 October 2024';
        yes-no: 'yes' / 'no' (with 'until <date>' when the period has an end);
        choice: the option's label.
        """
        _ = self.translate
        kind = question.kind if question is not None else None
        if kind is QuestionKind.yes_no or (kind is None and value.answer is not None):
            if value.answer is None:
                return _("no answer")
            text = self.answer(value.answer.value)
            if value.until:
                return _("{answer}, until {date}").format(answer=text, date=self.date(value.until))
            return text
        if kind is QuestionKind.choice or (kind is None and value.option is not None):
            return option_label(question, value.option) if value.option else _("no answer")
        words = [self.figure(value)]
        unit = unit_of(value, question)
        if unit:
            words.append(unit)
        if with_scope and value.scope:
            words.append(scope_words(value.scope))
        if with_period and value.period is not None:
            words.append(self.period(value.period))
        return " ".join(words)

    def said(self, made: str) -> str:
        """When a claim was made, in words: 'said on 23 October 2024', 'said in October 2024'."""
        _ = self.translate
        pattern = _("said on {date}") if _is_day(made) else _("said in {date}")
        return pattern.format(date=self.date(made))

    def period(self, period: Period) -> str:
        """The days a figure is the total for: 'from 1 to 7 October 2024', 'in October 2024',
        'from 30 September to 6 October 2024', 'from October 2024 to March 2025'."""
        _ = self.translate
        start, end = period.start, period.end
        if start == end:
            pattern = _("on {date}") if _is_day(start) else _("in {date}")
            return pattern.format(date=self.date(start))
        first, last = self.date(start), self.date(end)
        if self._english_dates:
            words, end_words = first.split(" "), last.split(" ")
            if len(words) == len(end_words) == 3 and words[2] == end_words[2]:  # one year: say it once
                first = words[0] if words[1] == end_words[1] else " ".join(words[:2])
        return _("from {start} to {end}").format(start=first, end=last)

    def figures_range(self, question: Question, claimed: Iterable[Value]) -> str:
        """The spread of the figures claimed for a quantity question, scope by scope, in words
        ("10 to 20 people (sent); 50 or more people (pledged)"). An "as many as"
        figure claims no lower bound of 0, and an "at least" figure at the top reads "or more"."""
        _, number = self.translate, self.number
        by_scope: dict[str, list[float]] = defaultdict(list)
        at_least: dict[str, list[float]] = defaultdict(list)
        for v in claimed:
            by_scope[v.scope or ""].extend(stated_figures(v))
            if v.exactly is None and v.min is not None and v.max is None:
                at_least[v.scope or ""].append(float(v.min))
        unit = f" {question.unit}" if question.unit else ""
        parts = []
        order = {scope: i for i, scope in enumerate(question.scopes)}
        for scope in sorted(by_scope, key=lambda x: (order.get(x, len(order)), x)):
            figures = by_scope[scope]
            if not figures:
                continue
            low, high = min(figures), max(figures)
            span = (
                number(low)
                if low == high
                else _("{low} to {high}").format(low=number(low), high=number(high))
            )
            if any(m >= high for m in at_least[scope]):  # the highest figure is an "at least"
                span = _("{figures} or more").format(figures=span)
            words = scope_words(scope)
            parts.append(f"{span}{unit}" + (f" ({words})" if words else ""))
        return "; ".join(parts) or _("no figures")


#: The site's own English.
ENGLISH = Wording()
figure_text = ENGLISH.figure
format_value = ENGLISH.value
said_text = ENGLISH.said
period_text = ENGLISH.period
figures_range = ENGLISH.figures_range
