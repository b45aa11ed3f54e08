"""What changed in one record between two versions of ``claims.yaml``, in readers' words:
"status reported → confirmed", "value 12 lanterns → 15 lanterns", "a citation added
(Coast Wire)", "statement reworded".

Records are compared as the reader loaded them (plain data), so that a version written to an
older schema still reads; a value is worded by the same code as on the site when it still
validates. No MkDocs import.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from ..records import values
from ..records.model import Question, Value

Record = Mapping[str, Any]

#: Fields whose change is worded by a phrase of its own (the rest: "<field> changed").
_REWORDED = {
    "statement": "statement reworded",
    "text": "question reworded",
    "assessment": "assessment revised",
    "reliability_note": "reason for the reliability grade revised",
    "tags": "topics changed",
    "supersedes": "replaced claims changed",
    "contradicts": "contradicting claims changed",
    "related": "related claims changed",
    "question": "moved to another question",
    "options": "answer options changed",
}
#: Fields that are the editors' own bookkeeping, not news for readers.
_QUIET = frozenset({"id", "updated", "assessed", "acknowledged", "snapshot"})
#: Short fields shown with their old and new text.
_SHOWN = frozenset(
    {
        "status",
        "confidence",
        "credibility",
        "reliability",
        "kind",
        "made",
        "published",
        "outlet",
        "headline",
        "byline",
        "unit",
        "party_concerned",
    }
)
_LABELS = {
    "made": "date made",
    "published": "date published",
    "party_concerned": "said by a party concerned",
    "notes": "editors' note",
    "date_note": "note on the date",
    "url": "address",
    "archive_url": "archived copy",
    "copy_of": "copied from",
    "tags": "topics",
    "supersedes": "replaced claims",
    "contradicts": "contradicting claims",
    "related": "related claims",
    "options": "answer options",
}


class Context:
    """What wording needs from the version a record belongs to: its questions and sources."""

    def __init__(self, questions: Mapping[str, Record], sources: Mapping[str, Record]) -> None:
        self.questions = questions
        self.sources = sources

    def outlet(self, source_id: object) -> str:
        source = self.sources.get(str(source_id))
        outlet = source.get("outlet") if isinstance(source, Mapping) else None
        return str(outlet) if outlet and outlet != "unknown" else str(source_id)

    def value(self, value: object, question_id: object) -> str:
        question = _model(Question, self.questions.get(str(question_id)))
        parsed = _model(Value, value)
        if isinstance(parsed, Value):
            return values.format_value(parsed, question if isinstance(question, Question) else None)
        return _short(value) or "unreadable"


def describe(old: Record, new: Record, before: Context, after: Context) -> list[str]:
    """What changed from ``old`` to ``new`` (the same record), in the file's field order."""
    words: list[str] = []
    fields = list(new) + [name for name in old if name not in new]
    for name in fields:
        if name in _QUIET or name == "correction" or old.get(name) == new.get(name):
            continue
        if name == "value":
            words.append(
                f"value {before.value(old.get('value'), old.get('question'))}"
                f" → {after.value(new.get('value'), new.get('question'))}"
            )
        elif name == "citations":
            words.extend(_citations(old.get(name), new.get(name), before, after))
        else:
            words.append(_field(name, old.get(name), new.get(name)))
    return words


def correction(old: Record | None, new: Record) -> str | None:
    """The record's correction note, when this version added or changed it."""
    note = new.get("correction")
    if not isinstance(note, str) or not note.strip():
        return None
    return note if old is None or old.get("correction") != note else None


def _field(name: str, old: object, new: object) -> str:
    label = _LABELS.get(name, name.replace("_", " "))
    if name in _REWORDED and old is not None and new is not None:
        return _REWORDED[name]
    if old is None:
        return f"{label} added" if name not in _SHOWN else f"{label}: {_short(new)}"
    if new is None:
        return f"{label} removed"
    if name in _SHOWN and _short(old) and _short(new):
        return f"{label} {_short(old)} → {_short(new)}"
    return f"{label} changed"


def _citations(old: object, new: object, before: Context, after: Context) -> list[str]:
    was = _pairs(old)
    now = _pairs(new)
    added = [pair for pair in now if pair not in was]
    removed = [pair for pair in was if pair not in now]
    words = []
    for source, _quote in added:
        same_source = next((r for r in removed if r[0] == source), None)
        if same_source is not None:
            removed.remove(same_source)
            words.append(f"a quote revised ({after.outlet(source)})")
        else:
            words.append(f"a citation added ({after.outlet(source)})")
    words.extend(f"a citation removed ({before.outlet(source)})" for source, _quote in removed)
    if not words:
        words.append("citations changed")
    return words


def _pairs(citations: object) -> list[tuple[str, str]]:
    if not isinstance(citations, list):
        return []
    return [(str(c.get("source")), str(c.get("quote"))) for c in citations if isinstance(c, Mapping)]


def _short(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return values.format_number(float(value))
    if isinstance(value, str) and len(value) <= 80:
        return values.format_date(value)
    return ""


def _model(model: type[Value] | type[Question], data: object) -> object:
    if not isinstance(data, Mapping):
        return None
    try:
        return model.model_validate(dict(data))
    except (ValidationError, TypeError, ValueError):
        return None
