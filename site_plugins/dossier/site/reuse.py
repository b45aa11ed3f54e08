"""The generated pages of the last build that can be used again: :class:`RenderCache`.

Under ``mkdocs serve`` one process builds the whole site again on every save. Most of a claim
page's inputs have not changed when an editor changes one claim, so the plugin keeps a
:class:`RenderCache` between the builds of one process, and :class:`PageInputs` digests what
each claim page reads: the claim itself and its line in ``claims.yaml``, the claims it names or
conflicts with, its conflicts and history, and everything a claim page may show of the rest
(questions, actors, sources, the site's options, the templates and message catalogues). A page
whose digest is the one of the last build keeps its Markdown and HTML fragments instead of
having its templates rendered again (twice: the page and its search view); any other page is
rendered, and the cache takes the new result. Pages the dossier no longer has are dropped.

The digest is deliberately wide (an edit to a question, an actor or a source renders every
claim page again): a page taken from the cache must be exactly the page a clean build writes,
which the tests check byte for byte after a sequence of edits. No MkDocs import.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from markupsafe import Markup

from ..analysis.conflicts import Analysis
from ..history.model import History
from ..records.index import Index
from ..records.model import Claim, Question
from .chart_worker import Workers
from .exports import ClaimLines, KeptLines, conflict_ids
from .options import SiteOptions

LineOf = Callable[[tuple[object, ...]], int | None]


@dataclass(frozen=True)
class Rendered:
    """One generated page as the templates made it."""

    #: the digest of its inputs (:class:`PageInputs`)
    key: str
    markdown: str
    fragments: list[str]
    #: the fragments as the search index sees them (None: the page has no search view)
    search_fragments: list[str] | None
    one_search_entry: bool


class RenderCache:
    """What the last build rendered, kept for the next one: source path -> its page, name -> a
    text (a claim's embed page), and the charts. An entry that a build did not ask for (its
    record was deleted or renamed) is dropped when the next build starts."""

    def __init__(self) -> None:
        self._pages: dict[str, Rendered] = {}
        self._texts: dict[str, tuple[str, Any]] = {}
        self._touched: set[str] = set()
        self._fragments: dict[tuple[object, ...], tuple[str, Markup]] = {}
        self._fragments_touched: set[tuple[object, ...]] = set()
        self._keys: dict[str, str] = {}  # src -> the digest of its inputs, this build
        #: the charts drawn before, and the second process that draws them (see chart_worker)
        self.charts: dict[str, str] = {}
        self.workers = Workers()
        #: pages taken from the cache and pages rendered, in the last build
        self.reused = 0
        self.rendered = 0

    def start(self) -> None:
        """A new build begins: forget what the last one did not use; count from zero."""
        for store in (self._pages, self._texts):
            for name in [n for n in store if n not in self._touched]:
                del store[name]
        self._touched = set()
        for piece in [n for n in self._fragments if n not in self._fragments_touched]:
            del self._fragments[piece]
        self._fragments_touched = set()
        self._keys = {}
        self.reused = self.rendered = 0

    def key_of(self, src: str) -> str | None:
        """The digest of the page's inputs in this build (None: not a page the cache holds)."""
        return self._keys.get(src)

    def get(self, src: str, key: str) -> Rendered | None:
        self._touched.add(src)
        self._keys[src] = key
        found = self._pages.get(src)
        if found is None or found.key != key:
            return None
        self.reused += 1
        return found

    def put(self, src: str, rendered: Rendered) -> None:
        self._touched.add(src)
        self.rendered += 1
        self._pages[src] = rendered

    def text(self, name: str, key: str, make: Callable[[], T]) -> T:
        """What ``make()`` makes (a page's text, a file's bytes), unless the last build made
        ``name`` from the same inputs."""
        self._touched.add(name)
        return _made(self._texts, name, key, make)

    def fragment(self, name: tuple[object, ...], key: str, make: Callable[[], Markup]) -> Markup:
        """Like :meth:`text`, for a piece of a page (``name`` says which page and which piece)."""
        self._fragments_touched.add(name)
        return _made(self._fragments, name, key, make)


