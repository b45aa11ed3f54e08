"""What the records' history adds to the site: the page of changes ("What changed"), the Atom
feeds of those changes (one for the dossier, one per question), and the old addresses of
claims (a redirect to the claim's new id, or a page saying why it was withdrawn).

All of it comes from :class:`~..history.model.History` and the templates; nothing from the
clock. No MkDocs import.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from ..history.model import Entry, History
from ..records.index import Index
from .environment import front_matter, shorten
from .i18n import Words
from .layout import Layout
from .options import SiteOptions

#: The newest entries the page of changes lists (each record's page has its whole history).
PAGE_ENTRIES = 300
#: The newest entries a feed holds.
FEED_ENTRIES = 50
CHANGES = "changes.md"
#: The feeds are at the top of the site: Material fetches the sitemap.xml beside the address of
#: every <link rel="alternate"> (for its language selector), and there is one there.
FEED = "feed.xml"
#: Characters XML 1.0 does not allow (a feed reader refuses the whole feed for one of them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

Render = Callable[..., str]


def question_feed(question_id: str) -> str:
    return f"feed-{question_id}.xml"


class HistoryPages:
    """The history's pages and files for one build."""

    def __init__(self, history: History, index: Index, options: SiteOptions, words: Words | None = None) -> None:
        self.history = history
        self.words = words or Words(options.language)
        self.index = index
        self.options = options
        self.layout: Layout = options.layout
        self.site_url = (options.site_url or "").rstrip("/")

    # -- links -------------------------------------------------------------------------------
    def src_of(self, entry: Entry) -> str | None:
        """The page (and anchor) that answers for the entry's record now, if any."""
        history, index = self.history, self.index
        if entry.kind == "claim" and (
            entry.id in index.claims or entry.id in history.moved or entry.id in history.withdrawn
        ):
            return self.layout.claim(entry.id)
        if entry.kind == "question" and (entry.id in index.questions or entry.id in history.moved_questions):
            return self.layout.question(entry.id)
        if entry.kind == "source" and entry.id in index.sources:
            return self.layout.sources
        return None

    def href(self, here: str) -> Callable[[Entry], str | None]:
        def link(entry: Entry) -> str | None:
            src = self.src_of(entry)
            if src is None:
                return None
            anchor = f"source-{entry.id}" if entry.kind == "source" else None
            return self.layout.link(here, src, anchor)

        return link

    def absolute(self, src: str, anchor: str | None = None) -> str:
        url = f"{self.site_url}/{self.layout.url(src)}"
        return f"{url}#{anchor}" if anchor else url

    @property
    def feeds(self) -> bool:
        """Whether there are feeds (they need the history and the site's own address)."""
        return self.history.available and bool(self.site_url)

    # -- pages -------------------------------------------------------------------------------
    def markdown_pages(self, render: Render) -> dict[str, str]:
        """The page of changes and a page for each withdrawn claim (src -> Markdown)."""
        days = _days(self.history.entries[:PAGE_ENTRIES])
        out = {
            CHANGES: render(
                "changes.md.j2",
                CHANGES,
                search_view=False,
                front=front_matter(
                    self.words.gettext("What changed"),
                    description=self.words.gettext("Every change to the dossier's records, newest first."),
                ),
                days=days,
                shown=min(len(self.history.entries), PAGE_ENTRIES),
                total=len(self.history.entries),
                href=self.href(CHANGES),
                feed=self.layout.link(CHANGES, FEED) if self.feeds else None,
            )
        }
        notes = {w.claim: w.note for w in self.index.data.withdrawn}
        for claim_id, gone in sorted(self.history.withdrawn.items()):
            src = self.layout.claim(claim_id)
            out[src] = render(
                "withdrawn.md.j2",
                src,
                search_view=False,
                front=front_matter(
                    self.words.gettext("Withdrawn: %(statement)s") % {"statement": shorten(gone.statement)},
                    hide=["navigation"],
                ),
                gone=gone,
                note=notes.get(claim_id),
                changes=self.layout.link(src, CHANGES),
            )
        return out

    def files(self, render: Render) -> dict[str, bytes]:
        """The redirect pages of renamed claims and the feeds (site path -> bytes)."""
        out: dict[str, bytes] = {}
        for old, new in sorted(self.history.moved.items()):
            old_src = self.layout.claim(old)
            target = self.layout.link(old_src, self.layout.claim(new))
            html = render(
                "redirect.html.j2",
                old_src,
                target=target,
                canonical=self.absolute(self.layout.claim(new)) if self.site_url else target,
                statement=self.index.claims[new].statement,
            )
            url = self.layout.url(old_src)
            out[url + "index.html" if url.endswith("/") else url] = html.encode("utf-8")
        if self.feeds:
            out[FEED] = self._feed(render, FEED, self.options.site_name, self.history.entries, CHANGES)
            for question in self.index.data.questions:
                claims = {c.id for c in self.index.claims_by_question.get(question.id, [])}
                entries = [
                    e
                    for e in self.history.entries
                    if (e.kind == "question" and e.id == question.id) or (e.kind == "claim" and e.id in claims)
                ]
                title = f"{self.options.site_name}: {question.text}"
                path = question_feed(question.id)
                out[path] = self._feed(render, path, title, entries, self.layout.question(question.id))
        return out

    def _feed(self, render: Render, path: str, title: str, entries: list[Entry], page: str) -> bytes:
        items = []
        for entry in entries[:FEED_ENTRIES]:
            src = self.src_of(entry)
            anchor = f"source-{entry.id}" if entry.kind == "source" else None
            items.append((entry, self.absolute(src, anchor) if src else None))
        newest = entries[0].when if entries else (self.history.entries[0].when if self.history.entries else None)
        xml = render(
            "feed.xml.j2",
            CHANGES,
            title=title,
            self_url=f"{self.site_url}/{path}",
            page_url=self.absolute(page),
            changes_url=self.absolute(CHANGES),
            updated=newest or "1970-01-01T00:00:00Z",
            items=items,
            xml=xml_text,
        )
        return xml.encode("utf-8")

    # -- the head of every page ----------------------------------------------------------------
    def head_links(self, src: str | None) -> str:
        """The ``<link rel="alternate">`` of the dossier's feed (and of the question's own, on a
        question page) for a page's head; empty without feeds."""
        if not self.feeds:
            return ""
        gettext = self.words.gettext
        links = [
            (
                f"{self.site_url}/{FEED}",
                gettext("%(site)s: what changed") % {"site": self.options.site_name},
            )
        ]
        questions_dir = self.layout.questions_dir + "/"
        if src and src.startswith(questions_dir) and src.endswith(".md"):
            question = self.index.questions.get(src[len(questions_dir) : -len(".md")])
            if question is not None:
                title = gettext("What changed: %(question)s") % {"question": question.text}
                links.append((f"{self.site_url}/{question_feed(question.id)}", title))
        return "".join(
            Markup('<link rel="alternate" type="application/atom+xml" title="{}" href="{}">').format(title, href)
            for href, title in links
        )


def xml_text(text: Any) -> str:
    """Text without the characters XML 1.0 refuses."""
    return _NOT_XML.sub("", str(text))


def _days(entries: list[Entry]) -> list[tuple[str, list[Entry]]]:
    days: dict[str, list[Entry]] = {}
    for entry in entries:
        days.setdefault(entry.day, []).append(entry)
    return list(days.items())
