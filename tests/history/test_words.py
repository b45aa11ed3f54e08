"""What changed in one record, in readers' words (site_plugins.dossier.history.words)."""

from __future__ import annotations

from site_plugins.dossier.history.words import Context, correction, describe

QUESTIONS = {
    "q": {
        "id": "q",
        "text": "How many?",
        "kind": "quantity",
        "status": "open",
        "unit": "troops",
        "assessment": "a",
        "assessed": "2024",
    }
}
SOURCES = {"wire": {"id": "wire", "outlet": "Coast Wire"}, "paper": {"id": "paper", "outlet": "unknown"}}
CTX = Context(QUESTIONS, SOURCES)
CLAIM = {
    "id": "c",
    "question": "q",
    "statement": "About 1,500 troops were sent.",
    "value": {"exactly": 1500},
    "citations": [{"source": "wire", "quote": "1,500 troops"}],
    "status": "reported",
}


def _changed(**fields: object) -> dict[str, object]:
    return {**CLAIM, **fields}


def test_status_value_and_statement() -> None:
    new = _changed(status="confirmed", value={"exactly": 3000}, statement="About 3,000 troops were sent.")
    assert describe(CLAIM, new, CTX, CTX) == [
        "statement reworded",
        "value 1,500 troops → 3,000 troops",
        "status reported → confirmed",
    ]


def test_citations_added_removed_and_revised_name_their_outlet() -> None:
    added = _changed(citations=[*CLAIM["citations"], {"source": "paper", "quote": "troops"}])  # type: ignore[misc]
    assert describe(CLAIM, added, CTX, CTX) == ["a citation added (paper)"]
    assert describe(added, CLAIM, CTX, CTX) == ["a citation removed (paper)"]
    revised = _changed(citations=[{"source": "wire", "quote": "about 1,500 troops"}])
    assert describe(CLAIM, revised, CTX, CTX) == ["a quote revised (Coast Wire)"]


def test_bookkeeping_is_not_news_and_new_fields_are_named() -> None:
    assert describe(CLAIM, _changed(updated="2024-10-21"), CTX, CTX) == []
    assert describe(CLAIM, _changed(notes="Why."), CTX, CTX) == ["editors' note added"]
    assert describe(CLAIM, _changed(confidence="likely"), CTX, CTX) == ["confidence: likely"]


def test_a_value_that_no_longer_validates_is_still_worded() -> None:
    assert describe(CLAIM, _changed(value={"exactly": "many"}), CTX, CTX) == [
        "value 1,500 troops → unreadable"
    ]


def test_a_correction_counts_where_it_is_added_or_changed() -> None:
    fixed = _changed(correction="The count was 3,000.")
    assert correction(CLAIM, fixed) == "The count was 3,000."
    assert correction(fixed, {**fixed, "status": "confirmed"}) is None
    assert correction(None, fixed) == "The count was 3,000."
    assert describe(CLAIM, fixed, CTX, CTX) == []
