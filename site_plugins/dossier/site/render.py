"""Render a validated dossier into the site's generated pages.

Everything here is plain Python and Jinja (no MkDocs import): :class:`DossierSite` takes the
validated ``ClaimsFile`` and returns the Markdown source of every generated page, the bytes of
the downloads, and the home page's "What we know" section. The MkDocs plugin only hands these
to MkDocs.

A generated page's Markdown is front matter, headings and placeholders: the HTML the templates
make between the headings is kept aside (see :mod:`.stash`), so that editor text is never read
as Markdown and Markdown never re-parses the HTML, and :meth:`DossierSite.page_html` puts it
back into the HTML Markdown made. :meth:`DossierSite.search_html` gives the same page as the
search index should see it: without what the templates mark ``data-search-exclude`` (they
leave it out when ``search_view`` is set), so that the search plugin does not parse the whole
page to throw most of it away; a claim page there is one search entry, its statement as the
title and its quotes as the text (the index stays small for a dossier of thousands of claims).

Escaping rules: the Jinja environment autoescapes every value; Markdown fields go through
:func:`sanitise.markdown_html` (see the "Text fields" table there). Page titles go into front
matter HTML-escaped and JSON-quoted, because the theme writes ``page.title`` into the HTML
without escaping it.
"""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import jinja2
from markupsafe import Markup

from . import charts as chart, exports, stash
from ..analysis import conflicts, corroboration
from ..records import values
from .jsonld import claim_review, script_json
from ..machine import spare_core
from ..records.model import (
    Actor,
    Claim,
    ClaimsFile,
    ClaimStatus,
    Question,
    QuestionKind,
    QuestionStatus,
    Source,
    date_mid,
)
from .layout import Layout
from .sanitise import MARKDOWN_FIELDS, markdown_html

#: The marker in the home page where the "What we know" section goes.
WHAT_WE_KNOW_MARKER = "<!-- dossier:what-we-know -->"

