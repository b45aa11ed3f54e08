"""The search view: the search plugin reads a lean copy of each generated page, and the index
it writes is the same, byte for byte, as when it reads the whole page (``search_view: false``).
The pages themselves are the same either way."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from site_html import MINI_DIR

REPO = Path(__file__).resolve().parents[2]
OPTION = "  - dossier:\n      claims: claims.yaml\n"


def _without_search_view(source: Path, root: Path) -> Path:
    project = root / source.name
    shutil.copytree(
        source,
        project,
        ignore=lambda folder, names: [n for n in names if n in (".git", ".venv", "node_modules", "site")],
    )
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert OPTION in config
    (project / "mkdocs.yml").write_text(
        config.replace(OPTION, OPTION + "      search_view: false\n"), encoding="utf-8"
    )
    return project


@pytest.mark.parametrize("source", [REPO, MINI_DIR], ids=["dossier", "mini"])
def test_the_search_view_gives_the_same_index_and_pages(
    source: Path, tmp_path: Path, build_site: Callable[..., Any]
) -> None:
    lean = build_site(source)
    whole = build_site(_without_search_view(source, tmp_path))
    index = "search/search_index.json"
    assert lean.path(index).read_bytes() == whole.path(index).read_bytes()
    assert b'"location":"claims/' in lean.path(index).read_bytes().replace(b": ", b":")
    assert lean.files() == whole.files()
    pages = [name for name in lean.files() if name.endswith(".html")]
    assert len(pages) > 10
    for name in pages:
        assert lean.path(name).read_bytes() == whole.path(name).read_bytes(), name
