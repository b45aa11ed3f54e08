"""Charts of the figures claimed over time, as static SVG made at build time (matplotlib).

One chart per quantity question: the figures by as-of date, one marker shape and colour per
actor, one panel per scope (what is counted: sent, pledged ...), each with its own scale and a
heading naming the scope and the unit. An exact figure is a point, a range a vertical bar
between its bounds, an open-ended figure an open marker with an arrow ('at least' points up,
'as many as' points down); a date known only to the month or year also gets a dotted line
across the days it can mean.

The margins are worked out from the content (the widest figure, the legend's rows) rather than
by a layout engine: the same result every time, and several times faster, which counts when a
large dossier has a hundred charts.

The SVG is meant to be placed inline in a page:

* deterministic: the same input gives the same bytes (fixed hash salt, no date or creator
  metadata, text kept as text, ids prefixed per question so two charts can share a page);
* accessible: ``role="img"`` with a ``<title>`` and a ``<desc>`` summing up the figures; the
  page also shows the same values as a table (see :func:`chart_table_rows`);
* readable in light and dark mode: transparent background, and text, axes and the first
  actor's marks drawn in ``currentColor``;
* self-contained: no fonts, images or links from anywhere else; it scales to its container
  (a ``viewBox``, no fixed width).

No MkDocs import.
"""

from __future__ import annotations

import datetime as _dt
import html
import io
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeAlias, cast

from ..records.model import Actor, Claim, Question, date_bounds
from ..records.values import format_number, quantity_bounds, scope_words, stated_figures
from .chart_words import MAX_LABEL, ChartWords, chart_words, short

# matplotlib is imported in the functions that draw, not with this module: the pages need only
# the tables, and a build that draws its charts in another process never loads it.
if TYPE_CHECKING:
    from matplotlib.ticker import FuncFormatter

