"""Drawing a site's social cards beside the build: in batches, in the chart process, with the
build's own process taking the batches not yet started once its pages are written.

A large dossier has thousands of cards (a few milliseconds each): :class:`CardJobs` sends
them to the chart process (:meth:`~.chart_worker.Charts.submit`, after the charts) in batches
of :data:`BATCH`, while MkDocs writes the pages. When the build reaches its end
(:meth:`CardJobs.finish`), the batches that process has not started are taken back, from the
last, and drawn here, so that both cores draw until the last card and the build waits for at
most the batch the other process is on. A batch that process fails on is drawn here. Either
way the files are the same (:func:`.cards.draw_cards`). No MkDocs import.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future

from .cards import Card, draw_cards

#: How work goes to the chart process (:meth:`~.chart_worker.Charts.submit`): None when it
#: cannot take it (no spare core, or it could not start).
Submit = Callable[..., "Future[int] | None"]
#: Cards per message to the chart process: a few hundred milliseconds of drawing, few enough
#: messages for 10,000 cards, and a short wait for the last one.
BATCH = 100


class CardJobs:
    """One build's cards: started with :meth:`start`, waited for with :meth:`finish`."""

    def __init__(self) -> None:
        self._folder = ""
        self._previous: str | None = None
        self._batches: list[tuple[Sequence[Card], Future[int] | None]] = []

    def start(self, every: Sequence[Card], folder: str, previous: str | None, submit: Submit | None) -> None:
        """Give ``every`` card to the chart process (``submit``) batch by batch, to draw into
        ``folder`` or copy from ``previous`` (the last site's cards folder)."""
        self._folder, self._previous = folder, previous
        batches = [every[i : i + BATCH] for i in range(0, len(every), BATCH)]
        self._batches = [
            (batch, submit(draw_cards, batch, folder, previous) if submit else None) for batch in batches
        ]

    def finish(self) -> tuple[int, int]:
        """Wait for every card, drawing here the batches not started elsewhere: how many were
        drawn rather than copied from the last site, of how many."""
        batches, self._batches = self._batches, []
        total = sum(len(batch) for batch, _future in batches)
        drawn = 0
        # From the last: the chart process takes them from the first. A batch it has started
        # cannot be cancelled, nor can any before it.
        while batches and (batches[-1][1] is None or batches[-1][1].cancel()):
            drawn += draw_cards(batches.pop()[0], self._folder, self._previous)
        for batch, future in batches:
            assert future is not None
            try:
                drawn += future.result()
            except Exception:  # the other process failed: this batch is drawn here instead
                drawn += draw_cards(batch, self._folder, self._previous)
        return drawn, total
