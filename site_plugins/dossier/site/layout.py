"""Where each generated page lives, and the relative links between pages (:class:`Links`).

Generated page bodies are raw HTML (so editor text is never re-read as Markdown), and MkDocs
does not rewrite links inside raw HTML: this module computes the same addresses MkDocs gives
pages, and the relative link from one page to another. No MkDocs import.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Layout:
    """The generated pages' places in the site."""

    claims_dir: str = "claims"
    questions_dir: str = "questions"
    downloads_dir: str = "downloads"
    assets_dir: str = "assets/dossier"
    directory_urls: bool = True

    # -- source paths (as MkDocs sees them, relative to docs_dir) -------------------------
    def claim(self, claim_id: str) -> str:
        return f"{self.claims_dir}/{claim_id}.md"

    def question(self, question_id: str) -> str:
        return f"{self.questions_dir}/{question_id}.md"

    @property
    def questions_index(self) -> str:
        return f"{self.questions_dir}/index.md"

    def is_record_page(self, src: str) -> bool:
        """A claim's or a question's own page (the questions' index is not one)."""
        return src != self.questions_index and src.startswith((f"{self.claims_dir}/", f"{self.questions_dir}/"))

    def download(self, name: str) -> str:
        return f"{self.downloads_dir}/{name}"

    def asset(self, name: str) -> str:
        return f"{self.assets_dir}/{name}"

    home = "index.md"
    sources = "sources.md"
    actors = "actors.md"
    conflicts = "conflicts.md"
    timeline = "timeline.md"
    downloads = "downloads.md"
    tags = "tags.md"
    reference = "reference/claims-yaml.md"

    # -- addresses -------------------------------------------------------------------------
    def url(self, src_uri: str) -> str:
        """The site-relative address MkDocs gives ``src_uri`` (pages and static files)."""
        if not src_uri.endswith(".md"):
            return src_uri
        stem = src_uri[: -len(".md")]
        if stem == "index" or stem.endswith("/index"):
            folder = stem[: -len("index")]
            return folder if self.directory_urls else f"{stem}.html"
        return f"{stem}/" if self.directory_urls else f"{stem}.html"

    def link(self, from_src: str, to_src: str, anchor: str | None = None) -> str:
        """A relative link from the page ``from_src`` to ``to_src`` (optionally to an anchor)."""
        rel = _relative(self.url(to_src), self.url(from_src))
        return f"{rel}#{anchor}" if anchor else rel


class Links:
    """Relative links from one page (what templates call ``link``)."""

    def __init__(self, layout: Layout, here: str) -> None:
        self.layout = layout
        self.here = here

    def page(self, src: str, anchor: str | None = None) -> str:
        return self.layout.link(self.here, src, anchor)

    def claim(self, claim_id: str) -> str:
        return self.page(self.layout.claim(claim_id))

    def question(self, question_id: str) -> str:
        return self.page(self.layout.question(question_id))

    def source(self, source_id: str) -> str:
        return self.page(self.layout.sources, f"source-{source_id}")

    def actor(self, actor_id: str) -> str:
        return self.page(self.layout.actors, f"actor-{actor_id}")

    def conflict(self, conflict_id: str) -> str:
        return self.page(self.layout.conflicts, f"conflict-{conflict_id}")

    def download(self, name: str) -> str:
        return self.page(self.layout.download(name))

    def tag(self, tag: str) -> str:
        """The tag's entry on the tags page (Material's anchor: ``tag:`` and the tag's id)."""
        return self.page(self.layout.tags, f"tag:{tag}")

    def asset(self, name: str) -> str:
        return self.page(self.layout.asset(name))


@lru_cache(maxsize=65536)
def _relative(target: str, page_url: str) -> str:
    """The relative address of ``target`` (site-relative) from the page at ``page_url``."""
    # The folder a browser resolves relative links against.
    here = page_url.rstrip("/") if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    rel = _relpath(target.rstrip("/"), here)
    if target.endswith("/") or not target:
        rel = "./" if rel == "." else f"{rel}/"
    return rel


def _relpath(target: str, here: str) -> str:
    """posixpath.relpath for two site-relative paths, without its look at the working folder
    (a claim page has a few dozen links; a dossier, thousands of claim pages)."""
    to = [p for p in target.split("/") if p and p != "."]
    start = [p for p in here.split("/") if p and p != "."]
    common = 0
    for a, b in zip(to, start, strict=False):
        if a != b:
            break
        common += 1
    parts = [".."] * (len(start) - common) + to[common:]
    return "/".join(parts) if parts else "."
