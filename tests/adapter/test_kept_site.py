"""The site folder kept between rebuilds (adapter/kept_site.py), on a folder in ``tmp_path``,
doing what MkDocs does between the plugin's calls: empty the folder but its hidden entries."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from site_plugins.dossier.adapter.kept_site import HELD, KeptSite


def _clean(site: Path) -> None:
    """MkDocs' own cleaning: every entry but the hidden ones."""
    for entry in site.iterdir():
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def _build(kept: KeptSite, site: Path, files: dict[str, str]) -> dict[str, bool]:
    """One build writing ``files`` (path -> text); returns which were kept rather than written."""
    kept.hold(str(site))
    _clean(site)
    kept.release(str(site))
    was_kept = {}
    for path, text in files.items():
        was_kept[path] = kept.unchanged(path, text)  # the text stands for its digest
        if not was_kept[path]:
            target = site / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    kept.sweep(str(site))
    return was_kept


def _tree(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): p.read_text(encoding="utf-8") for p in site.rglob("*") if p.is_file()}


def test_unchanged_files_stay_and_the_rest_is_what_the_build_wrote(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    kept = KeptSite()
    first = {"a/index.html": "A", "b/index.html": "B", "c.json": "C"}
    assert _build(kept, site, first) == dict.fromkeys(first, False)  # nothing to keep yet
    second = {"a/index.html": "A", "b/index.html": "B2", "d.json": "D"}
    assert _build(kept, site, second) == {"a/index.html": True, "b/index.html": False, "d.json": False}
    # c.json was neither written nor kept: it is gone; nothing hidden is left behind.
    assert _tree(site) == second
    assert not (site / HELD).exists()


def test_folders_left_empty_are_removed(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    kept = KeptSite()
    _build(kept, site, {"claims/x/index.html": "X", "claims/y/index.html": "Y"})
    _build(kept, site, {"claims/y/index.html": "Y"})
    assert not (site / "claims" / "x").exists()
    assert _tree(site) == {"claims/y/index.html": "Y"}


def test_a_failed_build_makes_the_next_one_write_everything(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    kept = KeptSite()
    files = {"a/index.html": "A"}
    _build(kept, site, files)
    kept.hold(str(site))
    kept.forget()  # the build failed half-way; MkDocs cleans the next time
    _clean(site)
    assert _build(kept, site, files) == {"a/index.html": False}
    assert _tree(site) == files


def test_a_file_written_by_someone_else_in_this_build_stays(tmp_path: Path) -> None:
    """The sweep removes only what is older than the build: another plugin's new file stays."""
    site = tmp_path / "site"
    site.mkdir()
    kept = KeptSite()
    _build(kept, site, {"a/index.html": "A"})
    kept.hold(str(site))
    _clean(site)
    kept.release(str(site))
    (site / "search").mkdir()
    (site / "search" / "index.json").write_text("{}", encoding="utf-8")
    os.utime(site / "search" / "index.json")
    kept.unchanged("a/index.html", "A")
    kept.sweep(str(site))
    assert _tree(site) == {"a/index.html": "A", "search/index.json": "{}"}
