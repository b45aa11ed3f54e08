"""``dossier new source``: add a skeleton source record, with its snapshot and archive fields.

Like ``dossier new claim`` (``scaffold``), the record is inserted as text after the last source;
nothing else in the file changes. What the editor gives on the command line is filled in; the
rest is left empty and marked ``# TODO`` (``dossier validate`` names each until it is done).
The id is the editor's choice (it is the source's address on the site), checked to be new.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records.model import ID_RE, Reliability, SourceKind
from .scaffold import (
    NewClaim,
    ScaffoldError,
    UnknownReference,
    _compose,
    _get,
    _ids,
    _inserted,
    _insertion_spot,
    _plain,
)


@dataclass(frozen=True)
class SourceFields:
    """What the editor gave on the command line (None: left to fill in)."""

    source_id: str
    outlet: str | None = None
    url: str | None = None
    archive_url: str | None = None
    snapshot: str | None = None
    published: str | None = None


def _field(pad: str, name: str, value: str | None, todo: str) -> str:
    return f"{pad}{name}: {_plain(value)}" if value else f'{pad}{name}: ""  # TODO: {todo}'


def source_lines(fields: SourceFields, *, dash: int, indent: int) -> list[str]:
    """The new source's lines, for a list whose dashes are at ``dash``."""
    pad = " " * indent
    kinds = ", ".join(k.value for k in SourceKind)
    grades = ", ".join(r.value for r in Reliability)
    lines = [
        " " * dash + "-" + " " * (indent - dash - 1) + f"id: {_plain(fields.source_id)}",
        _field(pad, "outlet", fields.outlet, "who published it, e.g. 'The Gazette'; unknown if not known"),
        f'{pad}headline: ""  # TODO: the headline as published; unknown if not known',
        f'{pad}byline: ""  # TODO: the author(s) as credited; unknown if none',
        _field(pad, "published", fields.published, "the publication date, YYYY-MM-DD (remove if not known)"),
        f'{pad}kind: ""  # TODO: one of {kinds}',
        _field(pad, "url", fields.url, "where it was published (http/https); never guess"),
        _field(pad, "archive_url", fields.archive_url, "an archived copy, e.g. on the Wayback Machine"),
        _field(pad, "snapshot", fields.snapshot, "the file name of its text in the snapshots folder"),
        f'{pad}reliability: ""  # TODO: one of {grades}',
        f'{pad}reliability_note: ""  # TODO: why that grade, in one or two sentences',
    ]
    return lines


def add_source(text: str, fields: SourceFields) -> NewClaim:
    """``text`` with a skeleton source added at the end of its ``sources:`` list."""
    if not ID_RE.match(fields.source_id):
        raise UnknownReference(
            f"'{fields.source_id}' is not a valid source id (lower-case letters, digits and hyphens)"
        )
    root = _compose(text)
    sources = _get(root, "sources")
    if sources is None:
        raise ScaffoldError("the file has no `sources:` list; add a line `sources:` first")
    if fields.source_id in _ids(sources):
        raise UnknownReference(f"there is already a source with id '{fields.source_id}'")
    newline = "\r\n" if "\r\n" in text else "\n"
    spot = _insertion_spot(text, sources, newline)
    body = source_lines(fields, dash=spot.dash, indent=spot.indent)
    return _inserted(text, spot, body, fields.source_id, "sources", newline)