#: Drawn as ``currentColor``: the page's text colour, so the chart follows light and dark mode.
INK = "#010101"
#: Okabe-Ito colours (safe for colour-blind readers), after the page's own text colour.
PALETTE = (INK, "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
MARKERS = ("o", "s", "D", "P", "X", "h", "p", "*")
#: Fonts every reader has in some form; no web fonts. Nanum Gothic (Debian's fonts-nanum, as for
#: the social cards) has the Hangul of a Korean site's words, which DejaVu Sans lacks.
FONTS = ["DejaVu Sans", "Helvetica", "Arial", "Liberation Sans", "NanumGothic", "sans-serif"]
HASH_SALT = "dossier-chart"
WIDTH_INCHES = 5.6  # 403 points: about a phone's width, so phones barely shrink the text
OPEN: dict[str, Any] = {"fillstyle": "none", "linestyle": "none"}
#: The top of a panel's scale, as a multiple of its highest figure (room for an 'at least' arrow).
HEADROOM = 1.18

RC: dict[str, Any] = {
    "svg.hashsalt": HASH_SALT,
    "svg.fonttype": "none",
    "svg.image_inline": True,
    "font.family": ["sans-serif"],
    "font.sans-serif": FONTS,
    "font.size": 11,
    "axes.titlesize": "medium",
    "text.parse_math": False,
    "text.usetex": False,
    "text.color": INK,
    "axes.labelcolor": INK,
    "axes.edgecolor": INK,
    "axes.titlecolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "grid.color": INK,
    "grid.alpha": 0.18,
    "legend.frameon": False,
    "legend.labelcolor": INK,
    "path.simplify": False,
}
SVG_METADATA: dict[str, Any] = {"Date": None, "Creator": None, "Format": None, "Type": None}


@dataclass(frozen=True)
class ChartRow:
    """One value of the chart, as a row of the table that goes with it."""

    date: str  # the as-of date as written
    date_text: str  # the as-of date in words
    actor: str  # the actor's name
    value: str  # the value in words, e.g. 'at least 10,000 people'
    scope: str  # what is counted, in words ('' when the claim has no scope)
    claim: str  # the claim id


def _as_of(claim: Claim) -> str:
    return claim.value.as_of or claim.made


#: The actors, as a list or an id -> actor mapping (the legend and the table show their names).
Actors: TypeAlias = Sequence[Actor] | dict[str, Actor]
#: Claims with the first and last day their as-of date can mean.
_Plotted: TypeAlias = list[tuple[_dt.date, _dt.date, Claim]]


def _plotted(claims: Iterable[Claim]) -> _Plotted:
    """Claims with a figure and a readable date, by as-of date, then id. A total for a period
    is no count at a date: it is not drawn over time (its claim page gives it with its period)."""
    out = []
    for claim in claims:
        if quantity_bounds(claim.value) is None or claim.value.period is not None:
            continue
        try:
            first, last = date_bounds(_as_of(claim))
        except ValueError:
            continue
        out.append((first, last, claim))
    out.sort(key=lambda item: (item[0], item[1], item[2].id))
    return out


def _actor_names(actors: Actors | None) -> dict[str, str]:
    if actors is None:
        return {}
    items = actors.values() if isinstance(actors, dict) else actors
    return {actor.id: actor.name for actor in items}


def chart_table_rows(
    question: Question, claims: Iterable[Claim], actors: Actors | None = None, language: str | None = None
) -> list[ChartRow]:
    """The rows of the table that goes with the chart: the same values, by date."""
    names = _actor_names(actors)
    words = chart_words(language).words
    return [
        ChartRow(
            date=_as_of(claim),
            date_text=words.date(_as_of(claim)),
            actor=names.get(claim.actor, claim.actor),
            value=words.wording.value(claim.value, question, with_scope=False),
            scope=scope_words(claim.value.scope),
            claim=claim.id,
        )
        for _first, _last, claim in _plotted(claims)
    ]


def _date_formatter(multi_year: bool, words: ChartWords) -> FuncFormatter:
    from matplotlib.dates import num2date
    from matplotlib.ticker import FuncFormatter

    def fmt(x: float, _pos: int | None = None) -> str:
        return words.tick(num2date(x).date(), multi_year)

    return FuncFormatter(fmt)


def quantity_chart_svg(
    question: Question, claims: Iterable[Claim], actors: Actors | None = None, language: str | None = None
) -> str:
    """The chart of a quantity question's figures over time, as an inline SVG element, in
    ``language`` (``theme.language``; English by default).

    ``actors`` (a list or an id -> actor mapping) gives the names shown in the legend; without
    it the actor ids are shown.
    """
    words = chart_words(language)
    names = _actor_names(actors)
    plotted = _plotted(claims)
    unit = question.unit or ""
    panels = _Panels.of(question, plotted, names)
    layout = _Layout.plan(len(panels.scopes), panels.labels, max(panels.tops.values()) * HEADROOM)
    svg = _figure_svg(panels, layout, unit, words)
    latest = max(plotted, key=lambda item: (item[0], item[1], item[2].id)) if plotted else None
    first_as_of = _as_of(plotted[0][2]) if plotted else ""
    latest_as_of = _as_of(latest[2]) if latest else ""
    description = words.description(question, plotted, names, unit, first_as_of, latest_as_of)
    return _finish(svg, f"chart-{question.id}", words.title(question), description)


@dataclass(frozen=True)
class _Panels:
    """What a chart shows: one panel per scope, and each actor's colour, marker and name."""

    plotted: _Plotted
    scopes: list[str | None]  # in the question's order, then the others, then 'no scope'
    actors: list[str]  # actor ids, in the order of their first figure
    labels: list[str]  # the actors' names, as the legend shows them
    styles: dict[str, tuple[str, str]]  # actor id -> (colour, marker)
    tops: dict[str | None, float]  # each panel's highest figure: each scope has its own scale

    @classmethod
    def of(cls, question: Question, plotted: _Plotted, names: dict[str, str]) -> _Panels:
        scopes: list[str | None] = []
        known = {claim.value.scope for _f, _l, claim in plotted}
        scopes.extend(s for s in question.scopes if s in known)
        scopes.extend(sorted(s for s in known if s is not None and s not in scopes))
        if None in known:
            scopes.append(None)
        if not scopes:
            scopes = [None]
        actors = list(dict.fromkeys(claim.actor for _f, _l, claim in plotted))
        styles = {a: (PALETTE[i % len(PALETTE)], MARKERS[i % len(MARKERS)]) for i, a in enumerate(actors)}
        tops = {}
        for scope in scopes:
            in_scope = [c.value for _f, _l, c in plotted if c.value.scope == scope]
            highest = [max(stated_figures(v), default=0.0) for v in in_scope]
            tops[scope] = max(highest, default=1.0) or 1.0
        labels = [short(names.get(a, a)) for a in actors]
        return cls(plotted, scopes, actors, labels, styles, tops)


def _figure_svg(panels: _Panels, layout: _Layout, unit: str, words: ChartWords) -> str:
    """matplotlib's SVG document of the chart: the panels, the time axis and the legend."""
    import matplotlib
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    scopes = panels.scopes
    with matplotlib.rc_context(cast(Any, RC)):
        figure = Figure(figsize=(WIDTH_INCHES, layout.height))
        FigureCanvasSVG(figure)
        axes = figure.subplots(len(scopes), 1, sharex=True, squeeze=False, gridspec_kw=layout.grid())[:, 0]
        for ax, scope in zip(axes, scopes, strict=True):
            title = words.heading(scope, unit, alone=len(scopes) == 1, room=layout.title_chars)
            _draw_panel(ax, panels, scope, title, words)
        _draw_time_axis(axes[-1], panels.plotted, words)
        _draw_legend(figure, panels, layout.columns)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata=SVG_METADATA, transparent=True)
    return buffer.getvalue()


