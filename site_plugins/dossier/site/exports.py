"""Downloads for re-use: claims, sources and conflicts as JSON and CSV.

Stable by design, so that a change to ``claims.yaml`` shows as a small diff: records in file
order (conflicts in the analysis' order), JSON with sorted keys, UTF-8, ``\\n`` line endings,
no timestamps. CSV cells that a spreadsheet would run as a formula (starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) get a leading single quote. No MkDocs import.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import Any

from ..analysis.conflicts import Analysis
from ..analysis.corroboration import independent_origins
from ..records.index import Index
from ..records.model import Claim
from ..records.values import format_value

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMULA_FIRST = frozenset(FORMULA_STARTS)

CLAIM_COLUMNS = (
    "id",
    "question",
    "statement",
    "actor",
    "made",
    "as_of",
    "until",
    "period_start",
    "period_end",
    "value",
    "exactly",
    "min",
    "max",
    "unit",
    "scope",
    "answer",
    "option",
    "status",
    "confidence",
    "credibility",
    "citation_count",
    "citation_sources",
    "independent_origins",
    "conflicts",
    "supersedes",
    "contradicts",
    "related",
    "tags",
    "updated",
    "notes",
)
SOURCE_COLUMNS = (
    "id",
    "outlet",
    "headline",
    "byline",
    "published",
    "date_note",
    "kind",
    "copy_of",
    "origin",
    "url",
    "archive_url",
    "reliability",
    "reliability_note",
    "language",
    "cited_by",
    "notes",
)
VALUE_COLUMNS = ("exactly", "min", "max", "unit", "scope", "answer", "option", "until")
CONFLICT_COLUMNS = ("id", "question", "a", "b", "kind", "why", "status", "resolution")


#: A claim's two lines in the downloads: its record in claims.json and its row in claims.csv.
ClaimLines = tuple[str, str]
#: Under serve: ``kept(claim, make)`` gives the lines of the last build where the claim's
#: inputs are the same, else ``make()``'s.
KeptLines = Callable[[Claim, Callable[[], ClaimLines]], ClaimLines]


def export_files(index: Index, analysis: Analysis, kept: KeptLines | None = None) -> dict[str, bytes]:
    """File name -> content, for every download."""
    data = index.data
    lines = [
        kept(claim, partial(_claim_lines, claim, index, analysis)) if kept else _claim_lines(claim, index, analysis)
        for claim in data.claims
    ]
    sources = []
    for source in data.sources:
        record = source.model_dump(mode="json", exclude={"snapshot"})
        record["origin"] = index.origin_of.get(source.id, source.id)
        record["cited_by"] = len(index.claims_by_source.get(source.id, ()))
        sources.append(record)
    conflicts = [
        {column: getattr(conflict, column) for column in CONFLICT_COLUMNS} for conflict in analysis.conflicts
    ]
    return {
        "claims.json": _json_lines([json_line for json_line, _ in lines]),
        "claims.csv": (_csv_line(CLAIM_COLUMNS) + "".join(row for _, row in lines)).encode("utf-8"),
        "sources.json": _json(sources),
        "sources.csv": _csv(SOURCE_COLUMNS, sources),
        "conflicts.json": _json(conflicts),
        "conflicts.csv": _csv(CONFLICT_COLUMNS, conflicts),
    }


def conflict_ids(claim: Claim, analysis: Analysis) -> list[str]:
    """The ids of the conflicts the claim is in (the downloads name them)."""
    return [c.id for c in analysis.by_claim.get(claim.id, [])]


def _claim_lines(claim: Claim, index: Index, analysis: Analysis) -> ClaimLines:
    record = _claim_record(claim, index, analysis)
    row = {k: v for k, v in record.items() if k in CLAIM_COLUMNS and not isinstance(v, list | dict)}
    value = record["value"]
    row.update({k: value.get(k) for k in VALUE_COLUMNS})
    row["as_of"] = record["as_of"]
    period = value.get("period") or {}  # a total for a period: its first and last day
    row["period_start"], row["period_end"] = period.get("start"), period.get("end")
    row["value"] = record["value_text"]  # the nested value's fields have their own columns
    row["citation_count"] = len(claim.citations)
    row["citation_sources"] = _join(c.source for c in claim.citations)
    row["conflicts"] = _join(record["conflicts"])
    row["supersedes"] = _join(link["claim"] for link in record["supersedes"])
    row["contradicts"] = _join(link["claim"] for link in record["contradicts"])
    row["related"] = _join(record["related"])
    row["tags"] = _join(record["tags"])
    json_line = json.dumps(record, ensure_ascii=False, sort_keys=True)
    return json_line, _csv_line([safe_cell(row.get(column)) for column in CLAIM_COLUMNS])


def _claim_record(claim: Claim, index: Index, analysis: Analysis) -> dict[str, Any]:
    record = claim.model_dump(mode="json")
    value = record["value"]
    for field in ("exactly", "min", "max"):  # 1500.0 -> 1500: counts read as counts
        number = value.get(field)
        if isinstance(number, float) and number.is_integer():
            value[field] = int(number)
    record["value_text"] = format_value(claim.value, index.questions.get(claim.question))
    record["as_of"] = claim.value.as_of or claim.made
    record["independent_origins"] = independent_origins(claim, index)
    record["conflicts"] = conflict_ids(claim, analysis)
    return record


def _join(items: Iterable[str]) -> str:
    return ";".join(items)


def _json(records: list[dict[str, Any]]) -> bytes:
    """A JSON list with one record per line: small diffs, and fast to write for big dossiers."""
    return _json_lines([json.dumps(record, ensure_ascii=False, sort_keys=True) for record in records])


def _json_lines(lines: list[str]) -> bytes:
    if not lines:
        return b"[]\n"
    return ("[\n" + ",\n".join(lines) + "\n]\n").encode("utf-8")


def safe_cell(value: object) -> str:
    """A value as CSV cell text, defused so that no spreadsheet reads it as a formula."""
    if isinstance(value, str):
        return "'" + value if value[:1] in FORMULA_FIRST else value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    return "'" + text if text[:1] in FORMULA_FIRST else text


def _csv_line(cells: Sequence[str]) -> str:
    """One CSV line (cells already made safe), as :func:`_csv` writes it."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL).writerow(cells)
    return buffer.getvalue()


def _csv(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([safe_cell(row.get(column)) for column in columns])
    return buffer.getvalue().encode("utf-8")