N = TypeVar("N")
T = TypeVar("T")


def _made(store: dict[N, tuple[str, T]], name: N, key: str, make: Callable[[], T]) -> T:
    """``store[name]``'s value if it was made under ``key``; else made now and kept."""
    found = store.get(name)
    if found is not None and found[0] == key:
        return found[1]
    made = make()
    store[name] = (key, made)
    return made


class PageInputs:
    """The digest of everything each claim or question page, or a claim's line in a list,
    reads, for one build."""

    def __init__(
        self, index: Index, analysis: Analysis, options: SiteOptions, history: History, line_of: LineOf
    ) -> None:
        self._index = index
        self._analysis = analysis
        self._history = history
        self._line_of = line_of
        self._conflicts_by_question: dict[str, list[object]] = {}
        for conflict in analysis.conflicts:
            self._conflicts_by_question.setdefault(conflict.question, []).append(conflict)
        #: claim id -> the digest of its page, once asked for
        self._claims: dict[str, str] = {}
        #: claim id -> the digest of the record alone (and the rest it may show), once asked for
        self._records: dict[str, str] = {}
        self._json: dict[str, str] = {}  # claim id -> the record as JSON, once made
        data = index.data
        package = Path(str(resources.files("site_plugins.dossier.site")))
        self._common = digest_of(
            hashlib.sha256(),
            folder_digest(package / "templates"),
            folder_digest(package / "locale"),
            repr(options),
            repr(history.unavailable),
            repr(sorted(history.moved.items())),
            data.dossier.model_dump_json(),
            *(record.model_dump_json() for record in (*data.questions, *data.actors, *data.sources)),
        ).digest()

    def _record_json(self, claim: Claim) -> str:
        if claim.id not in self._json:
            self._json[claim.id] = claim.model_dump_json()
        return self._json[claim.id]

    def claim(self, claim: Claim) -> str:
        """The digest of the claim page of ``claim`` (what its embed page reads is a part of it)."""
        if claim.id not in self._claims:
            self._claims[claim.id] = self._claim(claim)
        return self._claims[claim.id]

    def record(self, claim: Claim) -> str:
        """The digest of what a claim's summary in a list shows: the claim, and the questions,
        actors and sources it may name."""
        if claim.id not in self._records:
            self._records[claim.id] = digest_of(hashlib.sha256(self._common), self._record_json(claim)).hexdigest()
        return self._records[claim.id]

    def shown(self, *parts: str) -> str:
        """The digest of ``parts`` and of everything any page may show of the dossier besides
        its claims (the questions, actors and sources, the options, templates, catalogues)."""
        return digest_of(hashlib.sha256(self._common), *parts).hexdigest()

    def _claim(self, claim: Claim) -> str:
        index = self._index
        position = index.claim_position[claim.id]
        conflicts = self._analysis.by_claim.get(claim.id, [])
        named = {x for conflict in conflicts for x in (conflict.a, conflict.b)}
        named.update(other.id for other in index.superseded_by.get(claim.id, []))
        named.update(old.claim for old in claim.supersedes)
        named.update(claim.related)
        named.update(other.claim for other in claim.contradicts)
        named.discard(claim.id)
        return digest_of(
            hashlib.sha256(self._common),
            self._record_json(claim),
            repr((position, self._line_of(("claims", position)))),
            repr(self._history.of("claim", claim.id)),
            repr(conflicts),
            *(self._record_json(index.claims[x]) for x in sorted(named) if x in index.claims),
        ).hexdigest()

    def question(self, question: Question) -> str:
        """The digest of the question page of ``question``: the question, its claims and their
        conflicts (the chart is drawn from the same claims)."""
        index = self._index
        position = index.question_position[question.id]
        return digest_of(
            hashlib.sha256(self._common),
            question.model_dump_json(),
            repr((position, self._line_of(("questions", position)))),
            repr(self._history.of("question", question.id)),
            repr(self._conflicts_by_question.get(question.id, [])),
            *(self._record_json(claim) for claim in index.claims_by_question.get(question.id, [])),
        ).hexdigest()


