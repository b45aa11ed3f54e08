"""The plugin's options, checked through real MkDocs config loading and builds."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fixtures import MINI_DIR
from mkdocs.config import load_config

import site_plugins.dossier.adapter.config as config_module
from site_plugins.dossier.adapter.config import DossierConfig
from site_plugins.dossier.adapter.plugin import DossierPlugin


def project_with(tmp_path: Path, plugin_options: str) -> Path:
    """A copy of the fixture dossier whose ``dossier:`` plugin entry has ``plugin_options``."""
    project = tmp_path / "project"
    shutil.copytree(MINI_DIR, project)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - dossier:\n      claims: claims.yaml\n", f"  - dossier:\n{plugin_options}")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


def test_every_option_is_documented() -> None:
    source = Path(config_module.__file__ or "").read_text(encoding="utf-8")
    names = [name for name, _ in DossierConfig._schema]
    assert "enabled" in names and "claims" in names and "snapshots" in names
    for name in names:
        # Each option is followed by its docstring in the class body.
        after = source.split(f"    {name} = ", 1)[1].split("\n", 2)
        assert after[1].strip().startswith('"""'), f"option {name!r} has no docstring"


def test_defaults(site_env: None) -> None:
    config = load_config(config_file=str(MINI_DIR / "mkdocs.yml"))
    plugin = config.plugins["dossier"]
    assert isinstance(plugin, DossierPlugin)
    assert plugin.config.enabled is True
    assert Path(plugin.config.claims) == MINI_DIR / "claims.yaml"
    assert plugin.config.snapshots is None
    assert plugin.config.claims_dir == "claims"
    assert plugin.config.atomic is True


def test_unknown_option_is_rejected(tmp_path: Path, build_site: Callable[..., Any]) -> None:
    project = project_with(tmp_path, "      claims: claims.yaml\n      sourcse: nope\n")
    result = build_site(project, fails=True)
    assert any("sourcse" in m for m in result.problems())


def test_missing_snapshots_folder_is_an_error(tmp_path: Path, build_site: Callable[..., Any]) -> None:
    project = project_with(tmp_path, "      snapshots: no-such-folder\n")
    result = build_site(project, fails=True)
    assert any("no-such-folder" in m for m in result.problems())


def test_no_snapshots_says_quotes_are_not_checked(mini: Any) -> None:
    assert any("quotes are not checked" in m for m in mini.messages)


def test_snapshots_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, site_env: None) -> None:
    project = project_with(tmp_path, "      snapshots: !ENV [DOSSIER_SNAPSHOTS, null]\n")
    assert load_config(config_file=str(project / "mkdocs.yml")).plugins["dossier"].config.snapshots is None
    folder = tmp_path / "snaps"
    folder.mkdir()
    monkeypatch.setenv("DOSSIER_SNAPSHOTS", str(folder))
    config = load_config(config_file=str(project / "mkdocs.yml"))
    assert Path(config.plugins["dossier"].config.snapshots) == folder


