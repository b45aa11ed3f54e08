"""The editors' reference names every field of every record type, generated from the model."""

from __future__ import annotations

import inspect
import re

from pydantic import BaseModel

from site_plugins.dossier.editors.schema import record_classes, reference_markdown
from site_plugins.dossier.records import model


def _record_types() -> list[type[BaseModel]]:
    return [
        obj
        for obj in vars(model).values()
        if inspect.isclass(obj)
        and issubclass(obj, model.Record)
        and obj is not model.Record
        and obj.__module__ == model.__name__
    ]


def _sections(markdown: str) -> dict[str, str]:
    parts = re.split(r"^## (.+)$", markdown, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def test_every_record_type_is_reachable_and_documented() -> None:
    assert set(record_classes()) == set(_record_types())


def test_every_field_of_every_record_type_appears_with_required_and_description() -> None:
    sections = _sections(reference_markdown())
    for cls in _record_types():
        title = "The file as a whole" if cls is model.ClaimsFile else cls.__name__
        assert title in sections, f"no section for {cls.__name__}"
        rows = {
            m.group(1): m.group(0) for m in re.finditer(r"^\| `([a-z_]+)` \|.*$", sections[title], flags=re.M)
        }
        assert list(rows) == list(cls.model_fields), cls.__name__
        for name, field in cls.model_fields.items():
            row = rows[name]
            assert ("| required |" in row) == field.is_required(), row
            if field.description:
                assert field.description.split()[0] in row, row


def test_allowed_values_and_their_meanings_are_listed() -> None:
    text = reference_markdown()
    claim = _sections(text)["Claim"]
    status_row = next(line for line in claim.splitlines() if line.startswith("| `status` |"))
    for status in model.ClaimStatus:
        assert f"`{status.value}`" in status_row
    assert "### Claim status" in text
    assert "- `superseded`: replaced by a later claim" in text
    assert "- `B`: usually reliable" in text


def test_types_are_in_plain_words() -> None:
    source = _sections(reference_markdown())["Source"]
    assert "| `published` | optional | date (YYYY-MM-DD, or YYYY-MM / YYYY) |" in source
    assert "| `url` | optional | web address (http:// or https://) |" in source
    assert "| `language` | optional | language code" in source and "Default: `en`." in source


def test_reference_is_deterministic_and_ends_with_one_newline() -> None:
    first = reference_markdown()
    assert first == reference_markdown()
    assert first.startswith("# ") and first.endswith("\n") and not first.endswith("\n\n")
