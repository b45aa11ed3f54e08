"""Under ``mkdocs serve``: Python's garbage collector paused through a rebuild, and a build's
records and pages freed once the browser has reloaded (:class:`Collector`)."""

from __future__ import annotations

import gc
import threading

#: Seconds from the end of a build to freeing its records and pages: after the browser has
#: reloaded the page (see :meth:`Collector.let_go`).
LET_GO_SECONDS = 0.5


class Collector:
    """The collector's pause and the last build's records and pages, for one serve process."""

    def __init__(self) -> None:
        self._paused = False
        self._held: list[object] = []  # the last build's records and pages, till let go
        self._lock = threading.Lock()

    def pause(self, warm: bool) -> None:
        """A rebuild allocates much and frees most of it at once; Python's cyclic garbage
        collector would scan the whole heap (every cached page) many times over meanwhile.
        Paused from the plugin's first event of a build to its last, once a build has filled
        the caches (``warm``: a first build allocates the most and keeps it collected)."""
        if warm and gc.isenabled():
            gc.disable()
            self._paused = True

    def let_go(self, *held: object) -> None:
        """After a build: its records and pages (``held``) are freed, and the collector resumed,
        :data:`LET_GO_SECONDS` later, or when the next build starts if that is sooner. Freeing
        a large dossier's pages takes a while (half a second at 10,000 claims), which the
        editor would otherwise wait for before the browser reloads."""
        with self._lock:
            older, self._held = self._held, list(held)
        del older  # (none: the build's start let the one before go)
        timer = threading.Timer(LET_GO_SECONDS, self.drop)
        timer.daemon = True
        timer.start()

    def drop(self) -> None:
        """Free what is held now, and resume the collector."""
        with self._lock:
            held, self._held = self._held, []
            del held  # the last references: freed here
            if self._paused:
                gc.enable()
                self._paused = False
