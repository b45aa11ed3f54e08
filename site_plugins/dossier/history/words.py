"""What changed in one record between two versions of ``claims.yaml``, in readers' words:
"status reported → confirmed", "value 12 lanterns → 15 lanterns", "a citation added
(Coast Wire)", "statement reworded".

Each change is a :class:`Phrase`: an English pattern (marked for the site's catalogues) and
what fills it, the record's text as written or values and dates to word in the reader's
language. The site says it in its language (:meth:`Phrase.say`); ``str()`` is English.
Records are compared as the reader loaded them (plain data), so that a version written to an
older schema still reads; a value is worded by the same code as on the site when it still
validates. No MkDocs import.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Union

from pydantic import ValidationError

from ..records.model import Question, Value
from ..records.values import ENGLISH, N_, Wording

Record = Mapping[str, Any]
#: The words of a vocabulary field in the reader's language ("status" -> {"reported": ...}).
Terms = Mapping[str, Mapping[str, str]]
NO_TERMS: Terms = {}
Part = Union["Phrase", "Shown", "ValueOf", str]


@dataclass(frozen=True)
class Phrase:
    """One change in words, before translation: a pattern and what fills its placeholders."""

    pattern: str
    parts: tuple[tuple[str, Part], ...] = ()

    def say(self, words: Wording = ENGLISH, terms: Terms = NO_TERMS) -> str:
        text = words.translate(self.pattern)
        if not self.parts:
            return text
        return text.format(**{name: _say(part, words, terms) for name, part in self.parts})

    def __str__(self) -> str:
        return self.say()


@dataclass(frozen=True)
class Shown:
    """A short field's value: a word of a vocabulary, a date, a number, yes or no."""

    field: str
    value: str | float | bool

    def say(self, words: Wording, terms: Terms) -> str:
        value = self.value
        if isinstance(value, bool):
            return words.answer("yes" if value else "no")
        if isinstance(value, int | float):
            return words.number(float(value))
        return terms.get(self.field, {}).get(value) or words.date(value)


@dataclass(frozen=True)
class ValueOf:
    """A claim's value as a version wrote it, with its question (plain data)."""

    value: object
    question: object

    def say(self, words: Wording, terms: Terms) -> str:
        question = _model(Question, self.question)
        parsed = _model(Value, self.value)
        if isinstance(parsed, Value):
            return words.value(parsed, question if isinstance(question, Question) else None)
        shown = _shown("value", self.value)
        return shown.say(words, terms) if shown else words.translate(N_("unreadable"))


def _say(part: Part, words: Wording, terms: Terms) -> str:
    return part if isinstance(part, str) else part.say(words, terms)


def phrase(pattern: str, **parts: Part) -> Phrase:
    return Phrase(pattern, tuple(sorted(parts.items())))