CLAIM_STATUS_TEXT: dict[str, str] = {
    "confirmed": "borne out by independent evidence or by the party concerned",
    "reported": "reported by a credible source, not independently confirmed",
    "unverified": "asserted, with no way yet to check it",
    "disputed": "contradicted by other credible claims",
    "denied": "denied by the party concerned",
    "superseded": "replaced by a later claim",
    "retracted": "withdrawn by whoever made it",
}
QUESTION_STATUS_TEXT: dict[str, str] = {
    "settled": "the evidence points one way",
    "disputed": "credible claims disagree",
    "open": "not enough is known",
}
RELIABILITY_TEXT: dict[str, str] = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY_TEXT: dict[int, str] = {
    1: "confirmed by other independent sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}
SOURCE_KIND_TEXT: dict[str, str] = {
    "original": "original reporting",
    "wire": "news-agency (wire) story",
    "republication": "republication or rewrite of another report",
    "official": "official statement or document",
    "aggregator": "aggregator or derivative page",
}
CONFLICT_KIND_TEXT: dict[str, str] = {
    "yes-no": "opposite answers",
    "quantity": "figures that cannot both hold",
    "choice": "answers that exclude each other",
    "declared": "linked by the editors",
}
DOWNLOAD_TEXT: dict[str, str] = {
    "claims": "every claim with its question, actor, value, status and citations",
    "sources": "the bibliography: every source with outlet, headline, byline, date and grade",
    "conflicts": "the contradiction table: every pair of conflicting claims, why, and its status",
}
QUESTION_ORDER = (QuestionStatus.disputed, QuestionStatus.open, QuestionStatus.settled)


@dataclass(frozen=True)
class SiteOptions:
    """What rendering needs to know about the site (no MkDocs objects)."""

    site_name: str
    site_url: str | None = None
    layout: Layout = field(default_factory=Layout)
    #: Address of claims.yaml on the forge, e.g. https://github.com/o/r/blob/main/claims.yaml;
    #: "#L<line>" is added for a record. None: no edit links.
    edit_base: str | None = None
    claims_name: str = "claims.yaml"
    quotes_checked: bool = False
    #: Index the quotes of claim pages for search (the statement always is).
    search_quotes: bool = True
    #: Draw the charts in another process while the pages are built (see DossierSite.start_charts).
    background_charts: bool = False


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("site_plugins.dossier.site", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_html
    env.filters["date_text"] = values.format_date
    env.globals.update(
        CLAIM_STATUS_TEXT=CLAIM_STATUS_TEXT,
        QUESTION_STATUS_TEXT=QUESTION_STATUS_TEXT,
        RELIABILITY_TEXT=RELIABILITY_TEXT,
        CREDIBILITY_TEXT=CREDIBILITY_TEXT,
        SOURCE_KIND_TEXT=SOURCE_KIND_TEXT,
        CONFLICT_KIND_TEXT=CONFLICT_KIND_TEXT,
    )
    # The shared macros, made once: an {% import %} in each template would make them again
    # for each of thousands of pages.
    env.globals["m"] = env.get_template("_macros.j2").make_module()
    return env


def front_matter(title: str, *, description: str | None = None, tags: Iterable[str] = ()) -> Markup:
    """YAML front matter; text is HTML-escaped (the theme prints it raw) and JSON-quoted."""
    lines = ["---", f"title: {json.dumps(html.escape(title), ensure_ascii=False)}"]
    if description:
        lines.append(f"description: {json.dumps(html.escape(description), ensure_ascii=False)}")
    tag_list = sorted(set(tags))
    if tag_list:
        lines.append("tags:")
        lines.extend(f"  - {json.dumps(t)}" for t in tag_list)
    lines.append("---")
    return Markup("\n".join(lines) + "\n")


def shorten(text: str, limit: int = 90) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:.") + "…"


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

    def asset(self, name: str) -> str:
        return self.page(self.layout.asset(name))


class DossierSite:
    """All generated content of one dossier. Build once per MkDocs build; pure and deterministic."""

    def __init__(
        self,
        data: ClaimsFile,
        options: SiteOptions,
        *,
        line_of: Callable[[tuple[object, ...]], int | None] | None = None,
        reference_markdown: str | None = None,
    ) -> None:
        self.data = data
        self.options = options
        self.layout = options.layout
        self._line_of = line_of or (lambda _path: None)
        self._reference = reference_markdown
        self.env = _environment()
        self.analysis = conflicts.analyse(data)
        self.questions = {q.id: q for q in data.questions}
        self.actors = {a.id: a for a in data.actors}
        self.sources = {s.id: s for s in data.sources}
        self.claims = {c.id: c for c in data.claims}
        self.claim_index = {c.id: i for i, c in enumerate(data.claims)}
        self.claims_by_question: dict[str, list[Claim]] = defaultdict(list)
        self.claims_by_actor: dict[str, list[Claim]] = defaultdict(list)
        self.claims_by_source: dict[str, list[Claim]] = defaultdict(list)
        self.superseded_by: dict[str, list[Claim]] = defaultdict(list)
        for claim in sorted(data.claims, key=self._claim_order):
            self.claims_by_question[claim.question].append(claim)
            self.claims_by_actor[claim.actor].append(claim)
            for source_id in dict.fromkeys(c.source for c in claim.citations):
                self.claims_by_source[source_id].append(claim)
            for link in claim.supersedes:
                self.superseded_by[link.claim].append(claim)
        self.origin_of = corroboration.origin_of(data)
        self._downloads: dict[str, bytes] | None = None
        self._page_edit_urls: dict[str, str | None] | None = None
        self._charts: dict[str, Markup] = {}
        self._chart_pool: ProcessPoolExecutor | None = None
        self._chart_future: Future[dict[str, str]] | None = None
        #: src -> the HTML fragments of a generated page (see :mod:`.stash`)
        self._fragments: dict[str, list[str]] = {}
        #: src -> the fragments as the search index should see them (None: as they are)
        self._search_fragments: dict[str, list[str]] = {}
        #: pages whose search view is one entry: their section headings are left out of it
        self._one_search_entry: set[str] = set()
        self.question_index = {q.id: i for i, q in enumerate(data.questions)}
        self.conflicts_by_question: dict[str, list[conflicts.Conflict]] = defaultdict(list)
        for conflict in self.analysis.conflicts:
            self.conflicts_by_question[conflict.question].append(conflict)

    # -- helpers available to templates --------------------------------------------------
    @staticmethod
    def _claim_order(claim: Claim) -> tuple[object, ...]:
        as_of = claim.value.as_of or claim.made
        return (date_mid(as_of), as_of, date_mid(claim.made), claim.id)

    def value_text(self, claim: Claim) -> str:
        question = self.questions.get(claim.question)
        return values.format_value(claim.value, question) if question else ""

    def value_sort_key(self, claim: Claim) -> str:
        """A number for sorting quantity values in tables (empty for other kinds)."""
        v = claim.value
        number = v.exactly if v.exactly is not None else (v.min if v.min is not None else v.max)
        return "" if number is None else f"{number:.0f}"

    def edit_url(self, path: tuple[object, ...]) -> str | None:
        if not self.options.edit_base:
            return None
        line = self._line_of(path)
        return f"{self.options.edit_base}#L{line}" if line else self.options.edit_base

    def claim_edit_url(self, claim_id: str) -> str | None:
        return self.edit_url(("claims", self.claim_index[claim_id]))

    def question_edit_url(self, question_id: str) -> str | None:
        return self.edit_url(("questions", self.question_index[question_id]))

    def claim_line(self, claim_id: str) -> int | None:
        return self._line_of(("claims", self.claim_index[claim_id]))

    def copy_chain(self, source: Source) -> list[Source]:
        """The sources this one was copied from, nearest first (stops at a loop)."""
        chain: list[Source] = []
        seen = {source.id}
        current = source
        while current.copy_of and current.copy_of in self.sources and current.copy_of not in seen:
            current = self.sources[current.copy_of]
            seen.add(current.id)
            chain.append(current)
        return chain

    def independent_origins(self, claim: Claim) -> int:
        return corroboration.independent_origins(claim, self.data, self.origin_of)

    def conflicts_of(self, claim_id: str) -> list[conflicts.Conflict]:
        return list(self.analysis.by_claim.get(claim_id, []))

    def other_claim(self, conflict: conflicts.Conflict, claim_id: str) -> Claim:
        return self.claims[conflict.b if conflict.a == claim_id else conflict.a]

    def value_range(self, question: Question) -> str:
        """The spread of the values claimed for ``question``, in words."""
        claims = self.claims_by_question.get(question.id, [])
        if not claims:
            return "no claims yet"
        if question.kind is QuestionKind.quantity:
            # The figures claimed (an "as many as" figure claims no lower bound of 0).
            by_scope: dict[str, list[float]] = defaultdict(list)
            at_least: dict[str, list[float]] = defaultdict(list)
            for c in claims:
                v = c.value
                by_scope[v.scope or ""].extend(float(x) for x in (v.exactly, v.min, v.max) if x is not None)
                if v.exactly is None and v.min is not None and v.max is None:
                    at_least[v.scope or ""].append(float(v.min))
            unit = f" {question.unit}" if question.unit else ""
            parts = []
            order = {scope: i for i, scope in enumerate(question.scopes)}
            for scope in sorted(by_scope, key=lambda x: (order.get(x, len(order)), x)):
                figures = by_scope[scope]
                if not figures:
                    continue
                low, high = min(figures), max(figures)
                if low == high:
                    span = values.format_number(low)
                else:
                    span = f"{values.format_number(low)} to {values.format_number(high)}"
                if any(m >= high for m in at_least[scope]):  # the highest figure is an "at least"
                    span += " or more"
                words = values.scope_words(scope)
                parts.append(f"{span}{unit}" + (f" ({words})" if words else ""))
            return "; ".join(parts) or "no figures"
        counts: dict[str, int] = defaultdict(int)
        for c in claims:
            counts[self.value_text(c)] += 1
        ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        return ", ".join(f"{label} ({n} {'claim' if n == 1 else 'claims'})" for label, n in ordered)

    def _context(self, here: str, **extra: Any) -> dict[str, Any]:
        return {
            "site": self,
            "data": self.data,
            "link": Links(self.layout, here),
            "options": self.options,
            "ClaimStatus": ClaimStatus,
            "search_view": False,
            **extra,
        }

    def _render(self, template: str, here: str, **extra: Any) -> str:
        return self.env.get_template(template).render(self._context(here, **extra))

    def _render_page(
        self,
        template: str,
        here: str,
        *,
        search_view: bool = True,
        one_search_entry: bool = False,
        **extra: Any,
    ) -> str:
        """The page's Markdown (headings and placeholders); its HTML fragments are kept for
        :meth:`page_html` and, rendered again with ``search_view`` (which leaves out what is
        marked data-search-exclude), for :meth:`search_html`. ``one_search_entry``: the search
        view has no section headings, so the page is one entry of the index."""
        if one_search_entry:
            self._one_search_entry.add(here)
        markdown, self._fragments[here] = stash.split(self._render(template, here, **extra))
        if search_view:
            lean_markdown, lean = stash.split(self._render(template, here, search_view=True, **extra))
            # The templates keep headings out of search_view's ifs.
            if stash.headings(lean_markdown) != stash.headings(markdown):
                raise AssertionError(f"{template}: the search view has other headings than the page")
            self._search_fragments[here] = lean
        return markdown

    def page_html(self, src: str, html: str) -> str:
        """The HTML Markdown made of a generated page, with the page's own HTML put back."""
        return self._put_charts(stash.restore(html, self._fragments.get(src, ())))

    def has_fragments(self, src: str) -> bool:
        return bool(self._fragments.get(src))

    def search_html(self, src: str, html: str) -> str | None:
        """The page as the search index should see it, or None when that is the page itself."""
        lean = self._search_fragments.get(src)
        if lean is None:
            return None
        if src in self._one_search_entry:
            # Markdown's headings only (no fragment is in yet): the page's sections, whose text
            # is left out of the search view anyway or joins the page's one entry (the quotes).
            html = _SECTION_HEADING.sub("", html)
        return self._put_charts(stash.restore(html, lean))

    # -- pages ---------------------------------------------------------------------------
    def claim_page(self, claim: Claim) -> str:
        here = self.layout.claim(claim.id)
        ld = None
        if self.options.site_url:
            page_url = self.options.site_url.rstrip("/") + "/" + self.layout.url(here)
            ld = script_json(
                claim_review(
                    claim,
                    self.data,
                    page_url=page_url,
                    publisher=self.options.site_name,
                    site_url=self.options.site_url,
                    actors=self.actors,
                    sources=self.sources,
                )
            )
        question = self.questions[claim.question]
        actor = self.actors.get(claim.actor)
        return self._render_page(
            "claim.md.j2",
            here,
            one_search_entry=True,
            front=front_matter(
                shorten(claim.statement),
                description=shorten(f"{_actor_name(actor)}, {claim.made}: {claim.statement}", 160),
                tags=claim.tags,
            ),
            claim=claim,
            question=question,
            actor=actor,
            jsonld=ld,
        )

    def question_page(self, question: Question) -> str:
        here = self.layout.question(question.id)
        claims = self.claims_by_question.get(question.id, [])
        svg = self.chart_svg(question)
        question_conflicts = self.conflicts_by_question.get(question.id, [])
        return self._render_page(
            "question.md.j2",
            here,
            front=front_matter(
                question.text, description=f"What we know: {question.text}", tags=question.tags
            ),
            question=question,
            claims=claims,
            chart=svg,
            conflicts=question_conflicts,
        )

    def _has_chart(self, question: Question) -> bool:
        return question.kind is QuestionKind.quantity and bool(self.chart_rows(question))

    def _charted(self) -> list[Question]:
        return [q for q in self.data.questions if self._has_chart(q)]

    def chart_svg(self, question: Question) -> Markup | None:
        """The inline SVG chart of a quantity question's figures (None when there is nothing to plot).

        While the charts are being drawn in another process (:meth:`start_charts`), a
        placeholder that :meth:`page_html` and :meth:`search_html` replace with the chart."""
        if not self._has_chart(question):
            return None
        if self._chart_future is not None and question.id not in self._charts:
            return Markup(_CHART_PLACEHOLDER.format(question.id))
        if question.id not in self._charts:  # drawn once, shown on the question page and the timeline
            claims = self.claims_by_question.get(question.id, [])
            self._charts[question.id] = Markup(chart.quantity_chart_svg(question, claims, self.actors))
        return self._charts[question.id]

    def start_charts(self) -> None:
        """Start drawing every chart in another process; the pages get placeholders meanwhile.

        Drawing a chart takes matplotlib a good fraction of a second, and a large dossier has
        a hundred of them: on a machine with a second core they are drawn there while the
        build goes on with the pages. The charts are the same bytes either way. Without a
        second core, or if the process cannot start, nothing happens here and each chart is
        drawn when its page is rendered.
        """
        if self._chart_future is not None or not spare_core():
            return
        jobs = [(q, self.claims_by_question.get(q.id, [])) for q in self._charted()]
        if not jobs:
            return
        try:
            import multiprocessing

            # spawn: a fresh interpreter, whatever threads this one runs (mkdocs serve has some)
            self._chart_pool = ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("spawn")
            )
            self._chart_future = self._chart_pool.submit(chart.draw_charts, jobs, list(self.data.actors))
        except (OSError, RuntimeError):
            self.close()

    def _put_charts(self, html: str) -> str:
        if _CHART_MARK not in html:
            return html
        if self._chart_future is not None:
            try:
                drawn = self._chart_future.result()
            except Exception:  # the other process failed: each chart is drawn here instead
                drawn = {}
            self._charts.update((qid, Markup(svg)) for qid, svg in drawn.items())
            self.close()

        def chart_of(match: re.Match[str]) -> str:
            question = self.questions.get(match.group(1))
            return str(self.chart_svg(question) or "") if question else ""

        return _CHART_PLACEHOLDER_RE.sub(chart_of, html)

    def close(self) -> None:
        """Stop the chart process, if one runs (drawn charts are kept)."""
        pool, self._chart_pool, self._chart_future = self._chart_pool, None, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def chart_rows(self, question: Question) -> list[chart.ChartRow]:
        """The chart's values as table rows (its text alternative)."""
        if question.kind is not QuestionKind.quantity:
            return []
        return chart.chart_table_rows(question, self.claims_by_question.get(question.id, []), self.actors)

    def questions_grouped(self) -> list[tuple[QuestionStatus, list[Question]]]:
        groups = []
        for status in QUESTION_ORDER:
            qs = [q for q in self.data.questions if q.status is status]
            if qs:
                groups.append((status, qs))
        return groups

    def conflict_count(self, question_id: str) -> int:
        return len(self.conflicts_by_question.get(question_id, []))

    def what_we_know(self, here: str = "index.md") -> str:
        """The home page's "What we know" section (raw HTML for the marker's place)."""
        # One page, read whole by search.
        return self._render_page(
            "what_we_know.md.j2", here, search_view=False, groups=self.questions_grouped()
        )

    def downloads(self) -> dict[str, bytes]:
        if self._downloads is None:
            self._downloads = dict(sorted(exports.export_files(self.data, self.analysis).items()))
        return self._downloads

    def pages(self) -> dict[str, str]:
        """Source path (relative to docs_dir) -> Markdown, for every generated page."""
        layout = self.layout
        out: dict[str, str] = {}
        if self.options.background_charts:
            self.start_charts()
        for claim in sorted(self.data.claims, key=lambda c: c.id):
            out[layout.claim(claim.id)] = self.claim_page(claim)
        for question in self.data.questions:
            out[layout.question(question.id)] = self.question_page(question)
        out[layout.questions_index] = self._render_page(
            "questions_index.md.j2", layout.questions_index, groups=self.questions_grouped()
        )
        out[layout.sources] = self._render_page(
            "sources.md.j2", layout.sources, origins=self._origin_groups()
        )
        out[layout.actors] = self._render_page(
            "actors.md.j2",
            layout.actors,
            actors=sorted(self.data.actors, key=lambda a: (a.name.casefold(), a.id)),
        )
        out[layout.conflicts] = self._render_page(
            "conflicts.md.j2", layout.conflicts, **self._conflict_table()
        )
        out[layout.timeline] = self._render_page("timeline.md.j2", layout.timeline)
        out[layout.downloads] = self._render_page(
            "downloads.md.j2", layout.downloads, files=self._download_rows()
        )
        out[layout.tags] = self._render("tags.md.j2", layout.tags)
        if self._reference:
            out[layout.reference] = self._render(
                "reference.md.j2",
                layout.reference,
                reference=Markup(self._reference),
                markdown_fields=MARKDOWN_FIELDS,
            )
        return out

    def edit_url_for_page(self, src_uri: str) -> str | None:
        """Where "edit this page" should lead for a generated page (its record in claims.yaml)."""
        if self._page_edit_urls is None:
            urls: dict[str, str | None] = {}
            for claim_id in self.claims:
                urls[self.layout.claim(claim_id)] = self.claim_edit_url(claim_id)
            for question_id in self.questions:
                urls[self.layout.question(question_id)] = self.question_edit_url(question_id)
            self._page_edit_urls = urls
        if src_uri in (self.layout.reference, self.layout.tags):
            return None  # made from the schema and the theme's tag listing, not from claims.yaml
        return self._page_edit_urls.get(src_uri, self.options.edit_base)

    # -- page data -----------------------------------------------------------------------
    def _origin_groups(self) -> list[tuple[Source, list[Source]]]:
        groups: dict[str, list[Source]] = defaultdict(list)
        for source in self.data.sources:
            groups[self.origin_of.get(source.id, source.id)].append(source)
        return [(self.sources[root], members) for root, members in groups.items() if root in self.sources]

    def _conflict_table(self) -> dict[str, Any]:
        rows = list(self.analysis.conflicts)
        position = self.question_index
        question_ids = sorted({c.question for c in rows}, key=lambda q: (position.get(q, len(position)), q))
        actor_ids = sorted(
            {self.claims[x].actor for c in rows for x in (c.a, c.b)},
            key=lambda a: (_actor_name(self.actors.get(a)).casefold(), a),
        )
        kinds = sorted({c.kind for c in rows})
        statuses = sorted({c.status for c in rows})
        return {
            "rows": rows,
            "filter_questions": [self.questions[q] for q in question_ids if q in self.questions],
            "filter_actors": [self.actors[a] for a in actor_ids if a in self.actors],
            "filter_kinds": kinds,
            "filter_statuses": statuses,
        }

    def _download_rows(self) -> list[dict[str, Any]]:
        rows = []
        for name, content in self.downloads().items():
            stem, _, fmt = name.rpartition(".")
            rows.append(
                {
                    "name": name,
                    "format": fmt.upper(),
                    "what": DOWNLOAD_TEXT.get(stem, stem),
                    "size": len(content),
                }
            )
        return rows

    def timeline(self) -> list[tuple[Question, list[Claim]]]:
        return [
            (q, self.claims_by_question[q.id])
            for q in self.data.questions
            if self.claims_by_question.get(q.id)
        ]


_SECTION_HEADING = re.compile(r"<h([2-6])\b[^>]*>.*?</h\1>", re.DOTALL)
_CHART_PLACEHOLDER = "<!--dossier-chart:{}-->"
_CHART_MARK = _CHART_PLACEHOLDER.split("{", 1)[0]
_CHART_PLACEHOLDER_RE = re.compile(r"<!--dossier-chart:([a-z0-9-]+)-->")


def _actor_name(actor: Actor | None) -> str:
    return actor.name if actor else "unknown"
