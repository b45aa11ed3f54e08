"""The dossier's :class:`~.model.History` from the committed versions of ``claims.yaml``.

Each version is parsed once with the project's reader (plain data, so that a version written
to an older schema still counts) and compared with the one before it, record by record (claims,
questions, sources, by id). A version that does not parse is passed over: the next one is
compared with the last that did. A claim or question whose id changed in a commit (one id gone,
one new, the same record otherwise or the same statement) is renamed, not removed and added:
its history goes on under the new id, and the old address leads there. No MkDocs import.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, get_args

from ..reading.load import load_text
from ..records.values import N_
from .git import Version, read_versions
from .model import Entry, Event, History, Kind, Withdrawn
from .words import Context, Phrase, changes, correction, phrase

Records = dict[str, Mapping[str, Any]]
_SECTIONS: dict[Kind, str] = {"claim": "claims", "question": "questions", "source": "sources"}
_TITLES: dict[Kind, str] = {"claim": "statement", "question": "text", "source": "outlet"}
#: Kinds whose records have pages of their own (and so addresses that must keep answering).
_PAGED: tuple[Kind, ...] = ("claim", "question")


def history_of(path: Path, current: Mapping[Kind, Sequence[str]]) -> tuple[History, str]:
    """The history of the claims file at ``path`` and the level to report its absence at
    ("info" or "warning"); ``current`` holds the ids of the records the site shows now."""
    found = read_versions(path)
    if found.unavailable is not None:
        return History(unavailable=found.unavailable), found.level
    return build_history(found.versions, current), "info"


def build_history(versions: Sequence[Version], current: Mapping[Kind, Sequence[str]]) -> History:
    """History from the versions, oldest first."""
    walk = _Walk()
    for version in versions:
        loaded = load_text(version.text, "claims.yaml")
        if loaded.fatal or loaded.located is None or not isinstance(loaded.located.data, Mapping):
            continue
        walk.step(version, loaded.located.data)
    return walk.finish(current)


class _Walk:
    """The versions, one after another: each record's lineage (its ids over time) and entries."""

    def __init__(self) -> None:
        self.records: dict[Kind, Records] = {kind: {} for kind in get_args(Kind)}
        self.context = Context({}, {})
        #: lineage number -> its entries, oldest first
        self.lines: list[list[Entry]] = []
        #: (kind, id) -> the lineage that last held the id
        self.line_of: dict[tuple[Kind, str], int] = {}
        #: lineage -> its id now (None: removed)
        self.id_now: dict[int, str | None] = {}

    def step(self, version: Version, data: Mapping[str, Any]) -> None:
        new = {kind: _records(data.get(section)) for kind, section in _SECTIONS.items()}
        context = Context(new["question"], new["source"])
        for kind in get_args(Kind):
            self._compare(kind, version, self.records[kind], new[kind], context)
        self.records, self.context = new, context

    def _compare(self, kind: Kind, version: Version, old: Records, new: Records, context: Context) -> None:
        gone = [i for i in old if i not in new]
        added = [i for i in new if i not in old]
        renames = _renames(old, new, gone, added) if kind in _PAGED else {}
        earlier_of = {n: o for o, n in renames.items()}
        for record_id, record in new.items():
            before = old.get(record_id)
            if record_id in earlier_of:
                earlier = earlier_of[record_id]
                said = [
                    phrase(N_("new address (formerly {old_id})"), old_id=earlier),
                    *changes(old[earlier], record, self.context, context),
                ]
                line = self.line_of[(kind, earlier)]
                self._add(line, kind, record_id, "renamed", version, record, old[earlier], said, earlier)
            elif before is None:
                line = len(self.lines)
                self.lines.append([])
                self._add(
                    line,
                    kind,
                    record_id,
                    "added",
                    version,
                    record,
                    None,
                    [Phrase(N_("added to the dossier"))],
                )
            elif before != record:
                said = changes(before, record, self.context, context)
                if said or correction(before, record):
                    line = self.line_of[(kind, record_id)]
                    self._add(line, kind, record_id, "changed", version, record, before, said)
        for record_id in gone:
            if record_id not in renames:
                line = self.line_of[(kind, record_id)]
                removal = [Phrase(N_("removed from the dossier"))]
                self._add(line, kind, record_id, "removed", version, old[record_id], None, removal)
                self.id_now[line] = None

    def _add(
        self,
        line: int,
        kind: Kind,
        record_id: str,
        event: Event,
        version: Version,
        record: Mapping[str, Any],
        before: Mapping[str, Any] | None,
        said: list[Phrase],
        old_id: str | None = None,
    ) -> None:
        note = correction(before, record) if event != "removed" else None
        title = record.get(_TITLES[kind])
        entry = Entry(
            kind,
            record_id,
            event,
            version.commit,
            version.when,
            tuple(said),
            note,
            old_id,
            title if isinstance(title, str) else record_id,
        )
        self.lines[line].append(entry)
        self.line_of[(kind, record_id)] = line
        if event != "removed":
            self.id_now[line] = record_id

    def finish(self, current: Mapping[Kind, Sequence[str]]) -> History:
        history = History()
        for entries in self.lines:
            history.entries.extend(entries)
        # Newest first; within a commit, in the order the records were met (stable sort).
        history.entries.sort(key=lambda e: e.when, reverse=True)
        shown = {kind: set(current.get(kind, ())) for kind in get_args(Kind)}
        for (kind, record_id), line in self.line_of.items():
            now = self.id_now.get(line)
            if record_id in shown[kind]:
                if now == record_id:
                    history.by_record[(kind, record_id)] = self.lines[line][::-1]
                continue
            if kind not in _PAGED:
                continue
            if now is not None and now in shown[kind]:
                target = history.moved if kind == "claim" else history.moved_questions
                target[record_id] = now
            elif now is None and kind == "claim":
                entries = self.lines[line]
                statement = next((e.title for e in reversed(entries) if e.id == record_id), entries[-1].title)
                history.withdrawn[record_id] = Withdrawn(
                    record_id, entries[-1], statement, tuple(entries[::-1])
                )
        return history


def _records(section: object) -> Records:
    out: Records = {}
    if isinstance(section, list):
        for item in section:
            if isinstance(item, Mapping) and isinstance(item.get("id"), str) and item["id"] not in out:
                out[item["id"]] = item
    return out


def _renames(old: Records, new: Records, gone: list[str], added: list[str]) -> dict[str, str]:
    """Earlier id -> new id, for records that only changed their id (or kept their statement)."""
    pairs: dict[str, str] = {}
    free = list(added)
    for earlier in gone:
        was = _without_id(old[earlier])
        match = next((n for n in free if _without_id(new[n]) == was), None)
        if match is None:
            match = next((n for n in free if _same_title(old[earlier], new[n])), None)
        if match is not None:
            pairs[earlier] = match
            free.remove(match)
    return pairs


def _without_id(record: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k not in ("id", "updated")}


def _same_title(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    return any(a.get(name) is not None and a.get(name) == b.get(name) for name in ("statement", "text"))
