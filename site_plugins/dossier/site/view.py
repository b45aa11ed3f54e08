"""What the page templates see of the dossier: :class:`View`, given to them as ``view``.

A template reads records through the view's lookups, asks it for the few things worded or
drawn for readers (a value in words, the range of claimed figures, a chart), and nothing else:
it cannot reach the renderer, its caches or the build. No MkDocs import.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from markupsafe import Markup

from ..analysis import corroboration
from ..analysis.conflicts import Analysis, Conflict
from ..records import values
from ..records.index import Index
from ..records.model import Claim, Question, QuestionKind, Source
from . import charts
from .chart_worker import Charts
from .options import SiteOptions

LineOf = Callable[[tuple[object, ...]], int | None]


class View:
    """The dossier as the templates read it (one per build)."""

    def __init__(
        self, index: Index, analysis: Analysis, options: SiteOptions, charts: Charts, line_of: LineOf
    ) -> None:
        self._index = index
        self._analysis = analysis
        self._options = options
        self._charts = charts
        self._line_of = line_of
        self.layout = options.layout
        # Lookups: id -> record; claims grouped in reader's order (see records.index).
        self.claims = index.claims
        self.sources = index.sources
        self.actors = index.actors
        self.questions = index.questions
        self.claims_by_question = index.claims_by_question
        self.claims_by_actor = index.claims_by_actor
        self.claims_by_source = index.claims_by_source
        self.superseded_by = index.superseded_by
        #: every conflict of the dossier (the contradiction table's order)
        self.conflicts = analysis.conflicts
        self._conflicts_by_question: dict[str, list[Conflict]] = defaultdict(list)
        for conflict in analysis.conflicts:
            self._conflicts_by_question[conflict.question].append(conflict)

    # -- records ---------------------------------------------------------------------------
    def copy_chain(self, source: Source) -> list[Source]:
        return self._index.copy_chain(source)

    def independent_origins(self, claim: Claim) -> int:
        return corroboration.independent_origins(claim, self._index)

    def value_text(self, claim: Claim) -> str:
        question = self.questions.get(claim.question)
        return values.format_value(claim.value, question) if question else ""

    def value_range(self, question: Question) -> str:
        """The spread of the values claimed for ``question``, in words."""
        claims = self.claims_by_question.get(question.id, [])
        if not claims:
            return "no claims yet"
        if question.kind is QuestionKind.quantity:
            return values.figures_range(question, [c.value for c in claims])
        counts: dict[str, int] = defaultdict(int)
        for c in claims:
            counts[self.value_text(c)] += 1
        ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return ", ".join(f"{label} ({n} {'claim' if n == 1 else 'claims'})" for label, n in ordered)

    # -- conflicts -------------------------------------------------------------------------
    def conflicts_of(self, claim_id: str) -> list[Conflict]:
        return list(self._analysis.by_claim.get(claim_id, []))

    def conflicts_of_question(self, question_id: str) -> list[Conflict]:
        return self._conflicts_by_question.get(question_id, [])

    def other_claim(self, conflict: Conflict, claim_id: str) -> Claim:
        return self.claims[conflict.b if conflict.a == claim_id else conflict.a]

    # -- charts ----------------------------------------------------------------------------
    def chart_svg(self, question: Question) -> Markup | None:
        return self._charts.svg(question)

    def chart_rows(self, question: Question) -> list[charts.ChartRow]:
        return self._charts.rows(question)

    def timeline(self) -> list[tuple[Question, list[Claim]]]:
        """Each question that has claims, with its claims in date order."""
        by_question = self.claims_by_question
        return [(q, by_question[q.id]) for q in self._index.data.questions if by_question.get(q.id)]

    # -- the record in claims.yaml ---------------------------------------------------------
    def edit_url(self, path: tuple[object, ...]) -> str | None:
        base = self._options.edit_base
        if not base:
            return None
        line = self._line_of(path)
        return f"{base}#L{line}" if line else base

    def claim_line(self, claim_id: str) -> int | None:
        return self._line_of(("claims", self._index.claim_position[claim_id]))

    def claim_edit_url(self, claim_id: str) -> str | None:
        return self.edit_url(("claims", self._index.claim_position[claim_id]))

    def question_edit_url(self, question_id: str) -> str | None:
        return self.edit_url(("questions", self._index.question_position[question_id]))
