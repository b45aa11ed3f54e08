"""Atomic output (issue 8.5): a build that fails leaves the previous ``site_dir`` untouched,
byte for byte, with nothing left beside it; only a successful build replaces it.

The failure comes from the dossier (a bad claims.yaml: every problem is reported), from a
strict build that aborts after writing every page (a broken link), and from another plugin:
a hook of this test's own, registered in the test site's ``mkdocs.yml``, raises at the moment
chosen by the environment variable ``HARDENING_FAIL`` (in ``on_config`` after the dossier
plugin has set up its temporary folder, in ``on_post_page`` halfway through writing pages, in
``on_post_build`` once every page is written, and in an ``on_post_build`` that runs after the
dossier plugin's), in strict and in non-strict builds. Each build is a real ``mkdocs build``
in a fresh interpreter.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fixtures import MINI_DIR

from . import kit

FAILING_HOOK = '''\
"""A hook that fails on purpose where HARDENING_FAIL says."""

from __future__ import annotations

import os

from mkdocs.exceptions import PluginError

WHEN = os.environ.get("HARDENING_FAIL", "")


def on_config(config):
    if WHEN == "config":
        raise RuntimeError("hook failed in on_config")
    return config


def on_post_page(output, /, *, page, config):
    if WHEN == "post_page" and page.file.src_uri.startswith("claims/"):
        raise RuntimeError("hook failed in on_post_page")
    return output


def on_post_build(*, config):
    if WHEN == "post_build":
        raise PluginError("hook failed in on_post_build")
'''


LATE_HOOK = '''\
"""A hook whose on_post_build runs after the plugins' ones (priority -1000) and fails."""

from __future__ import annotations

import os

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority


# Priority -1000: after the usual "last" (-100), as a plugin that wants the final word would.
@event_priority(-1000)
def on_post_build(*, config):
    if os.environ.get("HARDENING_FAIL") == "late_post_build":
        raise PluginError("hook failed late in on_post_build")
