"""Under `mkdocs serve` a save is noticed sooner: every watch moved to a faster observer.

Uses MkDocs' own live-reload server (not started: no port is opened) and watchdog's real
polling observer, which is then started to see that a change of a watched file is noticed.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from mkdocs.livereload import LiveReloadServer
from watchdog.observers.polling import PollingObserver

from site_plugins.dossier.adapter.watcher import POLL_SECONDS, SETTLE_SECONDS, quicken


def _server(root: Path) -> LiveReloadServer:
    return LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(root))


def _watched(server: LiveReloadServer) -> list[tuple[str, bool]]:
    """What the observer watches (watchdog watches a file through its folder, not recursively)."""
    return sorted((e.watch.raw_path, e.watch.is_recursive) for e in server.observer.emitters)


def test_every_watch_moves_to_a_faster_observer(tmp_path: Path) -> None:
    docs = tmp_path / "content"
    docs.mkdir()
    claims = tmp_path / "claims.yaml"
    claims.write_text("claims: []\n", encoding="utf-8")
    server = _server(tmp_path)
    try:
        slow = server.observer
        server.watch(str(docs))
        server.watch(str(claims), recursive=False)
        server.watch(str(claims), recursive=False)  # watched twice: unwatched twice, later
        before = _watched(server)
        quicken(server)
        assert server.observer is not slow and isinstance(server.observer, PollingObserver)
        assert server.observer.timeout == POLL_SECONDS
        assert server.build_delay == SETTLE_SECONDS
        assert _watched(server) == before == [(str(claims), False), (str(docs), True)]
        assert server._watched_paths == {str(docs): 1, str(claims): 2}
        assert not slow.emitters, "the old observer, never started, keeps no watch"
        server.unwatch(str(claims))
        assert _watched(server) == before, "the second watch of the same path is kept"
        server.unwatch(str(claims))
        assert _watched(server) == [(str(docs), True)]
    finally:
        server.server_close()


def test_a_save_is_noticed_within_a_few_polls(tmp_path: Path) -> None:
    claims = tmp_path / "claims.yaml"
    claims.write_text("claims: []\n", encoding="utf-8")
    server = _server(tmp_path)
    seen = threading.Event()
    try:
        server.watch(str(claims), recursive=False)
        quicken(server)
        handler = type("Seen", (), {"dispatch": lambda self, event: seen.set()})()
        for emitter in server.observer.emitters:  # beside the server's own handler
            server.observer.add_handler_for_watch(handler, emitter.watch)
        server.observer.start()
        time.sleep(3 * POLL_SECONDS)  # the first look taken
        claims.write_text("claims: [1]\n", encoding="utf-8")
        assert seen.wait(timeout=10), "the change of claims.yaml was not noticed"
    finally:
        if server.observer.is_alive():
            server.observer.stop()
            server.observer.join(timeout=10)
        server.server_close()


def test_a_started_or_other_observer_is_left_alone(tmp_path: Path) -> None:
    server = _server(tmp_path)
    try:
        other = object()
        server.observer = other  # type: ignore[assignment]
        quicken(server)
        assert server.observer is other and server.build_delay == 0.1
    finally:
        server.server_close()


def test_a_save_written_in_parts_a_poll_apart_is_one_build_of_the_whole_file(tmp_path: Path) -> None:
    # A large claims.yaml's save takes a while (10 MB: about a tenth of a second): a poll in the
    # middle of it must not start a build of the half-written file, then another of the whole.
    claims = tmp_path / "claims.yaml"
    claims.write_text("claims: []\n", encoding="utf-8")
    builds: list[str] = []
    server = LiveReloadServer(
        builder=lambda: builds.append(claims.read_text(encoding="utf-8")),
        host="127.0.0.1",
        port=0,
        root=str(tmp_path),
    )
    server.watch(str(claims), recursive=False)
    quicken(server)
    serving = threading.Thread(target=server.serve, daemon=True)  # its build loop, as mkdocs serve
    serving.start()
    try:
        time.sleep(3 * POLL_SECONDS)  # the first look taken
        with claims.open("w", encoding="utf-8") as out:
            out.write("claims: [1,")
            out.flush()
            time.sleep(POLL_SECONDS)  # a look sees the file half written
            out.write(" 2]\n")
        deadline = time.monotonic() + 10
        while not builds and time.monotonic() < deadline:
            time.sleep(POLL_SECONDS)
        time.sleep(20 * POLL_SECONDS)  # time for a second build, if the save were taken as two
    finally:
        server.shutdown(wait=True)
        serving.join(timeout=10)
    assert builds == ["claims: [1, 2]\n"]