def kept_by_record(cache: RenderCache, inputs: PageInputs) -> Callable[[str, Claim, Callable[[], T]], T]:
    """``kept(name, claim, make)``: what the last build made as ``name`` while the claim's record
    (and what it may name) is the same (a claim's social card and head tags)."""
    return lambda name, claim, make: cache.text(name, inputs.record(claim), make)


def kept_lines(cache: RenderCache, inputs: PageInputs, analysis: Analysis) -> KeptLines:
    """A claim's lines in the downloads, the last build's while its record, what it may name and
    its conflicts are the same."""

    def kept(claim: Claim, make: Callable[[], ClaimLines]) -> ClaimLines:
        key = inputs.record(claim) + repr(conflict_ids(claim, analysis))
        return cache.text(f"downloads:{claim.id}", key, make)

    return kept


def digest_of(digest: Any, *parts: str) -> Any:
    """``digest`` (a hashlib object) updated with each part, each followed by a zero byte."""
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest


def folder_digest(folder: Path | str | None) -> str:
    """The digest of every file under ``folder``, with their paths ("" when there is none)."""
    if not folder or not os.path.isdir(folder):
        return ""
    digest = hashlib.sha256()
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(folder)).encode("utf-8"))
            digest.update(path.read_bytes())
    return digest.hexdigest()


class CachedMacros:
    """The templates' shared macros (``m``) for one page, with the summary, the reference and the
    line of a claim whose record has not changed taken from the last build: the listing pages
    show every claim, and at thousands of claims making each again is most of their cost."""

    def __init__(self, macros: Any, cache: RenderCache, inputs: PageInputs, here: str) -> None:
        self._macros = macros
        self._cache = cache
        self._inputs = inputs
        self._here = here

    def __getattr__(self, name: str) -> Any:
        return getattr(self._macros, name)

    def claim_summary(self, view: Any, link: Any, claim: Claim, when: bool = True, says: bool = True) -> Markup:
        def make() -> Markup:
            return Markup(self._macros.claim_summary(view, link, claim, when=when, says=says))

        name = (self._here, claim.id, when, says)
        return self._cache.fragment(name, self._inputs.record(claim), make)

    def claim_ref(self, view: Any, link: Any, claim: Claim) -> Markup:
        return self._piece("claim_ref", view, link, claim)

    def claim_said(self, view: Any, link: Any, claim: Claim) -> Markup:
        return self._piece("claim_said", view, link, claim)

    def claim_item(self, view: Any, link: Any, claim: Claim) -> Markup:
        return self._piece("claim_item", view, link, claim)

    def timeline_entry(self, view: Any, link: Any, claim: Claim) -> Markup:
        return self._piece("timeline_entry", view, link, claim)

    def kept(
        self, name: str, ident: object, *shown: object, claims: Iterable[Claim] = (), caller: Callable[[], str]
    ) -> Markup:
        """A piece of a listing page (``{% call m.kept(name, ident, ...) %}``): the last build's
        while its ``shown`` inputs (their text) and its ``claims`` are the same."""

        def make() -> Markup:
            return Markup(caller())

        key = self._inputs.shown(repr(shown), *(self._inputs.record(claim) for claim in claims))
        return self._cache.fragment((self._here, name, ident), key, make)

    def _piece(self, macro: str, view: Any, link: Any, claim: Claim) -> Markup:
        def make() -> Markup:
            return Markup(getattr(self._macros, macro)(view, link, claim))

        return self._cache.fragment((self._here, claim.id, macro), self._inputs.record(claim), make)
