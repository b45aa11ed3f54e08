"""Hostile text in every free-text field never becomes script, handlers, styles, frames, forms
or foreign-scheme links (issue 8.1), checked without a browser.

The hostile dossier (``tests/fixtures/hostile/claims.yaml``, written by ``vectors.py``) carries
OWASP XSS filter-evasion vectors (``vectors.VECTORS``) in every free-text field the schema has;
it goes through the real plugin and one real ``mkdocs build --strict`` (quotes unchecked), and
every generated HTML page is read with the standard library's HTML parser. Here: that the
fixture is hostile everywhere, the sanitiser itself, every page's HTML (naming the exact
element and attribute when it fails), JSON-LD, the downloads, and hostile addresses refused by
the build. The browser test (tests/browser/test_xss.py) builds the same fixture and checks
what only a browser shows: dialogs, the page after its scripts ran, search results.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from fixtures import HOSTILE
from html_reader import Page, raw_script_bodies
from markupsafe import escape

from site_plugins.dossier.checking import validate
from site_plugins.dossier.records.model import ClaimsFile
from site_plugins.dossier.site import sanitise

from . import kit, vectors

ALLOWED_SCHEMES = {"http", "https", "mailto"}
#: Elements no editor text may bring in (``form`` is checked against the site's own forms).
FORBIDDEN = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "style", "math", "img"}
#: The forms the site puts on pages itself: Material's search and palette, the table filters.
OWN_FORMS = ({"name": "search"}, {"data-md-component": "palette"}, {"data-dossier-filters": None})


def hostile_dossier() -> dict[str, Any]:
    """The committed hostile fixture, as data."""
    loaded: dict[str, Any] = yaml.safe_load(HOSTILE.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, build_once: Callable[..., Any]) -> Any:
    root = kit.write_project(tmp_path_factory.mktemp("hostile-project"), HOSTILE.read_text(encoding="utf-8"))
    return build_once(root)


@pytest.fixture(scope="module")
def pages(site: Any) -> dict[str, tuple[str, Page]]:
    out = {}
    for path in sorted(site.site_dir.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        out[path.relative_to(site.site_dir).as_posix()] = (html, Page(html))
    return out


# ---------------------------------------------------------------------------------------------
# The dossier really is hostile, everywhere
# ---------------------------------------------------------------------------------------------


def _records(value: Any, spec: dict[str, Any], defs: dict[str, Any], name: str) -> Iterator[tuple[str, Any]]:
    """(record type, record) for every record in ``value``, guided by the JSON Schema."""
    if "$ref" in spec:
        name = spec["$ref"].rsplit("/", 1)[-1]
        spec = defs[name]
    for option in spec.get("anyOf", []):
        if value is not None and option.get("type") != "null":
            yield from _records(value, option, defs, name)
    if isinstance(value, dict) and "properties" in spec:
        yield name, value
        for key, item in value.items():
            if key in spec["properties"]:
                yield from _records(item, spec["properties"][key], defs, name)
    elif isinstance(value, list) and "items" in spec:
        for item in value:
            yield from _records(item, spec["items"], defs, name)


def test_there_are_at_least_40_vectors_of_every_kind() -> None:
    assert len(vectors.VECTORS) >= 40
    joined = "\n".join(vectors.VECTORS).lower()
    for needle in (
        "<script",
        "onerror=",
        "onload=",
        "javascript:",
        "vbscript:",
        "data:text/html",
        "<iframe",
        "<object",
        "<embed",
        "<form",
        "<style",
        "<meta",
        "<base",
        "<link",
        "expression(",
        "url(javascript",
        "&#106;",
        "&#0;",
        '">',
        "](javascript:",
        "]: javascript:",
        "{{ 'inj' ~ 7*7 }}",
    ):
        assert needle in joined, needle
    # Each vector's own number stays below 100, so that field * 100 + vector names both.
    numbers = [int(n) for v in vectors.VECTORS for n in re.findall(r"\b(?:alert|msgbox)\((\d+)\)", v)]
    assert len(numbers) == len(set(numbers)) and max(numbers) < 100


def test_the_fixture_is_what_its_generator_writes() -> None:
    assert HOSTILE.read_text(encoding="utf-8") == vectors.fixture_text(), (
        "regenerate: .venv/bin/python -m tests.hardening.vectors > tests/fixtures/hostile/claims.yaml"
    )


def test_every_free_text_field_carries_vectors() -> None:
    """When the schema gains a free-text field, this fails until ``kit.dossier`` fills it."""
    data = hostile_dossier()
    schema = ClaimsFile.model_json_schema()
    fields = kit.free_text_fields()
    assert {"statement", "notes"} <= fields["Claim"] and "quote" in fields["Citation"], fields
    seen: set[tuple[str, str]] = set()
    harmless = []
    for record_type, record in _records(data, schema, schema.get("$defs", {}), "ClaimsFile"):
        for field in fields.get(record_type, ()):
            if field in record:
                seen.add((record_type, field))
                if "<" not in record[field] or "alert(" not in record[field]:
                    harmless.append(f"{record_type}.{field}: {record[field][:60]!r}")
    missing = sorted(f"{t}.{f}" for t, fs in fields.items() for f in fs if (t, f) not in seen)
    assert not missing, f"free-text fields the hostile dossier leaves out: {missing}"
    assert not harmless, f"free-text fields without XSS vectors: {harmless}"
    # ... and it is valid, so that all of it reaches the pages.
    assert {
        "Dossier",
        "Source",
        "Actor",
        "Question",
        "Option",
        "Value",
        "Citation",
        "Link",
        "Resolution",
        "Claim",
    } <= set(fields)


def test_the_hostile_dossier_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(kit.dump(hostile_dossier()), encoding="utf-8")
    result = validate.load_and_validate(path)
    assert result.ok, "\n".join(str(p) for p in result.problems)


@pytest.mark.parametrize("tag", ["<script>", "a b", 'x" onload="y', "javascript:alert(1)"])
def test_tags_cannot_carry_text(tmp_path: Path, tag: str) -> None:
    """Tags are the one other editor string shown on pages: the schema admits only ids there."""
    data = kit.dossier()
    data["claims"][0]["tags"] = [tag]
    path = tmp_path / "claims.yaml"
    path.write_text(kit.dump(data), encoding="utf-8")
    result = validate.load_and_validate(path)
    assert not result.ok
    assert any("tags" in p.field for p in result.problems), [str(p) for p in result.problems]


def test_a_raw_nul_in_text_is_a_clean_error(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    text = kit.dump(kit.dossier()).replace("Plain Claim statement.", "java\0script:alert(1)", 1)
    path.write_text(text, encoding="utf-8")
    result = validate.load_and_validate(path)
    assert not result.ok and result.problems[0].line >= 1 and result.problems[0].col >= 1


# ---------------------------------------------------------------------------------------------
# The sanitiser
# ---------------------------------------------------------------------------------------------


def test_markdown_fields_go_through_nh3_not_regular_expressions() -> None:
    source = Path(sanitise.__file__).read_text(encoding="utf-8")
    assert "nh3.clean(" in source
    assert not re.search(r"^\s*import re\b|^\s*from re import", source, re.M)


@pytest.mark.parametrize("vector", vectors.VECTORS)
def test_each_vector_in_a_markdown_field_keeps_only_safe_html(vector: str) -> None:
    html = str(sanitise.markdown_html(f"Text before.\n\n{vector}\n\nText after."))
    for el in Page(html).elements:
        assert el.tag in sanitise.ALLOWED_TAGS, (vector, html)
        for name, value in el.attrs.items():
            assert name in {"href", "title", "rel"}, (vector, html)
            if name == "href":
                assert urlsplit((value or "").strip()).scheme in ALLOWED_SCHEMES | {""}, (vector, html)
    assert "Text before." in html  # (an unclosed <script> or <style> swallows what follows)


@pytest.mark.parametrize("vector", vectors.VECTORS)
def test_each_vector_in_a_plain_field_is_escaped_text(vector: str) -> None:
    html = str(sanitise.plain_html(vector))
    assert Page(html).elements == []
    assert "<" not in html and ">" not in html


# ---------------------------------------------------------------------------------------------
# Every page of the built site
# ---------------------------------------------------------------------------------------------


def _normalise_script(body: str) -> str:
    """An inline theme script with its page-relative paths taken out."""
    return re.sub(r'new URL\("[./]*",location\)', 'new URL("",location)', body)


def test_the_site_has_every_page(site: Any, pages: dict[str, Any]) -> None:
    data = hostile_dossier()
    for claim in data["claims"]:
        assert f"claims/{claim['id']}/index.html" in pages
    for name in (
        "index.html",
        "conflicts/index.html",
        "sources/index.html",
        "actors/index.html",
        "timeline/index.html",
        "questions/how-many/index.html",
        "downloads/index.html",
    ):
        assert name in pages


def test_no_script_but_the_sites_own(site: Any, pages: dict[str, tuple[str, Page]]) -> None:
    theme_inline = {
        _normalise_script(body)
        for attrs, body in pages["404.html"][1].scripts
        if not attrs.get("src") and attrs.get("type") not in ("application/json", "application/ld+json")
    }
    assert theme_inline, "the 404 page has no inline theme scripts to compare with"
    problems = []
    for name, (html, page) in pages.items():
        for attrs, body in page.scripts:
            kind = attrs.get("type")
            if attrs.get("src") is not None:
                src = attrs["src"] or ""
                base = site.site_dir if src.startswith("/") else (site.site_dir / name).parent
                target = base / src.lstrip("/")
                own = not urlsplit(src).scheme and not src.startswith("//") and target.resolve().is_file()
                known = re.search(
                    r"assets/(javascripts/bundle\.[0-9a-f]+\.min\.js|dossier/[\w./-]+\.js)$", src
                )
                if not (own and known) or body.strip():
                    problems.append(f"{name}: script src={src!r} {body[:60]!r}")
            elif kind in ("application/json", "application/ld+json"):
                try:
                    json.loads(body)
                except ValueError as exc:
                    problems.append(f"{name}: {kind} script does not parse: {exc}")
            elif _normalise_script(body) not in theme_inline:
                problems.append(f"{name}: unknown inline script {body[:80]!r}")
        for body in raw_script_bodies(html):
            if "</" in body or "<!--" in body:
                problems.append(f"{name}: a script body holds markup: {body[:80]!r}")
    assert not problems, "\n".join(problems)


def test_no_event_handler_attribute_anywhere(pages: dict[str, tuple[str, Page]]) -> None:
    found = [
        f"{name}:{el.line}: <{el.tag} {attr}=...>"
        for name, (_, page) in pages.items()
        for el in page.elements
        for attr in el.attrs
        if attr.lower().startswith("on")
    ]
    assert not found, "\n".join(found[:40])


def test_no_injected_element(pages: dict[str, tuple[str, Page]]) -> None:
    found = []
    for name, (_, page) in pages.items():
        for el in page.elements:
            where = f"{name}:{el.line}: <{el.tag} {el.attrs}>"
            if el.tag in FORBIDDEN and not (el.tag == "style" and el.in_svg is False and not el.in_body):
                found.append(where)
            if el.tag == "form" and not any(
                all(el.attrs.get(k, "\0") == v or (v is None and k in el.attrs) for k, v in own.items())
                for own in OWN_FORMS
            ):
                found.append(where)
            if (
                el.tag in {"input", "button", "textarea", "select"}
                and el.in_body
                and "formaction" in el.attrs
            ):
                found.append(where)
            if el.tag == "meta" and (el.in_body or "http-equiv" in el.attrs):
                found.append(where)
            if el.tag == "link" and el.in_body:
                found.append(where)
    assert not found, "\n".join(found[:40])


def test_every_address_is_http_https_mailto_or_relative(pages: dict[str, tuple[str, Page]]) -> None:
    found = []
    for name, (_, page) in pages.items():
        for el, attr, value in page.links():
            scheme = urlsplit(value.strip()).scheme.lower()
            if scheme and scheme not in ALLOWED_SCHEMES:
                found.append(f"{name}:{el.line}: <{el.tag} {attr}={value!r}>")
            # Browsers drop tabs and newlines inside addresses: "jav\tascript:" is javascript:.
            squeezed = re.sub(r"[\x00-\x20]", "", value).lower()
            if squeezed.startswith(("javascript:", "vbscript:", "data:")):
                found.append(f"{name}:{el.line}: <{el.tag} {attr}={value!r}>")
    assert not found, "\n".join(found[:40])


def test_no_style_attribute_from_editor_text(pages: dict[str, tuple[str, Page]]) -> None:
    """Styles appear only in the build-time charts (SVG), never outside them, never active."""
    found = []
    for name, (_, page) in pages.items():
        for el in page.elements:
            style = el.attrs.get("style")
            if style is None:
                continue
            lowered = style.lower()
            active = re.search(r"expression|javascript|behavior|position\s*:\s*fixed|url\((?!#)", lowered)
            if not el.in_svg or active:
                found.append(f"{name}:{el.line}: <{el.tag} style={style!r}>")
    assert not found, "\n".join(found[:40])


def test_statements_are_shown_as_text(site: Any) -> None:
    """A plain-text field keeps its vectors as visible text (escaped), not dropped: in the
    page's heading and in its title."""
    statement = hostile_dossier()["claims"][0]["statement"]
    first = re.search(r"<script>alert\(\d+\)</script>", statement)
    assert first, statement[:200]
    html = site.page("claims/few-sent/")
    heading = re.search(r"<h1\b[^>]*>(.*?)</h1>", site.content("claims/few-sent/"), re.S)
    assert heading and str(escape(first.group(0))) in heading.group(1), heading
    assert re.search(r"&lt;img src=x onerror=alert\(\d+08\)&gt;", html)
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title and "<" not in title.group(1) and "&lt;" in title.group(1), title


