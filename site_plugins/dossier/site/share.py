"""What lets a claim travel: its citation, its embeddable card, its link-preview image.

:class:`Share` is the one home of where these files live in the site and what each page says
about them:

* ``cite/<claim>.json``: the claim's citation as CSL-JSON (see :mod:`.citation`);
* ``embed/<claim>.html``: a small standalone page of the claim (``embed.html.j2``: no script,
  nothing from another host, light and dark by ``prefers-color-scheme``) for an ``<iframe>``,
  and ``embed/<claim>.json``, its oEmbed description (found from the claim page's head);
* ``cards/...png``: the social card of every claim, question and of the site (see
  :mod:`.cards`), drawn in the chart process (:class:`~.chart_worker.Charts`, in batches:
  :mod:`.card_jobs`) while the pages are built, and named in the head of every page
  (``og:image``, ``twitter:image``).

Absolute addresses (the citation's permalink, the iframe snippet, the preview tags) need the
site's address (``site_url``); without it they are left out. No MkDocs import.
"""

from __future__ import annotations

from functools import partial

import html
import json
import os
from collections.abc import Callable
from typing import Any

from ..records.index import Index
from ..records.model import Claim, Question
from ..records.values import format_date
from . import cards
from .card_jobs import CardJobs, Submit
from .citation import Citation
from .layout import Layout, Links
from .options import SiteOptions

CITE_DIR = "cite"
EMBED_DIR = "embed"
CARDS_DIR = "cards"
EMPTY_SITEMAP = b'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n'
#: The iframe's size in the snippet (the embed page fits any width; this height holds it).
EMBED_WIDTH, EMBED_HEIGHT = 560, 420


#: Under serve: (path, claim, make) -> what the last build made there for the same claim.
Kept = Callable[[str, Claim, Callable[[], bytes | None]], bytes | None]
#: Under serve: ``kept(name, claim, make)`` gives a claim's card and head tags of the last build
#: where the claim's inputs are the same, else ``make()``'s.
KeptCard = Callable[[str, Claim, Callable[[], "tuple[cards.Card, str]"]], "tuple[cards.Card, str]"]


