"""Downloads: claims, sources and conflicts as JSON and CSV that parse back and stay stable."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from fixtures.records import claim, dossier, question, source

from site_plugins.dossier.analysis.conflicts import analyse
from site_plugins.dossier.records.index import Index
from site_plugins.dossier.records.model import ClaimsFile
from site_plugins.dossier.site.exports import export_files, safe_cell

FILES = ("claims.json", "claims.csv", "sources.json", "sources.csv", "conflicts.json", "conflicts.csv")


def sample() -> ClaimsFile:
    return dossier(
        [question(), question("yn", kind="yes-no", text="Are they there?")],
        [
            claim(
                "low",
                {"exactly": 1500, "scope": "sent", "as_of": "2024-10-18"},
                made="2024-10-20",
                citations=[
                    {"source": "wire", "quote": "about 1,500"},
                    {"source": "wire-copy", "quote": "about 1,500"},
                    {"source": "paper", "quote": "1,500 troops"},
                ],
                tags=["count", "nis"],
            ),
            claim("high", {"min": 10000, "scope": "sent"}, made="2024-10-21", actor="a2"),
            claim("yes", {"answer": "yes"}, question="yn", statement='=HYPERLINK("http://x")'),
            claim(
                "no",
                {"answer": "no"},
                question="yn",
                statement="Moscow denies it — «фейк».",
                notes="-2 points\nsecond line",
                status="retracted",
            ),
        ],
        sources=[source("paper"), source("wire", byline="@someone"), source("wire-copy", copy_of="wire")],
    )


def files() -> dict[str, bytes]:
    data = sample()
    return export_files(Index(data), analyse(Index(data)))


def rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"), newline="")))


def test_every_file_is_there_as_utf8_with_newline_endings() -> None:
    out = files()
    assert sorted(out) == sorted(FILES)
    for name, content in out.items():
        text = content.decode("utf-8")
        assert "\r" not in text, name
        assert text.endswith("\n"), name


def test_output_is_byte_identical_each_time() -> None:
    assert files() == files()


def test_json_parses_back_in_file_order_with_sorted_keys() -> None:
    out = files()
    data = sample()
    claims = json.loads(out["claims.json"])
    assert [c["id"] for c in claims] == [c.id for c in data.claims]
    sources = json.loads(out["sources.json"])
    assert [s["id"] for s in sources] == [s.id for s in data.sources]
    conflicts = json.loads(out["conflicts.json"])
    assert [c["id"] for c in conflicts] == [c.id for c in analyse(Index(data)).conflicts]
    for name in ("claims.json", "sources.json", "conflicts.json"):
        for record in json.loads(out[name]):
            assert list(record) == sorted(record)
    assert "«фейк»" in out["claims.json"].decode("utf-8")  # not \u-escaped


def test_claims_json_keeps_citations_as_a_list_and_adds_reader_fields() -> None:
    low = json.loads(files()["claims.json"])[0]
    assert low["citations"] == [
        {"source": "wire", "quote": "about 1,500", "note": None},
        {"source": "wire-copy", "quote": "about 1,500", "note": None},
        {"source": "paper", "quote": "1,500 troops", "note": None},
    ]
    assert low["value"]["exactly"] == 1500
    assert isinstance(low["value"]["exactly"], int)
    assert low["value_text"] == "1,500 troops sent"
    assert low["as_of"] == "2024-10-18"
    assert low["independent_origins"] == 2
    assert low["conflicts"] == ["high--low"]


def test_claims_csv_has_one_row_per_claim_with_flattened_citations() -> None:
    table = rows(files()["claims.csv"])
    assert [r["id"] for r in table] == ["low", "high", "yes", "no"]
    low = table[0]
    assert low["citation_count"] == "3"
    assert low["citation_sources"] == "wire;wire-copy;paper"
    assert low["independent_origins"] == "2"
    assert low["exactly"] == "1500"
    assert low["scope"] == "sent"
    assert low["value"] == "1,500 troops sent"
    assert low["tags"] == "count;nis"
    assert low["conflicts"] == "high--low"
    assert table[1]["as_of"] == "2024-10-21"  # falls back to the date the claim was made
    assert table[3]["notes"] == "'-2 points\nsecond line"


def test_sources_carry_their_independent_origin() -> None:
    out = files()
    by_id = {r["id"]: r for r in rows(out["sources.csv"])}
    assert {k: r["origin"] for k, r in by_id.items()} == {
        "paper": "paper",
        "wire": "wire",
        "wire-copy": "wire",
    }
    assert {k: r["cited_by"] for k, r in by_id.items()} == {"paper": "1", "wire": "1", "wire-copy": "1"}
    assert json.loads(out["sources.json"])[2]["origin"] == "wire"


def test_conflicts_csv_columns_and_rows() -> None:
    out = files()
    table = rows(out["conflicts.csv"])
    assert list(table[0]) == ["id", "question", "a", "b", "kind", "why", "status", "resolution"]
    assert [(r["id"], r["kind"], r["status"]) for r in table] == [
        ("high--low", "quantity", "open"),
        ("no--yes", "yes-no", "resolved"),
    ]
    assert table[0]["why"] == (
        "First Actor: 1,500 troops sent (as of 18 October 2024);"
        " Second Actor: at least 10,000 troops sent (said on 21 October 2024)."
    )
    assert table[1]["resolution"] == "Claim no was retracted."
    assert len(table) == len(json.loads(out["conflicts.json"]))


def test_counts_match_the_dossier() -> None:
    out = files()
    data = sample()
    assert len(rows(out["claims.csv"])) == len(json.loads(out["claims.json"])) == len(data.claims)
    assert len(rows(out["sources.csv"])) == len(json.loads(out["sources.json"])) == len(data.sources)


def test_csv_cells_cannot_run_as_spreadsheet_formulas() -> None:
    out = files()
    claims = rows(out["claims.csv"])
    assert claims[2]["statement"] == '\'=HYPERLINK("http://x")'
    sources = {r["id"]: r for r in rows(out["sources.csv"])}
    assert sources["wire"]["byline"] == "'@someone"
    # the JSON keeps the text as written
    assert json.loads(out["claims.json"])[2]["statement"] == '=HYPERLINK("http://x")'
    for name in ("claims.csv", "sources.csv", "conflicts.csv"):
        for row in rows(out[name]):
            for cell in row.values():
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (name, cell)


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("plain", "plain"),
        ("a=b", "a=b"),
        (None, ""),
        (1500.0, "1500"),
        (2.5, "2.5"),
        (3, "3"),
        (True, "true"),
    ],
)
def test_safe_cell(value: Any, cell: str) -> None:
    assert safe_cell(value) == cell


def test_an_empty_dossier_exports_headers_and_empty_lists() -> None:
    data = dossier([question()], [])
    out = export_files(Index(data), analyse(Index(data)))
    assert json.loads(out["claims.json"]) == []
    assert json.loads(out["conflicts.json"]) == []
    assert out["conflicts.csv"] == b"id,question,a,b,kind,why,status,resolution\n"


def test_a_total_for_a_period_has_its_days_in_both_formats() -> None:
    week = {"start": "2024-10-01", "end": "2024-10-07"}
    data = dossier([question()], [claim("week", {"exactly": 900, "scope": "sent", "period": week})])
    out = export_files(Index(data), analyse(Index(data)))
    (row,) = rows(out["claims.csv"])
    assert (row["period_start"], row["period_end"]) == ("2024-10-01", "2024-10-07")
    assert row["value"] == "900 troops sent from 1 to 7 October 2024"
    assert json.loads(out["claims.json"])[0]["value"]["period"] == week


def test_lines_kept_from_a_last_build_go_in_as_they_are() -> None:
    # Under serve the claims' lines come from the last build where their inputs are the same.
    data = sample()
    index = Index(data)
    asked: list[str] = []

    def kept(record: Any, make: Any) -> tuple[str, str]:
        asked.append(record.id)
        if record.id == "high":
            return '{"kept": true}', "kept,row\n"
        lines: tuple[str, str] = make()
        return lines

    out = export_files(index, analyse(index), kept)
    assert asked == [c.id for c in data.claims]
    fresh = files()
    assert out["sources.csv"] == fresh["sources.csv"] and out["conflicts.json"] == fresh["conflicts.json"]
    claims_json = out["claims.json"].decode("utf-8").splitlines()
    assert claims_json[2] == '{"kept": true},'  # the second claim, as the last build made it
    assert [line for i, line in enumerate(claims_json) if i != 2] == [
        line for i, line in enumerate(fresh["claims.json"].decode("utf-8").splitlines()) if i != 2
    ]
    claims_csv = out["claims.csv"].decode("utf-8").splitlines()
    assert claims_csv[2] == "kept,row"
    assert claims_csv[:2] + claims_csv[3:] == [
        line for i, line in enumerate(fresh["claims.csv"].decode("utf-8").splitlines()) if i != 2
    ]
