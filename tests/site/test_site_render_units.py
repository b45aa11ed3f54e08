"""Unit tests of the rendering helpers (no MkDocs build): links, escaping, sanitising, JSON-LD."""

from __future__ import annotations

import json

import pytest
import yaml
from site_html import MINI_DIR, parse

from site_plugins.dossier.checking import validate
from site_plugins.dossier.records.model import Value
from site_plugins.dossier.site.environment import front_matter, shorten
from site_plugins.dossier.site.jsonld import script_json
from site_plugins.dossier.site.layout import Layout
from site_plugins.dossier.site.options import SiteOptions
from site_plugins.dossier.site.pages import DossierSite
from site_plugins.dossier.site.sanitise import ALLOWED_TAGS, markdown_html, plain_html


@pytest.mark.parametrize(
    ("here", "there", "expected"),
    [
        ("index.md", "claims/x.md", "claims/x/"),
        ("claims/x.md", "claims/y.md", "../y/"),
        ("claims/x.md", "sources.md", "../../sources/"),
        ("claims/x.md", "index.md", "../../"),
        ("index.md", "index.md", "./"),
        ("questions/index.md", "questions/q.md", "q/"),
        ("questions/q.md", "questions/index.md", "../"),
        ("conflicts.md", "assets/dossier/a.js", "../assets/dossier/a.js"),
        ("downloads.md", "downloads/claims.json", "claims.json"),
    ],
)
def test_links_with_directory_urls(here: str, there: str, expected: str) -> None:
    assert Layout().link(here, there) == expected


@pytest.mark.parametrize(
    ("here", "there", "expected"),
    [
        ("index.md", "claims/x.md", "claims/x.html"),
        ("claims/x.md", "claims/y.md", "y.html"),
        ("claims/x.md", "sources.md", "../sources.html"),
        ("claims/x.md", "index.md", "../index.html"),
        ("questions/index.md", "questions/q.md", "q.html"),
    ],
)
def test_links_without_directory_urls(here: str, there: str, expected: str) -> None:
    assert Layout(directory_urls=False).link(here, there) == expected


def test_link_with_anchor() -> None:
    assert Layout().link("claims/x.md", "sources.md", "source-a") == "../../sources/#source-a"


HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "<iframe src=https://example.org></iframe>",
    '<p style="background:url(javascript:alert(1))">x</p>',
    "<form action=https://example.org><input name=a></form>",
    "<svg/onload=alert(1)>",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "<<SCRIPT>alert(1);//<</SCRIPT>",
    '<IMG SRC="jav&#x09;ascript:alert(1);">',
    "<div onmouseover=alert(1)>hover</div>",
    "{: onclick=alert(1) }",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_fields_lose_everything_active(text: str) -> None:
    html = str(markdown_html(text))
    for tag, attrs in parse(html).tags:
        assert tag in ALLOWED_TAGS, (text, html)
        for name, value in attrs.items():
            assert name in {"href", "title", "rel"}, (text, html)
            if name == "href":
                assert (value or "").startswith(("http://", "https://", "mailto:")), (text, html)
    assert "<script" not in html.lower()


def test_markdown_fields_keep_simple_formatting() -> None:
    html = str(markdown_html("Some *emphasis*, **strong**, a [link](https://example.org) and\n\n- a list"))
    assert "<em>emphasis</em>" in html and "<strong>strong</strong>" in html
    assert '<a href="https://example.org" rel="nofollow noopener noreferrer">link</a>' in html
    assert "<li>a list</li>" in html


def test_plain_text_is_escaped() -> None:
    assert str(plain_html('<b>"x"</b> & *y*')) == "&lt;b&gt;&#34;x&#34;&lt;/b&gt; &amp; *y*"


def test_front_matter_escapes_and_quotes_the_title() -> None:
    text = str(
        front_matter(
            'Title: "quoted" </title><script>x</script>',
            description="a\nb",
            tags=["south-korea", "a"],
            hide=["tags"],
        )
    )
    meta = yaml.safe_load(text.strip().strip("-"))
    assert meta["title"] == "Title: &quot;quoted&quot; &lt;/title&gt;&lt;script&gt;x&lt;/script&gt;"
    assert meta["description"] == "a\nb"
    assert meta["tags"] == ["A", "South Korea"]  # readable names, in the order of the ids
    assert meta["hide"] == ["tags"]


def test_script_json_cannot_close_its_script_element() -> None:
    obj = {"claimReviewed": "</script><script>alert(1)</script> & \u2028"}
    text = str(script_json(obj))
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == obj


def test_shorten_cuts_at_a_word() -> None:
    assert shorten("one two three", 9) == "one two…"
    assert shorten("short", 90) == "short"


def _mini_with(value: dict[str, object]) -> DossierSite:
    """The fixture dossier with claim count-12's value replaced."""
    data = validate.load_and_validate(MINI_DIR / "claims.yaml").data
    assert data is not None
    claims = [
        c.model_copy(update={"value": Value(**value)}) if c.id == "count-12" else c  # type: ignore[arg-type]
        for c in data.claims
    ]
    return DossierSite(
        data.model_copy(update={"claims": claims}), SiteOptions(site_name="t", background_charts=False)
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"exactly": 12, "scope": "lit"}, "12 to 40 or more lanterns (lit)"),
        ({"max": 30, "scope": "lit"}, "30 to 40 or more lanterns (lit)"),  # no claimed lower bound of 0
        ({"min": 50, "scope": "lit"}, "40 to 50 or more lanterns (lit)"),
        (
            {"min": 10, "max": 20, "scope": "planned"},
            "40 or more lanterns (lit); 10 to 20 lanterns (planned)",
        ),
    ],
)
def test_claimed_values_span_the_figures_claimed(value: dict[str, object], expected: str) -> None:
    site = _mini_with(value)
    assert site.view.value_range(site.view.questions["how-many-lanterns"]) == expected


def test_relative_paths_agree_with_posixpath() -> None:
    import itertools
    import posixpath

    from site_plugins.dossier.site.layout import _relpath

    folders = ["", "claims", "claims/x", "claims/x/y", "questions", "assets/dossier", "a/b/c"]
    targets = [*folders, "sources", "index.html", "assets/dossier/a.js", "downloads/claims.json"]
    for target, here in itertools.product(targets, folders):
        assert _relpath(target, here) == posixpath.relpath(target or ".", here or "."), (target, here)