class Share:
    """The citations, embeds and social cards of one dossier."""

    def __init__(
        self,
        index: Index,
        options: SiteOptions,
        actor_name: Callable[[str], str],
        date_text: Callable[[str], str] = format_date,
    ) -> None:
        self._index = index
        self._date = date_text
        self._options = options
        self._layout: Layout = options.layout
        self._actor_name = actor_name
        self._jobs = CardJobs()
        #: every card to draw, the site's first; src -> the preview tags of that page's head
        self._cards: list[cards.Card] = [self.site_card()]
        self._heads: dict[str, str] = {}

    # -- addresses -------------------------------------------------------------------------
    def absolute(self, site_path: str) -> str | None:
        """The absolute address of a site-relative path (None without ``site_url``)."""
        if not self._options.site_url:
            return None
        return self._options.site_url.rstrip("/") + "/" + site_path

    def permalink(self, claim_id: str) -> str | None:
        return self.absolute(self._layout.url(self._layout.claim(claim_id)))

    @staticmethod
    def cite_file(claim_id: str) -> str:
        return f"{CITE_DIR}/{claim_id}.json"

    @staticmethod
    def embed_file(claim_id: str) -> str:
        return f"{EMBED_DIR}/{claim_id}.html"

    @staticmethod
    def oembed_file(claim_id: str) -> str:
        return f"{EMBED_DIR}/{claim_id}.json"

    # -- citations -------------------------------------------------------------------------
    def citation(self, claim: Claim) -> Citation:
        dossier = self._index.data.dossier
        return Citation.of(
            claim,
            dossier=dossier.title,
            publisher=self._options.publisher or self._options.site_name,
            updated=dossier.updated,
            url=self.permalink(claim.id),
        )

    # -- embeds ----------------------------------------------------------------------------
    def iframe(self, claim: Claim) -> str | None:
        """The ``<iframe>`` snippet that embeds the claim's card (None without ``site_url``)."""
        src = self.absolute(self.embed_file(claim.id))
        if src is None:
            return None
        # Only the double quote is escaped in the attribute: the snippet is read and copied.
        title = html.escape(" ".join(f"{claim.statement} ({self._options.site_name})".split()), quote=False)
        title = title.replace('"', "&quot;")
        return (
            f'<iframe src="{html.escape(src, quote=True)}" title="{title}" width="{EMBED_WIDTH}" '
            f'height="{EMBED_HEIGHT}" style="border:0;max-width:100%" loading="lazy" '
            'sandbox="allow-popups allow-popups-to-escape-sandbox"></iframe>'
        )

    def oembed(self, claim: Claim) -> bytes | None:
        """The claim's oEmbed description (type ``rich``: the iframe), or None without an address."""
        snippet = self.iframe(claim)
        if snippet is None:
            return None
        info: dict[str, Any] = {
            "version": "1.0",
            "type": "rich",
            "title": claim.statement,
            "provider_name": self._options.site_name,
            "provider_url": self._options.site_url,
            "html": snippet,
            "width": EMBED_WIDTH,
            "height": EMBED_HEIGHT,
            "author_name": self._actor_name(claim.actor),
        }
        return (json.dumps(info, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")

    def files(self, render_embed: Callable[[Claim, Links], str], kept: Kept | None = None) -> dict[str, bytes]:
        """Site path -> bytes: every claim's CSL-JSON, embed page and oEmbed description;
        ``kept(path, claim, make)``: under serve, what the last build made for an unchanged claim."""
        # Material's script reads a sitemap beside every <link rel="alternate"> of a page (for
        # its language selector), so the oEmbed link makes it ask for embed/sitemap.xml: an
        # empty one spares readers a failed request and an error in the console.
        out: dict[str, bytes] = {f"{EMBED_DIR}/sitemap.xml": EMPTY_SITEMAP}
        def made(path: str, claim: Claim, make: Callable[[], bytes | None]) -> bytes | None:
            return kept(path, claim, make) if kept is not None else make()

        for claim in sorted(self._index.data.claims, key=lambda c: c.id):
            embed = self.embed_file(claim.id)
            files: dict[str, Callable[[], bytes | None]] = {
                self.cite_file(claim.id): partial(lambda c: self.citation(c).csl_json(), claim),
                embed: partial(lambda c, e: render_embed(c, Links(self._layout, e)).encode("utf-8"), claim, embed),
                self.oembed_file(claim.id): partial(self.oembed, claim),
            }
            for path, make in files.items():
                content = made(path, claim, make)
                if content is not None:
                    out[path] = content
        return out

    # -- social cards ----------------------------------------------------------------------
    def claim_card(self, src: str, claim: Claim, status_label: str, kept: KeptCard | None = None) -> None:
        """The card of the claim page ``src``, to draw and to name in its head (``kept``: under
        serve, the last build's card and head where the claim's inputs are the same)."""
        make = partial(self._claim_card, claim, status_label)
        card, self._heads[src] = make() if kept is None else kept(f"card:{src}", claim, make)
        self._cards.append(card)

    def _claim_card(self, claim: Claim, status_label: str) -> tuple[cards.Card, str]:
        who = self._actor_name(claim.actor)
        card = cards.Card(
            stem=f"claims/{claim.id}",
            accent=claim.status.value,
            label=status_label,
            title=" ".join(claim.statement.split()),
            lines=(who, self._date(claim.made)),
            footer=self._options.site_name,
        )
        alt = f"{status_label}: {card.title} ({who}, {self._date(claim.made)})"
        return card, self.head(card, alt, oembed_of=claim)

    def question_card(self, src: str, question: Question, status_label: str, claims_line: str) -> None:
        """The card of the question page ``src``."""
        card = cards.Card(
            stem=f"questions/{question.id}",
            accent=question.status.value,
            label=status_label,
            title=question.text,
            lines=(claims_line,),
            footer=self._options.site_name,
        )
        self._cards.append(card)
        self._heads[src] = self.head(card, f"{status_label}: {question.text}")

    def head_of(self, src: str) -> str:
        """The preview tags of the page ``src``: its own card's, else the site's."""
        tags = self._heads.get(src)
        if tags is None:
            dossier = self._index.data.dossier
            tags = self.head(self._cards[0], f"{dossier.title}: {' '.join(dossier.summary.split())}")
            self._heads[src] = tags
        return tags

    def site_card(self) -> cards.Card:
        dossier = self._index.data.dossier
        return cards.Card(
            stem="site",
            accent="site",
            label=dossier.title,
            title=" ".join(dossier.summary.split()),
            lines=(self._date(dossier.updated),),
            footer=self._options.site_name,
        )

    def card_file(self, card: cards.Card) -> str:
        return f"{CARDS_DIR}/{card.name()}"

    def head(self, card: cards.Card, alt: str, oembed_of: Claim | None = None) -> str:
        """The preview tags of a page whose card is ``card`` (empty without ``site_url``)."""
        image = self.absolute(self.card_file(card))
        if image is None:
            return ""
        tags = [
            ("property", "og:image", image),
            ("property", "og:image:type", "image/png"),
            ("property", "og:image:width", str(cards.WIDTH)),
            ("property", "og:image:height", str(cards.HEIGHT)),
            ("property", "og:image:alt", alt),
            ("name", "twitter:card", "summary_large_image"),
            ("name", "twitter:image", image),
            ("name", "twitter:image:alt", alt),
        ]
        out = [f'<meta {attr}="{key}" content="{html.escape(value, quote=True)}">' for attr, key, value in tags]
        if oembed_of is not None:
            href = self.absolute(self.oembed_file(oembed_of.id))
            title = html.escape(oembed_of.statement, quote=True)
            out.append(f'<link rel="alternate" type="application/json+oembed" href="{href}" title="{title}">')
        return "\n".join(out)

    def start_cards(self, submit: Submit | None, site_dir: str, previous: str | None) -> None:
        """Start drawing every card named so far into the site's cards folder, in the chart process
        (``submit``) where there is one; ``previous``: the last site, whose unchanged cards are copied."""
        folder = os.path.join(site_dir, CARDS_DIR)
        old = os.path.join(previous, CARDS_DIR) if previous else None
        if old is not None and not os.path.isdir(old):
            old = None
        every = list({card.name(): card for card in self._cards}.values())
        self._jobs.start(every, folder, old, submit)

    def card_files(self) -> list[str]:
        """The site path of every card of this build."""
        return [self.card_file(card) for card in self._cards]

    def finish_cards(self) -> tuple[int, int]:
        """Wait for the cards (drawing here those the other process has not started): how
        many were drawn rather than copied from the last site, of how many."""
        return self._jobs.finish()
