"""Warnings: each case is the warning corpus's base file with one thing an editor should look at
again. Every case states the exact line, column and field, the warning's name, words of the
message and of the hint, and that it is the only warning; the quiet cases raise none."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from site_plugins.dossier.analysis.review import review
from site_plugins.dossier.checking.validate import load_and_validate
from site_plugins.dossier.records.model import WarningId

WARNINGS = Path(__file__).resolve().parents[1] / "fixtures" / "warnings"
TODAY = dt.date(2024, 11, 5)

# file -> (line, col, field, warning, words of the message, words of the hint)
# fmt: off
CASES: dict[str, tuple[int, int, str, str, str, str]] = {
    "missing_as_of": (92, 7, "claims[1].value", "missing-as-of",
        "no as_of, while other claims of question homes-flooded have one: the figure is compared "
        "as of the day it was said (2024-10-21)", "add 'as_of:' with the date the figure describes"),
    "confirmed_on_one_origin": (113, 13, "claims[2].status", "confirmed-needs-two-origins",
        "confirmed on one independent origin (valley-courier-2024-10-20), not two",
        "if the actor states its own act, write party_concerned: true"),
    "confirmed_on_a_copy": (116, 13, "claims[2].status", "confirmed-needs-two-origins",
        "confirmed on one independent origin (valley-courier-2024-10-20), not two",
        "cite a second independent origin"),
    "resolution_without_conflict": (146, 13, "resolutions[1].claims", "resolution-without-conflict",
        "claims county-300-homes and county-450-homes are not in conflict", "link them with contradicts:"),
    "acknowledgement_not_needed": (86, 18, "claims[0].acknowledged[0].warning", "acknowledgement-not-needed",
        "acknowledges the warning missing-as-of, which this record does not raise",
        "remove this acknowledgement"),
    "acknowledgement_of_another_kind": (142, 18, "claims[4].acknowledged[0].warning",
        "acknowledgement-not-needed",
        "acknowledges the warning resolution-without-conflict, which is never about a claim",
        "remove this acknowledgement"),
}
# fmt: on
QUIET = ["base", "quiet_party_concerned", "quiet_two_origins", "quiet_acknowledged", "quiet_period_total"]


def warnings_of(name: str) -> list[str]:
    result = load_and_validate(WARNINGS / f"{name}.yaml", today=TODAY)
    assert result.ok, [str(p) for p in result.problems]
    return [str(w) for w in review(result)]


def test_the_corpus_is_complete() -> None:
    assert sorted(p.stem for p in WARNINGS.glob("*.yaml")) == sorted([*CASES, *QUIET])
    # every warning an editor can acknowledge has a case
    assert {case[3] for case in CASES.values()} >= {w.value for w in WarningId}


@pytest.mark.parametrize("name", sorted(CASES))
def test_warning(name: str) -> None:
    line, col, field, code, message, hint = CASES[name]
    result = load_and_validate(WARNINGS / f"{name}.yaml", today=TODAY)
    assert result.ok and result.problems == []  # a warning is not a problem
    (warning,) = review(result)
    assert (warning.line, warning.col, warning.field, warning.code) == (line, col, field, code)
    if field.startswith("claims["):  # claims have ids; resolutions have none
        assert warning.record and warning.shown_field.startswith(
            field.split("]")[0] + f"] ({warning.record})"
        )
    assert (warning.severity, warning.is_warning) == ("warning", True)
    assert message in warning.message and hint in warning.hint
    assert str(warning) == (
        f"{warning.file}:{line}:{col}: {warning.shown_field}: "
        f"warning [{code}]: {warning.message} ({warning.hint})"
    )
    assert warning.file.endswith(f"{name}.yaml")


@pytest.mark.parametrize("name", QUIET)
def test_no_warning(name: str) -> None:
    assert warnings_of(name) == []


def test_a_warning_that_can_be_acknowledged_says_so() -> None:
    for name, case in CASES.items():
        (shown,) = warnings_of(name)
        acknowledgeable = case[3] in {w.value for w in WarningId}
        assert shown.endswith("; or, once reviewed, acknowledge it)") is acknowledgeable, name


def test_the_analysis_warning_waits_for_a_valid_file_and_the_others_do_not(tmp_path: Path) -> None:
    """A rule's error (here an unknown scope) leaves the records readable: the warnings about
    single records are listed with it; the one that needs the conflict analysis is not."""
    text = (WARNINGS / "resolution_without_conflict.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "      scope: flooded\n      as_of: 2024-10-20", "      scope: floded\n      as_of: 2024-10-20"
    )
    text = text.replace(
        "      min: 450\n      scope: flooded\n      as_of: 2024-10-21\n",
        "      min: 450\n      scope: flooded\n",
    )
    path = tmp_path / "claims.yaml"
    path.write_text(text, encoding="utf-8")
    result = load_and_validate(path, today=TODAY)
    assert [p.field for p in result.problems] == ["claims[0].value.scope"]
    assert [(w.field, w.code) for w in review(result)] == [("claims[1].value", "missing-as-of")]


def test_a_file_the_schema_refuses_has_no_warnings(tmp_path: Path) -> None:
    text = (WARNINGS / "missing_as_of.yaml").read_text(encoding="utf-8").replace("kind: wire", "kind: wired")
    path = tmp_path / "claims.yaml"
    path.write_text(text, encoding="utf-8")
    result = load_and_validate(path, today=TODAY)
    assert result.problems and review(result) == []
