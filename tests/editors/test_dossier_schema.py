"""`dossier schema --ids`: the schema with one dossier's ids, for editors' completion."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

from site_plugins.dossier.editors.dossier_schema import REFERENCES
from site_plugins.dossier.editors.schema import json_schema

from .conftest import ROOT, Run


def test_the_ids_schema_completes_every_reference_and_checks_it(run: Run, tmp_path: Path) -> None:
    (tmp_path / "claims.yaml").write_bytes((ROOT / "claims.yaml").read_bytes())
    result = run("schema", "--ids", "claims.yaml")
    assert result.returncode == 0, result.stderr
    schema = json.loads((tmp_path / "claims.ids.schema.json").read_text(encoding="utf-8"))
    data = yaml.safe_load((ROOT / "claims.yaml").read_text(encoding="utf-8"))
    citation = schema["$defs"]["Citation"]["properties"]["source"]
    assert citation["enum"] == [s["id"] for s in data["sources"]]
    assert schema["$defs"]["Claim"]["properties"]["actor"]["enum"] == [a["id"] for a in data["actors"]]
    assert schema["$defs"]["Claim"]["properties"]["question"]["enum"] == [q["id"] for q in data["questions"]]
    assert schema["$defs"]["Resolution"]["properties"]["claims"]["items"]["enum"] == [
        c["id"] for c in data["claims"]
    ]
    # Validation with the schema: the dossier passes, a misspelt source id does not.
    as_json = json.loads(json.dumps(data, default=str))
    jsonschema.validate(as_json, schema)
    as_json["claims"][0]["citations"][0]["source"] = "no-such-source"
    try:
        jsonschema.validate(as_json, schema)
    except jsonschema.ValidationError as exc:
        assert "no-such-source" in exc.message
    else:
        raise AssertionError("the misspelt source id passed")


def test_the_committed_schema_stays_the_models_own() -> None:
    """The ids go only in the dossier's copy: the committed schema (and its drift test) keeps none."""
    committed = json.loads((ROOT / "claims.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema()
    for definition, field, _key in REFERENCES:
        assert "enum" not in json.dumps(committed["$defs"][definition]["properties"][field])