def test_disabled_builds_a_plain_site(tmp_path: Path, build_site: Callable[..., Any]) -> None:
    project = project_with(tmp_path, "      enabled: false\n")
    (project / "mkdocs.yml").write_text(
        (project / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[0] + "\n", encoding="utf-8"
    )
    site = build_site(project)
    assert site.path("").is_file()
    assert not (site.site_dir / "claims").exists()
    assert not (site.site_dir / "assets" / "dossier").exists()
    assert "<!-- dossier:what-we-know -->" in site.page("")


def test_folders_are_options(tmp_path: Path, build_site: Callable[..., Any]) -> None:
    project = project_with(
        tmp_path,
        "      claims_dir: records\n      downloads_dir: data\n      edit_base: https://example.org/c.yaml\n",
    )
    site = build_site(project)
    assert site.path("records/count-12/").is_file()
    assert site.path("data/claims.json").is_file()
    assert 'href="https://example.org/c.yaml#L' in site.page("records/count-12/") or (
        'href="https://example.org/c.yaml"' in site.page("records/count-12/")
    )


def test_search_index_keeps_statements_and_optionally_quotes(
    tmp_path: Path, build_site: Callable[..., Any], mini: Any
) -> None:
    def claim_docs(site: Any) -> dict[str, str]:
        index = json.loads(site.path("search/search_index.json").read_text(encoding="utf-8"))
        return {
            d["location"]: d["title"] + " " + d["text"]
            for d in index["docs"]
            if d["location"].startswith("claims/count-12/")
        }

    full = claim_docs(mini)
    assert any("There are 12 lanterns on the pier." in t for t in full.values())
    assert any("twelve lanterns were counted on the pier" in t for t in full.values())
    # Lists of other claims and the record's boilerplate stay out of the index.
    assert not [loc for loc in full if loc.endswith(("#conflicts", "#record"))]

    lean = claim_docs(build_site(project_with(tmp_path, "      search_quotes: false\n")))
    assert any("There are 12 lanterns on the pier." in t for t in lean.values())
    assert not any("twelve lanterns were counted" in t for t in lean.values())


def test_links_hold_without_directory_urls(build_site: Callable[..., Any]) -> None:
    site = build_site(MINI_DIR, use_directory_urls=False)
    assert (site.site_dir / "claims" / "count-12.html").is_file()
    assert 'href="claims/count-40.html"' in site.page("conflicts.html")
    assert 'href="../sources.html#source-coast-wire"' in site.page("claims/count-40.html")
    # Every link of such a site leads somewhere: tests/hardening/test_links.py crawls it.


def test_a_hand_written_page_in_the_way_is_reported(tmp_path: Path, build_site: Callable[..., Any]) -> None:
    project = project_with(tmp_path, "      claims: claims.yaml\n")
    (project / "content" / "sources.md").write_text("# Our own sources page\n", encoding="utf-8")
    message = "content/sources.md replaces the page the dossier would generate"
    strict = build_site(project, fails=True)
    assert any(message in m for m in strict.problems())
    lenient = build_site(project, strict=False, expect=[message])
    assert "Our own sources page" in lenient.page("sources/")


def test_a_missing_claims_file_stops_the_build(tmp_path: Path, build_site: Callable[..., Any]) -> None:
    project = project_with(tmp_path, "      claims: nowhere.yaml\n")
    result = build_site(project, fails=True)
    assert any("nowhere.yaml was not found" in m for m in result.problems())
    assert not result.site_dir.exists()


def test_index_pages_do_not_repeat_claims_in_the_search_index(mini: Any) -> None:
    """Claims are found on their own pages; lists of them elsewhere stay out of the index."""
    index = json.loads(mini.path("search/search_index.json").read_text(encoding="utf-8"))
    elsewhere = " ".join(
        d["title"] + " " + d["text"] for d in index["docs"] if not d["location"].startswith("claims/")
    )
    assert "Contradiction table" in elsewhere
    for statement in ("There are 12 lanterns on the pier.", "The lanterns are never lit."):
        assert statement not in elsewhere


def test_today_option_is_the_day_dates_are_checked_against(
    tmp_path: Path, build_site: Callable[..., Any]
) -> None:
    early = build_site(project_with(tmp_path / "early", "      today: 2024-01-01\n"), fails=True)
    assert any("is in the future (today is 2024-01-01)" in m for m in early.problems())
    quoted = project_with(tmp_path / "quoted", '      today: "2024-11-30"\n')
    assert (build_site(quoted).site_dir / "index.html").is_file()


def test_today_option_refuses_what_is_not_a_day(tmp_path: Path, build_site: Callable[..., Any]) -> None:
    result = build_site(project_with(tmp_path, "      today: next tuesday\n"), fails=True)
    assert any("expected a day as YYYY-MM-DD, not 'next tuesday'" in m for m in result.problems())
