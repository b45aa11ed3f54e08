"""Warnings: what the records allow, but the methodology asks editors to look at again.

A warning never stops the build; ``dossier validate`` lists it after the errors, in the same
``claims.yaml:LINE:COL: field: warning [name]: message (hint)`` form. Once editors have
reviewed one and the record is right as it is, they say so in the record, and the warning stays
quiet::

    acknowledged:
      - warning: missing-as-of
        note: "The report gives no date for the count; the day it was said is the best we have."

The warnings (their names are ``records.model.WarningId``):

- ``confirmed-needs-two-origins``: a claim marked ``confirmed`` whose citations come from fewer
  than two independent origins (copies count once, :mod:`.corroboration`), unless the record
  says that the actor is the party concerned stating its own act (``party_concerned: true``);
- ``missing-as-of``: a figure without ``as_of`` where another claim of the same quantity
  question gives the date its figure describes (its figure is then compared as of the day it
  was said, which may not be what the source meant); totals for a period are dated by it;
- ``resolution-without-conflict``: a resolution of two claims that the analysis does not find
  in conflict (a slip in an id, or a pair that one claim's ``supersedes`` already settles).

And ``acknowledgement-not-needed``: an ``acknowledged`` entry for a warning that the record does
not raise (it would hide the warning if the record changed later).

The first two read single records, so they are listed even when the dossier's rules found
errors (the schema must have accepted the file); the third needs the conflict analysis, which
runs on a valid dossier only. No MkDocs import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..checking.naming import record_of
from ..checking.validate import ValidationResult
from ..problems import Problem
from ..reading.positions import Path_, dotted
from ..records.index import Index
from ..records.model import Acknowledgement, Claim, QuestionKind, Resolution, WarningId
from .conflicts import Analysis, analyse, conflict_id
from .corroboration import origins_of_claim

#: The warning about an acknowledgement that nothing needs (it cannot itself be acknowledged).
NOT_NEEDED = "acknowledgement-not-needed"
CLAIM_WARNINGS = frozenset({WarningId.confirmed_needs_two_origins, WarningId.missing_as_of})
RESOLUTION_WARNINGS = frozenset({WarningId.resolution_without_conflict})
#: How a warning is reported: at the value of the path, with its name, message and hint.
_Report = Callable[[Path_, str, str, str], None]


@dataclass(frozen=True)
class _Raised:
    code: WarningId
    path: Path_
    message: str
    hint: str


def review(
    result: ValidationResult, *, index: Index | None = None, analysis: Analysis | None = None
) -> list[Problem]:
    """Every warning about the records ``result`` holds, by line and column (none when the
    schema refused the file). ``index`` and ``analysis`` are those of the same records, when
    the caller has them already."""
    records = result.records
    if records is None:
        return list(result.notes)
    index = index if index is not None else Index(records)
    found: list[Problem] = []

    def report(path: Path_, code: str, message: str, hint: str) -> None:
        line, col = result.where(path)
        field = dotted(path)
        record = record_of(field, result.record_ids)
        found.append(Problem(result.name, line, col, field, message, hint, "warning", code, record))

    dated = _questions_with_as_of(index)
    for i, claim in enumerate(records.claims):
        raised = [w for w in (_one_origin(i, claim, index), _no_as_of(i, claim, dated)) if w is not None]
        _settle(("claims", i), raised, claim.acknowledged, CLAIM_WARNINGS, report)
    if result.ok:
        analysis = analysis if analysis is not None else analyse(index)
        for i, resolution in enumerate(records.resolutions):
            raised = [w for w in (_nothing_to_resolve(i, resolution, analysis),) if w is not None]
            _settle(("resolutions", i), raised, resolution.acknowledged, RESOLUTION_WARNINGS, report)
    return sorted(found + result.notes, key=lambda p: (p.line, p.col))


def _settle(
    base: Path_,
    raised: list[_Raised],
    acknowledged: Iterable[Acknowledgement],
    kinds: frozenset[WarningId],
    report: _Report,
) -> None:
    """Report the warnings of one record that it does not acknowledge, and the acknowledgements
    it does not need (of warnings it does not raise, or that are about another kind of record)."""
    kind_name = "claim" if base[0] == "claims" else "resolution"
    said = {w.code for w in raised}
    heard: set[WarningId] = set()
    for j, ack in enumerate(acknowledged):
        heard.add(ack.warning)
        if ack.warning not in said:
            what = "this record does not raise" if ack.warning in kinds else f"is never about a {kind_name}"
            report(
                (*base, "acknowledged", j, "warning"),
                NOT_NEEDED,
                f"acknowledges the warning {ack.warning.value}, which {what}",
                "remove this acknowledgement",
            )
    for warning in raised:
        if warning.code not in heard:
            report(warning.path, warning.code.value, warning.message, warning.hint + _HOW_TO_ACKNOWLEDGE)


_HOW_TO_ACKNOWLEDGE = "; or, once reviewed, acknowledge it"


def _one_origin(i: int, claim: Claim, index: Index) -> _Raised | None:
    if claim.status.value != "confirmed" or claim.party_concerned:
        return None
    origins = origins_of_claim(claim, index)
    if len(origins) >= 2:
        return None
    return _Raised(
        WarningId.confirmed_needs_two_origins,
        ("claims", i, "status"),
        f"confirmed on one independent origin ({origins[0]}), not two",
        "cite a second independent origin, or use reported; if the actor states its own act, "
        "write party_concerned: true",
    )


def _nothing_to_resolve(i: int, resolution: Resolution, analysis: Analysis) -> _Raised | None:
    a, b = resolution.claims
    if conflict_id(a, b) in analysis.by_id:
        return None
    return _Raised(
        WarningId.resolution_without_conflict,
        ("resolutions", i, "claims"),
        f"claims {a} and {b} are not in conflict: there is no conflict to resolve",
        "check the ids; if the claims disagree, link them with contradicts:, else remove the resolution",
    )


def _questions_with_as_of(index: Index) -> set[str]:
    """The quantity questions where some figure (not a total for a period) gives ``as_of``."""
    return {
        c.question
        for c in index.data.claims
        if c.value.as_of and c.value.period is None and _is_quantity(index, c.question)
    }


def _is_quantity(index: Index, question_id: str) -> bool:
    question = index.questions.get(question_id)
    return question is not None and question.kind is QuestionKind.quantity


def _no_as_of(i: int, claim: Claim, dated: set[str]) -> _Raised | None:
    value = claim.value
    if claim.question not in dated or value.as_of or value.period is not None:
        return None
    return _Raised(
        WarningId.missing_as_of,
        ("claims", i, "value"),
        f"no as_of, while other claims of question {claim.question} have one: the figure is compared "
        f"as of the day it was said ({claim.made})",
        "add 'as_of:' with the date the figure describes",
    )
