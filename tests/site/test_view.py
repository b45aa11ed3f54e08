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
