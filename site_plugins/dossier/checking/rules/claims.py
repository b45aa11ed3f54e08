"""A claim's own rules: its question, actor, sources and linked claims exist (and a link is not
to the claim itself); real dates, not in the future; a statement and quotes that are not blank;
a credibility grade written as a number. Its value is checked in ``values.py``, circles of
supersession in ``supersession.py``."""

from __future__ import annotations

from typing import Any

from ...reading.positions import Path_
from .base import Checker, Ids, is_id, records
from .values import check_value


def check_claim(
    checker: Checker, i: int, c: dict[str, Any], ids: Ids, questions: dict[int, dict[str, Any]]
) -> None:
    """The claim ``c`` at index ``i``; ``questions`` holds the question records by index."""
    base: Path_ = ("claims", i)
    qref = c.get("question")
    question: dict[str, Any] | None = None
    if checker.reference((*base, "question"), qref, ids.questions, "question", "questions") and is_id(qref):
        question = questions.get(ids.questions[qref])
    checker.reference((*base, "actor"), c.get("actor"), ids.actors, "actor", "actors")
    made = checker.date((*base, "made"), c.get("made"))
    checker.date((*base, "updated"), c.get("updated"))
    statement = c.get("statement")
    if isinstance(statement, str) and statement and not statement.strip():
        checker.add((*base, "statement"), "the statement is blank", "write the claim in your own words")
    _check_credibility(checker, base, c.get("credibility"))
    for j, cit in records(c, "citations"):
        checker.reference(
            (*base, "citations", j, "source"), cit.get("source"), ids.sources, "source", "sources"
        )
        quote = cit.get("quote")
        if isinstance(quote, str) and quote and not quote.strip():
            checker.add(
                (*base, "citations", j, "quote"), "the quote is blank", "copy the exact words from the source"
            )
    _check_links(checker, base, c, ids.claims)
    value = c.get("value")
    if isinstance(value, dict):
        check_value(checker, base, value, question, made)


def _check_credibility(checker: Checker, base: Path_, credibility: Any) -> None:
    if isinstance(credibility, bool):
        checker.add(
            (*base, "credibility"),
            f"expected a grade from 1 to 6, found {str(credibility).lower()}",
            "write a number from 1 to 6: 1 is confirmed, 6 cannot be judged",
        )
    elif isinstance(credibility, str):
        # The model would read the text '2' as the grade 2; the JSON Schema editors use would
        # not. Both must agree, and grades are numbers.
        checker.add(
            (*base, "credibility"),
            f"a number written as text: '{credibility}'",
            "write the grade without quotes, a number from 1 to 6",
        )


def _check_links(checker: Checker, base: Path_, c: dict[str, Any], claims: dict[str, int]) -> None:
    """supersedes, contradicts and related: to claims that exist, and not to this one."""
    cid = c.get("id")
    for link_kind in ("supersedes", "contradicts"):
        for j, link in records(c, link_kind):
            ref = link.get("claim")
            path = (*base, link_kind, j, "claim")
            if is_id(ref) and ref == cid:
                verb = "supersede" if link_kind == "supersedes" else "contradict"
                checker.add(path, f"a claim cannot {verb} itself", "name another claim, or remove the link")
            else:
                checker.reference(path, ref, claims, "claim", "claims")
    related = c.get("related")
    if isinstance(related, list):
        for j, ref in enumerate(related):
            if is_id(ref) and ref == cid:
                checker.add((*base, "related", j), "a claim cannot be related to itself", "remove it")
            else:
                checker.reference((*base, "related", j), ref, claims, "claim", "claims")


def check_withdrawn(checker: Checker, root: dict[str, Any], claims: dict[str, int]) -> None:
    """A withdrawn claim's id is not a claim's now (its old address would have two pages)."""
    for i, entry in records(root, "withdrawn"):
        ref = entry.get("claim")
        if is_id(ref) and ref in claims:
            checker.add(
                ("withdrawn", i, "claim"),
                f"claim '{ref}' is in the dossier (claims[{claims[ref]}]), so it is not withdrawn",
                "remove this entry, or the claim",
            )