# ---------------------------------------------------------------------------------------------
# JSON-LD and downloads
# ---------------------------------------------------------------------------------------------


def test_jsonld_cannot_be_broken_out_of(site: Any) -> None:
    data = hostile_dossier()
    for claim in data["claims"]:
        html = site.page(f"claims/{claim['id']}/")
        bodies = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S)
        assert len(bodies) == 1, claim["id"]
        body = bodies[0]
        assert "<" not in body and ">" not in body, body[:200]
        review = json.loads(body)
        assert review["claimReviewed"] == claim["statement"]  # the whole statement, intact
        assert re.search(r"</script><script>alert\(\d+06\)</script>", review["claimReviewed"])


def test_csv_downloads_defuse_formulas(site: Any) -> None:
    names = sorted(p.name for p in (site.site_dir / "downloads").glob("*.csv"))
    assert names == ["claims.csv", "conflicts.csv", "sources.csv"], names
    checked = 0
    for name in names:
        text = (site.site_dir / "downloads" / name).read_text(encoding="utf-8")
        for row in csv.reader(io.StringIO(text, newline="")):
            for cell in row:
                checked += 1
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (name, cell[:60])
    assert checked > 100
    claims = list(csv.DictReader(io.StringIO((site.site_dir / "downloads/claims.csv").read_text("utf-8"))))
    assert claims and all(row["statement"].startswith("'") for row in claims)


