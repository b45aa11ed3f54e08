""""Cite this claim": a claim page's citation, as a line of text and as CSL-JSON.

CSL-JSON is the data format of the Citation Style Language, which reference managers (Zotero,
Mendeley, pandoc's citeproc) read. One item per claim: the claim's statement as its title, the
dossier as the container, the publisher from the site's configuration, the date the claim's
record was last reviewed and the claim page's permanent address. No access date: the same input
gives the same bytes. No MkDocs import.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..records.model import Claim
from ..records.values import format_date


@dataclass(frozen=True)
class Citation:
    """What a citation of one claim says."""

    claim_id: str
    title: str
    dossier: str
    publisher: str
    #: the date the record was last reviewed, as editors write dates (``2024-11-05``, ``2024-11``)
    date: str
    #: the claim page's permanent address; None when the site has no address (``site_url``)
    url: str | None

    @classmethod
    def of(cls, claim: Claim, *, dossier: str, publisher: str, updated: str, url: str | None) -> Citation:
        return cls(claim.id, " ".join(claim.statement.split()), dossier, publisher, claim.updated or updated, url)

    def text(self, date_text: Callable[[str], str] = format_date) -> str:
        """The citation in plain text: “Title.” Dossier. Publisher, date. Address."""
        title = self.title if self.title[-1:] in ".?!" else self.title + "."
        parts = [f"“{title}” {self.dossier}."]
        if self.publisher and self.publisher != self.dossier:
            parts.append(f"{self.publisher},")
        date = date_text(self.date)
        parts.append(date if date.endswith(".") else f"{date}.")  # "22 листопада 2026 р." has its own
        if self.url:
            parts.append(self.url)
        return " ".join(parts)

    def csl(self) -> dict[str, Any]:
        """The CSL-JSON item (a ``webpage``)."""
        item: dict[str, Any] = {
            "id": self.claim_id,
            "type": "webpage",
            "title": self.title,
            "container-title": self.dossier,
            "publisher": self.publisher,
            "issued": {"date-parts": [_date_parts(self.date)]},
        }
        if self.url:
            item["URL"] = self.url
        return item

    def csl_json(self) -> bytes:
        """The CSL-JSON download: a list of one item, as reference managers import it."""
        text = json.dumps([self.csl()], ensure_ascii=False, indent=2, sort_keys=True)
        return (text + "\n").encode("utf-8")


def _date_parts(date: str) -> list[int]:
    """``2024-11-05`` -> [2024, 11, 5]; a month or a year alone gives fewer parts."""
    parts: list[int] = []
    for piece in date.split("-"):
        if not piece.isdigit():
            break
        parts.append(int(piece))
    return parts
