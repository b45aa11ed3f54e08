"""The ``dossier`` plugin's options in ``mkdocs.yml``.

Options that the site generator also knows (folders, search, charts, compact HTML) take their
defaults from the engine's :class:`~site_plugins.dossier.site.options.SiteOptions` and
:class:`~site_plugins.dossier.site.layout.Layout`, their one home; the rest only matter here.
"""

from __future__ import annotations

import datetime as dt

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from ..site.layout import Layout
from ..site.options import SiteOptions

_LAYOUT = Layout()
_SITE = SiteOptions(site_name="")


class Day(c.BaseConfigOption[dt.date]):
    """A calendar day, ``YYYY-MM-DD`` (quoted or not: YAML reads an unquoted one as a date)."""

    def run_validation(self, value: object) -> dt.date:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            raise ValidationError(f"expected a day as YYYY-MM-DD, not {value!r}") from None


class DossierConfig(base.Config):
    """Options of the ``dossier`` plugin in ``mkdocs.yml``."""

    enabled = c.Type(bool, default=True)
    """Generate the dossier. With ``false`` the site is built from ``docs_dir`` alone."""

    claims = c.File(exists=False, default="claims.yaml")
    """The claim records, relative to ``mkdocs.yml``."""

    snapshots = c.Optional(c.Dir(exists=True))
    """Folder of source snapshots for quote verification (usually ``!ENV DOSSIER_SNAPSHOTS``).
    Unset: quotes are not checked, and the build says so."""

    today = c.Optional(Day())
    """The day the records' dates are checked against (a date after it is refused as a slip),
    as ``YYYY-MM-DD``; unset: today by the clock. For a dossier dated ahead on purpose (an
    exercise, a training dossier), or to rebuild an old dossier as it was checked then;
    ``!ENV [DOSSIER_TODAY, null]`` takes it from the environment."""

    edit_base = c.Optional(c.Type(str))
    """Address of ``claims.yaml`` on the forge, e.g.
    ``https://github.com/OWNER/REPO/blob/main/claims.yaml``; ``#L<line>`` is added per record.
    Default: ``repo_url`` + ``/blob/<branch>/`` + the path of ``claims`` in the repository,
    with the branch taken from ``edit_uri`` (``edit/<branch>/...``) or ``branch``."""

    branch = c.Type(str, default="main")
    """Branch for edit links when ``edit_uri`` does not name one."""

    claims_dir = c.Type(str, default=_LAYOUT.claims_dir)
    """Folder (in the site) of the claim pages."""

    questions_dir = c.Type(str, default=_LAYOUT.questions_dir)
    """Folder (in the site) of the question pages and the questions index."""

    downloads_dir = c.Type(str, default=_LAYOUT.downloads_dir)
    """Folder (in the site) of the JSON and CSV downloads."""

    assets_dir = c.Type(str, default=_LAYOUT.assets_dir)
    """Folder (in the site) of the plugin's stylesheet and scripts."""

    search_quotes = c.Type(bool, default=_SITE.search_quotes)
    """Index claim pages' quotes for search. ``false`` keeps only statements (and the rest of
    the site) in the search index: a much smaller index for dossiers of thousands of claims."""

    background_charts = c.Type(bool, default=_SITE.background_charts)
    """Draw the charts (matplotlib, a fraction of a second each) in a second process while
    MkDocs builds the pages, where the machine has a second core. The charts are the same
    either way."""

    compact_html = c.Type(bool, default=_SITE.compact_html)
    """Take the blank lines and indentation out of every page's HTML (not inside ``pre``,
    ``textarea``, ``script`` or ``style``): the page shows the same, with about a fifth fewer
    bytes."""

    search_view = c.Type(bool, default=_SITE.search_view)
    """Let the search plugin read a lean copy of each generated page (without the parts marked
    ``data-search-exclude``, which the index leaves out) instead of the whole page, which it
    would parse only to drop most of it; and index each claim page as one entry, its statement
    as the title and its quotes as the text. ``false``: the search plugin reads the whole page
    (the same words, in a larger index: a claim page's Evidence section is an entry of its
    own)."""

    publisher = c.Optional(c.Type(str))
    """Who publishes the dossier, as "Cite this claim" names it. Default: ``site_author``, else
    the site's name."""
    history = c.Type(bool, default=True)
    """Read every record's history from the git history of ``claims``: the claim, question and
    source pages' History sections, "last updated", the changes page and its feeds, and the old
    addresses of renamed and removed claims. Without git history (no repository, the file not
    committed yet) the build says so at INFO; in a shallow clone, with a WARNING. ``false``: no
    history is read."""

    atomic = c.Type(bool, default=True)
    """``mkdocs build`` writes into a temporary sibling of ``site_dir`` and swaps it in only on
    success. (Never for ``mkdocs serve``, which builds into its own temporary folder.)"""