def test_json_downloads_keep_the_text_exactly(site: Any) -> None:
    data = hostile_dossier()
    loaded = json.loads((site.site_dir / "downloads" / "claims.json").read_text(encoding="utf-8"))
    records = loaded if isinstance(loaded, list) else loaded["claims"]
    assert {r["statement"] for r in records} == {c["statement"] for c in data["claims"]}


def test_the_plain_dossier_round_trips_through_yaml() -> None:
    """The generator's YAML is what the tests think it is (no silent loss of text)."""
    assert hostile_dossier() == vectors.hostile_dossier()


# ---------------------------------------------------------------------------------------------
# Address fields: hostile schemes are validation errors, and nothing is published
# ---------------------------------------------------------------------------------------------

BAD_URLS = (
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    'https://example.org/"><script>alert(1)</script>',
)


def _line_of(text: str, *path: str | int) -> int:
    """The line where the value at ``path`` is written, found by PyYAML (not the project's loader)."""
    node = yaml.compose(text)
    for step in path:
        if isinstance(step, int):
            node = node.value[step]
        else:
            node = next(value for key, value in node.value if key.value == step)
    return int(node.start_mark.line) + 1


def test_hostile_urls_are_rejected_by_the_build_all_at_once(
    tmp_path: Path, mkdocs_cli: Callable[..., Any]
) -> None:
    """Each source's url and archive_url get a hostile address: four errors, one build, no site."""
    data = hostile_dossier()
    for i, source in enumerate(data["sources"][:2]):
        source["url"], source["archive_url"] = BAD_URLS[2 * i], BAD_URLS[2 * i + 1]
    text = kit.dump(data)
    expected = [
        (_line_of(text, "sources", i, field), f"sources[{i}].{field}")
        for i in range(2)
        for field in ("url", "archive_url")
    ]
    site_dir = tmp_path / "site"
    proc = mkdocs_cli(kit.write_project(tmp_path / "project", text), site_dir)
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0, output[-2000:]
    assert "Traceback" not in output, output[-3000:]
    for line, field in expected:
        dotted = field.replace("[", ".").replace("]", "")
        # The record's id stands beside its index: sources[0] (first-report).url.
        named = re.escape(field).replace(r"\]", r"\](?: \([a-z0-9-]+\))?", 1)
        pattern = rf"claims\.yaml:{line}:\d+: ({named}|{re.escape(dotted)}):"
        assert re.search(pattern, output), f"no error for {field} at line {line}:\n{output[-2000:]}"
    assert not list(site_dir.rglob("*.html")), "a failed build published pages"