def _draw_panel(ax: Any, panels: _Panels, scope: str | None, title: str, words: ChartWords) -> None:
    """One scope's figures, on a scale of their own."""
    from matplotlib.ticker import FuncFormatter

    top = panels.tops[scope]
    by_actor: dict[str, _Plotted] = {}
    for item in panels.plotted:
        if item[2].value.scope == scope:
            by_actor.setdefault(item[2].actor, []).append(item)
    for actor, items in by_actor.items():
        _draw(ax, items, panels.styles[actor], top * 0.1)
    ax.set_ylim(0, top * HEADROOM)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda x, _pos=None: words.number(round(x, 6))))
    ax.grid(True, axis="y")
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    ax.patch.set_alpha(0.0)
    ax.set_title(title, loc="left")


def _draw_time_axis(ax: Any, plotted: _Plotted, words: ChartWords) -> None:
    """The as-of dates, under the last panel (the panels share them)."""
    from matplotlib.dates import AutoDateLocator, date2num

    years = {d.year for f, last, _c in plotted for d in (f, last)}
    ax.xaxis.set_major_locator(AutoDateLocator(minticks=3, maxticks=6))
    ax.xaxis.set_major_formatter(_date_formatter(len(years) > 1, words))
    if plotted:
        low = date2num(plotted[0][0])
        high = date2num(max(last for _f, last, _c in plotted))
        pad = max(2.0, (high - low) * 0.05)
        # matplotlib's dates run from year 1 to 9999: a padded axis must not leave them
        # (a typo such as 0024 for 2024 is a valid date, far from the others).
        first_day, last_day = date2num(_dt.date(1, 1, 1)), date2num(_dt.date(9999, 12, 31))
        ax.set_xlim(max(low - pad, first_day), min(high + pad, last_day))
    ax.set_xlabel(words.axis(years))


def _draw_legend(figure: Any, panels: _Panels, columns: int) -> None:
    """Each actor's marker and name, under the chart (none when nothing is plotted)."""
    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], color=colour, marker=marker, linestyle="none", label=label)
        for a, label in zip(panels.actors, panels.labels, strict=True)
        for colour, marker in [panels.styles[a]]
    ]
    if handles:
        figure.legend(
            handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.0), ncols=columns, borderaxespad=0.3
        )


