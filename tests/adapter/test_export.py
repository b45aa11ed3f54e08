"""`dossier export OUT`: the fixture dossier as a plain page tree, built by plain MkDocs +
Material (no dossier plugin, no hooks), with every claim page, link, anchor, edit link and
link preview there."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from fixtures import MINI_DIR
from html_reader import Page

from site_plugins.dossier.editors.sitecheck import site_problems

EDIT_LINK = re.compile(r'<a href="([^"]+)" title="Edit this page"[^>]*rel="edit"')


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("export")
    project = root / "project"
    shutil.copytree(MINI_DIR, project)
    done = subprocess.run(
        [sys.executable, "-m", "site_plugins.dossier.editors.cli", "export", str(root / "out")],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "the site as a plain page tree" in done.stdout
    return root / "out"


@pytest.fixture
def built(export: Path, build_site: Callable[..., Any]) -> Any:
    """The export built with a strict plain MkDocs build (any warning fails the test)."""
    return build_site(export)


def article_ids(html: str) -> set[str]:
    start = html.index('<article class="md-content__inner md-typeset">')
    return Page(html[start : html.index("</article>", start)]).ids


def test_the_export_configuration_has_no_dossier_plugin_and_no_hooks(export: Path) -> None:
    config = yaml.safe_load((export / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["plugins"] == ["search", "tags"]
    assert "hooks" not in config
    assert config["docs_dir"] == "docs" and config["use_directory_urls"] is False
    assert (export / "docs" / "downloads").is_dir() and (export / "docs" / "assets").is_dir()


def test_every_claim_page_is_there_with_its_anchors(built: Any, mini: Any) -> None:
    claims = yaml.safe_load((MINI_DIR / "claims.yaml").read_text(encoding="utf-8"))["claims"]
    assert claims
    for claim in claims:
        page = built.page(f"claims/{claim['id']}.html")
        original = mini.page(f"claims/{claim['id']}/")
        assert claim["statement"].split("<")[0].strip() in page
        assert article_ids(page) == article_ids(original), claim["id"]
        assert EDIT_LINK.findall(page) == EDIT_LINK.findall(original) != []
        assert f'<meta property="og:title" content="{claim["statement"].split("<")[0].strip()}' in page


def test_every_link_and_anchor_of_the_export_leads_somewhere(built: Any, mini: Any) -> None:
    assert site_problems(built.site_dir) == []
    # A page for each page of the plugin's own build (there claims/x/index.html, here claims/x.html).
    assert len([p for p in built.files() if p.endswith(".html")]) == len(
        [p for p in mini.files() if p.endswith(".html")]
    )
