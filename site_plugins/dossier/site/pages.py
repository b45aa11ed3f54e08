"""The dossier's generated pages and downloads: :class:`DossierSite`.

Everything here is plain Python and Jinja (no MkDocs import): :class:`DossierSite` takes the
validated ``ClaimsFile`` and returns the Markdown source of every generated page, the bytes of
the downloads, and the home page's "What we know" section. The MkDocs adapter only hands these
to MkDocs.

A generated page's Markdown is front matter, headings and placeholders: the HTML the templates
make between the headings is kept aside (see :mod:`.stash`), so that editor text is never read
as Markdown and Markdown never re-parses the HTML, and :meth:`DossierSite.page_html` puts it
back into the HTML Markdown made. :meth:`DossierSite.search_html` gives the same page as the
search index should see it: without what the templates mark ``data-search-exclude`` (they
leave it out when ``search_view`` is set), so that the search plugin does not parse the whole
page to throw most of it away; a claim page there is one search entry, its statement as the
title and its quotes as the text (the index stays small for a dossier of thousands of claims).

Templates receive a :class:`~.view.View` as ``view``, the page's :class:`~.layout.Links` as
``link``, the dossier's records as ``data``, the site's options, and what the page itself
needs; escaping rules are in :mod:`.environment`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from importlib import resources
from typing import Any

from markupsafe import Markup

from ..analysis import conflicts
from ..history.model import History
from ..records.index import Index
from ..records.model import Actor, Claim, ClaimsFile, ClaimStatus, Question, QuestionStatus, Source
from . import exports, stash
from .chart_worker import Charts
from .environment import environment, front_matter, shorten
from .history_pages import HistoryPages
from .jsonld import claim_review, script_json
from .i18n import Words
from .layout import Links
from .options import SiteOptions
from .fragments import Fragments
from .reuse import CachedMacros, PageInputs, RenderCache, kept_by_record, kept_lines
from .sanitise import MARKDOWN_FIELDS
from .share import Share
from .texts import LISTING_FRONT, NOT_FOUND_HEADING, NOT_FOUND_TEXT, QUESTION_ORDER, STATUS_LABEL
from .view import View

#: The marker in the home page where the "What we know" section goes.
WHAT_WE_KNOW_MARKER = "<!-- dossier:what-we-know -->"
#: In the head of a page with controls that work only with JavaScript (class dossier-needs-js:
#: the filters): without JavaScript they are taken out, and what they filter is shown whole.
#: With it they are there from the first paint, so that nothing moves when the scripts arrive.
NO_SCRIPT_STYLE = "<noscript><style>.dossier-needs-js{display:none!important}</style></noscript>"
#: The heading of Material's error page ("404.html"), which the theme writes in English.
THEME_NOT_FOUND = "<h1>404 - Not found</h1>"
#: The files of the package's ``assets`` folder the pages use, published under ``assets_dir``.
ASSETS = (
    "dossier.css",
    "dossier-filters.js",
    "vendor/tablesort/tablesort.min.js",
    "vendor/tablesort/LICENCE",
)



class DossierSite:
    """All generated content of one dossier. Build once per MkDocs build; pure and deterministic."""

    def __init__(
        self,
        data: ClaimsFile,
        options: SiteOptions,
        *,
        line_of: Callable[[tuple[object, ...]], int | None] | None = None,
        reference_markdown: str | None = None,
        history: History | None = None,
        cache: RenderCache | None = None,
    ) -> None:
        self.data = data
        self.options = options
        self.layout = options.layout
        self.index = Index(data)
        self.words = Words(options.language)
        self.analysis = conflicts.analyse(self.index, self.words.wording)
        memo, workers = (cache.charts, cache.workers) if cache is not None else (None, None)
        self.charts = Charts(self.index, options.language, memo, workers)
        lines = line_of or (lambda _path: None)
        self.view = View(self.index, self.analysis, options, self.charts, lines, history, self.words)
        self._reference = reference_markdown
        self.share = Share(self.index, options, self._actor_name, self.words.date)
        self._env = environment(options.language)
        self._status_label = {key: self.words.gettext(text) for key, text in STATUS_LABEL.items()}
        self.history_pages = HistoryPages(self.view.history, self.index, options, self.words)
        self._downloads: dict[str, bytes] | None = None
        #: under serve: the last build's pages, used again where their inputs are the same
        self._cache = cache
        self._inputs = PageInputs(self.index, self.analysis, options, self.view.history, lines) if cache is not None else None
        #: the generated pages' HTML, kept aside from Markdown
        self.fragments = Fragments(cache)
        inputs = self._inputs
        self._kept_card = kept_by_record(cache, inputs) if cache and inputs else None
        self._kept_lines = kept_lines(cache, inputs, self.analysis) if cache and inputs else None

    # -- rendering -----------------------------------------------------------------------
    def _render(self, template: str, here: str, **extra: Any) -> str:
        context = {
            "view": self.view,
            "data": self.data,
            "link": Links(self.layout, here),
            "options": self.options,
            "ClaimStatus": ClaimStatus,
            "search_view": False,
            **extra,
        }
        if self._cache is not None and self._inputs is not None:
            context["m"] = CachedMacros(self._env.globals["m"], self._cache, self._inputs, here)
        return self._env.get_template(template).render(context)

    def _render_page(self, template: str, here: str, **extra: Any) -> str:
        """The page's Markdown; its HTML fragments are kept (see :class:`.fragments.Fragments`)."""
        return self.fragments.render(self._render, template, here, **extra)

    def page_html(self, src: str, html: str) -> str:
        """The HTML Markdown made of a generated page, with the page's own HTML put back."""
        return self.charts.put_in(self.fragments.page_html(src, html))

    def finish_html(self, page: str, src: str | None = None) -> str:
        """A whole page as the theme wrote it, with what a generated page needs in its head
        and, on every page ``src``, its link-preview image (see :mod:`.share`) and the changes'
        feeds)."""
        head = ""
        if "dossier-needs-js" in page and NO_SCRIPT_STYLE not in page:
            head += NO_SCRIPT_STYLE + "\n"
        tags = self.share.head_of(src) if src is not None else ""
        head += tags + "\n" if tags else ""
        feeds = self.history_pages.head_links(src)
        if feeds and '<link rel="alternate" type="application/atom+xml"' not in page:
            head += feeds + "\n"
        return page.replace("</head>", head + "</head>", 1) if head else page

    def page_key(self, src: str) -> str | None:
        """Under serve: the digest of a claim or question page's inputs (see :mod:`.reuse`)."""
        return self._cache.key_of(src) if self._cache is not None else None

    def has_fragments(self, src: str) -> bool:
        return self.fragments.has(src)

    def search_html(self, src: str, html: str) -> str | None:
        """The page as the search index should see it, or None when that is the page itself
        (as it always is without the ``search_view`` option)."""
        lean = self.fragments.search_html(src, html) if self.options.search_view else None
        return self.charts.put_in(lean) if lean is not None else None

    def close(self) -> None:
        """Stop the chart process, if one runs."""
        self.charts.close()

    # -- pages ---------------------------------------------------------------------------
    def claim_page(self, claim: Claim) -> str:
        here = self.layout.claim(claim.id)
        self.share.claim_card(here, claim, self._status_label[claim.status.value], self._kept_card)
        key = self._inputs.claim(claim) if self._inputs is not None else None
        reused = self.fragments.reused(here, key)
        if reused is not None:
            return reused
        ld = None
        if self.options.site_url:
            page_url = self.options.site_url.rstrip("/") + "/" + self.layout.url(here)
            review = claim_review(
                claim,
                self.index,
                page_url=page_url,
                publisher=self.options.site_name,
                site_url=self.options.site_url,
                gettext=self.words.gettext,
            )
            ld = script_json(review)
        actor = self.index.actors.get(claim.actor)
        return self._render_page(
            "claim.md.j2",
            here,
            one_search_entry=True,
            key=key,
            front=_claim_front(claim, self._actor_name(actor), self.words),
            claim=claim,
            question=self.index.questions[claim.question],
            actor=actor,
            jsonld=ld,
            cite=self.share.citation(claim),
            cite_file=self.share.cite_file(claim.id),
            iframe=self.share.iframe(claim),
            embed_file=self.share.embed_file(claim.id),
        )

    def question_page(self, question: Question) -> str:
        here = self.layout.question(question.id)
        claims = self.index.claims_by_question.get(question.id, [])
        count = self.words.ngettext("%(num)d claim", "%(num)d claims", len(claims)) % {"num": len(claims)}
        self.share.question_card(here, question, self._status_label[question.status.value], count)
        key = self._inputs.question(question) if self._inputs is not None else None
        reused = self.fragments.reused(here, key)
        if reused is not None:
            return reused
        return self._render_page(
            "question.md.j2",
            here,
            key=key,
            front=front_matter(
                question.text,
                description=self.words.gettext("What we know: %(question)s") % {"question": question.text},
                tags=question.tags,
                hide=["tags"],
            ),
            question=question,
            claims=claims,
            chart=self.charts.svg(question),
            conflicts=self.view.conflicts_of_question(question.id),
        )

    def what_we_know(self, here: str = "index.md") -> str:
        """The home page's "What we know" section (raw HTML for the marker's place)."""
        # One page, read whole by search.
        groups = _grouped(self.data.questions)
        return self._render_page("what_we_know.md.j2", here, search_view=False, groups=groups)

    def shared_files(self) -> dict[str, bytes]:
        """Site path -> bytes: each claim's citation (CSL-JSON), embed page and oEmbed file."""

        def embed(claim: Claim, link: Links) -> str:
            context = {"view": self.view, "link": link, "options": self.options}
            return self._env.get_template("embed.html.j2").render(context, claim=claim)

        cache, inputs = self._cache, self._inputs
        if cache is not None and inputs is not None:
            return self.share.files(embed, lambda path, claim, make: cache.text(path, inputs.claim(claim), make))
        return self.share.files(embed)

    def start_cards(self, site_dir: str, previous: str | None) -> None:
        """Start drawing every page's social card into ``site_dir`` (after :meth:`pages`)."""
        worker = self.charts.submit if self.options.background_charts else None
        self.share.start_cards(worker, site_dir, previous)

    def finish_cards(self) -> tuple[int, int]:
        """Wait for the social cards: how many were drawn (the others were unchanged), of how many."""
        return self.share.finish_cards()

    def card_files(self) -> list[str]:
        return self.share.card_files()

    def downloads(self) -> dict[str, bytes]:
        if self._downloads is None:
            made = exports.export_files(self.index, self.analysis, self._kept_lines)
            self._downloads = dict(sorted(made.items()))
        return self._downloads

    def pages(self) -> dict[str, str]:
        """Source path (relative to docs_dir) -> Markdown, for every generated page."""
        layout = self.layout
        out: dict[str, str] = {}
        if self.options.background_charts:
            self.charts.start()
        if self._cache is not None:
            self._cache.start()
        for claim in sorted(self.data.claims, key=lambda c: c.id):
            out[layout.claim(claim.id)] = self.claim_page(claim)
        for question in self.data.questions:
            out[layout.question(question.id)] = self.question_page(question)
        listings: list[tuple[str, str, dict[str, Any]]] = [
            (layout.questions_index, "questions_index", {"groups": _grouped(self.data.questions)}),
            (layout.sources, "sources", {"origins": _origin_groups(self.index)}),
            (layout.actors, "actors", {"actors": _actors_by_name(self.data.actors)}),
            (layout.conflicts, "conflicts", _conflict_filters(self.index, self.analysis, self._actor_name)),
            (layout.timeline, "timeline", {}),
            (layout.downloads, "downloads", {"files": _download_rows(self.downloads())}),
        ]
        for src, name, extra in listings:
            front = _listing_front(name, self.words)
            out[src] = self._render_page(f"{name}.md.j2", src, front=front, **extra)
        for src, markdown in self.history_pages.markdown_pages(self._render_page).items():
            out.setdefault(src, markdown)
        out[layout.tags] = self._render("tags.md.j2", layout.tags, front=_listing_front("tags", self.words))
        if self._reference:
            out[layout.reference] = self._render(
                "reference.md.j2",
                layout.reference,
                reference=Markup(self._reference),
                markdown_fields=MARKDOWN_FIELDS,
            )
        return out

    def _actor_name(self, actor: Actor | str | None) -> str:
        """An actor's name (given the actor or its id), or "unknown" in the site's language."""
        found = self.index.actors.get(actor) if isinstance(actor, str) else actor
        return found.name if found else self.words.gettext("unknown")

    def history_files(self) -> dict[str, bytes]:
        """Site path -> bytes: the redirects of renamed claims and the feeds of changes."""
        return self.history_pages.files(self._render)

    def edit_url_for_page(self, src_uri: str) -> str | None:
        """Where "edit this page" should lead for a generated page (its record in claims.yaml)."""
        layout = self.layout
        if src_uri in (layout.reference, layout.tags):
            return None  # made from the schema and the theme's tag listing, not from claims.yaml
        if src_uri.startswith(f"{layout.claims_dir}/"):
            claim_id = src_uri[len(layout.claims_dir) + 1 : -len(".md")]
            if claim_id in self.index.claims:
                return self.view.claim_edit_url(claim_id)
        if src_uri.startswith(f"{layout.questions_dir}/"):
            question_id = src_uri[len(layout.questions_dir) + 1 : -len(".md")]
            if question_id in self.index.questions:
                return self.view.question_edit_url(question_id)
        return self.options.edit_base


