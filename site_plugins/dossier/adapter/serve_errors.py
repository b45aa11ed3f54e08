"""The preview while ``claims.yaml`` is broken: a site of error pages, not a stuck server.

Under ``mkdocs serve``, a build that raises leaves MkDocs' live-reload server waiting for a
good build before it answers any request (and ``serve`` exits when the first build fails).
So under ``serve`` the plugin does not raise: it lists the problems in the terminal, once per
build, and makes every page of the site (the hand-written ones, the ones in the navigation and
the generated ones of the last good build) an error page in the site's own look that lists
every problem. The live-reload script on each page reloads it when the file is fixed. A
``mkdocs build`` still stops with nothing published.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from ..problems import Problem

_PAGE = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined).from_string(
    """# The dossier cannot be built

{{ name }} has {{ count }}. The preview shows this page until they are fixed; it reloads by
itself when the file is saved again.

<pre class="dossier-problems">{% for p in problems %}{{ p }}
{% endfor %}</pre>

Each line gives the file, the line and the column, the field, what is wrong and, in brackets,
how to fix it. The editors' guide explains every message.
"""
)


class BrokenDossier:
    """The problems of a dossier that cannot be built, and the error site that shows them."""

    def __init__(self, problems: list[Problem], name: str) -> None:
        self.problems = problems
        self.name = name
        count = len(problems)
        noun = "problem" if count == 1 else "problems"
        self.markdown = _PAGE.render(name=name, count=f"{count} {noun}", problems=[str(p) for p in problems])

    def log_lines(self) -> list[str]:
        """What the terminal shows, once per build."""
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        return [
            *(str(p) for p in self.problems),
            f"dossier: {count} {noun} in {self.name}; every page of the preview lists them until "
            "the file is fixed.",
        ]

    def add_pages(self, files: Files, config: MkDocsConfig, generated: Iterable[str]) -> None:
        """Error pages where the navigation or the last good build had a generated page."""
        in_nav = set(_nav_pages(config.nav))
        wanted = set(generated) | in_nav
        for src_uri in sorted(wanted):
            if files.get_file_from_path(src_uri) is None:
                inclusion = InclusionLevel.INCLUDED if src_uri in in_nav else InclusionLevel.NOT_IN_NAV
                files.append(File.generated(config, src_uri, content=self.markdown, inclusion=inclusion))

    def write_not_found(self, config: MkDocsConfig) -> None:
        """The 404 page (what ``serve`` answers for any other address) shows the problems too."""
        site = Path(config.site_dir)
        home = site / "index.html"
        if not home.is_file():
            return
        base = posixpath.join(_mount_path(config.site_url), "")
        html = home.read_text(encoding="utf-8")
        html = re.sub(r"<head>", f'<head><base href="{base}">', html, count=1)
        (site / "404.html").write_text(html, encoding="utf-8")


def not_found(name: str) -> Problem:
    """The claims file is missing (it may be being renamed or restored)."""
    return Problem(name, 1, 1, "(file)", "the file was not found", "check the plugin option 'claims'")


def _mount_path(site_url: str | None) -> str:
    return urlsplit(site_url or "/").path or "/"


def _nav_pages(nav: Any) -> Iterator[str]:
    """The Markdown files the navigation names."""
    if isinstance(nav, str):
        if nav.endswith(".md") and "://" not in nav:
            yield nav
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_pages(value)
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_pages(item)