@dataclass(frozen=True)
class _Layout:
    """Margins worked out from what the chart holds: cheaper than a layout engine, and always the same."""

    panels: int
    left: float  # inches
    legend: float  # inches
    columns: int

    TOP = 0.1
    TITLE = 0.32
    PLOT = 1.6
    GAP = 0.12
    AXIS = 0.56  # tick labels and the axis label under the last panel
    RIGHT = 0.15
    CHAR = 0.085  # average width of a character at the chart's text size
    DIGIT = 0.1
    ROW = 0.24

    @classmethod
    def plan(cls, panels: int, labels: list[str], biggest: float) -> _Layout:
        left = cls.DIGIT * len(format_number(round(biggest, -1) or 1.0)) + 0.2
        columns = 1
        if labels:
            widest = max(len(label) for label in labels) * cls.CHAR + 0.65
            columns = max(1, min(3, len(labels), int((WIDTH_INCHES - 0.2) // widest)))
        rows = math.ceil(len(labels) / columns) if labels else 0
        legend = rows * cls.ROW + 0.12 if rows else 0.0
        return cls(panels, left, legend, columns)

    @property
    def height(self) -> float:
        return (
            self.TOP
            + self.panels * (self.TITLE + self.PLOT)
            + (self.panels - 1) * self.GAP
            + self.AXIS
            + self.legend
        )

    @property
    def title_chars(self) -> int:
        """How many characters a panel heading has room for."""
        return int((WIDTH_INCHES - self.left - self.RIGHT) / self.CHAR)

    def grid(self) -> dict[str, float]:
        return {
            "left": self.left / WIDTH_INCHES,
            "right": 1 - self.RIGHT / WIDTH_INCHES,
            "top": 1 - (self.TOP + self.TITLE) / self.height,
            "bottom": (self.AXIS + self.legend) / self.height,
            "hspace": (self.TITLE + self.GAP) / self.PLOT,
        }


def _draw(ax: Any, items: _Plotted, style: tuple[str, str], arrow: float) -> None:
    """Draw one actor's figures on one panel, a few artists for all of them (big dossiers stay fast)."""
    from matplotlib.dates import date2num

    colour, marker = style
    spans: list[tuple[float, float, float]] = []
    points: list[tuple[float, float]] = []
    ranges: list[tuple[float, float, float]] = []
    at_least: list[tuple[float, float]] = []
    at_most: list[tuple[float, float]] = []
    for first, last, claim in items:
        start, end = float(date2num(first)), float(date2num(last))
        x = start + (end - start) / 2
        value = claim.value
        if first != last:  # a month or a year: show the span of days the date can mean
            spans.append((_anchor(value), start, end))
        if value.exactly is not None or (value.min is not None and value.min == value.max):
            points.append((x, _anchor(value)))
        elif value.min is not None and value.max is not None:
            ranges.append((x, value.min, value.max))
        elif value.min is not None:
            at_least.append((x, value.min))
        elif value.max is not None:
            at_most.append((x, value.max))
    if spans:
        ys, starts, ends = zip(*spans, strict=True)
        ax.hlines(ys, starts, ends, colors=colour, linewidth=1, alpha=0.7, linestyles=(0, (2, 2)))
    if points:
        xs, ys = zip(*points, strict=True)
        ax.plot(xs, ys, color=colour, marker=marker, markersize=7, linestyle="none")
    if ranges:
        xs, lows, highs = zip(*ranges, strict=True)
        ax.vlines(xs, lows, highs, colors=colour, linewidth=2.2)
        ax.plot(xs + xs, lows + highs, color=colour, marker=marker, markersize=5, linestyle="none")
    for found, direction in ((at_least, 1.0), (at_most, -1.0)):
        if not found:
            continue
        xs, ys = zip(*found, strict=True)
        tips = tuple(max(0.0, y + direction * arrow) for y in ys)
        ax.vlines(xs, ys, tips, colors=colour, linewidth=1.4)
        ax.plot(xs, tips, color=colour, marker="^" if direction > 0 else "v", markersize=6, linestyle="none")
        ax.plot(xs, ys, color=colour, marker=marker, markersize=7, **OPEN)


def _anchor(value: Any) -> float:
    """Where a value's marker goes: the first figure it states (0 when it states none)."""
    return next(iter(stated_figures(value)), 0.0)


_ROOT = re.compile(r"<svg\b[^>]*>")
_VIEWBOX = re.compile(r'viewBox="([^"]+)"')


def _finish(svg: str, prefix: str, title: str, description: str) -> str:
    """Turn matplotlib's SVG document into an inline, accessible, self-contained element."""
    start = svg.index("<svg")
    svg = svg[start:]
    root = _ROOT.match(svg)
    assert root is not None
    view_box = _VIEWBOX.search(root.group(0))
    assert view_box is not None
    svg = svg[root.end() :]
    # Give every id a per-chart prefix, so that two charts can share a page.
    svg = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}-{m.group(1)}"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}-{m.group(1)})", svg)
    svg = re.sub(r'xlink:href="#([^"]+)"', lambda m: f'href="#{prefix}-{m.group(1)}"', svg)
    # The global style sheet becomes attributes of the root (inline, a <style> would leak).
    svg = re.sub(r'\s*<style type="text/css">[^<]*</style>', "", svg)
    svg = re.sub(r"<defs>\s*</defs>\s*", "", svg, count=1)
    svg = svg.replace(INK, "currentColor").replace(INK.upper(), "currentColor")
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{view_box.group(1)}" id="{prefix}" '
        f'class="dossier-chart-svg" role="img" aria-labelledby="{prefix}-title {prefix}-desc" '
        f'stroke-linejoin="round" stroke-linecap="butt" fill="currentColor">\n'
        f' <title id="{prefix}-title">{html.escape(title, quote=False)}</title>\n'
        f' <desc id="{prefix}-desc">{html.escape(description, quote=False)}</desc>'
    )
    return head + svg.rstrip() + "\n"


def draw_charts(
    jobs: Sequence[tuple[Question, Sequence[Claim]]], actors: Sequence[Actor], language: str | None = None
) -> dict[str, str]:
    """:func:`quantity_chart_svg` of each (question, its claims): question id -> SVG.

    A top-level function of plain data, so that a build can run it in another process.
    """
    return {question.id: quantity_chart_svg(question, claims, actors, language) for question, claims in jobs}
