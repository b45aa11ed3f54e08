"""A JSON Schema for one dossier: the committed schema, with its ids to complete.

``claims.schema.json`` is generated from the record model alone (a test keeps it in step).
Editors' tools complete a field from an ``enum``; the model cannot know which questions,
actors, sources and claims a dossier holds, so ``dossier schema --ids claims.yaml`` writes a
copy (``claims.ids.schema.json``, not committed: it follows the file) in which each field that
refers to a record lists the ids of that kind in the file. Regenerate it after adding a record.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from ..reading.load import load_file
from .schema import json_schema

#: The fields that name a record, as (definition, field), and the list their ids come from.
REFERENCES: list[tuple[str, str, str]] = [
    ("Claim", "question", "questions"),
    ("Claim", "actor", "actors"),
    ("Citation", "source", "sources"),
    ("Link", "claim", "claims"),
    ("Claim", "related", "claims"),
    ("Resolution", "claims", "claims"),
    ("Source", "copy_of", "sources"),
]
IDS_SCHEMA = "claims.ids.schema.json"


def file_ids(path: Path) -> dict[str, list[str]] | None:
    """The ids of each list of records in the file, in file order (None if it cannot be read)."""
    loaded = load_file(path)
    data: Any = loaded.located.data if loaded.located is not None else None
    if not isinstance(data, dict):
        return None
    ids: dict[str, list[str]] = {}
    for key in {key for _, _, key in REFERENCES}:
        items = data.get(key)
        found = [i.get("id") for i in items if isinstance(i, dict)] if isinstance(items, list) else []
        ids[key] = list(dict.fromkeys(i for i in found if isinstance(i, str)))
    return ids


def _target(prop: dict[str, Any]) -> dict[str, Any]:
    """Where the id is: the property itself, its items, or its non-null alternative."""
    if prop.get("type") == "array" and isinstance(prop.get("items"), dict):
        return prop["items"]
    for option in prop.get("anyOf", []):
        if option.get("type") == "string":
            return option
    return prop


def dossier_schema(ids: dict[str, list[str]]) -> dict[str, Any]:
    """The schema with each reference field's ids as an ``enum`` (where there are any)."""
    schema = copy.deepcopy(json_schema())
    for definition, field, key in REFERENCES:
        prop = schema["$defs"][definition]["properties"][field]
        if ids.get(key):
            _target(prop)["enum"] = ids[key]
    schema["$id"] = IDS_SCHEMA
    schema["description"] += (
        " This copy lists the ids of one dossier; regenerate it with `dossier schema --ids`."
    )
    return schema


def write_dossier_schema(claims: Path, output: Path) -> bool:
    """Write the dossier's schema; False when the file cannot be read."""
    ids = file_ids(claims)
    if ids is None:
        return False
    text = json.dumps(dossier_schema(ids), indent=2, ensure_ascii=False) + "\n"
    output.write_text(text, encoding="utf-8", newline="\n")
    return True