'''


class Project:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.site_dir = root / "out" / "site"
        hook = root / "failing_hook.py"
        hook.write_text(FAILING_HOOK, encoding="utf-8")
        late = root / "late_hook.py"
        late.write_text(LATE_HOOK, encoding="utf-8")
        self.strict = kit.write_project(root / "strict", kit.dossier(), hooks=(hook,))
        # Other records (so that a published failed build would show), and the late hook too.
        changed = kit.dossier()
        changed["claims"][0]["statement"] = "A statement the failed build must not publish."
        self.late = kit.write_project(root / "late", changed, hooks=(hook, late))
        self.lax = kit.write_project(root / "lax", kit.dossier(), hooks=(hook,), strict=False)
        self.before: dict[str, bytes] = {}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory, mkdocs_cli: Callable[..., Any]) -> Project:
    """The previous site: one good build, remembered byte for byte."""
    project = Project(tmp_path_factory.mktemp("atomic"))
    result = mkdocs_cli(project.strict, project.site_dir, env={"HARDENING_FAIL": ""})
    assert result.returncode == 0, result.stderr
    project.before = kit.tree(project.site_dir)
    assert "claims/few-sent/index.html" in project.before
    return project


def _assert_untouched(project: Project, result: Any, message: str) -> None:
    assert result.returncode != 0, result.stderr[-2000:]
    assert message in result.stderr, result.stderr[-2000:]
    after = kit.tree(project.site_dir)
    assert sorted(after) == sorted(project.before), "the file list changed"
    changed = [name for name in after if after[name] != project.before[name]]
    assert changed == [], f"changed files: {changed[:10]}"
    # Nothing left beside the site (no half-built or old copy).
    assert [p.name for p in project.site_dir.parent.iterdir()] == ["site"]


@pytest.mark.parametrize(
    ("when", "message"),
    [
        ("config", "hook failed in on_config"),
        ("post_page", "hook failed in on_post_page"),
        ("post_build", "hook failed in on_post_build"),
    ],
)
@pytest.mark.parametrize("strict", [True, False], ids=["strict", "not-strict"])
def test_a_failing_plugin_leaves_the_previous_site(
    project: Project, mkdocs_cli: Callable[..., Any], when: str, message: str, strict: bool
) -> None:
    config_dir = project.strict if strict else project.lax
    args = ("build", "--strict") if strict else ("build",)
    result = mkdocs_cli(config_dir, project.site_dir, env={"HARDENING_FAIL": when}, args=args)
    _assert_untouched(project, result, message)


def test_a_plugin_failing_after_the_swap_point_leaves_the_previous_site(
    project: Project, mkdocs_cli: Callable[..., Any], tmp_path: Path
) -> None:
    """The dossier plugin swaps the new site in from its own on_post_build (priority -100); a
    handler that runs after it and fails must not leave the failed build published."""
    own = Project.__new__(Project)  # a site of its own: a failure here must not spoil the others
    own.site_dir = tmp_path / "out" / "site"
    assert mkdocs_cli(project.strict, own.site_dir).returncode == 0
    own.before = kit.tree(own.site_dir)
    result = mkdocs_cli(project.late, own.site_dir, env={"HARDENING_FAIL": "late_post_build"})
    _assert_untouched(own, result, "hook failed late in on_post_build")


def test_only_a_successful_build_replaces_the_site(
    project: Project, mkdocs_cli: Callable[..., Any], tmp_path: Path
) -> None:
    """Runs last: a good build with changed records replaces the whole site."""
    data = kit.dossier()
    data["claims"][0]["statement"] = "A changed statement."
    del data["claims"][-1]  # picks-second: its page must go
    data["claims"][-1]["status"] = "reported"  # picks-first was superseded by it
    changed = kit.write_project(tmp_path / "changed", data)
    (project.site_dir / "stale.txt").write_text("left from before", encoding="utf-8")
    result = mkdocs_cli(changed, project.site_dir)
    assert result.returncode == 0, result.stderr
    after = kit.tree(project.site_dir)
    assert "stale.txt" not in after
    assert "claims/picks-second/index.html" not in after
    assert b"A changed statement." in after["claims/few-sent/index.html"]
    assert after != project.before
    assert [p.name for p in project.site_dir.parent.iterdir()] == ["site"]


# ---------------------------------------------------------------------------------------------
# The fixture dossier: a bad dossier, and a strict build failing after every page is written
# ---------------------------------------------------------------------------------------------


def broken_copy(tmp_path: Path) -> Path:
    """The fixture dossier with two mistakes: a citation of a missing source, a misspelt field."""
    project = tmp_path / "broken"
    shutil.copytree(MINI_DIR, project)
    claims = project / "claims.yaml"
    text = claims.read_text(encoding="utf-8")
    text = text.replace(
        '      - source: harbour-gazette\n        quote: "lit every night"',
        '      - source: no-such-source\n        quote: "lit every night"',
    )
    text = text.replace(
        '    statement: "The lanterns are never lit."', '    statment: "The lanterns are never lit."'
    )
    claims.write_text(text, encoding="utf-8")
    return project


def test_bad_dossier_aborts_and_leaves_the_previous_site(
    tmp_path: Path, mkdocs_cli: Callable[..., Any]
) -> None:
    site_dir = tmp_path / "site"
    good = mkdocs_cli(MINI_DIR, site_dir)
    assert good.returncode == 0, good.stderr
    before = kit.tree(site_dir)
    assert "claims/count-12/index.html" in before

    bad = mkdocs_cli(broken_copy(tmp_path), site_dir)
    assert bad.returncode != 0
    assert "Traceback" not in bad.stderr
    # Every problem, each with file:line:col and the field.
    assert "claims.yaml:" in bad.stderr
    lines = [line for line in bad.stderr.splitlines() if "claims.yaml:" in line and ": claims" in line]
    assert any("no-such-source" in line for line in lines), bad.stderr
    assert any("statment" in line for line in lines), bad.stderr
    assert "problems in claims.yaml" in bad.stderr
    # The previous site is untouched and nothing was left beside it.
    assert kit.tree(site_dir) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken", "site"]


def test_a_build_failing_late_leaves_the_previous_site(
    tmp_path: Path, mkdocs_cli: Callable[..., Any]
) -> None:
    """A strict build that aborts after writing every page (a broken link) publishes nothing."""
    site_dir = tmp_path / "site"
    assert mkdocs_cli(MINI_DIR, site_dir).returncode == 0
    before = kit.tree(site_dir)
    project = tmp_path / "late"
    shutil.copytree(MINI_DIR, project)
    index = project / "content" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n[A broken link](missing.md)\n", encoding="utf-8")
    result = mkdocs_cli(project, site_dir)
    assert result.returncode != 0
    assert "missing.md" in result.stderr
    assert kit.tree(site_dir) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["late", "site"]
