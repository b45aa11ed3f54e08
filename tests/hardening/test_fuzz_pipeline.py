"""Fuzzing the whole pipeline with mutations of the real dossier (issue 8.3).

The repository's ``claims.yaml`` is read as data, changed at random by structure (swapped and
broken ids, dropped fields, other kinds, values, dates and answers, duplicated records, huge,
negative and NaN numbers, awkward Unicode), written back with ``yaml.safe_dump`` and run
through everything a build runs: loading and validation, then (when the result is valid)
conflict analysis, corroboration, the downloads and the rendering of every generated page,
exactly as the MkDocs plugin drives them (no MkDocs build per example: too slow). Nothing may
raise; every problem names a line and column >= 1.

(test_fuzz_validate.py beside it mutates the file's text line by line and stops at
validation; this one mutates the records and goes on to analysis and rendering.)
The budget is fixed and the examples derandomised (``fuzzing.budget``), so CI runs the same
cases every time.
"""

from __future__ import annotations

import copy
import math
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import Phase, given
from hypothesis import strategies as st

from site_plugins.dossier.analysis import conflicts, corroboration
from site_plugins.dossier.checking import validate
from site_plugins.dossier.records.index import Index
from site_plugins.dossier.records.model import ClaimsFile
from site_plugins.dossier.site import exports
from site_plugins.dossier.site.layout import Layout
from site_plugins.dossier.site.options import SiteOptions
from site_plugins.dossier.site.pages import DossierSite

from .fuzzing import budget, clean
from .kit import REPO

CLAIMS = REPO / "claims.yaml"

Path_ = tuple[Any, ...]


def _real_dossier() -> dict[str, Any]:
    result = validate.load_and_validate(CLAIMS)
    if not result.ok or result.data is None:  # an editor's change in progress: fail loudly, once
        pytest.fail("claims.yaml is not valid:\n" + "\n".join(map(str, result.problems)), pytrace=False)
    data: dict[str, Any] = result.data.model_dump(mode="json", exclude_unset=True)
    return data


REAL: dict[str, Any] = _real_dossier() if CLAIMS.is_file() else {}


def _ids(data: dict[str, Any]) -> list[str]:
    """The ids of the records still in ``data`` (mutations may have broken any part of it)."""
    found = set()
    for key in ("sources", "actors", "questions", "claims"):
        records = data.get(key)
        for record in records if isinstance(records, list) else []:
            if isinstance(record, dict) and isinstance(record.get("id"), str):
                found.add(record["id"])
    return sorted(found)


#: Values put in place of any other value.
AWKWARD: list[Any] = [
    None,
    "",
    " ",
    "no-such-id",
    "unknown",
    0,
    -1,
    -0.5,
    1e308,
    10**30,
    2**63,
    float("nan"),
    float("inf"),
    "NaN",
    "nan",
    "-inf",
    "1,500",
    "10000",
    True,
    False,
    "yes",
    "no",
    "2024-02-30",
    "2024-13",
    "0001-01-01",
    "9999-12-31",
    "2099-01-01",
    "2024",
    "2024-10",
    "2024-10-23T12:00:00",
    [],
    {},
    ["a", "b"],
    {"claim": "x"},
    "quantity",
    "yes-no",
    "choice",
    "sent",
    "pledged",
    "confirmed",
    "superseded",
    "javascript:alert(1)",
    "https://example.org/a b",
    "\u202eevil\u202c",
    "Ünïcödé — “quotes” ‘x’ \u00a0\u2009 \U0001f600 \u0301",
    "\ufeffbom",
    "\u2028line\u2029",
    "x" * 6000,
    "- dash\n- list",
    "a: b",
    "{{ 7*7 }}",
]


def _paths(value: Any, path: Path_ = ()) -> list[Path_]:
    """Every path into ``value`` (dict keys and list indexes), the root excluded."""
    out: list[Path_] = []
    if isinstance(value, dict):
        for key, item in value.items():
            out.append((*path, key))
            out.extend(_paths(item, (*path, key)))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out.append((*path, i))
            out.extend(_paths(item, (*path, i)))
    return out


def _get(data: Any, path: Path_) -> Any:
    for step in path:
        data = data[step]
    return data


def _mutate(data: dict[str, Any], draw: Any) -> str:
    """One random change to ``data`` (in place); returns what it did, for the failure report."""
    paths = _paths(data)
    if not paths:
        return "nothing to change"
    path = paths[draw(st.integers(0, len(paths) - 1))]
    parent, key = _get(data, path[:-1]), path[-1]
    op = draw(
        st.sampled_from(
            [
                "awkward",
                "id",
                "drop",
                "duplicate",
                "swap",
                "copy",
                "kind",
                "number",
                "date",
                "answer",
                "empty",
            ]
        )
    )
    ids = _ids(data)
    if op == "awkward":
        parent[key] = copy.deepcopy(draw(st.sampled_from(AWKWARD)))
    elif op == "id" and ids:
        parent[key] = draw(st.sampled_from(ids))  # a real id of the wrong thing, or a swapped one
    elif op == "drop":
        del parent[key]
    elif op == "duplicate" and isinstance(parent, list):
        parent.insert(key, copy.deepcopy(parent[key]))
    elif op == "swap":
        other = paths[draw(st.integers(0, len(paths) - 1))]
        other_parent, other_key = _get(data, other[:-1]), other[-1]
        if other[: len(path)] != path and path[: len(other)] != other:  # not inside each other
            parent[key], other_parent[other_key] = other_parent[other_key], parent[key]
    elif op == "copy":
        other = paths[draw(st.integers(0, len(paths) - 1))]
        parent[key] = copy.deepcopy(_get(data, other))
    elif op == "kind":
        parent[key] = draw(st.sampled_from(["quantity", "yes-no", "choice", "original", "wire", "person"]))
    elif op == "number":
        parent[key] = draw(
            st.one_of(
                st.integers(-(10**20), 10**20),
                st.floats(allow_nan=True, allow_infinity=True),
                st.sampled_from([0, 1, 1500, 10_000, 12_000, 100_000]),
            )
        )
    elif op == "date":
        parent[key] = draw(
            st.one_of(
                st.dates().map(lambda d: d.isoformat()),
                st.sampled_from(["2024-10-01", "2024-10-23", "2024-11-05", "2024-10", "2024", "1900"]),
            )
        )
    elif op == "answer":
        parent[key] = draw(st.sampled_from(["yes", "no", "maybe", True, False]))
    elif op == "empty":
        parent[key] = [] if isinstance(parent[key], list) else {} if isinstance(parent[key], dict) else ""
    return f"{op} at {path}"


