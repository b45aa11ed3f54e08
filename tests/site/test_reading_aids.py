"""The small helpers behind the reader's pages: one-line answers, tag names, the chronology,
the assessed date said once (plain Python, no build)."""

from __future__ import annotations

import pytest
from fixtures import MINI_DIR

from site_plugins.dossier.checking import validate
from site_plugins.dossier.records.model import ClaimsFile, date_mid
from site_plugins.dossier.site.options import SiteOptions
from site_plugins.dossier.site.pages import DossierSite
from site_plugins.dossier.site.sentences import first_sentence
from site_plugins.dossier.site.texts import tag_name


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Yes, from 23 October 2024. Two days earlier the Kremlin said no.", "Yes, from 23 October 2024."),
        ("Views differ. Experts describe a large army.", "Views differ."),
        # Abbreviations and initials do not end a sentence.
        ("The U.S. says it gets arms. Experts add more.", "The U.S. says it gets arms."),
        ("Its envoy to the U.N. called them rumors. Later, more.", "Its envoy to the U.N. called them rumors."),
        ("Gen. Kim said so. Others did not.", "Gen. Kim said so."),
        ("J. Smith wrote it. Then more.", "J. Smith wrote it."),
        # Numbers with a decimal point, a lower-case word after the stop: one sentence.
        ("Around 1.2 million troops. A later source says more.", "Around 1.2 million troops."),
        ("It ended at 5 p.m. and resumed later. Then more.", "It ended at 5 p.m. and resumed later."),
        # Closing quotes and brackets stay with their sentence; questions and exclamations end one.
        ('He called it "a trial run." Others agreed.', 'He called it "a trial run."'),
        ("Is it true? Nobody knows.", "Is it true?"),
        ("A sentence ending in a figure 10. 20 more followed.", "A sentence ending in a figure 10."),
        # Markdown: no cut inside a link, emphasis or code.
        ("See [the report. Here](https://e.org/a.b). More.", "See [the report. Here](https://e.org/a.b)."),
        ("*Yes. Really.* More after.", "*Yes. Really.*"),
        ("Run `a. B` now. Then more.", "Run `a. B` now."),
        # One sentence, or none that ends: the whole text, whitespace made single.
        ("Unknown so far.", "Unknown so far."),
        ("no full stop at all", "no full stop at all"),
        ("Two\n   lines. Second one.", "Two lines."),
    ],
)
def test_first_sentence(text: str, first: str) -> None:
    assert first_sentence(text) == first


@pytest.mark.parametrize(
    ("tag", "name"),
    [("south-korea", "South Korea"), ("expert-view", "Expert View"), ("law", "Law"), ("b-52", "B 52")],
)
def test_tag_names_read_as_words_and_slugify_back_to_the_id(tag: str, name: str) -> None:
    from pymdownx.slugs import slugify  # what Material's tags plugin makes the anchor with

    assert tag_name(tag) == name
    assert slugify(case="lower")(name, "-") == tag


def _mini() -> ClaimsFile:
    result = validate.load_and_validate(MINI_DIR / "claims.yaml")
    assert result.ok and result.data is not None, [str(p) for p in result.problems]
    return result.data


def test_the_chronology_is_every_claim_oldest_first_month_dates_before_their_days() -> None:
    data = _mini()
    claims = list(data.claims)
    # A claim dated by its month only, another on a later day of that month.
    first = claims[0]
    month = first.made[:7]
    claims[0] = first.model_copy(update={"made": month})
    claims[1] = claims[1].model_copy(update={"made": f"{month}-28"})
    view = DossierSite(data.model_copy(update={"claims": claims}), SiteOptions(site_name="t")).view
    days = view.chronology
    listed = [c.id for _day, group in days for c in group]
    assert sorted(listed) == sorted(c.id for c in claims)  # every claim once
    dates = [day for day, _group in days]
    assert len(dates) == len(set(dates))
    assert [date_mid(d) for d in dates] == sorted(date_mid(d) for d in dates)
    assert dates.index(month) < dates.index(f"{month}-28")
    for day, group in days:
        assert {c.made for c in group} == {day}


def test_the_assessed_date_is_the_most_common_one() -> None:
    data = _mini()
    questions = list(data.questions)
    assert len(questions) >= 3
    questions[0] = questions[0].model_copy(update={"assessed": "2024-12-24"})
    view = DossierSite(data.model_copy(update={"questions": questions}), SiteOptions(site_name="t")).view
    common = questions[1].assessed
    assert all(q.assessed == common for q in questions[1:])
    assert view.assessed == common
