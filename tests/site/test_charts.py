"""Charts: deterministic, accessible, self-contained inline SVG, and the table that goes with it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from fixtures.records import claim, dossier, question

from site_plugins.dossier.records.model import ClaimsFile
from site_plugins.dossier.site.charts import chart_table_rows, quantity_chart_svg

SVG = "{http://www.w3.org/2000/svg}"
ACTORS = [
    {"id": "us", "name": "U.S. Department of Defense"},
    {"id": "nis", "name": "South Korea's National Intelligence Service"},
    {"id": "odd", "name": "$x_1$ <b>&amp; _underscore"},
]


def sample(**question_fields: Any) -> ClaimsFile:
    return dossier(
        [question(text="How many troops were sent?", **question_fields)],
        [
            claim("c1", {"exactly": 1500, "scope": "sent"}, made="2024-10-18", actor="nis"),
            claim("c2", {"exactly": 3000, "scope": "sent"}, made="2024-10-23", actor="us"),
            claim("c3", {"min": 10000, "scope": "sent"}, made="2024-10-24", actor="odd"),
            claim("c4", {"min": 8000, "max": 10000, "scope": "sent"}, made="2024-10-28", actor="us"),
            claim("c5", {"max": 12000, "scope": "pledged"}, made="2024-10", actor="nis"),
            claim("c6", {"exactly": 12000, "scope": "pledged", "as_of": "2024-10-18"}, made="2024-10-30"),
            claim("c7", {"scope": "sent"}, made="2024-10-30"),  # no figure: not drawn
        ],
        actors=ACTORS,
    )


def chart(data: ClaimsFile | None = None) -> str:
    data = data or sample()
    return quantity_chart_svg(data.questions[0], data.claims, data.actors)


def test_two_calls_give_identical_output() -> None:
    assert chart() == chart()


def test_output_does_not_depend_on_hash_seed_or_time_zone(tmp_path: Path) -> None:
    script = tmp_path / "make_chart.py"
    script.write_text(
        "import sys\nfrom tests.site.test_charts import chart\nsys.stdout.write(chart())\n",
        encoding="utf-8",
    )
    root = Path(__file__).resolve().parents[2]
    outputs = []
    for seed, tz in (("1", "UTC"), ("2", "Asia/Seoul")):
        path = os.pathsep.join([str(root), str(root / "tests")])  # the package and the fixtures
        env = dict(os.environ, PYTHONHASHSEED=seed, TZ=tz, PYTHONPATH=path)
        done = subprocess.run(
            [sys.executable, str(script)], cwd=root, env=env, capture_output=True, text=True, check=True
        )
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] == chart()


def test_svg_parses_and_starts_with_title_and_desc() -> None:
    svg = chart()
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    children = list(root)
    assert children[0].tag == f"{SVG}title"
    assert children[1].tag == f"{SVG}desc"
    assert children[0].text == "Figures claimed over time: How many troops were sent?"
    desc = children[1].text or ""
    assert "6 figures" in desc
    assert "dated October 2024 to 28 October 2024." in desc
    assert "Sent: from 1,500 to 10,000 troops. Pledged: 12,000 troops." in desc
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == f"{children[0].get('id')} {children[1].get('id')}"


def test_svg_scales_and_follows_the_page_colour() -> None:
    root = ET.fromstring(chart())
    assert root.get("viewBox")
    assert root.get("width") is None
    assert root.get("height") is None
    svg = chart()
    assert "currentColor" in svg
    assert "#010101" not in svg
    assert "#ffffff" not in svg.lower()  # no painted background


def test_svg_is_self_contained() -> None:
    svg = chart()
    assert re.findall(r"https?://[^\s\"'<>)]+", svg) == ["http://www.w3.org/2000/svg"]
    assert "xlink" not in svg
    assert "@font-face" not in svg
    assert "<image" not in svg
    assert "<style" not in svg
    assert "<script" not in svg
    assert "<metadata" not in svg
    for ref in re.findall(r"url\(([^)]*)\)", svg):
        assert ref.startswith("#"), ref


def test_text_stays_text_in_a_font_every_reader_has() -> None:
    root = ET.fromstring(chart())
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert "U.S. Department of Defense" in texts
    assert "Sent (troops)" in texts and "Pledged (troops)" in texts
    assert "1 Nov" in texts or "28 Oct" in texts or any(re.fullmatch(r"\d+ Oct", t) for t in texts)
    assert any("," in t for t in texts)  # thousands separators on the axis
    assert "sans-serif" in chart()


def test_hostile_names_are_escaped_and_not_parsed_as_maths() -> None:
    root = ET.fromstring(chart())
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert any(t.startswith("$x_1$ <b>&amp;") for t in texts)
    assert not list(root.iter(f"{SVG}b"))


def test_ids_are_unique_and_prefixed_per_question() -> None:
    data = sample()
    other = dossier(
        [question("other", text="How many were pledged?")],
        [claim("p1", {"exactly": 5}, question="other")],
    )
    first = ET.fromstring(chart(data))
    second = ET.fromstring(quantity_chart_svg(other.questions[0], other.claims))
    ids_first = [str(e.get("id")) for e in first.iter() if e.get("id")]
    ids_second = [str(e.get("id")) for e in second.iter() if e.get("id")]
    assert len(ids_first) == len(set(ids_first))
    assert all(i.startswith("chart-q") for i in ids_first)
    assert not set(ids_first) & set(ids_second)
    for e in first.iter():
        href = e.get("href")
        if href:
            assert href[1:] in ids_first


def test_a_question_with_no_figures_still_gives_a_valid_chart() -> None:
    data = dossier([question()], [claim("c1", {"scope": "sent"})])
    root = ET.fromstring(quantity_chart_svg(data.questions[0], data.claims))
    assert list(root)[1].text == "No figures have been claimed yet."


def test_table_rows_list_the_same_values_by_date() -> None:
    data = sample()
    rows = chart_table_rows(data.questions[0], data.claims, data.actors)
    assert [r.claim for r in rows] == ["c5", "c1", "c6", "c2", "c3", "c4"]
    first = rows[0]
    assert (first.date, first.date_text, first.actor, first.value, first.scope) == (
        "2024-10",
        "October 2024",
        "South Korea's National Intelligence Service",
        "as many as 12,000 troops",
        "pledged",
    )
    assert rows[4].value == "at least 10,000 troops"
    assert rows[5].value == "8,000 to 10,000 troops"
    assert rows[2].date == "2024-10-18"  # as_of, not made
    # without actors, ids stand in for names
    assert chart_table_rows(data.questions[0], data.claims)[0].actor == "nis"


def test_a_total_for_a_period_is_not_drawn_over_time() -> None:
    week = {"start": "2024-10-01", "end": "2024-10-07"}
    data = dossier(
        [question()],
        [
            claim("count", {"exactly": 1500, "scope": "sent"}),
            claim("week", {"exactly": 900, "scope": "sent", "period": week}),
        ],
    )
    assert [r.claim for r in chart_table_rows(data.questions[0], data.claims)] == ["count"]
    assert "900" not in quantity_chart_svg(data.questions[0], data.claims)


def test_panel_headings_name_what_is_counted_and_the_unit_as_written() -> None:
    data = dossier(
        [question(unit="US dollars per soldier per month", scopes=["payment"])],
        [claim("c1", {"exactly": 2000, "scope": "payment"}), claim("c2", {"exactly": 1})],
    )
    root = ET.fromstring(quantity_chart_svg(data.questions[0], data.claims))
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert "Payment (US dollars per soldier per month)" in texts
    assert "No scope given (US dollars per soldier per month)" in texts
    alone = dossier([question(unit="troops")], [claim("c1", {"exactly": 5})])
    root = ET.fromstring(quantity_chart_svg(alone.questions[0], alone.claims))
    assert "Troops" in ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def test_many_actors_with_long_names_get_a_taller_chart() -> None:
    names = [
        {"id": f"a{i}", "name": f"Ministry of Defence of a country with a long name, office {i}"}
        for i in range(9)
    ]
    claims = [claim(f"c{i}", {"exactly": i + 1}, actor=f"a{i}") for i in range(9)]
    many = dossier([question()], claims, actors=names)
    few = dossier([question()], claims[:1], actors=names)
    height = [
        float(
            ET.fromstring(quantity_chart_svg(d.questions[0], d.claims, d.actors))
            .get("viewBox", "")
            .split()[3]
        )
        for d in (many, few)
    ]
    assert height[0] > height[1] + 8 * 12  # a row of the legend per actor
    texts = ["".join(t.itertext()) for t in ET.fromstring(chart(many)).iter(f"{SVG}text")]
    assert all(len(t) <= 48 for t in texts)
