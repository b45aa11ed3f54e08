"""Reading built pages with the standard library's HTML parser (one reader for every test).

``parse(html)`` (or ``Page(html)``) gives every element with its attributes and line, whether
it is inside an ``<svg>`` or the body, the script bodies and the ids of the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser


class Element:
    __slots__ = ("attrs", "in_body", "in_svg", "line", "tag")

    def __init__(self, tag: str, attrs: dict[str, str | None], line: int, in_svg: bool, in_body: bool):
        self.tag, self.attrs, self.line, self.in_svg, self.in_body = tag, attrs, line, in_svg, in_body


class Page(HTMLParser):
    """Every element of a page (with attributes, and whether it is inside an ``<svg>`` or the
    body), script bodies, and ids — from the standard library's HTML parser."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.ids: set[str] = set()
        self._svg = 0
        self._body = False
        self._script: dict[str, str | None] | None = None
        self._text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "body":
            self._body = True
        if tag == "svg":
            self._svg += 1
        self.elements.append(Element(tag, found, self.getpos()[0], self._svg > 0, self._body))
        for key in ("id", "name"):
            value = found.get(key)
            if value and (key == "id" or tag == "a"):
                self.ids.add(value)
        if tag == "script":
            self._script, self._text = found, []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "svg":
            self._svg -= 1
        if tag == "script":
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg" and self._svg:
            self._svg -= 1
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._text)))
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._text.append(data)

    @property
    def tags(self) -> list[tuple[str, dict[str, str | None]]]:
        """(tag, attributes) of every element, in document order."""
        return [(el.tag, el.attrs) for el in self.elements]

    def links(self) -> Iterator[tuple[Element, str, str]]:
        """(element, attribute, address) for every address-carrying attribute."""
        for el in self.elements:
            for name in ("href", "src", "action", "formaction", "data", "poster", "xlink:href", "cite"):
                value = el.attrs.get(name)
                if value is not None:
                    yield el, name, value


def raw_script_bodies(html: str) -> list[str]:
    """Script element contents exactly as written in the file (for checks on escaping)."""
    return re.findall(r"<script\b[^>]*>(.*?)</script>", html, flags=re.S | re.I)


def parse(html: str) -> Page:
    """Every element (``.tags``, ``.elements``) and script body (``.scripts``) of a page."""
    return Page(html)
