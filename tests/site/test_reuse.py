"""Serve's render cache (``site/reuse.py``): a listing page's pieces are taken from the last
build while what they show is the same, and the pages are those a fresh render makes."""

from __future__ import annotations

from typing import Any

from fixtures import MINI_DIR

from site_plugins.dossier.checking import validate
from site_plugins.dossier.records.model import ClaimsFile
from site_plugins.dossier.site import reuse
from site_plugins.dossier.site.options import SiteOptions
from site_plugins.dossier.site.pages import DossierSite
from site_plugins.dossier.site.reuse import RenderCache

OPTIONS = SiteOptions(site_name="t", background_charts=False)


def _mini() -> ClaimsFile:
    data = validate.load_and_validate(MINI_DIR / "claims.yaml").data
    assert data is not None
    return data


def _restated(data: ClaimsFile, claim_id: str, statement: str) -> ClaimsFile:
    claims = [c.model_copy(update={"statement": statement}) if c.id == claim_id else c for c in data.claims]
    return data.model_copy(update={"claims": claims})


def _pages(site: DossierSite) -> dict[str, tuple[str, str]]:
    """Each listing page as a reader and the search index get it (Markdown, fragments put back)."""
    out = {}
    for src, markdown in site.pages().items():
        if site.has_fragments(src):
            out[src] = (site.page_html(src, markdown), site.search_html(src, markdown) or "")
    return out


def test_listing_pieces_are_rendered_again_only_where_a_claim_changed(monkeypatch: Any) -> None:
    made: list[tuple[str, object]] = []
    kept = reuse.CachedMacros.kept

    def counted(self: Any, name: str, ident: object, *shown: object, **kw: Any) -> Any:
        caller = kw["caller"]

        def counting() -> str:
            made.append((name, ident))
            return str(caller())

        return kept(self, name, ident, *shown, claims=kw.get("claims", ()), caller=counting)

    monkeypatch.setattr(reuse.CachedMacros, "kept", counted)
    cache = RenderCache()
    data = _mini()
    _pages(DossierSite(data, OPTIONS, cache=cache))
    first = list(made)
    assert {name for name, _ in first} == {"day", "source", "conflict", "actor", "question"}
    made.clear()
    edited = _restated(data, "count-12", "Twelve lanterns stand on the pier.")
    served = _pages(DossierSite(edited, OPTIONS, cache=cache))
    # Only the pieces that show count-12 are rendered again: its day, the sources it cites
    # (in both views), its conflicts, its actor and its question.
    count_12 = next(c for c in data.claims if c.id == "count-12")
    assert made and len(made) < len(first)
    assert sorted(ident for name, ident in made if name == "source") == sorted(
        (citation.source, view) for citation in count_12.citations for view in (False, True)
    )
    assert ("day", count_12.made) in made
    # Its actor and its question, on the page of who said what and the index of questions.
    assert sorted(ident for name, ident in made if name == "actor") == [(count_12.actor, False), (count_12.actor, True)]
    assert sorted(ident for name, ident in made if name == "question") == [
        (count_12.question, False),
        (count_12.question, True),
    ]
    # And the pages are those a render without the cache makes.
    assert served == _pages(DossierSite(edited, OPTIONS))