def assets() -> dict[str, bytes]:
    """Asset path (under ``assets_dir``) -> bytes: the pages' stylesheet and scripts."""
    folder = resources.files("site_plugins.dossier.site") / "assets"
    return {name: (folder / name).read_bytes() for name in ASSETS}


def error_page(page: str, words: Words) -> str:
    """The theme's error page for readers ("404.html"), its words in the site's language (an
    English site keeps the theme's)."""
    if words.english or THEME_NOT_FOUND not in page:
        return page
    said = Markup("<h1>{}</h1>\n<p>{}</p>").format(
        words.gettext(NOT_FOUND_HEADING), words.gettext(NOT_FOUND_TEXT)
    )
    return page.replace(THEME_NOT_FOUND, said, 1)


def _listing_front(name: str, words: Words) -> Markup:
    """A listing page's front matter, in the site's language."""
    title, description = (words.gettext(text) for text in LISTING_FRONT[name])
    hide = {"conflicts": ["navigation", "toc"], "timeline": ["toc"]}.get(name, [])
    return front_matter(title, description=description, hide=hide, search_exclude=name == "tags")


def _claim_front(claim: Claim, actor: str, words: Words) -> Markup:
    """A claim page's front matter: its statement, and as its description who said it, when
    and what (cut to 160 characters)."""
    said = {"actor": actor, "date": words.date(claim.made), "statement": claim.statement}
    description = shorten(words.gettext("%(actor)s, %(date)s: %(statement)s") % said, 160)
    # The template shows the tags, with their names, under the verdict.
    return front_matter(shorten(claim.statement), description=description, tags=claim.tags, hide=["tags"])


