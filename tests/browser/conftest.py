"""Fixtures for the browser tests: the real dossier site, served on 127.0.0.1, in Debian's Chromium.

* ``dossier_site`` builds the repository's dossier ONCE per session with a real
  ``mkdocs build --strict`` (snapshots from ``DOSSIER_SNAPSHOTS`` when it is set) and serves it
  from a background thread; ``base_url`` points Playwright at it, so ``page.goto("claims/x/")``
  works.
* Chromium is ``/usr/bin/chromium``. When it is missing the tests are skipped, except in CI
  (``CI`` set), where they fail: CI must never silently drop them.
* Every browser context is watched: a test fails if any request goes to a host other than
  127.0.0.1, any console error or uncaught page error appears, or any dialog opens.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import expect

from .harness import (
    AXE_JS,
    CHROMIUM,
    REPO,
    VNU_JAR,
    BuildFailed,
    Monitor,
    bind_server,
    build_or_raise,
    dossier_claims_file,
    launch_args,
    server_url,
    serving,
)

MONITOR_KEY = pytest.StashKey["Monitor"]()

# The machine running the tests may be busy: give pages time, rather than fail on a slow load.
expect.set_options(timeout=15_000)


def _missing(what: str) -> None:
    """Skip locally, fail in CI: browser tests are never skipped there."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} (CI is set: browser tests must run, not skip)", pytrace=False)
    pytest.skip(what)


@dataclass(frozen=True)
class Site:
    """The built and served dossier site."""

    root: Path  # the built site_dir
    url: str  # http://127.0.0.1:PORT/
    claims_file: Path  # a copy of the claims.yaml it was built from

    def data(self) -> dict[str, Any]:
        return yaml.safe_load(self.claims_file.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def dossier_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    site_dir = tmp_path_factory.mktemp("dossier-site")
    # The tests compare the pages with the records they were built from: keep a copy, so that
    # an edit to claims.yaml during the run cannot make them disagree.
    claims_copy = tmp_path_factory.mktemp("dossier-records") / dossier_claims_file().name
    claims_copy.write_bytes(dossier_claims_file().read_bytes())
    server = bind_server(site_dir)
    try:
        build_or_raise(REPO / "mkdocs.yml", site_dir, env={"SITE_URL": server_url(server)}, cwd=REPO)
    except BuildFailed as exc:
        server.server_close()
        pytest.fail(str(exc), pytrace=False)
    with serving(server) as url:
        yield Site(root=site_dir, url=url, claims_file=claims_copy)


@pytest.fixture(scope="session")
def base_url(dossier_site: Site) -> str:
    """Playwright resolves relative ``page.goto`` addresses against the served dossier."""
    return dossier_site.url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    if not CHROMIUM.exists():
        _missing(f"{CHROMIUM} is not installed (apt-get install chromium)")
    return {**browser_type_launch_args, **launch_args()}


@pytest.fixture
def monitor(request: pytest.FixtureRequest) -> Monitor:
    """What the browser did during the test; checked when the test body ends."""
    found = Monitor()
    request.node.stash[MONITOR_KEY] = found
    return found


@pytest.fixture
def new_context(new_context: Callable[..., Any], monitor: Monitor) -> Callable[..., Any]:
    """Every context a test opens is watched by the test's monitor."""

    def watched(**kwargs: Any) -> Any:
        return monitor.watch(new_context(**kwargs))

    return watched


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Fail the test itself (not its teardown) on anything the monitor saw."""
    result = yield
    monitor = item.stash.get(MONITOR_KEY, None)
    if monitor is not None:
        problems = monitor.problems()
        if problems:
            pytest.fail("the browser saw:\n  " + "\n  ".join(problems), pytrace=False)
    return result


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_JS.exists():
        _missing(f"{AXE_JS.relative_to(REPO)} is missing (run: npm ci)")
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def vnu_jar() -> Path:
    if not VNU_JAR.exists():
        _missing(f"{VNU_JAR.relative_to(REPO)} is missing (run: npm ci)")
    return VNU_JAR
