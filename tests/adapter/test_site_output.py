"""Whole-site properties of the output: atomic replacement and byte-identical rebuilds."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fixtures import MINI_DIR


def tree_digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


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
    before = tree_digest(site_dir)
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
    assert tree_digest(site_dir) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken", "site"]


def test_a_successful_build_replaces_the_site_whole(tmp_path: Path, mkdocs_cli: Callable[..., Any]) -> None:
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "stale.html").write_text("old", encoding="utf-8")
    result = mkdocs_cli(MINI_DIR, site_dir)
    assert result.returncode == 0, result.stderr
    assert not (site_dir / "stale.html").exists()
    assert (site_dir / "conflicts" / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_two_builds_are_byte_identical(tmp_path: Path, mkdocs_cli: Callable[..., Any]) -> None:
    common = {"SOURCE_DATE_EPOCH": "1735689600"}
    first = mkdocs_cli(
        MINI_DIR, tmp_path / "a", env={**common, "PYTHONHASHSEED": "1", "TZ": "UTC", "LC_ALL": "C.UTF-8"}
    )
    second = mkdocs_cli(
        MINI_DIR,
        tmp_path / "b",
        env={**common, "PYTHONHASHSEED": "4242", "TZ": "Pacific/Kiritimati", "LC_ALL": "C"},
    )
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    a, b = tree_digest(tmp_path / "a"), tree_digest(tmp_path / "b")
    assert a.keys() == b.keys()
    assert [name for name in a if a[name] != b[name]] == []


def test_without_source_date_epoch_the_dossier_date_is_the_build_date(
    tmp_path: Path, mkdocs_cli: Callable[..., Any]
) -> None:
    env = {"SOURCE_DATE_EPOCH": None}  # removed from the environment the build runs in
    results = []
    for name, tz in (("a", "UTC"), ("b", "America/Anchorage")):
        result = mkdocs_cli(MINI_DIR, tmp_path / name, env={**env, "TZ": tz})
        assert result.returncode == 0, result.stderr
        results.append(tree_digest(tmp_path / name))
    assert results[0] == results[1]
    sitemap = (tmp_path / "a" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2024-11-02</lastmod>" in sitemap  # dossier.updated of the fixture


def test_a_build_failing_late_leaves_the_previous_site(
    tmp_path: Path, mkdocs_cli: Callable[..., Any]
) -> None:
    """A strict build that aborts after writing every page (a broken link) publishes nothing."""
    site_dir = tmp_path / "site"
    assert mkdocs_cli(MINI_DIR, site_dir).returncode == 0
    before = tree_digest(site_dir)
    project = tmp_path / "late"
    shutil.copytree(MINI_DIR, project)
    index = project / "content" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n[A broken link](missing.md)\n", encoding="utf-8")
    result = mkdocs_cli(project, site_dir)
    assert result.returncode != 0
    assert "missing.md" in result.stderr
    assert tree_digest(site_dir) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["late", "site"]