# -- what the listing pages show ---------------------------------------------------------
def _grouped(questions: list[Question]) -> list[tuple[QuestionStatus, list[Question]]]:
    """The questions grouped by status (disputed first), in file order within a group."""
    groups = []
    for status in QUESTION_ORDER:
        qs = [q for q in questions if q.status is status]
        if qs:
            groups.append((status, qs))
    return groups


def _origin_groups(index: Index) -> list[tuple[Source, list[Source]]]:
    groups: dict[str, list[Source]] = defaultdict(list)
    for source in index.data.sources:
        groups[index.origin_of.get(source.id, source.id)].append(source)
    return [(index.sources[root], members) for root, members in groups.items() if root in index.sources]


def _actors_by_name(actors: list[Actor]) -> list[Actor]:
    return sorted(actors, key=lambda a: (a.name.casefold(), a.id))


def _conflict_filters(
    index: Index, analysis: conflicts.Analysis, actor_name: Callable[[str], str]
) -> dict[str, Any]:
    rows = list(analysis.conflicts)
    position = index.question_position
    question_ids = sorted({c.question for c in rows}, key=lambda q: (position.get(q, len(position)), q))
    actor_ids = sorted(
        {index.claims[x].actor for c in rows for x in (c.a, c.b)},
        key=lambda a: (actor_name(a).casefold(), a),
    )
    return {
        "rows": rows,
        "filter_questions": [index.questions[q] for q in question_ids if q in index.questions],
        "filter_actors": [index.actors[a] for a in actor_ids if a in index.actors],
        "filter_kinds": sorted({c.kind for c in rows}),
        "filter_statuses": sorted({c.status for c in rows}),
    }


def _download_rows(files: dict[str, bytes]) -> list[dict[str, Any]]:
    rows = []
    for name, content in files.items():
        stem, _, fmt = name.rpartition(".")
        rows.append({"name": name, "format": fmt.upper(), "stem": stem, "size": len(content)})
    return rows
