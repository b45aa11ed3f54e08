""""Cite this claim": the plain-text citation and the CSL-JSON item of a claim."""

from __future__ import annotations

import json

from fixtures.records import claim, dossier, question

from site_plugins.dossier.records.index import Index
from site_plugins.dossier.site.layout import Layout
from site_plugins.dossier.site.options import SiteOptions
from site_plugins.dossier.site.share import Share


def _share(site_url: str | None = "https://news.example/dossier/", publisher: str | None = None) -> Share:
    data = dossier(
        [question()],
        [
            claim("c1", {"exactly": 5}, statement="Five  lanterns\nwere lit.", updated="2024-11-03"),
            claim("c2", {"exactly": 6}, statement="Were six lit?"),
        ],
    )
    options = SiteOptions(site_name="Lanterns", site_url=site_url, layout=Layout(), publisher=publisher)
    return Share(Index(data), options, lambda actor_id: actor_id)


def test_plain_text_names_title_dossier_publisher_date_and_permalink() -> None:
    share = _share(publisher="Harbour Newsroom")
    c1 = share._index.claims["c1"]
    assert share.citation(c1).text() == (
        "“Five lanterns were lit.” Test dossier. Harbour Newsroom, 3 November 2024. "
        "https://news.example/dossier/claims/c1/"
    )


def test_a_claim_without_its_own_review_date_takes_the_dossiers_and_no_full_stop_after_a_question() -> None:
    share = _share()
    text = share.citation(share._index.claims["c2"]).text()
    # The publisher defaults to the site's name; the dossier was reviewed on 2024-11-01.
    assert text == "“Were six lit?” Test dossier. Lanterns, 1 November 2024. https://news.example/dossier/claims/c2/"


def test_csl_json_is_one_webpage_item_with_every_field() -> None:
    share = _share(publisher="Harbour Newsroom")
    items = json.loads(share.citation(share._index.claims["c1"]).csl_json())
    assert items == [
        {
            "id": "c1",
            "type": "webpage",
            "title": "Five lanterns were lit.",
            "container-title": "Test dossier",
            "publisher": "Harbour Newsroom",
            "issued": {"date-parts": [[2024, 11, 3]]},
            "URL": "https://news.example/dossier/claims/c1/",
        }
    ]


def test_without_a_site_address_there_is_no_url_rather_than_an_invented_one() -> None:
    share = _share(site_url=None)
    citation = share.citation(share._index.claims["c1"])
    assert citation.url is None
    assert "URL" not in citation.csl()
    assert citation.text().endswith("3 November 2024.")
    assert share.iframe(share._index.claims["c1"]) is None


def test_a_month_date_gives_two_date_parts() -> None:
    share = _share()
    c1 = share._index.claims["c1"].model_copy(update={"updated": "2024-11"})
    assert share.citation(c1).csl()["issued"] == {"date-parts": [[2024, 11]]}
