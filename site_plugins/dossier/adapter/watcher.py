"""Under ``mkdocs serve``: a save noticed sooner.

MkDocs' live-reload server looks for changes by polling every half second, and after the last
change it waits a tenth of a second more before it builds. With the fast rebuild
(:mod:`.rebuild`) the half-second polls were a third of the time from a save to the page in the
browser at 1,000 claims. :func:`quicken` polls every twentieth of a second instead (a poll only
reads the sizes and times of the watched files: the hand-written pages, ``mkdocs.yml``,
``claims.yaml``) and keeps MkDocs' wait of a tenth of a second, two polls: a save is one change
however long its writes take, as long as the file keeps changing from one poll to the next.
(A wait shorter than a poll does not join them: saving a 10 MB ``claims.yaml`` can take a
tenth of a second, and a poll in the middle of it started a build of the half-written file and,
after it, a second build of the whole.)

It uses the server's public ``observer``, ``watch``, ``unwatch`` and ``build_delay``, and reads
the paths it watches (and how often each was asked for) from its ``_watched_paths``, which has no
public accessor (the observer's own watches are not those paths: watchdog watches a file through
its folder). Each watch moves to a faster observer before the server starts it; a server of
another kind, or one already watching, is left as it is.
"""

from __future__ import annotations

from typing import Any

from watchdog.observers.polling import PollingObserver

#: Seconds between two looks at the watched files.
POLL_SECONDS = 0.05
#: Seconds the files must stay unchanged before the build starts: longer than a poll, so that
#: the looks during one save join into one change (MkDocs' own wait).
SETTLE_SECONDS = 2 * POLL_SECONDS


def quicken(server: Any) -> None:
    """Make ``server`` (MkDocs' ``LiveReloadServer``, not yet serving) notice a save sooner."""
    observer = getattr(server, "observer", None)
    paths = getattr(server, "_watched_paths", None)
    refs = getattr(server, "_watch_refs", None)
    if (
        not isinstance(observer, PollingObserver)
        or observer.is_alive()
        or observer.timeout <= POLL_SECONDS
        or not isinstance(paths, dict)
        or not isinstance(refs, dict)
        or not all(callable(getattr(server, name, None)) for name in ("watch", "unwatch"))
    ):
        return
    moved = [(path, times, getattr(refs.get(path), "is_recursive", True)) for path, times in paths.items()]
    for path, times, _recursive in moved:
        for _ in range(times):
            server.unwatch(path)
    server.observer = PollingObserver(timeout=POLL_SECONDS)
    for path, times, recursive in moved:
        for _ in range(times):
            server.watch(path, recursive=recursive)
    server.build_delay = max(float(getattr(server, "build_delay", SETTLE_SECONDS)), SETTLE_SECONDS)