#: Fields whose change is worded by a phrase of its own (the rest: "<field> changed").
_REWORDED = {
    "statement": N_("statement reworded"),
    "text": N_("question reworded"),
    "assessment": N_("assessment revised"),
    "reliability_note": N_("reason for the reliability grade revised"),
    "tags": N_("topics changed"),
    "supersedes": N_("replaced claims changed"),
    "contradicts": N_("contradicting claims changed"),
    "related": N_("related claims changed"),
    "question": N_("moved to another question"),
    "options": N_("answer options changed"),
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
#: Each field's name in readers' words; a field not listed reads as its name.
_LABELS = {
    "made": N_("date made"),
    "published": N_("date published"),
    "party_concerned": N_("said by a party concerned"),
    "notes": N_("editors' note"),
    "date_note": N_("note on the date"),
    "url": N_("address"),
    "archive_url": N_("archived copy"),
    "copy_of": N_("copied from"),
    "tags": N_("topics"),
    "supersedes": N_("replaced claims"),
    "contradicts": N_("contradicting claims"),
    "related": N_("related claims"),
    "options": N_("answer options"),
    "status": N_("status"),
    "confidence": N_("confidence"),
    "credibility": N_("credibility"),
    "reliability": N_("reliability"),
    "kind": N_("kind"),
    "outlet": N_("outlet"),
    "headline": N_("headline"),
    "byline": N_("byline"),
    "unit": N_("unit"),
    "actor": N_("actor"),
    "value": N_("value"),
    "scopes": N_("scopes"),
    "one_way": N_("direction of the answer"),
    "max_growth_per_day": N_("fastest plausible growth"),
    "window_days": N_("days apart claims are compared"),
    "role": N_("role"),
    "affiliation": N_("affiliation"),
    "name": N_("name"),
    "note": N_("note"),
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

    def value(self, value: object, question_id: object) -> ValueOf:
        return ValueOf(value, self.questions.get(str(question_id)))


def describe(old: Record, new: Record, before: Context, after: Context) -> list[str]:
    """What changed from ``old`` to ``new`` (the same record), in English (see :func:`changes`)."""
    return [str(p) for p in changes(old, new, before, after)]


def changes(old: Record, new: Record, before: Context, after: Context) -> list[Phrase]:
    """What changed from ``old`` to ``new`` (the same record), in the file's field order."""
    words: list[Phrase] = []
    fields = list(new) + [name for name in old if name not in new]
    for name in fields:
        if name in _QUIET or name == "correction" or old.get(name) == new.get(name):
            continue
        if name == "value":
            was = before.value(old.get("value"), old.get("question"))
            now = after.value(new.get("value"), new.get("question"))
            words.append(phrase(N_("value {old} → {new}"), old=was, new=now))
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


def _field(name: str, old: object, new: object) -> Phrase:
    label = Phrase(_LABELS.get(name, name.replace("_", " ")))
    if name in _REWORDED and old is not None and new is not None:
        return Phrase(_REWORDED[name])
    was, now = _shown(name, old), _shown(name, new)
    if old is None:
        if name in _SHOWN and now is not None:
            return phrase(N_("{field}: {value}"), field=label, value=now)
        return phrase(N_("{field} added"), field=label)
    if new is None:
        return phrase(N_("{field} removed"), field=label)
    if name in _SHOWN and was is not None and now is not None:
        return phrase(N_("{field} {old} → {new}"), field=label, old=was, new=now)
    return phrase(N_("{field} changed"), field=label)


def _citations(old: object, new: object, before: Context, after: Context) -> list[Phrase]:
    was = _pairs(old)
    now = _pairs(new)
    added = [pair for pair in now if pair not in was]
    removed = [pair for pair in was if pair not in now]
    words = []
    for source, _quote in added:
        same_source = next((r for r in removed if r[0] == source), None)
        if same_source is not None:
            removed.remove(same_source)
            words.append(phrase(N_("a quote revised ({outlet})"), outlet=after.outlet(source)))
        else:
            words.append(phrase(N_("a citation added ({outlet})"), outlet=after.outlet(source)))
    words.extend(
        phrase(N_("a citation removed ({outlet})"), outlet=before.outlet(source))
        for source, _quote in removed
    )
    if not words:
        words.append(Phrase(N_("citations changed")))
    return words


def _pairs(citations: object) -> list[tuple[str, str]]:
    if not isinstance(citations, list):
        return []
    return [(str(c.get("source")), str(c.get("quote"))) for c in citations if isinstance(c, Mapping)]


def _shown(name: str, value: object) -> Shown | None:
    """A short value to show as it is (None: too long, or not a short value)."""
    if isinstance(value, bool | int | float) or (isinstance(value, str) and value and len(value) <= 80):
        return Shown(name, value)
    return None


def _model(model: type[Value] | type[Question], data: object) -> object:
    if not isinstance(data, Mapping):
        return None
    try:
        return model.model_validate(dict(data))
    except (ValidationError, TypeError, ValueError):
        return None
