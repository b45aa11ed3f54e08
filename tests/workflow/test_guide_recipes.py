"""The editors' guide's worked examples are valid dossiers.

``content/editors/guide.md`` shows, for each common change, whole sections of the made-up
dossier of the error messages page as they read after the change. Each example, with the rest
of that file, must validate with no problem and no warning.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from site_plugins.dossier.analysis.review import review
from site_plugins.dossier.checking.validate import load_and_validate

from .conftest import REPO
from .test_error_examples import FENCE, PAGE_DATA, whole_file

GUIDE = REPO / "content" / "editors" / "guide.md"
RECIPE = re.compile(r"<!--\s*recipe:\s*(?P<name>[\w-]+)\s*-->")
#: The changes the guide must show (the issue's list); removing one fails the test.
REQUIRED = {"correction", "superseded", "resolution", "source", "two-citations", "assessment"}


def _recipes() -> dict[str, str]:
    text = GUIDE.read_text(encoding="utf-8")
    found = {}
    for marker in RECIPE.finditer(text):
        block = FENCE.search(text, marker.end())
        assert block is not None and block["lang"] == "yaml", marker["name"]
        found[marker["name"]] = block["body"]
    return found


RECIPES = _recipes()


def test_the_guide_shows_every_common_change() -> None:
    assert set(RECIPES) >= REQUIRED
    assert "git push" in GUIDE.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(RECIPES))
def test_each_example_is_a_valid_dossier(name: str, tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(whole_file(RECIPES[name], PAGE_DATA.rest), encoding="utf-8")
    result = load_and_validate(path)
    assert result.ok, [str(p) for p in result.problems]
    assert [str(w) for w in review(result)] == []


def test_the_resolution_example_resolves_a_real_conflict(tmp_path: Path) -> None:
    """Without its resolution the two claims are a conflict the table lists."""
    from site_plugins.dossier.analysis.conflicts import analyse
    from site_plugins.dossier.records.index import Index

    path = tmp_path / "claims.yaml"
    path.write_text(whole_file(RECIPES["resolution"], PAGE_DATA.rest), encoding="utf-8")
    result = load_and_validate(path)
    assert result.data is not None
    pairs = [{c.a, c.b} for c in analyse(Index(result.data)).conflicts]
    assert {"lantern-count-1", "lantern-count-2"} in pairs
