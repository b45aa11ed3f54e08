"""The charts of a dossier, drawn once each, in a second process where there is a spare core.

Drawing a chart takes matplotlib a good fraction of a second, and a large dossier has a hundred
of them: on a machine with a second core they are drawn there while the build goes on with the
pages, which get a placeholder meanwhile (:meth:`Charts.put_in` swaps the charts in). The
charts are the same bytes either way. Without a second core, or if the process cannot start,
each chart is drawn when its page is rendered. Given a ``memo`` (kept between the builds of one
``mkdocs serve``), a chart whose question, claims and actors are those of a chart drawn before
is not drawn again. The second process ends when the process that started it ends, however it
ends. No MkDocs import.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

from markupsafe import Markup

from ..machine import spare_core
from ..records.index import Index
from ..records.model import Question, QuestionKind
from . import charts

T = TypeVar("T")

#: How often the second process looks whether the process that started it is still there.
PARENT_CHECK_SECONDS = 0.5

_PLACEHOLDER = "<!--dossier-chart:{}-->"
_MARK = _PLACEHOLDER.split("{", 1)[0]
_PLACEHOLDER_RE = re.compile(r"<!--dossier-chart:([a-z0-9-]+)-->")


def _leave_with(parent: int) -> None:
    """In the second process: end when the process that started it has ended without closing
    it (``mkdocs serve`` stopped by a signal other than Ctrl-C), instead of drawing on alone."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, name="dossier-parent-watch", daemon=True).start()


class Workers:
    """The second process, kept from build to build when one process builds many times
    (``mkdocs serve``): starting a fresh interpreter and its imports costs about a second."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None

    def get(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn: a fresh interpreter, whatever threads this one runs (mkdocs serve has some)
            self._pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_leave_with,
                initargs=(os.getpid(),),
            )
        return self._pool

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


class Charts:
    """Each quantity question's chart (an inline SVG) and its table of values."""

    def __init__(
        self,
        index: Index,
        language: str | None = None,
        memo: dict[str, str] | None = None,
        workers: Workers | None = None,
    ) -> None:
        self._index = index
        self._language = language
        self._drawn: dict[str, Markup] = {}
        #: the digest of a chart's inputs -> its SVG, from earlier builds (see the module's text)
        self._memo = memo
        self._pool: ProcessPoolExecutor | None = None
        #: the second process when it outlives this build (None: this build's own, closed with it)
        self._workers = workers
        self._future: Future[dict[str, str]] | None = None

    @property
    def drawing_elsewhere(self) -> bool:
        """Whether the charts are being drawn in the second process."""
        return self._future is not None

    def has_chart(self, question: Question) -> bool:
        return question.kind is QuestionKind.quantity and bool(self.rows(question))

    def rows(self, question: Question) -> list[charts.ChartRow]:
        """The chart's values as table rows (its text alternative)."""
        if question.kind is not QuestionKind.quantity:
            return []
        claims = self._index.claims_by_question.get(question.id, [])
        return charts.chart_table_rows(question, claims, self._index.actors, self._language)

    def svg(self, question: Question) -> Markup | None:
        """The chart of a quantity question's figures (None when there is nothing to plot);
        while the charts are drawn in the other process, a placeholder for :meth:`put_in`."""
        if not self.has_chart(question):
            return None
        if self._future is not None and question.id not in self._drawn:
            return Markup(_PLACEHOLDER.format(question.id))
        if question.id not in self._drawn:  # drawn once, shown on the question page and the timeline
            claims = self._index.claims_by_question.get(question.id, [])
            svg = charts.quantity_chart_svg(question, claims, self._index.actors, self._language)
            self._remember({question.id: svg})
            self._drawn[question.id] = Markup(svg)
        return self._drawn[question.id]

    def _key(self, question: Question) -> str:
        digest = hashlib.sha256(f"{self._language}\0{question.model_dump_json()}".encode())
        for claim in self._index.claims_by_question.get(question.id, []):
            digest.update(claim.model_dump_json().encode("utf-8"))
        for actor in self._index.data.actors:
            digest.update(actor.model_dump_json().encode("utf-8"))
        return digest.hexdigest()

    def _remember(self, drawn: dict[str, str]) -> None:
        if self._memo is None:
            return
        for qid, svg in drawn.items():
            question = self._index.questions.get(qid)
            if question is not None:
                self._memo[self._key(question)] = svg

    def start(self) -> None:
        """Start drawing every chart in another process (nothing happens without a spare core)."""
        if self._future is not None:
            return
        index = self._index
        jobs = []
        keys = set()
        for question in index.data.questions:
            if not self.has_chart(question):
                continue
            key = self._key(question) if self._memo is not None else ""
            keys.add(key)
            known = self._memo.get(key) if self._memo is not None else None
            if known is not None:
                self._drawn[question.id] = Markup(known)
            else:
                jobs.append((question, index.claims_by_question.get(question.id, [])))
        if self._memo is not None:  # the charts of earlier versions go
            for old in [k for k in self._memo if k not in keys]:
                del self._memo[old]
        if jobs:
            self._future = self.submit(charts.draw_charts, jobs, list(index.data.actors), self._language)

    def submit(self, work: Callable[..., T], *args: Any) -> Future[T] | None:
        """Run ``work(*args)`` in the second process, after what it was given before (the
        charts first); None without a spare core or if the process cannot start. Other drawing
        at build time (the social cards) shares the process this way."""
        if not spare_core():
            return None
        try:
            if self._pool is None:
                self._pool = (self._workers or Workers()).get()
            return self._pool.submit(work, *args)
        except (OSError, RuntimeError):
            self.close()
            return None

    def put_in(self, html: str) -> str:
        """``html`` with each chart placeholder replaced by its chart."""
        if _MARK not in html:
            return html
        if self._future is not None:
            try:
                drawn = self._future.result()
            except Exception:  # the other process failed: each chart is drawn here instead
                drawn = {}
            self._remember(drawn)
            self._drawn.update((qid, Markup(svg)) for qid, svg in drawn.items())
            self._future = None  # the process stays for what else was given it (see submit)

        def chart_of(match: re.Match[str]) -> str:
            question = self._index.questions.get(match.group(1))
            return str(self.svg(question) or "") if question else ""

        return _PLACEHOLDER_RE.sub(chart_of, html)

    def close(self) -> None:
        """Stop the chart process, if one runs and is this build's own (drawn charts are kept)."""
        pool, self._pool, self._future = self._pool, None, None
        if pool is not None and self._workers is None:
            pool.shutdown(wait=True, cancel_futures=True)
