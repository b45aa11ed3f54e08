"""Hostile text in every free-text field never becomes script, handlers, frames or forms.

``fixtures/hostile/claims.yaml`` is a valid dossier whose every free-text field (statements,
notes, assessments, quotes, names, roles, headlines, outlets, bylines, question texts, option
labels, resolution notes, the dossier's title and summary ...) carries OWASP XSS
filter-evasion vectors. It is built with a small ``mkdocs.yml`` of this test's own (no
snapshots, so quotes are not checked) and every generated page is loaded in Chromium: no dialog
may open and no injected element may appear. URL fields are validated instead: a
``javascript:`` address there stops the build (tested separately).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import expect

from .harness import REPO, Monitor, built_and_served, mkdocs_build, mkdocs_config

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).parents[1] / "fixtures" / "hostile" / "claims.yaml"
HOME = "# Hostile dossier\n\nA dossier built from hostile text.\n\n<!-- dossier:what-we-know -->\n"


def _config(claims: str = "claims.yaml") -> dict[str, Any]:
    """A small site: Material with our overrides, hooks and Markdown settings, and the dossier."""
    repo = mkdocs_config()
    return {
        "site_name": "Hostile dossier",
        "site_url": "http://127.0.0.1/",
        "repo_url": "https://github.com/example/hostile",
        "edit_uri": "edit/main/content/",
        "docs_dir": "content",
        "theme": {
            "name": "material",
            "font": False,
            "custom_dir": str(REPO / "overrides"),
            "features": repo["theme"].get("features", []),
            "palette": repo["theme"].get("palette"),
        },
        "extra": {"generator": False},
        "extra_css": repo.get("extra_css", []),
        "hooks": [str(REPO / hook) for hook in repo.get("hooks", [])],
        "markdown_extensions": repo.get("markdown_extensions", []),
        "plugins": ["search", "tags", {"dossier": {"claims": claims}}],
    }


def _write_project(root: Path, claims_text: str) -> Path:
    (root / "content" / "assets" / "stylesheets").mkdir(parents=True)
    (root / "content" / "index.md").write_text(HOME, encoding="utf-8")
    site_css = REPO / "content" / "assets" / "stylesheets" / "site.css"
    (root / "content" / "assets" / "stylesheets" / "site.css").write_bytes(site_css.read_bytes())
    (root / "claims.yaml").write_text(claims_text, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(yaml.safe_dump(_config(), sort_keys=False), encoding="utf-8")
    return config


NO_SNAPSHOTS = {"DOSSIER_SNAPSHOTS": ""}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    root = tmp_path_factory.mktemp("hostile")
    config = _write_project(root, FIXTURE.read_text(encoding="utf-8"))
    with built_and_served(config, root / "site", env=NO_SNAPSHOTS) as url:
        yield url, root / "site"


# ---------------------------------------------------------------------------------------------
# The fixture really is hostile everywhere
# ---------------------------------------------------------------------------------------------


def _free_text_fields() -> dict[str, set[str]]:
    """Per record type of the schema: the fields that hold free text (not ids, dates, URLs ...)."""
    from site_plugins.dossier.records.model import ClaimsFile

    schema = ClaimsFile.model_json_schema()
    fields: dict[str, set[str]] = {}
    for name, definition in [("ClaimsFile", schema), *schema.get("$defs", {}).items()]:
        for prop, spec in definition.get("properties", {}).items():
            options = spec.get("anyOf", [spec])
            for option in options:
                if option.get("type") == "string" and "pattern" not in option and "enum" not in option:
                    fields.setdefault(name, set()).add(prop)
    return fields


def _instances(
    value: Any, spec: dict[str, Any], defs: dict[str, Any], name: str
) -> Iterator[tuple[str, Any]]:
    """(record type, record) for every record in ``value``, guided by the JSON Schema."""
    if "$ref" in spec:
        name = spec["$ref"].rsplit("/", 1)[-1]
        spec = defs[name]
    for option in spec.get("anyOf", []):
        if value is not None and option.get("type") != "null":
            yield from _instances(value, option, defs, name)
    if isinstance(value, dict) and "properties" in spec:
        yield name, value
        for key, item in value.items():
            if key in spec["properties"]:
                yield from _instances(item, spec["properties"][key], defs, name)
    elif isinstance(value, list) and "items" in spec:
        for item in value:
            yield from _instances(item, spec["items"], defs, name)


def test_fixture_is_what_its_generator_writes() -> None:
    from .fixtures.hostile.make_claims import generate

    assert FIXTURE.read_text(encoding="utf-8") == generate(), (
        "regenerate: .venv/bin/python -m tests.browser.fixtures.hostile.make_claims > " + str(FIXTURE.name)
    )


def test_fixture_puts_vectors_in_every_free_text_field() -> None:
    from site_plugins.dossier.records.model import ClaimsFile

    schema = ClaimsFile.model_json_schema()
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    fields = _free_text_fields()
    assert {"statement", "notes"} <= fields["Claim"] and "quote" in fields["Citation"], fields
    seen: set[tuple[str, str]] = set()
    harmless = []
    for record_type, record in _instances(data, schema, schema.get("$defs", {}), "ClaimsFile"):
        for field in fields.get(record_type, ()):
            if field in record:
                seen.add((record_type, field))
                if "alert(" not in record[field] or "<" not in record[field]:
                    harmless.append(f"{record_type}.{field}: {record[field][:60]!r}")
    missing = sorted(f"{t}.{f}" for t, fs in fields.items() for f in fs if (t, f) not in seen)
    assert not missing, f"free-text fields the hostile fixture leaves out: {missing}"
    assert not harmless, f"free-text fields without XSS vectors: {harmless}"


# ---------------------------------------------------------------------------------------------
# In the browser
# ---------------------------------------------------------------------------------------------

#: Forms the site itself puts in pages: Material's search and palette switch, the table filters.
OWN_FORMS = "form.md-search__form, form.md-header__option, form[data-dossier-filters]"

INJECTED = r"""
() => {
  const found = [];
  const where = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
                        (el.className && typeof el.className === 'string' ? '.' + el.className : '');
  const bad = /^\s*(javascript|vbscript|data)\s*:/i;
  const urlAttrs = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster', 'background',
                    'srcdoc'];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) found.push(`${where(el)} has event handler ${name}="${attr.value}"`);
      if (urlAttrs.includes(name) && bad.test(attr.value.replace(/[\u0000-\u0020]/g, '')))
        found.push(`${where(el)} has ${name}="${attr.value}"`);
      if (name === 'style' && /javascript|position\s*:\s*fixed|url\(/i.test(attr.value))
        found.push(`${where(el)} has style="${attr.value}"`);
    }
  }
  for (const el of document.querySelectorAll('iframe, frame, frameset, object, embed, applet, base, ' +
                                             'meta[http-equiv], math, details[ontoggle]'))
    found.push(`injected element ${where(el)}`);
  for (const el of document.querySelectorAll('form')) if (!el.matches(OWN_FORMS))
    found.push(`injected form ${where(el)}`);
  const controls = 'article input, article button, article textarea, article select';
  for (const el of document.querySelectorAll(controls))
    if (!el.closest(OWN_FORMS)) found.push(`injected control ${where(el)}`);
  for (const el of document.querySelectorAll('article style, article link, article img[src="x"]'))
    found.push(`injected element ${where(el)}`);
  for (const el of document.querySelectorAll('svg script, svg a, svg [onload]'))
    found.push(`injected svg content ${where(el)}`);
  for (const el of document.querySelectorAll('script')) {
    const type = (el.type || 'text/javascript').toLowerCase();
    if (el.src) {
      if (!el.src.startsWith(location.origin + '/') || el.textContent.trim())
        found.push(`foreign or mixed script ${el.src}`);
    } else if (type === 'application/json' || type === 'application/ld+json') {
      try { JSON.parse(el.textContent); } catch (e) { found.push(`unparseable ${type} script: ${e}`); }
    } else if (/alert|INJ/.test(el.textContent)) {
      found.push(`injected inline script: ${el.textContent.slice(0, 80)}`);
    }
  }
  if (/INJ49/.test(document.documentElement.innerHTML)) found.push('template expression evaluated (INJ49)');
  return found;
}
""".replace("OWN_FORMS", json.dumps(OWN_FORMS))


def test_no_hostile_text_becomes_markup_in_any_page(
    browser: Any, hostile_site: tuple[str, Path], monitor: Monitor
) -> None:
    url, site_dir = hostile_site
    pages = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))
    for expected in (
        "index.html",
        "claims/few-sent/index.html",
        "conflicts/index.html",
        "sources/index.html",
    ):
        assert expected in pages, pages
    context = monitor.watch(browser.new_context(base_url=url, viewport={"width": 1280, "height": 800}))
    page = context.new_page()
    problems = []
    for path in pages:
        page.goto(path, wait_until="load")
        # Give handlers that fire on their own (autofocus, ontoggle, meta refresh) and on
        # hover a chance to run, then look at the DOM.
        page.mouse.move(640, 400)
        page.mouse.move(200, 600)
        page.wait_for_timeout(50)
        problems += [f"/{path}: {p}" for p in page.evaluate(INJECTED)]
        assert page.url == url + path, f"/{path} navigated away to {page.url}"
    context.close()
    assert not monitor.dialogs, f"dialogs opened: {monitor.dialogs}"
    assert not problems, f"{len(problems)} injected:\n" + "\n".join(problems[:40])
    assert monitor.requests and not monitor.foreign_requests(), monitor.foreign_requests()


def test_hostile_text_is_shown_as_text(
    browser: Any, hostile_site: tuple[str, Path], monitor: Monitor
) -> None:
    """A statement is plain text: its vectors are shown literally, not dropped or run."""
    url, _ = hostile_site
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    claim = data["claims"][0]
    context = monitor.watch(browser.new_context(base_url=url))
    page = context.new_page()
    page.goto(f"claims/{claim['id']}/")
    heading = page.locator("h1").first.inner_text()
    first_vector = re.search(r"<script>alert\(\d+\)</script>", claim["statement"])
    assert first_vector and first_vector.group(0) in heading, heading[:200]
    context.close()


def test_search_results_show_hostile_text_as_text(
    browser: Any, hostile_site: tuple[str, Path], monitor: Monitor
) -> None:
    """Material's search renders snippets of the indexed pages: they must stay text too."""
    url, _ = hostile_site
    context = monitor.watch(browser.new_context(base_url=url, viewport={"width": 1280, "height": 800}))
    page = context.new_page()
    page.goto("")
    search = page.locator("input.md-search__input")
    for word in ("onerror", "Statement", "Quote", "Name"):
        search.click()
        search.fill("")
        search.press_sequentially(word, delay=10)
        expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
        for more in page.locator(".md-search-result__more > summary").all():
            more.click()
        page.mouse.move(640, 300)
        found = page.evaluate(INJECTED)
        assert not found, f"searching {word!r}: {found}"
    context.close()
    assert not monitor.dialogs, monitor.dialogs


