"""What the page templates see of the dossier: :class:`View`, given to them as ``view``.

A template reads records through the view's lookups, asks it for the few things worded or
drawn for readers (a value in words, the range of claimed figures, a chart), and nothing else:
it cannot reach the renderer, its caches or the build. No MkDocs import.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from functools import cached_property

from markupsafe import Markup

from ..analysis import corroboration
from ..analysis.conflicts import Analysis, Conflict
from ..history.model import History
from ..records import values
from ..records.index import Index, claim_order
from ..records.model import Claim, Question, QuestionKind, Source, date_mid
from . import charts, texts
from .chart_worker import Charts
from .i18n import Words
from .options import SiteOptions
from .sentences import first_sentence

LineOf = Callable[[tuple[object, ...]], int | None]


class View:
    """The dossier as the templates read it (one per build)."""

    def __init__(
        self,
        index: Index,
        analysis: Analysis,
        options: SiteOptions,
        charts: Charts,
        line_of: LineOf,
        history: History | None = None,
        words: Words | None = None,
    ) -> None:
        self._index = index
        self._words = words or Words(options.language)
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
        #: every record's changes, from the history of claims.yaml (see ..history)
        self.history = history if history is not None else History(unavailable="not read")
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
        return self._words.wording.value(claim.value, question) if question else ""

    def value_range(self, question: Question) -> str:
        """The spread of the values claimed for ``question``, in words."""
        words = self._words
        claims = self.claims_by_question.get(question.id, [])
        if not claims:
            return words.gettext("no claims yet")
        if question.kind is QuestionKind.quantity:
            return words.wording.figures_range(question, [c.value for c in claims])
        counts: dict[str, int] = defaultdict(int)
        for c in claims:
            counts[self.value_text(c)] += 1
        ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return ", ".join(
            words.ngettext("%(label)s (%(num)s claim)", "%(label)s (%(num)s claims)", n)
            % {"label": label, "num": words.number(n)}
            for label, n in ordered
        )

    def claim_updated(self, claim: Claim) -> str:
        """When the claim last changed: from history where it has any, else the record's
        ``updated``, else the dossier's."""
        changed = self.history.last_changed("claim", claim.id)
        return changed or claim.updated or self._index.data.dossier.updated

    # -- the home page ---------------------------------------------------------------------
    def answer_line(self, question: Question) -> str:
        """The question's one-line answer: the first sentence of its assessment (Markdown)."""
        return first_sentence(question.assessment)

    @cached_property
    def assessed(self) -> str | None:
        """The date most questions were assessed on (the latest, if dates tie): said once."""
        counts = Counter(q.assessed for q in self._index.data.questions)
        if not counts:
            return None
        return max(counts, key=lambda d: (counts[d], date_mid(d), d))

    # -- tags ------------------------------------------------------------------------------
    @staticmethod
    def tag_name(tag: str) -> str:
        return texts.tag_name(tag)

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

    def charted_questions(self) -> list[Question]:
        """The questions that have a chart of their figures, in file order."""
        return [q for q in self._index.data.questions if self._charts.has_chart(q)]

    # -- the timeline ----------------------------------------------------------------------
    @cached_property
    def chronology(self) -> list[tuple[str, list[Claim]]]:
        """Every claim by the date it was made, oldest first: (date, its claims) for each date.

        A date of month or year only comes before that month's or year's days. On one date,
        claims follow the questions' order in the file, then the reader's order."""
        position = self._index.question_position
        ordered = sorted(
            self._index.data.claims,
            key=lambda c: (date_mid(c.made), c.made, position.get(c.question, len(position)), claim_order(c)),
        )
        days: dict[str, list[Claim]] = {}
        for claim in ordered:
            days.setdefault(claim.made, []).append(claim)
        return list(days.items())

    def timeline_questions(self) -> list[Question]:
        """The questions that have claims, in file order (the timeline's filter)."""
        return [q for q in self._index.data.questions if self.claims_by_question.get(q.id)]

    # -- the record in claims.yaml ---------------------------------------------------------
    def edit_url(self, path: tuple[object, ...]) -> str | None:
        base = self._options.edit_base
        if not base:
            return None
        line = self._line_of(path)
        return f"{base}#L{line}" if line else base

    def claim_line(self, claim_id: str) -> int | None:
        return self._line_of(("claims", self._index.claim_position[claim_id]))

    def question_line(self, question_id: str) -> int | None:
        return self._line_of(("questions", self._index.question_position[question_id]))

    def claim_edit_url(self, claim_id: str) -> str | None:
        return self.edit_url(("claims", self._index.claim_position[claim_id]))

    def question_edit_url(self, question_id: str) -> str | None:
        return self.edit_url(("questions", self._index.question_position[question_id]))
