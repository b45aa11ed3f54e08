"""axe-core (from the npm registry, injected from node_modules) on the main pages, light and dark,
on a 1280 px desktop and a 390 px phone.

No violation of any impact is allowed, and no rule is switched off. What Material gets
wrong by itself is fixed in ``overrides/`` and ``content/assets/stylesheets/site.css``:

* ``aria-dialog-name``: Material's search dialog has no accessible name
  -> ``overrides/partials/search.html`` adds ``aria-label``.
* ``link-in-text-block``: links in running text differ from it by colour alone
  -> ``site.css`` underlines them.
* ``color-contrast``: see ``site.css`` (footer and badge colours).

The pages lay out long lists only when they come near the screen (``content-visibility``);
axe reads colours from the layout, so every element is laid out before it runs.
"""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Site
from .harness import DESKTOP, PHONE
from .test_reader import _main_pages

pytestmark = pytest.mark.browser

SCREENS = {"desktop": DESKTOP, "phone": PHONE}
SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme -> Material's scheme


def _pages(site: Site) -> list[str]:
    # home, a question page, a claim page, the contradiction table, sources, actors, timeline
    return _main_pages(site)


def _describe(violation: dict[str, Any]) -> str:
    nodes = "; ".join(
        f"{' '.join(map(str, node['target']))}: {node.get('failureSummary', '').splitlines()[-1].strip()}"
        for node in violation["nodes"][:5]
    )
    count = len(violation["nodes"])
    return f"{violation['id']} ({violation['impact']}, {count} nodes): {violation['help']} -- {nodes}"


@pytest.mark.parametrize("screen", sorted(SCREENS))
@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_no_accessibility_violation(
    new_context: Any, dossier_site: Site, axe_source: str, scheme: str, screen: str
) -> None:
    phone = screen == "phone"
    page = new_context(
        color_scheme=scheme, viewport=SCREENS[screen], is_mobile=phone, has_touch=phone
    ).new_page()
    found = []
    for path in _pages(dossier_site):
        page.goto(path)
        assert page.evaluate("() => document.body.dataset.mdColorScheme") == SCHEMES[scheme]
        # Long lists are laid out only near the screen (content-visibility: auto); axe reads
        # colours from the layout, so lay out everything, as a reader scrolling through would.
        page.add_style_tag(content="* { content-visibility: visible !important; }")
        page.add_script_tag(content=axe_source)
        violations = page.evaluate(
            # axe's default rule set, every rule on
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        )
        found += [f"/{path} [{scheme}, {screen}] {_describe(v)}" for v in violations]
    assert not found, "\n".join(found)
