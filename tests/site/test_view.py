"""What the templates read (``site/view.py``), on the fixture dossier."""

from __future__ import annotations

import pytest
from fixtures import MINI_DIR

from site_plugins.dossier.checking import validate
from site_plugins.dossier.records.model import Value
from site_plugins.dossier.site.options import SiteOptions
from site_plugins.dossier.site.pages import DossierSite


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


def test_a_quantitys_as_of_date_is_shown_beside_its_value() -> None:
    """On the claim page and in the contradiction table, not only the date the claim was made."""
    import markdown

    def html_of(site: DossierSite, src: str) -> str:
        body = site.pages()[src].split("\n---\n", 1)[1]
        return site.page_html(src, markdown.markdown(body, extensions=["attr_list"]))

    site = _mini_with({"exactly": 12, "scope": "lit", "as_of": "2024-10-18"})
    assert site.view.conflicts_of("count-12"), "the fixture's claim must be in the table"
    value = site.view.value_text(site.view.claims["count-12"])
    as_of = '<time datetime="2024-10-18">18 October 2024</time>'
    shown = f'{value}<span class="dossier-as-of">, as of {as_of}</span>'
    for src in ("claims/count-12.md", "conflicts.md"):
        assert shown in html_of(site, src), src
    plain = _mini_with({"exactly": 12, "scope": "lit"})  # no as-of date: no such words
    assert "dossier-as-of" not in html_of(plain, "claims/count-12.md")
