"""Reading built pages with the standard library's HTML parser."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path


class _Collect(HTMLParser):
    """Tags, attributes and script bodies of a page (the standard library's parser)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script, self._text = dict(attrs), []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._text)))
            self._script = None


def parse(html: str) -> _Collect:
    """Tags (with attributes) and script bodies of an HTML page."""
    parser = _Collect()
    parser.feed(html)
    return parser


def broken_links(root: Path) -> list[str]:
    """Internal links and script/stylesheet references of a built site that lead nowhere."""
    broken = []
    for page in sorted(root.rglob("*.html")):
        for tag, attrs in parse(page.read_text(encoding="utf-8")).tags:
            href = (
                attrs.get("href") if tag in {"a", "link"} else attrs.get("src") if tag == "script" else None
            )
            if not href or href.startswith(("http://", "https://", "mailto:", "#")):
                continue
            path = href.split("#")[0]
            # The fixtures' site_url is http://127.0.0.1:8000/: absolute paths start at the root.
            target = (root / path.lstrip("/") if path.startswith("/") else page.parent / path).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(root)}: {href}")
    return broken
