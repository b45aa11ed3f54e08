"""Builders for small dossiers, made directly as model objects (no YAML, no files)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from site_plugins.dossier.records.model import ClaimsFile

BASE_SOURCES = [
    {
        "id": "s1",
        "outlet": "Harbour Gazette",
        "headline": "A headline",
        "byline": "Ada Quill",
        "kind": "original",
        "reliability": "B",
        "reliability_note": "A local paper with a good record.",
    }
]
BASE_ACTORS = [
    {"id": "a1", "name": "First Actor"},
    {"id": "a2", "name": "Second Actor"},
]


def question(qid: str = "q", kind: str = "quantity", **fields: Any) -> dict[str, Any]:
    """A question record; quantity questions count 'troops' with scopes sent/pledged by default."""
    record: dict[str, Any] = {
        "id": qid,
        "text": fields.pop("text", f"Question {qid}?"),
        "kind": kind,
        "status": "open",
        "assessment": "Not known yet.",
        "assessed": "2024-11-01",
    }
    if kind == "quantity":
        record["unit"] = "troops"
        record["scopes"] = ["sent", "pledged"]
    record.update(fields)
    return record


def claim(cid: str, value: dict[str, Any], *, made: str = "2024-10-20", **fields: Any) -> dict[str, Any]:
    """A claim record answering question 'q' unless told otherwise."""
    record: dict[str, Any] = {
        "id": cid,
        "question": "q",
        "statement": f"Statement of {cid}.",
        "actor": "a1",
        "made": made,
        "value": value,
        "citations": [{"source": "s1", "quote": "a quote"}],
        "status": "reported",
    }
    record.update(fields)
    return record


def dossier(
    questions: Iterable[dict[str, Any]],
    claims: Iterable[dict[str, Any]],
    *,
    sources: Iterable[dict[str, Any]] | None = None,
    actors: Iterable[dict[str, Any]] | None = None,
    resolutions: Iterable[dict[str, Any]] = (),
) -> ClaimsFile:
    return ClaimsFile.model_validate(
        {
            "dossier": {"title": "Test dossier", "summary": "Made up for tests.", "updated": "2024-11-01"},
            "sources": list(sources) if sources is not None else BASE_SOURCES,
            "actors": list(actors) if actors is not None else BASE_ACTORS,
            "questions": list(questions),
            "claims": list(claims),
            "resolutions": list(resolutions),
        }
    )


def source(sid: str, copy_of: str | None = None, **fields: Any) -> dict[str, Any]:
    record = dict(BASE_SOURCES[0], id=sid, **fields)
    if copy_of:
        record["copy_of"] = copy_of
        record["kind"] = "republication"
    return record
