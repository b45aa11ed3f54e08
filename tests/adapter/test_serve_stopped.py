"""A stopped ``mkdocs serve`` leaves no process behind: the second process, which draws the
charts and cards, ends with the server however the server ends (here: killed outright, when
neither Ctrl-C's clean-up nor the plugin's on_shutdown runs)."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from fixtures import MINI_DIR

from site_plugins.dossier.machine import spare_core
from site_plugins.dossier.site.chart_worker import PARENT_CHECK_SECONDS

from .test_serve_broken import _free_port, _until, start_serve


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")  # ended, not yet reaped: not running


@pytest.mark.skipif(not spare_core(), reason="with one core the charts are drawn in the build's own process")
def test_the_second_process_ends_when_serve_is_killed(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(MINI_DIR, project)
    port = _free_port()
    with (tmp_path / "serve.log").open("w", encoding="utf-8") as log:
        proc = start_serve(project, port, log)
        left: list[int] = []
        try:
            _until(f"http://127.0.0.1:{port}/claims/count-12/", "There are 12 lanterns on the pier.")
            left = _children(proc.pid)
            assert left, "the first build started no second process"
        finally:
            proc.kill()
            proc.wait(timeout=30)
    deadline = time.monotonic() + 20 * PARENT_CHECK_SECONDS
    while any(_running(pid) for pid in left) and time.monotonic() < deadline:
        time.sleep(0.1)
    still = [pid for pid in left if _running(pid)]
    for pid in still:
        os.kill(pid, 9)
    assert not still, "processes the killed server started drew on after it had ended"
