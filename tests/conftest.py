"""Shared fixtures: real MkDocs builds into ``tmp_path``.

``build_site(project)`` runs a real ``mkdocs build --strict`` (MkDocs' own ``build`` on a
config loaded from the project's ``mkdocs.yml``) into a fresh folder and returns a
:class:`BuiltSite` to read pages from. Every WARNING or ERROR MkDocs logs fails the test unless
the test lists it in ``expect`` (substrings); a build that fails raises, unless the test asks
for ``fails=True`` and then gets the log to assert on.

``run_mkdocs(...)`` runs the ``mkdocs`` command in a subprocess, for tests that need a fresh
interpreter (reproducibility across ``PYTHONHASHSEED``/``TZ``, exit codes).

``write(text)`` writes a claims file into ``tmp_path``; ``valid_text`` is the valid fixture
dossier's text (``fixtures/valid.yaml``), for tests that edit it in one place.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fixtures import VALID

REPO = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).with_name("mkdocs")
#: ProperDocs, the MkDocs 1.6 fork (a test dependency): it runs the plugin and Material unchanged.
PROPERDOCS = Path(sys.executable).with_name("properdocs")

# Material 9.8 prints an end-of-life banner on every build unless this is set.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

#: Environment read by mkdocs.yml through !ENV; tests pin them so local settings don't leak in.
SITE_ENV = ("SITE_URL", "REPO_URL", "EDIT_URI", "DOSSIER_SNAPSHOTS")


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@dataclass
class BuiltSite:
    """A site built by :func:`build_site`, and what MkDocs logged while building it."""

    site_dir: Path
    records: list[logging.LogRecord] = field(default_factory=list)
    error: BaseException | None = None

    @property
    def messages(self) -> list[str]:
        return [r.getMessage() for r in self.records]

    def problems(self) -> list[str]:
        """Messages at WARNING or above."""
        return [r.getMessage() for r in self.records if r.levelno >= logging.WARNING]

    def path(self, url: str) -> Path:
        """The file serving a site-relative address (``claims/x/`` -> ``claims/x/index.html``)."""
        url = url.lstrip("/")
        if url == "" or url.endswith("/"):
            url += "index.html"
        return self.site_dir / url

    def page(self, url: str) -> str:
        return self.path(url).read_text(encoding="utf-8")

    def content(self, url: str) -> str:
        """The page's article (what the page says, without the theme's header, nav and footer)."""
        html = self.page(url)
        start = html.index('<article class="md-content__inner md-typeset">')
        end = html.index("</article>", start)
        return html[start:end]

    def files(self) -> list[str]:
        return sorted(
            p.relative_to(self.site_dir).as_posix() for p in self.site_dir.rglob("*") if p.is_file()
        )


def do_build(
    project: Path,
    site_dir: Path,
    *,
    expect: Sequence[str] = (),
    fails: bool = False,
    overrides: Mapping[str, object] | None = None,
) -> BuiltSite:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    recorder = _Recorder()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(recorder)
    old_level = logger.level
    logger.setLevel(logging.INFO)
    result = BuiltSite(site_dir=site_dir, records=recorder.records)
    try:
        options: dict[str, Any] = {"strict": True, **(overrides or {})}
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir), **options)
        build(config)
    except (Abort, PluginError, ConfigurationError, SystemExit) as exc:
        result.error = exc
        if not fails:
            pytest.fail(
                "the build failed:\n" + "\n".join(result.problems() or [repr(exc)]),
                pytrace=False,
            )
    finally:
        logger.removeHandler(recorder)
        logger.setLevel(old_level)
    if fails:
        if result.error is None:
            pytest.fail("the build was expected to fail but succeeded", pytrace=False)
        return result
    unexpected = [m for m in result.problems() if not any(e in m for e in expect)]
    if unexpected:
        pytest.fail("unexpected MkDocs warnings:\n" + "\n".join(unexpected), pytrace=False)
    return result


@pytest.fixture
def site_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Pin the !ENV settings of mkdocs.yml to their local defaults for the test."""
    for name in SITE_ENV:
        monkeypatch.delenv(name, raising=False)
    yield


@pytest.fixture
def build_site(tmp_path: Path, site_env: None) -> Callable[..., BuiltSite]:
    """``build_site(project=REPO, *, expect=(), fails=False, site_dir=None, **overrides)``."""
    counter = iter(range(1_000))

    def _build(
        project: Path = REPO,
        *,
        expect: Sequence[str] = (),
        fails: bool = False,
        site_dir: Path | None = None,
        **overrides: object,
    ) -> BuiltSite:
        target = site_dir or tmp_path / f"site-{next(counter)}"
        return do_build(project, target, expect=expect, fails=fails, overrides=overrides)

    return _build


def run_mkdocs(
    project: Path,
    site_dir: Path,
    *,
    env: Mapping[str, str | None] | None = None,
    args: Sequence[str] = ("build", "--strict"),
    program: Path = MKDOCS,
) -> subprocess.CompletedProcess[str]:
    """Run the ``mkdocs`` command (or ``program``, e.g. ``properdocs``) on ``project`` in a fresh
    interpreter."""
    full_env = {k: v for k, v in os.environ.items() if k not in SITE_ENV}
    full_env["NO_MKDOCS_2_WARNING"] = "1"
    for name, value in (env or {}).items():  # None removes a variable
        if value is None:
            full_env.pop(name, None)
        else:
            full_env[name] = value
    return subprocess.run(
        [str(program), *args, "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site_dir)],
        cwd=project,
        env=full_env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def build_once(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., BuiltSite]:
    """Like ``build_site`` but for session- or module-scoped sites (built once, read by many tests).

    ``env`` sets variables that mkdocs.yml reads with !ENV (the others are cleared)."""

    def _build(
        project: Path = REPO,
        *,
        expect: Sequence[str] = (),
        env: Mapping[str, str] | None = None,
        **overrides: object,
    ) -> BuiltSite:
        with pytest.MonkeyPatch.context() as mp:
            for name in SITE_ENV:
                mp.delenv(name, raising=False)
            for name, value in (env or {}).items():
                mp.setenv(name, value)
            target = tmp_path_factory.mktemp(project.name) / "site"
            return do_build(project, target, expect=expect, overrides=overrides)

    return _build


@pytest.fixture(scope="session")
def mkdocs_cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    """:func:`run_mkdocs`: ``mkdocs_cli(project, site_dir, env={...}, args=("build", "--strict"))``."""
    return run_mkdocs


@pytest.fixture
def valid_text() -> str:
    return VALID.read_text(encoding="utf-8")


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write text (or bytes) to a claims file in tmp_path and return its path."""

    def _write(content: str | bytes, name: str = "claims.yaml") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write
