"""The first dossier's statuses mean what the methodology says.

- ``confirmed``: borne out by independent evidence, or by the party concerned. A claim marked
  confirmed has citations from at least two independent origins (copies, rewrites and
  syndications of one report count once), unless the record says the actor is the party
  concerned stating its own act. The dossier meets the rule outright: no such claim silences
  the warning with an acknowledgement.
- ``superseded``: replaced by a later claim, which names it in ``supersedes``.
- On a quantity question where some claims say as of when, every claim does.
"""

from __future__ import annotations

from site_plugins.dossier.analysis import corroboration
from site_plugins.dossier.records.index import Index
from site_plugins.dossier.records.model import ClaimsFile, ClaimStatus, QuestionKind, WarningId, date_bounds


def confirmed_short_of_origins(data: ClaimsFile) -> dict[str, list[str]]:
    """Confirmed claims with fewer than two independent origins and no party concerned,
    each with the origins it has."""
    index = Index(data)
    return {
        c.id: corroboration.origins_of_claim(c, index)
        for c in data.claims
        if c.status is ClaimStatus.confirmed
        and not c.party_concerned
        and corroboration.independent_origins(c, index) < 2
    }


def test_every_confirmed_claim_has_two_independent_origins_or_the_party_concerned(
    data: ClaimsFile, index: Index
) -> None:
    assert confirmed_short_of_origins(data) == {}
    # Both ways of meeting the rule are in use.
    confirmed = [c for c in data.claims if c.status is ClaimStatus.confirmed]
    assert any(corroboration.independent_origins(c, index) >= 2 for c in confirmed)
    assert any(c.party_concerned for c in confirmed)


def test_two_copies_of_one_report_would_not_confirm_a_claim(data: ClaimsFile, index: Index) -> None:
    """The rule at work on this dossier: a claim quoted from both copies of the NBC News report
    has one origin, so marking it confirmed breaks the rule unless it is the party concerned."""
    claim = next(c for c in data.claims if c.id == "kovalenko-no-soldiers-yet")
    assert len({x.source for x in claim.citations}) == 2
    assert corroboration.independent_origins(claim, index) == 1
    confirmed = claim.model_copy(update={"status": ClaimStatus.confirmed})
    by_party = confirmed.model_copy(update={"party_concerned": True})
    trial = data.model_copy(update={"claims": [confirmed]})
    assert confirmed_short_of_origins(trial) == {claim.id: ["nbc-news-report"]}
    assert confirmed_short_of_origins(data.model_copy(update={"claims": [by_party]})) == {}


def test_no_claim_silences_the_two_origins_warning(data: ClaimsFile) -> None:
    silenced = [
        c.id
        for c in data.claims
        if any(a.warning is WarningId.confirmed_needs_two_origins for a in c.acknowledged)
    ]
    assert silenced == []


def test_every_superseded_claim_is_replaced_by_a_claim_no_earlier(data: ClaimsFile, index: Index) -> None:
    superseded = [c for c in data.claims if c.status is ClaimStatus.superseded]
    assert superseded, "the dossier has a superseded count"
    for claim in superseded:
        replacing = index.superseded_by.get(claim.id, [])
        assert replacing, claim.id
        first_day = date_bounds(claim.made)[0]
        assert all(date_bounds(r.made)[1] >= first_day for r in replacing), claim.id


def test_quantity_questions_give_as_of_dates_to_all_their_claims_or_none(
    data: ClaimsFile, index: Index
) -> None:
    mixed = {}
    for question in data.questions:
        if question.kind is not QuestionKind.quantity:
            continue
        claims = index.claims_by_question[question.id]
        dated = {c.id for c in claims if c.value.as_of}
        if dated and len(dated) < len(claims):
            mixed[question.id] = sorted(c.id for c in claims if c.id not in dated)
    assert mixed == {}
    assert any(c.value.as_of for c in data.claims), "some quantity claims say as of when"
