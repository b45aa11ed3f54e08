"""What history gives the site: :class:`Entry` (one commit's change to one record) and
:class:`History` (every record's entries, the dossier's changes, the old addresses). No MkDocs
import."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from .words import Phrase

Kind = Literal["claim", "question", "source"]
Event = Literal["added", "changed", "renamed", "removed"]


@dataclass(frozen=True)
class Entry:
    """What one commit changed in one record."""

    kind: Kind
    #: the record's id in that commit (after it, for a rename)
    id: str
    event: Event
    commit: str
    #: the commit's date in UTC, "2024-10-23T08:00:00Z"
    when: str
    #: what changed, in readers' words ("status reported → confirmed"), in the file's order
    phrases: tuple[Phrase, ...] = ()
    #: the editors' correction note, when this change is a correction
    correction: str | None = None
    #: a rename's earlier id
    old_id: str | None = None
    #: what the record said then (a claim's statement, a question's text, a source's outlet)
    title: str = ""

    @property
    def day(self) -> str:
        return self.when[:10]

    @property
    def changes(self) -> tuple[str, ...]:
        """What changed, in English (the site says :attr:`phrases` in its language)."""
        return tuple(str(p) for p in self.phrases)


@dataclass(frozen=True)
class Withdrawn:
    """A claim id that no longer answers with a claim: removed, with what it said."""

    id: str
    #: the removal
    entry: Entry
    #: what the claim said when it had this id
    statement: str
    #: the claim's whole history, newest first
    entries: tuple[Entry, ...] = ()


@dataclass
class History:
    """The dossier's history, or why there is none (``unavailable``)."""

    unavailable: str | None = None
    #: every entry, newest first
    entries: list[Entry] = field(default_factory=list)
    #: (kind, current id) -> its entries newest first, those under its earlier ids included
    by_record: dict[tuple[Kind, str], list[Entry]] = field(default_factory=dict)
    #: an earlier claim id -> the current claim id that took its place
    moved: dict[str, str] = field(default_factory=dict)
    #: an earlier question id -> the current question id that took its place
    moved_questions: dict[str, str] = field(default_factory=dict)
    #: a removed claim id -> how it was removed
    withdrawn: dict[str, Withdrawn] = field(default_factory=dict)

    @property
    def available(self) -> bool:
        return self.unavailable is None

    def of(self, kind: Kind, record_id: str) -> list[Entry]:
        return self.by_record.get((kind, record_id), [])

    def last_changed(self, kind: Kind, record_id: str) -> str | None:
        """The day of the record's latest change (None: no change recorded)."""
        entries = self.of(kind, record_id)
        return entries[0].day if entries else None