def _dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def _run_pipeline(path: Path) -> None:
    """Everything a build does with claims.yaml, outside MkDocs. Must never raise."""
    result = validate.load_and_validate(path)
    if not clean(result, path.read_text(encoding="utf-8")):
        return
    data = result.data
    assert isinstance(data, ClaimsFile)
    index = Index(data)
    analysis = conflicts.analyse(index)
    for conflict in analysis.conflicts:
        assert conflict.a in analysis.by_claim and conflict.b in analysis.by_claim
    for claim in data.claims:
        assert corroboration.independent_origins(claim, index) >= 0
    files = exports.export_files(index, analysis)
    assert files and all(isinstance(v, bytes) for v in files.values())
    site = DossierSite(
        data,
        SiteOptions(
            site_name="Fuzzed dossier",
            site_url="https://example.org/dossier/",
            layout=Layout(),
            edit_base="https://github.com/example/dossier/blob/main/claims.yaml",
            background_charts=False,
        ),
        line_of=result.line_of,
    )
    pages = site.pages()
    assert all(isinstance(text, str) and text.startswith("---\n") for text in pages.values())
    assert site.what_we_know()
    assert site.downloads()
    for src in pages:
        site.edit_url_for_page(src)


def test_the_real_dossier_passes_the_pipeline(tmp_path: Path) -> None:
    """The unmutated dossier, re-serialised, is valid and renders (the fuzzer's starting point)."""
    path = tmp_path / "claims.yaml"
    path.write_text(_dump(REAL), encoding="utf-8")
    result = validate.load_and_validate(path)
    assert result.ok, "\n".join(map(str, result.problems))
    _run_pipeline(path)


@budget(
    150,
    # No shrinking: each example renders a whole site (shrinking one took minutes), and the
    # failure message already lists the mutations that led to it.
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
)
@given(st.data())
def test_mutations_of_the_real_dossier_never_raise(data: st.DataObject) -> None:
    mutated = copy.deepcopy(REAL)
    done = [_mutate(mutated, data.draw) for _ in range(data.draw(st.integers(1, 4), label="mutations"))]
    note = "; ".join(done)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.yaml"
        path.write_text(_dump(mutated), encoding="utf-8")
        try:
            _run_pipeline(path)
        except AssertionError:
            raise
        except Exception as exc:  # name the mutation that broke it
            raise AssertionError(f"{type(exc).__name__} after: {note}") from exc


def test_awkward_values_include_nan_and_huge_numbers() -> None:
    """The pool the fuzzer draws from really has the numbers a YAML file can hold."""
    numbers = [v for v in AWKWARD if isinstance(v, float)]
    assert any(math.isnan(v) for v in numbers) and any(math.isinf(v) for v in numbers)
    assert ".nan" in _dump({"x": float("nan")}) and "1.0e+308" in _dump({"x": 1e308})


# ---------------------------------------------------------------------------------------------
# Cases the fuzzer found, kept as plain tests
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [["quantity"], {"quantity": 1}])
def test_a_question_kind_that_is_a_list_or_mapping_is_a_clean_error(tmp_path: Path, kind: Any) -> None:
    """Found by the fuzzer: an unhashable ``kind`` reached a set lookup in the validator."""
    from .kit import dossier

    data = dossier()
    data["questions"][0]["kind"] = kind
    path = tmp_path / "claims.yaml"
    path.write_text(_dump(data), encoding="utf-8")
    _run_pipeline(path)
    result = validate.load_and_validate(path)
    assert not result.ok
    assert any(p.field.endswith("kind") for p in result.problems), [str(p) for p in result.problems]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("as_of", "0024-10-20"),  # a typo for 2024: a valid date, before matplotlib's year 1
        ("as_of", "0001"),
        ("exactly", 1e100),  # a valid figure (no upper bound) too large for the chart's axes
        ("exactly", 1e308),
    ],
)
def test_extreme_but_valid_quantity_values_render_or_are_refused(
    tmp_path: Path, field: str, value: Any
) -> None:
    """Found by probing: the chart of a quantity question raised ValueError from matplotlib, so
    ``mkdocs build`` ended in a traceback. Either validation refuses such a value with a clean
    problem, or the site renders."""
    from .kit import dossier

    data = dossier()
    claim_value = data["claims"][0]["value"]  # few-sent, on the quantity question
    claim_value[field] = value
    path = tmp_path / "claims.yaml"
    path.write_text(_dump(data), encoding="utf-8")
    _run_pipeline(path)
