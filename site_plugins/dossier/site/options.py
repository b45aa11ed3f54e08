"""What the site generator is told about the site: the one home of every option's default.

The MkDocs adapter's ``Config`` takes each option's default from here, so a build through
MkDocs and a build from Python (tests, benchmarks) start from the same values. No MkDocs import.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .layout import Layout


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
    #: Draw the charts in another process while the pages are built (see chart_worker.Charts).
    background_charts: bool = True
    #: Let the search index read a lean copy of each generated page (see pages.DossierSite).
    search_view: bool = True
    #: Take blank lines and indentation out of every page's HTML (see whitespace.squeeze).
    compact_html: bool = True
    #: Who publishes the dossier, as citations name it (None: the site's name).
    publisher: str | None = None
    #: The language readers get (``theme.language``): the message catalogue, dates, numbers.
    language: str = "en"
