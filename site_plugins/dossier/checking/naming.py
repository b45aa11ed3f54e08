"""Problems that name their record: ``claims[115] (lantern-count-1).status``.

An index alone sends an editor counting records; the id beside it is what they search for.
The ids are taken from the data as written (before the schema has accepted it), so that a
problem in a record the schema refuses still names it; an id that is not well formed is left
out (it could hold anything).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from ..problems import Problem
from ..records.model import ID_RE

#: The lists of records with ids, as the file names them.
RECORD_LISTS = ("sources", "actors", "questions", "claims")
_FIELD_RE = re.compile(r"^([a-z_]+)\[(\d+)\]")

#: For each list of records, the id of each record by index (None where it has none).
RecordIds = dict[str, list[str | None]]


def record_ids(data: Any) -> RecordIds:
    """The well-formed ids of the records of each list, by index."""
    ids: RecordIds = {}
    if not isinstance(data, dict):
        return ids
    for key in RECORD_LISTS:
        items = data.get(key)
        if isinstance(items, list):
            ids[key] = [_id_of(item) for item in items]
    return ids


def _id_of(item: Any) -> str | None:
    rid = item.get("id") if isinstance(item, dict) else None
    return rid if isinstance(rid, str) and ID_RE.match(rid) else None


def record_of(field: str, ids: RecordIds) -> str:
    """The id of the record that ``field`` (``claims[3].status``) is in, or ``""``."""
    match = _FIELD_RE.match(field)
    if match is None:
        return ""
    listed = ids.get(match.group(1), [])
    index = int(match.group(2))
    return (listed[index] or "") if index < len(listed) else ""


def name_records(problems: Iterable[Problem], ids: RecordIds) -> list[Problem]:
    """The problems, each with the id of the record it is in."""
    out = []
    for p in problems:
        record = record_of(p.field, ids)
        out.append(replace(p, record=record) if record and not p.record else p)
    return out
