"""Checks of a built site that every dossier needs, read from its files (standard library only):
every internal link and ``#anchor`` leads somewhere, and nothing the pages load comes from
another host.

``site_problems(site_dir)`` returns one line per problem, ``PAGE:LINE: what is wrong``, in a
stable order; an empty list when all is well.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

#: Attributes that hold an address the browser follows or loads, per element.
_ADDRESSES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src",),
    "source": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "iframe": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "form": ("action",),
    "use": ("href", "xlink:href"),
    "image": ("href", "xlink:href"),
}
#: Elements whose address is only a link to follow, never loaded with the page.
_FOLLOWED = {"a", "area", "form"}
#: ``<link rel=...>`` values that only name a page (nothing is fetched when the page loads).
_NAMING_RELS = {"canonical", "alternate", "author", "license", "next", "prev", "help", "search"}
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""")
_IMPORT = re.compile(r"""@import\s+['"]([^'"]+)""")


@dataclass
class _Address:
    line: int
    url: str
    loaded: bool  # fetched when the page loads (a script, image, stylesheet), not only followed


class _Page(HTMLParser):
    """The addresses and the ids of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.addresses: list[_Address] = []
        self.ids: set[str] = set()
        self._style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        line = self.getpos()[0]
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.ids.add(values[name])
        rels = set(values.get("rel", "").lower().split())
        loaded = tag not in _FOLLOWED and not (tag == "link" and rels and rels <= _NAMING_RELS)
        for attribute in _ADDRESSES.get(tag, ()):
            if values.get(attribute):
                self.addresses.append(_Address(line, values[attribute].strip(), loaded))
        for candidate in values.get("srcset", "").split(","):
            if candidate.strip():
                self.addresses.append(_Address(line, candidate.split()[0], True))
        for url in _CSS_URL.findall(values.get("style", "")):
            self.addresses.append(_Address(line, url, True))
        self._style = tag == "style"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._style = False

    def handle_endtag(self, tag: str) -> None:
        self._style = False

    def handle_data(self, data: str) -> None:
        if self._style:
            line = self.getpos()[0]
            for url in _CSS_URL.findall(data) + _IMPORT.findall(data):
                self.addresses.append(_Address(line, url, True))


def _off_site(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.netloc) or parts.scheme not in ("", "data", "mailto", "tel", "javascript")


def _read(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8", errors="replace"))
    page.close()
    return page


def _target(site_dir: Path, page: str, url: str) -> tuple[str | None, str]:
    """The site file an internal address leads to (None if none), and its fragment."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    if not path:
        return page, unquote(parts.fragment)
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path[0] != "/" else path
    joined = joined.lstrip("/")
    if joined.startswith(".."):
        return None, parts.fragment
    candidate = site_dir / joined
    if candidate.is_dir():
        candidate = candidate / "index.html"
        joined = posixpath.join(joined, "index.html") if joined not in ("", ".") else "index.html"
    return (joined if candidate.is_file() else None), unquote(parts.fragment)


def _css_problems(site_dir: Path) -> Iterator[str]:
    for css in sorted(site_dir.rglob("*.css")):
        text = css.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            for url in _CSS_URL.findall(line) + _IMPORT.findall(line):
                if _off_site(url):
                    name = css.relative_to(site_dir).as_posix()
                    yield f"{name}:{number}: loads {url} from another host"


def site_problems(site_dir: Path) -> list[str]:
    """Broken internal links and anchors, and off-site requests, of the site in ``site_dir``."""
    pages = {p.relative_to(site_dir).as_posix(): p for p in sorted(site_dir.rglob("*.html"))}
    parsed = {name: _read(path) for name, path in pages.items()}
    problems: list[str] = []
    for name, page in parsed.items():
        for address in page.addresses:
            if _off_site(address.url):
                if address.loaded:
                    problems.append(f"{name}:{address.line}: loads {address.url} from another host")
                continue
            if urlsplit(address.url).scheme:  # data:, mailto: ...
                continue
            target, fragment = _target(site_dir, name, address.url)
            if target is None:
                problems.append(f"{name}:{address.line}: link to {address.url}: no such file in the site")
            elif fragment and target in parsed and fragment not in parsed[target].ids:
                problems.append(f"{name}:{address.line}: link to {address.url}: no #{fragment} in {target}")
    problems.extend(_css_problems(site_dir))
    return problems
