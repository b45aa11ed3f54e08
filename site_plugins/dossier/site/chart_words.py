"""The words of a chart, in the site's language: its title, its panels' headings, its time
axis and the description that sums it up for screen readers (see :mod:`.charts`).

English patterns through the site's catalogue (:mod:`.i18n`); dates, months and numbers in
the language's own form. The record's words (units, scopes, names) stay as written. No MkDocs
import.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from functools import lru_cache

from ..records.model import Claim, Question
from ..records.values import MONTHS, scope_words, stated_figures, unit_of
from .i18n import Words

#: The longest panel heading or legend label, in characters (longer ones are cut with "…").
MAX_LABEL = 48


@lru_cache(maxsize=8)
def chart_words(language: str | None) -> ChartWords:
    return ChartWords(Words(language))


def capital(text: str) -> str:
    """First letter upper case, the rest as written ('US dollars' stays 'US dollars')."""
    return text[:1].upper() + text[1:]


def short(label: str, room: int = MAX_LABEL) -> str:
    label = " ".join(label.split())
    if len(label) > room:
        label = label[: room - 1].rstrip() + "…"
    # matplotlib hides legend labels that start with an underscore
    return "\u2009" + label if label.startswith("_") else label


class ChartWords:
    """What a chart says, in one language."""

    def __init__(self, words: Words) -> None:
        self.words = words
        self._ = words.gettext

    def title(self, question: Question) -> str:
        return self._("Figures claimed over time: {question}").format(question=question.text)

    def heading(self, scope: str | None, unit: str, *, alone: bool, room: int = MAX_LABEL) -> str:
        """A panel's heading: what is counted, and in what unit ('Evacuated (people)')."""
        what = scope_words(scope) if scope else ("" if alone else self._("no scope given"))
        if what and unit:
            return short(f"{capital(what)} ({unit})", room)
        return short(capital(what or unit or self._("Figures")), room)

    def tick(self, day: _dt.date, multi_year: bool) -> str:
        """A date on the time axis: '23 Oct', or '23 Oct 2024' when the axis spans years."""
        if self.words.english:
            text = f"{day.day} {MONTHS[day.month - 1][:3]}"
            return f"{text} {day.year}" if multi_year else text
        from babel.dates import format_skeleton

        return format_skeleton("yMMMd" if multi_year else "MMMd", day, locale=self.words.language)

    def axis(self, years: set[int]) -> str:
        """The time axis's label, with the year when every date is in one."""
        if len(years) == 1:
            return self._("As-of date ({year})").format(year=next(iter(years)))
        return self._("As-of date")

    def number(self, value: float) -> str:
        return self.words.number(value)

    def description(
        self,
        question: Question,
        plotted: Sequence[tuple[_dt.date, _dt.date, Claim]],
        names: dict[str, str],
        unit: str,
        as_of: str,
        latest_as_of: str,
    ) -> str:
        """What the chart shows, in sentences: who claimed how many figures when, each panel's
        spread, the latest figure, and how to read the marks."""
        _, words = self._, self.words
        if not plotted:
            return _("No figures have been claimed yet.")
        actors = list(dict.fromkeys(names.get(c.actor, c.actor) for _f, _l, c in plotted))
        stated: dict[str | None, list[float]] = {}
        for _f, _l, c in plotted:
            stated.setdefault(c.value.scope, []).extend(stated_figures(c.value))
        latest = max(plotted, key=lambda item: (item[0], item[1], item[2].id))[2]
        if len(actors) <= 3:
            who = actors[0] if len(actors) == 1 else _("{names} and {last}").format(
                names=", ".join(actors[:-1]), last=actors[-1]
            )
        else:
            who = words.ngettext(
                "{num} different person or body", "{num} different people and bodies", len(actors)
            ).format(num=words.number(len(actors)))
        if as_of == latest_as_of:
            span = _("dated {date}").format(date=words.date(as_of))
        else:
            span = _("dated {start} to {end}").format(start=words.date(as_of), end=words.date(latest_as_of))
        count = words.ngettext(
            "{num} figure claimed by {who}, {span}.", "{num} figures claimed by {who}, {span}.", len(plotted)
        )
        parts = [count.format(num=words.number(len(plotted)), who=who, span=span)]
        parts.extend(self._spreads(question, stated, unit))
        latest_unit = unit_of(latest.value, question)
        figure = words.wording.figure(latest.value) + (f" {latest_unit}" if latest_unit else "")
        parts.append(
            _("Latest: {figure}, according to {name}.").format(
                figure=figure, name=names.get(latest.actor, latest.actor)
            )
        )
        parts.append(
            _(
                "Points are exact figures, vertical bars ranges, and arrows open-ended figures "
                "(up for 'at least', down for 'as many as'). The table with the chart lists every value."
            )
        )
        return " ".join(parts)

    def _spreads(self, question: Question, stated: dict[str | None, list[float]], unit: str) -> list[str]:
        _, number = self._, self.words.number
        unit_text = f" {unit}" if unit else ""
        order = {scope: i for i, scope in enumerate(question.scopes)}
        parts = []
        for scope in sorted(stated, key=lambda s: (s is None, order.get(s or "", len(order)), s or "")):
            low, high = min(stated[scope]), max(stated[scope])
            spread = number(low) if low == high else _("from {low} to {high}").format(low=number(low), high=number(high))
            if scope:
                parts.append(f"{capital(scope_words(scope))}: {spread}{unit_text}.")
            elif len(stated) > 1:
                parts.append(_("Other figures: {spread}").format(spread=f"{spread}{unit_text}") + ".")
            else:
                parts.append(f"{spread}{unit_text}.")
        return parts
