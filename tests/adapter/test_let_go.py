"""Under serve a build's records and pages are freed after the browser has reloaded: half a
second after the build, or when the next build starts if that is sooner."""

from __future__ import annotations

import gc
import time
import weakref
from pathlib import Path

from fixtures import MINI_DIR
from mkdocs.config import load_config

from site_plugins.dossier.adapter.collector import LET_GO_SECONDS
from site_plugins.dossier.adapter.rebuild import Rebuild


class Held:
    """Stands for a build's records and pages."""


def test_a_build_is_let_go_a_moment_after_it_ends() -> None:
    rebuild = Rebuild()
    held = Held()
    alive = weakref.ref(held)
    rebuild.collector.let_go(held)
    del held
    assert alive() is not None  # the build has just ended: the browser reloads first
    deadline = time.monotonic() + 20 * LET_GO_SECONDS
    while alive() is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert alive() is None
    rebuild.close()


def test_the_next_build_lets_the_last_go_at_once_and_the_collector_runs_again(tmp_path: Path) -> None:
    config = load_config(config_file=str(MINI_DIR / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    rebuild = Rebuild()
    try:
        rebuild.finish(set(), str(tmp_path / "site"), None)  # a build has ended: the next pauses gc
        rebuild.start(config)
        assert not gc.isenabled()  # paused while the build runs
        held = Held()
        alive = weakref.ref(held)
        rebuild.collector.let_go(held)
        del held
        assert not gc.isenabled()  # still paused: the build's objects are not scanned before they go
        rebuild.start(config)
        assert alive() is None
        rebuild.close()
        assert gc.isenabled()
    finally:
        gc.enable()
