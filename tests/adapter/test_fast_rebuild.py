"""Fast rebuilds under ``mkdocs serve``: a rebuild takes the unchanged claim and question pages
from the last build, and the served site stays byte for byte what a clean build writes.

The served builds run in this process the way ``mkdocs serve`` runs them (the plugins started
once with the ``serve`` command, a configuration loaded afresh for every build, one site folder);
each clean build is the ``mkdocs build`` command in a fresh interpreter.
"""

from __future__ import annotations

import difflib
import logging
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fixtures import MINI_DIR
from mkdocs.commands.build import build
from mkdocs.config import load_config

SERVE_URL = "http://127.0.0.1:8000/"  # the fixture's site_url, as serve sets it
REUSED = re.compile(
    r"Rebuilt from the last build: (\d+) of (\d+) claim and question pages' templates, "
    r"(\d+) pages' Markdown, (\d+) pages' theme templates; (\d+) files kept in place, (\d+) removed; "
    r"(\d+) theme templates not compiled again; (\d+) pages not sent through the theme; "
    r"(\d+) pages' search entries taken\."
)

NEW_CLAIM = """
  - id: count-20
    question: how-many-lanterns
    statement: "There are 20 lanterns on the pier."
    actor: mayor
    made: "2024-10-21"
    value: {exactly: 20, scope: lit}
    citations:
      - source: harbour-gazette
        quote: "twenty lanterns"
    status: reported
"""


def _statement(text: str) -> str:
    return text.replace('"There are 12 lanterns on the pier."', '"Twelve lanterns stand on the pier."')


def _value(text: str) -> str:
    return text.replace("value: {min: 40, scope: lit}", "value: {min: 45, scope: lit}")


def _new_conflict(text: str) -> str:
    return text.replace("\nresolutions:", NEW_CLAIM + "\nresolutions:", 1)


def _delete_claim(text: str) -> str:
    start = text.index("  - id: count-12\n")
    end = text.index("  - id: count-40\n")
    return text[:start] + text[end:]


def _rename_source(text: str) -> str:
    return text.replace("coast-wire", "coast-news")


EDITS: list[tuple[str, Callable[[str], str]]] = [
    ("nothing changed", lambda text: text),
    ("a statement", _statement),
    ("a value", _value),
    ("a new conflict", _new_conflict),
    ("a deleted claim", _delete_claim),
    ("a renamed source", _rename_source),
]


class Served:
    """A project built as ``mkdocs serve`` builds it, the plugins kept between builds."""

    def __init__(self, project: Path, site_dir: Path) -> None:
        self.project = project
        self.site_dir = site_dir
        self.site_url = SERVE_URL
        config = self._config()
        config.plugins.on_startup(command="serve", dirty=False)
        self._first = config

    def _config(self) -> Any:
        config = load_config(config_file=str(self.project / "mkdocs.yml"), site_dir=str(self.site_dir))
        config.site_url = self.site_url
        return config

    def build(self) -> None:
        build(self._config(), serve_url=SERVE_URL)

    def close(self) -> None:
        self._first.plugins.on_shutdown()


@pytest.fixture
def served(tmp_path: Path, site_env: None) -> Iterator[Served]:
    project = tmp_path / "project"
    shutil.copytree(MINI_DIR, project)
    site_dir = tmp_path / "served"
    site_dir.mkdir()
    server = Served(project, site_dir)
    try:
        yield server
    finally:
        server.close()


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _differences(served: dict[str, bytes], clean: dict[str, bytes]) -> list[str]:
    found = [f"only in the served site: {name}" for name in sorted(served.keys() - clean.keys())]
    found += [f"only in the clean build: {name}" for name in sorted(clean.keys() - served.keys())]
    for name in sorted(served.keys() & clean.keys()):
        if served[name] != clean[name]:
            a = served[name].decode("utf-8", "replace").replace(">", ">\n").splitlines()
            b = clean[name].decode("utf-8", "replace").replace(">", ">\n").splitlines()
            diff = list(difflib.unified_diff(b, a, "clean", "served", n=0, lineterm=""))[:12]
            found.append(f"{name} differs:\n  " + "\n  ".join(diff))
    return found


def _reuse_counts(caplog: pytest.LogCaptureFixture) -> tuple[int, ...]:
    lines = [m for m in caplog.messages if REUSED.search(m)]
    assert lines, "the plugin did not say what it took from the last build"
    match = REUSED.search(lines[-1])
    assert match is not None
    caplog.clear()
    return tuple(int(x) for x in match.groups())


