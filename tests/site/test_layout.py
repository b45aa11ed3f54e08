"""Links between generated pages (``site/layout.py``), with and without directory URLs."""

from __future__ import annotations

import pytest

from site_plugins.dossier.site.layout import Layout


@pytest.mark.parametrize(
    ("here", "there", "expected"),
    [
        ("index.md", "claims/x.md", "claims/x/"),
        ("claims/x.md", "claims/y.md", "../y/"),
        ("claims/x.md", "sources.md", "../../sources/"),
        ("claims/x.md", "index.md", "../../"),
        ("index.md", "index.md", "./"),
        ("questions/index.md", "questions/q.md", "q/"),
        ("questions/q.md", "questions/index.md", "../"),
        ("conflicts.md", "assets/dossier/a.js", "../assets/dossier/a.js"),
        ("downloads.md", "downloads/claims.json", "claims.json"),
    ],
)
def test_links_with_directory_urls(here: str, there: str, expected: str) -> None:
    assert Layout().link(here, there) == expected


@pytest.mark.parametrize(
    ("here", "there", "expected"),
    [
        ("index.md", "claims/x.md", "claims/x.html"),
        ("claims/x.md", "claims/y.md", "y.html"),
        ("claims/x.md", "sources.md", "../sources.html"),
        ("claims/x.md", "index.md", "../index.html"),
        ("questions/index.md", "questions/q.md", "q.html"),
    ],
)
def test_links_without_directory_urls(here: str, there: str, expected: str) -> None:
    assert Layout(directory_urls=False).link(here, there) == expected


def test_link_with_anchor() -> None:
    assert Layout().link("claims/x.md", "sources.md", "source-a") == "../../sources/#source-a"


def test_relative_paths_agree_with_posixpath() -> None:
    import itertools
    import posixpath

    from site_plugins.dossier.site.layout import _relpath

    folders = ["", "claims", "claims/x", "claims/x/y", "questions", "assets/dossier", "a/b/c"]
    targets = [*folders, "sources", "index.html", "assets/dossier/a.js", "downloads/claims.json"]
    for target, here in itertools.product(targets, folders):
        assert _relpath(target, here) == posixpath.relpath(target or ".", here or "."), (target, here)
