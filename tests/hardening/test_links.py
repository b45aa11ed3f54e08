"""Link integrity of the built dossier (issue 8.6): a crawl of real sites.

Real ``mkdocs build --strict`` builds into ``tmp_path``: the repository's site, and the fixture
dossier (tests/fixtures/mini) with and without directory URLs. In each, every HTML page is read
with the standard library's parser and:

* every internal ``href``/``src`` (relative, site-absolute, or an absolute address under
  ``site_url``) leads to a file of the built site (a folder address to its ``index.html``);
* every ``#anchor`` is an ``id`` (or an ``<a name>``) in the page it points to;
* every other address is ``http``, ``https`` or ``mailto`` (no other scheme, no ``//host``);
* every page is reachable from the home page by following links (claim pages through the
  index pages, since they are not in the navigation); orphans are listed.
"""

from __future__ import annotations

import posixpath
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from fixtures import MINI_DIR
from html_reader import Page

from . import kit

#: Attributes that hold addresses, per element (srcset aside: the site has none; checked below).
ADDRESS_ATTRIBUTES = {
    "a": "href",
    "link": "href",
    "script": "src",
    "img": "src",
    "source": "src",
    "iframe": "src",
    "form": "action",
    "use": "href",
    "image": "href",
    "blockquote": "cite",
}
#: Pages no link has to lead to.
UNLINKED_OK = {"404.html"}


class Site:
    def __init__(self, root: Path, site_url: str, project: Path) -> None:
        self.root = root
        self.site_url = site_url
        self.project = project
        self.pages: dict[str, Page] = {
            p.relative_to(root).as_posix(): Page(p.read_text(encoding="utf-8"))
            for p in sorted(root.rglob("*.html"))
        }

    def resolve(self, page: str, address: str) -> tuple[str | None, str, str]:
        """(site file the address leads to or None if outside, fragment, kind of problem or "")."""
        parts = urlsplit(address)
        scheme = parts.scheme.lower()
        if address.startswith(self.site_url):  # canonical and og:url addresses
            address = "/" + address[len(self.site_url) :]
            parts = urlsplit(address)
        elif scheme in ("http", "https", "mailto"):
            return None, "", ""
        elif scheme:
            return None, "", f"scheme {scheme}:"
        elif address.startswith("//"):
            return None, "", "address of another host"
        path = unquote(parts.path)
        if not path:
            target = page
        else:
            if path.startswith("/"):
                target = path.lstrip("/")
            else:
                target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
                if target.startswith(".."):
                    return None, "", "leads outside the site"
            if target in (".", "") or path.endswith("/"):
                target = posixpath.join("" if target == "." else target, "index.html")
            elif (self.root / target).is_dir():
                target = posixpath.join(target, "index.html")
        target = posixpath.normpath(target)
        if not (self.root / target).is_file():
            return target, parts.fragment, "no such file"
        return target, unquote(parts.fragment), ""


#: The sites crawled: project and build options.
SITES: dict[str, tuple[Path, dict[str, Any]]] = {
    "dossier": (kit.REPO, {}),
    "mini": (MINI_DIR, {}),
    "mini-without-directory-urls": (MINI_DIR, {"use_directory_urls": False}),
}


@pytest.fixture(scope="module", params=list(SITES))
def site(request: pytest.FixtureRequest, build_once: Callable[..., Any]) -> Site:
    project, options = SITES[request.param]
    built = build_once(project, **options)
    site_url = kit.project_config(project)["site_url"]
    return Site(built.site_dir, site_url, project)


def test_the_crawl_sees_the_whole_site(site: Site) -> None:
    assert "index.html" in site.pages
    assert {"conflicts/index.html", "conflicts.html"} & set(site.pages)
    claims = yaml.safe_load((site.project / "claims.yaml").read_text(encoding="utf-8"))["claims"]
    assert len(claims) >= 5
    unseen = [
        c["id"]
        for c in claims
        if not {f"claims/{c['id']}/index.html", f"claims/{c['id']}.html"} & set(site.pages)
    ]
    assert unseen == [], "claim pages the crawl does not see"


def test_every_internal_address_leads_to_a_file(site: Site) -> None:
    broken = []
    for name, page in site.pages.items():
        for el in page.elements:
            attr = ADDRESS_ATTRIBUTES.get(el.tag)
            address = el.attrs.get(attr) if attr else None
            if address is None or address.startswith("#"):
                continue
            target, _, problem = site.resolve(name, address)
            if problem == "no such file":
                broken.append(f"{name}:{el.line}: <{el.tag} {attr}={address!r}> -> {target}")
    assert not broken, f"{len(broken)} broken:\n" + "\n".join(broken[:50])


def test_every_anchor_exists_in_its_page(site: Site) -> None:
    missing = []
    for name, page in site.pages.items():
        for el in page.elements:
            attr = ADDRESS_ATTRIBUTES.get(el.tag)
            address = el.attrs.get(attr) if attr else None
            if not address or "#" not in address:
                continue
            target, fragment, problem = site.resolve(name, address)
            if problem or target is None or not fragment or not target.endswith(".html"):
                continue
            if fragment not in site.pages[target].ids:
                missing.append(
                    f"{name}:{el.line}: <{el.tag} {attr}={address!r}> (no id {fragment!r} in {target})"
                )
    assert not missing, f"{len(missing)} missing anchors:\n" + "\n".join(missing[:50])


def test_every_other_address_is_http_https_or_mailto(site: Site) -> None:
    bad = []
    for name, page in site.pages.items():
        for el, attr, address in page.links():
            _, _, problem = site.resolve(name, address.strip())
            if problem and problem != "no such file":
                bad.append(f"{name}:{el.line}: <{el.tag} {attr}={address!r}>: {problem}")
        for el in page.elements:
            if "srcset" in el.attrs:
                bad.append(f"{name}:{el.line}: <{el.tag} srcset=...> (not crawled: add it to this test)")
    assert not bad, "\n".join(bad[:50])


def test_every_page_is_reachable_from_the_home_page(site: Site) -> None:
    seen = {"index.html"}
    queue = deque(["index.html"])
    while queue:
        name = queue.popleft()
        for el in site.pages[name].elements:
            if el.tag not in ("a", "link"):
                continue
            address = el.attrs.get("href")
            if not address:
                continue
            target, _, problem = site.resolve(name, address)
            if not problem and target and target in site.pages and target not in seen:
                seen.add(target)
                queue.append(target)
    orphans = sorted(set(site.pages) - seen - UNLINKED_OK)
    assert not orphans, f"{len(orphans)} pages no link leads to: {orphans}"
