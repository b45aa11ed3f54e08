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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable

from ..analysis.conflicts import Analysis
from ..history.model import History
from ..records.index import Index
from ..records.model import Claim, Question
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
        self._texts: dict[str, tuple[str, str]] = {}
        self._touched: set[str] = set()
        #: the charts drawn before (see chart_worker.Charts)
        self.charts: dict[str, str] = {}
        #: pages taken from the cache and pages rendered, in the last build
        self.reused = 0
        self.rendered = 0

    def start(self) -> None:
        """A new build begins: forget what the last one did not use; count from zero."""
        for store in (self._pages, self._texts):
            for name in [n for n in store if n not in self._touched]:
                del store[name]
        self._touched = set()
        self.reused = self.rendered = 0

    def get(self, src: str, key: str) -> Rendered | None:
        self._touched.add(src)
        found = self._pages.get(src)
        if found is None or found.key != key:
            return None
        self.reused += 1
        return found

    def put(self, src: str, rendered: Rendered) -> None:
        self._touched.add(src)
        self.rendered += 1
        self._pages[src] = rendered

    def text(self, name: str, key: str, make: Callable[[], str]) -> str:
        """The text ``name`` made by ``make()``, unless the last build made it from the same inputs."""
        self._touched.add(name)
        found = self._texts.get(name)
        if found is not None and found[0] == key:
            return found[1]
        made = make()
        self._texts[name] = (key, made)
        return made


class PageInputs:
    """The digest of everything each claim page reads, for one build."""

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
        data = index.data
        common = hashlib.sha256()
        for part in (
            _templates_digest(),
            repr(options),
            repr(history.unavailable),
            repr(sorted(history.moved.items())),
            data.dossier.model_dump_json(),
            *(record.model_dump_json() for record in (*data.questions, *data.actors, *data.sources)),
        ):
            common.update(part.encode("utf-8"))
            common.update(b"\0")
        self._common = common.digest()

    def claim(self, claim: Claim) -> str:
        """The digest of the claim page of ``claim`` (what its embed page reads is a part of it)."""
        if claim.id not in self._claims:
            self._claims[claim.id] = self._claim(claim)
        return self._claims[claim.id]

    def _claim(self, claim: Claim) -> str:
        index = self._index
        digest = hashlib.sha256(self._common)
        position = index.claim_position[claim.id]
        conflicts = self._analysis.by_claim.get(claim.id, [])
        named = {x for conflict in conflicts for x in (conflict.a, conflict.b)}
        named.update(other.id for other in index.superseded_by.get(claim.id, []))
        named.update(old.claim for old in claim.supersedes)
        named.update(claim.related)
        named.update(other.claim for other in claim.contradicts)
        named.discard(claim.id)
        for part in (
            claim.model_dump_json(),
            repr((position, self._line_of(("claims", position)))),
            repr(self._history.of("claim", claim.id)),
            repr(conflicts),
            *(index.claims[x].model_dump_json() for x in sorted(named) if x in index.claims),
        ):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
        return digest.hexdigest()


    def question(self, question: Question) -> str:
        """The digest of the question page of ``question``: the question, its claims and their
        conflicts (the chart is drawn from the same claims)."""
        index = self._index
        digest = hashlib.sha256(self._common)
        position = index.question_position[question.id]
        for part in (
            question.model_dump_json(),
            repr((position, self._line_of(("questions", position)))),
            repr(self._history.of("question", question.id)),
            repr(self._conflicts_by_question.get(question.id, [])),
            *(claim.model_dump_json() for claim in index.claims_by_question.get(question.id, [])),
        ):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
        return digest.hexdigest()


def _templates_digest() -> str:
    """The templates and message catalogues the pages are made with."""
    digest = hashlib.sha256()
    package = resources.files("site_plugins.dossier.site")
    for folder in ("templates", "locale"):
        for path in sorted(_files(package / folder), key=str):
            digest.update(str(path).encode("utf-8"))
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _files(folder: Traversable) -> Iterator[Traversable]:
    for entry in folder.iterdir():
        if entry.is_dir():
            yield from _files(entry)
        else:
            yield entry
