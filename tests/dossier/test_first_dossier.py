"""The first dossier (North Korean troops in Russia) as published: valid, quoted verbatim, and
carrying the disagreements of the reporting in its data.

Everything here is read from claims.yaml and computed by the product's own code; the expected
conflicts are named by claim id because they are editorial facts of this dossier. The quote
check needs the source snapshots (see ``kit.py``).
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from site_plugins.dossier.analysis import conflicts, corroboration
from site_plugins.dossier.checking.validate import ValidationResult, load_and_validate
from site_plugins.dossier.records.index import Index
from site_plugins.dossier.records.model import Claim, ClaimsFile, ClaimStatus, QuestionKind

from .kit import CLAIMS, snapshots_folder

# ---------------------------------------------------------------------------
# Valid, with every quote found in its source
# ---------------------------------------------------------------------------


def test_every_quote_is_verbatim_in_its_source_snapshot() -> None:
    snapshots = snapshots_folder()
    checked = load_and_validate(CLAIMS, snapshots=snapshots)
    assert checked.problems == []
    assert checked.ok and checked.data is not None
    # Every snapshot the dossier names is really in the archive, so no quote went unchecked.
    for source in checked.data.sources:
        if source.snapshot is not None:
            assert (snapshots / source.snapshot).is_file(), source.id


def test_the_dossier_is_valid_without_snapshots(result: ValidationResult) -> None:
    assert [str(p) for p in result.problems] == []


def test_the_first_line_names_the_json_schema_for_editors() -> None:
    first = CLAIMS.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=./claims.schema.json"


# ---------------------------------------------------------------------------
# The floors
# ---------------------------------------------------------------------------


def test_at_least_five_source_documents_with_snapshots(data: ClaimsFile) -> None:
    assert len([s for s in data.sources if s.snapshot]) >= 5


def test_at_least_ten_questions_each_with_an_assessment(data: ClaimsFile) -> None:
    assert len(data.questions) >= 10
    assert all(q.assessment.strip() and q.assessed for q in data.questions)


def test_at_least_seventy_claims_each_with_a_citation(data: ClaimsFile) -> None:
    assert len(data.claims) >= 70
    assert [c.id for c in data.claims if not c.citations] == []


def test_every_question_and_actor_is_used(data: ClaimsFile) -> None:
    asked = {c.question for c in data.claims}
    assert [q.id for q in data.questions if q.id not in asked] == []
    speaking = {c.actor for c in data.claims}
    assert [a.id for a in data.actors if a.id not in speaking] == []


# ---------------------------------------------------------------------------
# Honest sources: copies point at their origin, so corroboration counts origins
# ---------------------------------------------------------------------------


def test_copies_and_rewrites_lead_back_to_two_origins(data: ClaimsFile, index: Index) -> None:
    origin = index.origin_of
    by_snapshot = {s.snapshot: s.id for s in data.sources if s.snapshot}
    nbc_blog = by_snapshot["000_bfca09788db2ecc0.txt"]
    nbc_cnbc = by_snapshot["001_82a9f5469afd3e09.txt"]
    reuters_rewrite = by_snapshot["002_97d42b3b0d556787.txt"]
    assert origin[nbc_blog] == origin[nbc_cnbc] != nbc_cnbc  # one NBC News report
    assert origin[reuters_rewrite] != reuters_rewrite  # a rewrite of a Reuters story
    assert origin[reuters_rewrite] != origin[nbc_cnbc]
    originals = {s.id: s for s in data.sources}
    assert originals[origin[nbc_cnbc]].snapshot is None
    assert originals[origin[reuters_rewrite]].snapshot is None


def test_a_claim_cited_from_both_nbc_copies_counts_one_origin(data: ClaimsFile, index: Index) -> None:
    by_snapshot = {s.snapshot: s.id for s in data.sources if s.snapshot}
    both = {by_snapshot["000_bfca09788db2ecc0.txt"], by_snapshot["001_82a9f5469afd3e09.txt"]}
    cited_from_both = [c for c in data.claims if both <= {x.source for x in c.citations}]
    assert cited_from_both, "no claim cites both copies of the NBC News report"
    for claim in cited_from_both:
        origins = corroboration.origins_of_claim(claim, index)
        nbc = {index.origin_of[s] for s in both}
        assert len(nbc & set(origins)) == 1, claim.id


def test_no_source_has_an_invented_address(data: ClaimsFile) -> None:
    # The canonical addresses of these articles were not found; none may be made up. If a real
    # address is ever found, record it with its source and change this test with it.
    assert [s.id for s in data.sources if s.url or s.archive_url] == []


# ---------------------------------------------------------------------------
# The disagreements are in the data
# ---------------------------------------------------------------------------


def test_troops_in_russia_has_both_confirmations_and_denials(data: ClaimsFile) -> None:
    answers = {
        c.value.answer.value for c in data.claims if c.question == "troops-in-russia" and c.value.answer
    }
    assert answers == {"yes", "no"}


def test_at_least_two_distinct_troop_figures_for_one_scope(data: ClaimsFile) -> None:
    figures: dict[tuple[str, str | None], set[tuple[float | None, float | None, float | None]]] = defaultdict(
        set
    )
    kinds = {q.id: q.kind for q in data.questions}
    for claim in data.claims:
        if kinds[claim.question] is QuestionKind.quantity and claim.question.startswith("troops-"):
            v = claim.value
            figures[(claim.question, v.scope)].add((v.exactly, v.min, v.max))
    assert max(len(f) for f in figures.values()) >= 2


def _kinds_between(analysis: conflicts.Analysis, a: str, b: str) -> str | None:
    found = analysis.by_id.get(conflicts.conflict_id(a, b))
    return found.kind if found else None


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        # Denials against the U.S. and South Korean confirmations.
        ("austin-evidence-of-troops", "north-korea-envoy-groundless-rumors", "yes-no"),
        ("austin-evidence-of-troops", "kremlin-dismisses-deployment", "yes-no"),
        ("nis-satellite-images-troops", "north-korea-envoy-groundless-rumors", "yes-no"),
        ("north-korea-denies-arms-transfers", "us-north-korea-supplies-munitions", "yes-no"),
        # Combat against non-combat.
        ("nis-special-forces-sent", "yang-laborers-or-engineers", "choice"),
        ("ukrainian-reports-mixed-battalions", "yang-laborers-or-engineers", "choice"),
        ("kovalenko-no-soldiers-yet", "nis-missile-technicians-at-front", "yes-no"),
        ("nis-troops-expected-in-war", "korea-times-experts-large-deployment-unlikely", "yes-no"),
        ("experts-could-fight-on-front-line", "yang-laborers-or-engineers", "choice"),
        # Two reports of one answer: the Reuters rewrite's dismissal, NBC News' non-answer.
        ("kremlin-dismisses-deployment", "peskov-conflicting-information", "declared"),
        # Differing figures.
        ("nis-1500-special-forces-sent", "reports-up-to-10000-sent", "declared"),
        ("lawmakers-3000-sent", "reports-up-to-10000-sent", "declared"),
        ("pentagon-around-11000", "reports-up-to-100000", "declared"),
    ],
)
def test_known_conflicts_are_detected(analysis: conflicts.Analysis, a: str, b: str, kind: str) -> None:
    assert _kinds_between(analysis, a, b) == kind


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # "Mostly laborers or engineers" is not "non-combat roles only".
        ("cho-mostly-laborers-or-engineers", "nis-special-forces-sent"),
        ("cho-mostly-laborers-or-engineers", "ukrainian-reports-mixed-battalions"),
        ("cho-mostly-laborers-or-engineers", "glasgow-groomed-for-special-operations"),
        # "Could be used in front-line combat roles" says nothing of large numbers.
        ("cho-combat-troops-nearly-zero", "experts-could-fight-on-front-line"),
        ("cho-regime-would-not-risk-troops", "experts-could-fight-on-front-line"),
        ("experts-could-fight-on-front-line", "korea-times-experts-large-deployment-unlikely"),
        # An undated "initial" estimate of around 11,000, and an "additional" 10,000.
        ("pentagon-around-11000", "zelenskyy-10000-to-be-sent"),
        # Military personnel and active-duty soldiers are different measures.
        ("cfr-around-1-2-million", "glasgow-over-1-28-million"),
    ],
)
def test_claims_that_can_both_be_true_do_not_conflict(analysis: conflicts.Analysis, a: str, b: str) -> None:
    assert _kinds_between(analysis, a, b) is None


def test_every_resolution_is_for_a_pair_in_conflict(data: ClaimsFile, analysis: conflicts.Analysis) -> None:
    assert data.resolutions
    pairs = [conflicts.conflict_id(*r.claims) for r in data.resolutions]
    assert [p for p in pairs if p not in analysis.by_id] == []


def test_a_build_up_of_troops_sent_is_not_a_conflict(analysis: conflicts.Analysis) -> None:
    # 1,500 in mid-October, then 3,000 on 23 October: the growth rule lets the count rise.
    assert _kinds_between(analysis, "lawmakers-3000-sent", "nis-1500-special-forces-sent") is None


def _dated(claim: Claim, day: str) -> Claim:
    """The claim made on ``day``, its figure as of that day, no longer superseded."""
    value = claim.value.model_copy(update={"as_of": day})
    return claim.model_copy(update={"made": day, "value": value, "status": ClaimStatus.reported})


def test_the_growth_rule_would_flag_a_jump_or_a_fall(data: ClaimsFile, analysis: conflicts.Analysis) -> None:
    """The same two reports, moved one day apart, would be a conflict; a later lower count too."""
    question = next(q for q in data.questions if q.id == "troops-sent")
    assert question.only_grows and question.max_growth_per_day is not None
    earlier = next(c for c in data.claims if c.id == "nis-1500-special-forces-sent")
    later = next(c for c in data.claims if c.id == "lawmakers-3000-sent")
    assert later.value.exactly is not None
    jump = earlier.value.model_copy(
        update={"exactly": later.value.exactly + 10 * question.max_growth_per_day}
    )
    moved = [_dated(earlier, "2024-10-22"), later.model_copy(update={"value": jump, "supersedes": []})]
    fell = [_dated(earlier, "2024-10-24"), later.model_copy(update={"supersedes": []})]
    for pair in (moved, fell):
        trial = data.model_copy(update={"claims": pair, "resolutions": []})
        found = conflicts.analyse(Index(trial)).conflicts
        assert [c.kind for c in found] == ["quantity"], pair


def test_the_reporting_resolves_some_conflicts_and_leaves_others_open(analysis: conflicts.Analysis) -> None:
    resolved = analysis.by_id[
        conflicts.conflict_id("peskov-pentagon-no-confirmation", "us-first-public-confirmation")
    ]
    assert resolved.status == "resolved" and resolved.resolution
    still_open = analysis.by_id[
        conflicts.conflict_id("nis-1500-special-forces-sent", "reports-up-to-10000-sent")
    ]
    assert still_open.status == "open"
    assert any(c.status == "open" and c.kind == "yes-no" for c in analysis.conflicts)
