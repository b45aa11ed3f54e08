"""The generated schema accepts a valid dossier and rejects what editors get wrong.

Checked with the `jsonschema` library (what `check-jsonschema` and the pre-commit hook use) and
with `check-jsonschema --check-metaschema`, which reads patterns as ECMA-262 the way editors'
tools do.
"""

from __future__ import annotations

import copy
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from fixtures import BELLS

from site_plugins.dossier.editors.schema import ecma_pattern, json_schema, schema_text
from site_plugins.dossier.records.model import ClaimsFile

VALID = BELLS.read_text(encoding="utf-8")


def _validator() -> jsonschema.protocols.Validator:
    schema = json_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _errors(document: Any) -> list[jsonschema.ValidationError]:
    return sorted(_validator().iter_errors(document), key=lambda e: list(e.absolute_path))


def test_the_sample_is_valid_for_the_model_too() -> None:
    ClaimsFile.model_validate(yaml.safe_load(VALID))  # the sample itself is right


def test_valid_document_passes() -> None:
    assert _errors(yaml.safe_load(VALID)) == []


def test_typo_in_a_field_name_is_rejected() -> None:
    document = yaml.safe_load(VALID.replace("      - source: town-crier", "      - sourcse: town-crier"))
    errors = _errors(document)
    assert errors, "a misspelt field must be an error"
    messages = " ".join(e.message for e in errors)
    assert "sourcse" in messages
    assert any(list(e.absolute_path) == ["claims", 0, "citations", 0] for e in errors)


@pytest.mark.parametrize(
    ("path", "bad_value"),
    [
        (["sources", 0, "url"], "javascript:alert(1)"),
        (["sources", 0, "kind"], "blog"),
        (["claims", 0, "made"], "October 2024"),
        (["claims", 0, "id"], "Not An Id"),
        (["claims", 0, "value", "exactly"], "8"),
        (["claims", 0, "credibility"], 7),
        (["claims", 0, "citations"], []),
        (["claims", 0, "confidence"], "probably"),
        (["questions", 0, "window_days"], -1),
        (["actors", 0, "kind"], "robot"),
    ],
)
def test_wrong_values_are_rejected(path: list[Any], bad_value: Any) -> None:
    document = yaml.safe_load(VALID)
    target = document
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = copy.deepcopy(bad_value)
    assert _errors(document), f"{'.'.join(map(str, path))} = {bad_value!r} must be rejected"


def test_a_missing_required_field_is_rejected() -> None:
    document = yaml.safe_load(VALID)
    del document["claims"][0]["statement"]
    assert any("statement" in e.message for e in _errors(document))


def test_ecma_pattern_drops_only_needless_escapes() -> None:
    assert ecma_pattern(r"^https?://[^\s<>\"']+$") == r"""^https?://[^\s<>"']+$"""
    assert ecma_pattern(r"a\\\"b") == r'a\\"b'
    assert ecma_pattern(r"a\\b") == r"a\\b"
    assert ecma_pattern(r"^\d{4}\.x$") == r"^\d{4}\.x$"


def test_check_jsonschema_accepts_the_schema_and_the_sample(tmp_path: Path) -> None:
    tool = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    assert tool, "check-jsonschema is part of the test dependencies"
    schema_file = tmp_path / "claims.schema.json"
    schema_file.write_text(schema_text(), encoding="utf-8")
    sample = tmp_path / "claims.yaml"
    sample.write_text(VALID, encoding="utf-8")

    def check(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([tool, *args], capture_output=True, text=True)

    meta = check("--check-metaschema", str(schema_file))
    assert meta.returncode == 0, meta.stdout + meta.stderr
    run = check("--schemafile", str(schema_file), str(sample))
    assert run.returncode == 0, run.stdout + run.stderr
    sample.write_text(VALID.replace("    statement:", "    statment:"), encoding="utf-8")
    run = check("--schemafile", str(schema_file), str(sample))
    assert run.returncode == 1 and "statment" in run.stdout + run.stderr