def test_served_site_equals_a_clean_build_after_every_edit(
    served: Served,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    mkdocs_cli: Callable[..., Any],
) -> None:
    claims = served.project / "claims.yaml"
    caplog.set_level(logging.INFO)
    served.build()
    reused, total, _markdown, _templates, kept, _removed, compiled, left_out, taken = _reuse_counts(caplog)
    # The first build renders everything (6 claims, 3 questions) and compiles every template.
    assert (reused, total, kept, compiled, left_out, taken) == (0, 9, 0, 0, 0, 0)
    pages = (served.site_dir / "sitemap.xml").read_text(encoding="utf-8").count("<loc>")  # every page
    for n, (what, edit) in enumerate(EDITS):
        claims.write_text(edit(claims.read_text(encoding="utf-8")), encoding="utf-8")
        served.build()
        reused, total, markdown, templates, kept, removed, compiled, left_out, taken = _reuse_counts(caplog)
        # Material's templates (main, base, partials, 404, sitemap) are compiled once.
        assert compiled >= 20
        clean_dir = tmp_path / f"clean-{n}"
        result = mkdocs_cli(served.project, clean_dir)
        assert result.returncode == 0, result.stderr
        problems = _differences(_tree(served.site_dir), _tree(clean_dir))
        assert not problems, f"after {what}:\n" + "\n".join(problems[:5])
        if what == "nothing changed":
            # Every claim and question page from the cache, with its Markdown and theme template;
            # those pages and the claims' embeds, citations and oEmbed files stay in place.
            assert (reused, total, markdown, templates) == (9, 9, 9, 9)
            assert kept >= 9 + 3 * 6 and removed == 0
            # Those pages are not sent through the theme again (their search entries put in),
            # and no page is read again by the search plugin.
            assert left_out == templates
            assert taken == pages
        elif what == "a statement":
            # The edited claim, the claim it conflicts with and their question are rendered
            # again; the other claims and questions not, nor sent through the theme.
            assert (reused, total) == (6, 9)
            assert left_out >= 6
        elif what == "a deleted claim":
            # Its page, embed, citation, oEmbed file and social card leave the site folder.
            assert removed >= 4
        elif what == "a renamed source":
            # Sources are read by every claim page (its citations' outlets): all rendered again.
            assert reused == 0


def test_with_another_plugin_every_page_goes_through_the_theme(
    served: Served, tmp_path: Path, caplog: pytest.LogCaptureFixture, mkdocs_cli: Callable[..., Any]
) -> None:
    # A plugin the dossier does not know may need every page in on_page_context or
    # on_post_page: then no page is left out of the theme's loop, and the site is still the same.
    mkdocs_yml = served.project / "mkdocs.yml"
    text = mkdocs_yml.read_text(encoding="utf-8")
    mkdocs_yml.write_text(text.replace("  - tags\n", "  - tags\n  - meta\n"), encoding="utf-8")
    caplog.set_level(logging.INFO)
    served.build()
    _reuse_counts(caplog)
    served.build()
    reused, total, _markdown, templates, *_, left_out, _taken = _reuse_counts(caplog)
    assert (reused, total, templates, left_out) == (9, 9, 9, 0)
    result = mkdocs_cli(served.project, tmp_path / "clean")
    assert result.returncode == 0, result.stderr
    problems = _differences(_tree(served.site_dir), _tree(tmp_path / "clean"))
    assert not problems, "\n".join(problems[:5])


def test_a_new_site_address_reaches_every_kept_page(
    served: Served, tmp_path: Path, mkdocs_cli: Callable[..., Any]
) -> None:
    # A page's canonical address is taken from the last build only where the site's address is
    # the same: with a new one every page, kept or not, names the new address.
    served.build()
    new_url = "https://dossier.example.org/lanterns/"
    mkdocs_yml = served.project / "mkdocs.yml"
    mkdocs_yml.write_text(
        mkdocs_yml.read_text(encoding="utf-8").replace(SERVE_URL, new_url), encoding="utf-8"
    )
    served.site_url = new_url
    served.build()
    result = mkdocs_cli(served.project, tmp_path / "clean")
    assert result.returncode == 0, result.stderr
    problems = _differences(_tree(served.site_dir), _tree(tmp_path / "clean"))
    assert not problems, "\n".join(problems[:5])
    claim_page = (served.site_dir / "claims" / "count-12" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{new_url}claims/count-12/">' in claim_page


def test_a_build_command_keeps_nothing_between_builds(
    tmp_path: Path, site_env: None, caplog: pytest.LogCaptureFixture
) -> None:
    project = tmp_path / "project"
    shutil.copytree(MINI_DIR, project)
    caplog.set_level(logging.INFO)
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    assert not [m for m in caplog.messages if REUSED.search(m)]


def test_an_edited_theme_override_is_compiled_again_under_serve(
    served: Served,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    mkdocs_cli: Callable[..., Any],
) -> None:
    # The theme's templates are compiled once per serve process; an override whose source
    # changed is compiled again, so the served page shows the edit and equals a clean build.
    project = served.project
    yml = project / "mkdocs.yml"
    theme = "  font: false\n"
    with_overrides = yml.read_text(encoding="utf-8").replace(theme, theme + "  custom_dir: overrides\n")
    yml.write_text(with_overrides, encoding="utf-8")
    override = project / "overrides" / "main.html"
    override.parent.mkdir()
    caplog.set_level(logging.INFO)
    for notice in ("First notice", "Second notice"):
        override.write_text(
            '{% extends "base.html" %}\n{% block announce %}' + notice + "{% endblock %}\n", encoding="utf-8"
        )
        served.build()
        *_, compiled, _left_out, _taken = _reuse_counts(caplog)
        home = (served.site_dir / "index.html").read_text(encoding="utf-8")
        assert notice in home
    assert "First notice" not in home
    assert compiled >= 20  # the rest of Material's templates were not compiled again
    clean_dir = tmp_path / "clean"
    result = mkdocs_cli(project, clean_dir)
    assert result.returncode == 0, result.stderr
    problems = _differences(_tree(served.site_dir), _tree(clean_dir))
    assert not problems, "\n".join(problems[:5])
