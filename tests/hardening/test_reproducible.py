"""Reproducible builds (issue 8.4): the real site built twice is byte-identical.

The second build runs from a copy of the site's files in another folder (no path of the
checkout may reach the output), with ``PYTHONHASHSEED`` 0 vs 12345, ``TZ`` UTC vs
Pacific/Kiritimati (UTC+14: another calendar day for most of the day), another locale
(``LC_ALL`` and ``LANG``), and the same ``SOURCE_DATE_EPOCH``: today at midnight UTC
(validation rejects dates after today, so a build date in the past would not do). The first
differing file is shown with its first differing line. Without ``SOURCE_DATE_EPOCH``, the
fixture dossier's date stands for the build's, whatever the time zone.
"""

from __future__ import annotations

import difflib
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from fixtures import MINI_DIR

from . import kit

#: What a build of the site reads besides the installed plugin.
SITE_FILES = ("mkdocs.yml", "claims.yaml", "content", "overrides", "hooks")


def _other_locale() -> str:
    """A locale other than C.UTF-8 that this machine has (POSIX at least)."""
    listed = subprocess.run(["locale", "-a"], capture_output=True, text=True, check=False).stdout.split()
    others = [name for name in listed if name.lower() not in {"c", "c.utf8", "c.utf-8", "posix"}]
    utf8 = [name for name in others if name.lower().endswith((".utf8", ".utf-8"))]
    return (utf8 or others or ["POSIX"])[0]


def _first_difference(a: dict[str, bytes], b: dict[str, bytes]) -> str:
    if a.keys() != b.keys():
        only_a, only_b = sorted(a.keys() - b.keys())[:5], sorted(b.keys() - a.keys())[:5]
        return f"file lists differ: only in a {only_a}, only in b {only_b}"
    for name in a:
        if a[name] != b[name]:
            try:
                lines_a = a[name].decode("utf-8").splitlines()
                lines_b = b[name].decode("utf-8").splitlines()
            except UnicodeDecodeError:
                return f"{name} differs (binary)"
            diff = list(difflib.unified_diff(lines_a, lines_b, "a/" + name, "b/" + name, n=0, lineterm=""))
            return f"{name} differs:\n" + "\n".join(line[:200] for line in diff[:8])
    return ""


def test_the_real_site_builds_byte_identically(tmp_path: Path, mkdocs_cli: Callable[..., Any]) -> None:
    epoch = str(int(time.time()) // 86_400 * 86_400)
    copy = tmp_path / "elsewhere" / "checkout"
    copy.mkdir(parents=True)
    if (kit.REPO / ".git").exists():
        # The same commits, so the same history (the History sections, the changes, the feeds).
        subprocess.run(["git", "clone", "-q", str(kit.REPO), str(copy)], check=True, capture_output=True)
    for name in SITE_FILES:
        source = kit.REPO / name
        if source.is_dir():
            shutil.copytree(
                source, copy / name, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True
            )
        else:
            shutil.copy2(source, copy / name)
    locale = _other_locale()
    runs = (
        (kit.REPO, "a", {"PYTHONHASHSEED": "0", "TZ": "UTC", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}),
        (
            copy,
            "b",
            {"PYTHONHASHSEED": "12345", "TZ": "Pacific/Kiritimati", "LC_ALL": locale, "LANG": locale},
        ),
    )
    trees = []
    for project, name, env in runs:
        result = mkdocs_cli(
            project, tmp_path / name, env={"SOURCE_DATE_EPOCH": epoch, "DOSSIER_SNAPSHOTS": None, **env}
        )
        assert result.returncode == 0, result.stderr[-3000:]
        trees.append(kit.tree(tmp_path / name))
    # Whichever dossier is at the root: a page for each of its claims, in both builds.
    claims = yaml.safe_load((kit.REPO / "claims.yaml").read_text(encoding="utf-8"))["claims"]
    assert claims and all(f"claims/{c['id']}/index.html" in trees[0] for c in claims)
    difference = _first_difference(*trees)
    assert not difference, f"(locale {locale}) " + difference


def test_without_source_date_epoch_the_dossier_date_is_the_build_date(
    tmp_path: Path, mkdocs_cli: Callable[..., Any]
) -> None:
    env = {"SOURCE_DATE_EPOCH": None}  # removed from the environment the build runs in
    results = []
    for name, tz in (("a", "UTC"), ("b", "America/Anchorage")):
        result = mkdocs_cli(MINI_DIR, tmp_path / name, env={**env, "TZ": tz})
        assert result.returncode == 0, result.stderr
        results.append(kit.tree(tmp_path / name))
    assert results[0] == results[1]
    sitemap = (tmp_path / "a" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2024-11-02</lastmod>" in sitemap  # dossier.updated of the fixture
