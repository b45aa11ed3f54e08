"""`mkdocs serve` on a broken claims.yaml: it starts, every page answers at once with the
problems in the site's look, and the site comes back when the file is fixed.

A real ``mkdocs serve`` on a free port of 127.0.0.1, fetched over HTTP with a timeout on every
request; waiting for a rebuild polls with a generous deadline (nothing here is timed).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

import pytest
from fixtures import MINI_DIR

REPO = Path(__file__).resolve().parents[2]
MKDOCS = Path(sys.executable).with_name("mkdocs")
SITE_ENV = ("SITE_URL", "REPO_URL", "EDIT_URI", "DOSSIER_SNAPSHOTS")  # as in tests/conftest.py

DEADLINE = 180.0  # seconds: the longest a build may take on a busy machine
BROKEN_STATUS = "    status: disputed\n"
PROBLEM = re.compile(r"claims\.yaml:(\d+):5: questions\[0\] \(how-many-lanterns\)\.status: YAML syntax error")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def _until(url: str, wanted: str) -> tuple[int, str]:
    end = time.monotonic() + DEADLINE
    last: tuple[int, str] = (0, "")
    while time.monotonic() < end:
        try:
            last = _get(url)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            last = (0, "")
        if wanted in last[1]:
            return last
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed {wanted!r}; last answer: {last[0]} {last[1][:300]!r}")


@pytest.fixture
def broken_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(MINI_DIR, project)
    claims = project / "claims.yaml"
    text = claims.read_text(encoding="utf-8")
    assert BROKEN_STATUS in text
    claims.write_text(text.replace(BROKEN_STATUS, "    status disputed\n", 1), encoding="utf-8")
    return project


def start_serve(project: Path, port: int, log: TextIO) -> subprocess.Popen[str]:
    """The real ``mkdocs serve`` of ``project`` on ``port``, its output in ``log``."""
    env = {k: v for k, v in os.environ.items() if k not in SITE_ENV}
    env.update(NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(REPO))
    return subprocess.Popen(
        [str(MKDOCS), "serve", "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )


@pytest.fixture
def served(broken_project: Path, tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[str], Path]]:
    port = _free_port()
    log = (tmp_path / "serve.log").open("w", encoding="utf-8")
    proc = start_serve(broken_project, port, log)
    try:
        yield f"http://127.0.0.1:{port}/", proc, tmp_path / "serve.log"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)
        log.close()


def test_serve_starts_on_a_broken_file_shows_the_problems_and_recovers(
    served: tuple[str, subprocess.Popen[str], Path], broken_project: Path
) -> None:
    url, proc, log_path = served
    status, home = _until(url, "The dossier cannot be built")
    assert proc.poll() is None, "serve must keep running on a broken file"
    assert status == 200
    problem = PROBLEM.search(home)
    assert problem is not None, home
    claims = broken_project / "claims.yaml"
    broken_line = claims.read_text(encoding="utf-8").splitlines().index("    status disputed") + 1
    assert int(problem.group(1)) == broken_line
    assert 'class="md-header' in home  # in the site's look (Material)

    # Every page answers at once, in the navigation or not (a claim page of the real site).
    for path in ("questions/", "conflicts/", "claims/count-12/", "no-such-page/"):
        code, page = _get(url + path)
        assert PROBLEM.search(page), (path, code, page[:300])
        assert code == (200 if path in ("questions/", "conflicts/") else 404)

    # The terminal lists the problem once for the one build so far.
    logged = log_path.read_text(encoding="utf-8")
    assert len(PROBLEM.findall(logged)) == 1, logged
    assert "appear stuck" not in logged

    # Live reload: the page's script waits for a newer build, which the fix makes.
    epoch = re.search(r"livereload\((\d+),", home)
    assert epoch is not None
    claims.write_text(
        claims.read_text(encoding="utf-8").replace("    status disputed\n", BROKEN_STATUS, 1),
        encoding="utf-8",
    )
    _code, newer = _get(f"{url}livereload/{epoch.group(1)}/1")
    assert int(newer) > int(epoch.group(1))
    _until(url + "claims/count-12/", "There are 12 lanterns on the pier.")
    code, home = _get(url)
    assert code == 200 and "The dossier cannot be built" not in home
    assert proc.poll() is None
    logged = log_path.read_text(encoding="utf-8")
    assert len(PROBLEM.findall(logged)) == 1 and "appear stuck" not in logged

    # Broken again after a good build: the pages of that build answer with the problems.
    claims.write_text(
        claims.read_text(encoding="utf-8").replace(BROKEN_STATUS, "    status disputed\n", 1),
        encoding="utf-8",
    )
    code, page = _until(url + "claims/count-12/", "The dossier cannot be built")
    assert code == 200 and PROBLEM.search(page)
    builds = log_path.read_text(encoding="utf-8").split("Building documentation")
    assert [len(PROBLEM.findall(b)) for b in builds[1:]].count(1) >= 2
    assert all(len(PROBLEM.findall(b)) <= 1 for b in builds), "listed once per build"