# ---------------------------------------------------------------------------------------------
# URL fields: hostile schemes are validation errors, and nothing is published
# ---------------------------------------------------------------------------------------------

SAFE_URL = "url: https://example.org/story?a=1&b=%3Cscript%3E"
BAD_URLS = (
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    'https://example.org/"><script>alert(1)</script>',
)


def test_hostile_urls_are_rejected_by_the_build_all_at_once(tmp_path: Path) -> None:
    """Each source's url and archive_url get a hostile address: four errors, one build, no site."""
    lines = FIXTURE.read_text(encoding="utf-8").split("\n")
    slots = [i for i, line in enumerate(lines) if line.strip() == SAFE_URL]
    assert len(slots) == 2, "the fixture should have two sources with the safe URL"
    planted = {}
    for index, i in reversed(list(enumerate(slots))):  # from the bottom: earlier slots stay put
        indent = lines[i][: len(lines[i]) - len(lines[i].lstrip())]
        url, archive = BAD_URLS[2 * index], BAD_URLS[2 * index + 1]
        lines[i : i + 1] = [f"{indent}url: {json.dumps(url)}", f"{indent}archive_url: {json.dumps(archive)}"]
        planted[f"sources[{index}].url"] = f"url: {json.dumps(url)}"
        planted[f"sources[{index}].archive_url"] = f"archive_url: {json.dumps(archive)}"
    expected = [
        (next(n + 1 for n, line in enumerate(lines) if line.strip() == text), field)
        for field, text in planted.items()
    ]
    config = _write_project(tmp_path, "\n".join(lines))
    site_dir = tmp_path / "site"
    proc = mkdocs_build(config, site_dir, env=NO_SNAPSHOTS)
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0, output[-2000:]
    assert "Traceback" not in output, output[-3000:]
    for line, field in expected:
        dotted = field.replace("[", ".").replace("]", "")
        pattern = rf"claims\.yaml:{line}:\d+: ({re.escape(field)}|{re.escape(dotted)}):"
        assert re.search(pattern, output), f"no error for {field} at line {line}:\n{output[-2000:]}"
    assert not list(site_dir.rglob("*.html")), "a failed build published pages"
