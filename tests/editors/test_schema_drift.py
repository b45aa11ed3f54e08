"""The committed claims.schema.json is exactly what the claim-record model generates."""

from __future__ import annotations

import json
from pathlib import Path

from site_plugins.dossier.editors.schema import SCHEMA_FILE, json_schema, record_classes, schema_text
from site_plugins.dossier.records import model

ROOT = Path(__file__).resolve().parents[2]


def test_committed_schema_matches_the_model() -> None:
    committed = ROOT / SCHEMA_FILE
    assert committed.is_file(), f"{SCHEMA_FILE} is missing: run `dossier schema` and commit it"
    assert committed.read_text(encoding="utf-8") == schema_text(), (
        f"{SCHEMA_FILE} has drifted from site_plugins/dossier/model.py: run `dossier schema` and commit it"
    )


def test_output_is_stable_and_ends_with_a_newline() -> None:
    first, second = schema_text(), schema_text()
    assert first == second
    assert first.endswith("}\n") and not first.endswith("\n\n")
    assert json.loads(first) == json_schema()


def test_schema_header_for_editors_tools() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] and schema["title"]
    assert list(schema)[:3] == ["$schema", "$id", "title"]


def _objects(node: object) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    if isinstance(node, dict):
        if node.get("type") == "object" or "properties" in node:
            found.append(node)
        for value in node.values():
            found.extend(_objects(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_objects(value))
    return found


def test_every_record_forbids_unknown_fields() -> None:
    objects = _objects(json_schema())
    assert len(objects) == len(record_classes()) > 10  # the file itself and each record type
    assert all(obj.get("additionalProperties") is False for obj in objects)


def test_every_model_field_is_in_the_schema_in_model_order_with_its_description() -> None:
    schema = json_schema()
    for cls in [model.Source, model.Claim, model.Question, model.Value, model.Citation]:
        properties = schema["$defs"][cls.__name__]["properties"]
        assert list(properties) == list(cls.model_fields)
        for name, field in cls.model_fields.items():
            if field.description:
                assert properties[name]["description"] == field.description.replace("``", "`")


def test_enums_carry_the_meaning_of_each_value() -> None:
    defs = json_schema()["$defs"]
    kind = defs["SourceKind"]
    assert kind["enum"] == [k.value for k in model.SourceKind]
    assert len(kind["enumDescriptions"]) == len(kind["enum"])
    assert kind["enumDescriptions"][kind["enum"].index("wire")].startswith("a news-agency story")
    assert "- `wire`: a news-agency story" in kind["description"]
    credibility = defs["Credibility"]
    assert credibility["enum"] == [1, 2, 3, 4, 5, 6]
    assert credibility["enumDescriptions"][1] == "probably true"


def test_actor_kinds_are_an_enum_for_completion() -> None:
    schema = json_schema()
    kind = schema["$defs"]["Actor"]["properties"]["kind"]
    assert kind["$ref"] == "#/$defs/ActorKind"
    assert schema["$defs"]["ActorKind"]["enum"] == ["person", "organisation", "government", "agency", "media"]
