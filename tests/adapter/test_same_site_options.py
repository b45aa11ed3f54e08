"""Options that change how the site is built, never what it shows: the same pages either way.

``search_view``: the search plugin reads a lean copy of each generated page. The index is the
same as when it reads the whole page, except that a claim page is one entry (its statement as
the title, its quotes as the text) instead of one per section: the same words, fewer bytes.
``background_charts``: the charts drawn in a second process are those drawn in the build's own.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fixtures import MINI_DIR

REPO = Path(__file__).resolve().parents[2]
OPTION = "  - dossier:\n      claims: claims.yaml\n"


def _copy(source: Path, root: Path) -> Path:
    """The project copied without its git history (so both builds have the same: none)."""
    project = root / source.name
    shutil.copytree(
        source,
        project,
        ignore=lambda folder, names: [n for n in names if n in (".git", ".venv", "node_modules", "site")],
    )
    return project


def _with_option(source: Path, root: Path, option: str) -> Path:
    project = _copy(source, root)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert OPTION in config
    (project / "mkdocs.yml").write_text(
        config.replace(OPTION, OPTION + f"      {option}\n"), encoding="utf-8"
    )
    return project


@pytest.mark.parametrize(
    ("source", "option"),
    [
        (REPO, "search_view: false"),
        (MINI_DIR, "search_view: false"),
        (REPO, "background_charts: false"),
    ],
    ids=["dossier-search-view", "mini-search-view", "dossier-background-charts"],
)
def test_the_same_site_either_way(
    source: Path, option: str, tmp_path: Path, build_site: Callable[..., Any]
) -> None:
    lean = build_site(_copy(source, tmp_path / "default"))
    whole = build_site(_with_option(source, tmp_path / "option", option))
    index = "search/search_index.json"
    if option.startswith("search_view"):
        _same_words_in_a_smaller_index(lean.path(index), whole.path(index))
    else:
        assert lean.path(index).read_bytes() == whole.path(index).read_bytes()
    assert lean.files() == whole.files()
    pages = [name for name in lean.files() if name.endswith(".html")]
    assert len(pages) > 10
    for name in pages:
        assert lean.path(name).read_bytes() == whole.path(name).read_bytes(), name
    charted = [
        name for name in pages if name.startswith("questions/") and b"<svg" in lean.path(name).read_bytes()
    ]
    assert charted
    assert not [name for name in pages if b"dossier-chart:" in lean.path(name).read_bytes()]


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", html.unescape(re.sub(r"<[^>]+>", " ", text)).casefold()))


def _same_words_in_a_smaller_index(lean_path: Path, whole_path: Path) -> None:
    lean, whole = (json.loads(p.read_text(encoding="utf-8"))["docs"] for p in (lean_path, whole_path))
    assert lean_path.stat().st_size < whole_path.stat().st_size
    by_page: dict[str, dict[str, list[dict[str, Any]]]] = {
        "lean": defaultdict(list),
        "whole": defaultdict(list),
    }
    for name, docs in (("lean", lean), ("whole", whole)):
        for doc in docs:
            by_page[name][doc["location"].split("#")[0]].append(doc)
    assert by_page["lean"].keys() == by_page["whole"].keys()
    claims = [page for page in by_page["lean"] if page.startswith("claims/")]
    assert claims
    for page, entries in by_page["lean"].items():
        others = by_page["whole"][page]
        if not page.startswith("claims/"):
            assert entries == others, page
            continue
        # One entry: the statement (the whole page's #claim section) and the quotes (the texts).
        (entry,) = entries
        assert entry["location"] == page
        (statement,) = [doc["title"] for doc in others if doc["location"] == page + "#claim"]
        assert entry["title"] == statement
        texts = {w for doc in others for w in _words(doc["text"])}
        assert _words(entry["text"]) == texts


def test_charts_drawn_in_another_process_are_put_in_place() -> None:
    """Without a build: placeholders in the pages, the charts once they are drawn, same bytes."""
    import markdown

    from site_plugins.dossier.checking import validate
    from site_plugins.dossier.machine import spare_core
    from site_plugins.dossier.site.options import SiteOptions
    from site_plugins.dossier.site.pages import DossierSite

    result = validate.load_and_validate(REPO / "claims.yaml")
    assert result.data is not None

    def html_of(background: bool) -> tuple[dict[str, str], DossierSite]:
        site = DossierSite(result.data, SiteOptions(site_name="t", background_charts=background))
        pages = site.pages()
        # On a machine with a second core (CI's has two) the charts are being drawn elsewhere.
        assert site.charts.drawing_elsewhere == (background and spare_core())
        out = {}
        for src, text in pages.items():
            if src.startswith("questions/") or src == "timeline.md":
                body = text.split("\n---\n", 1)[1]
                out[src] = site.page_html(src, markdown.markdown(body, extensions=["attr_list"]))
        return out, site

    drawn_here, _ = html_of(False)
    drawn_there, site = html_of(True)
    assert drawn_there == drawn_here
    assert any("<svg" in html for html in drawn_there.values())
    assert not any("dossier-chart:" in html for html in drawn_there.values())
    assert not site.charts.drawing_elsewhere  # the other process is gone once the charts are in
