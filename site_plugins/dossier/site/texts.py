"""The words the generated pages use for the records' vocabularies.

Statuses, grades, kinds and downloads, each in the plain words a reader needs; the templates
show them beside the short form (``confirmed: borne out by ...``). No MkDocs import.
"""

from __future__ import annotations

from ..records.model import QuestionStatus

CLAIM_STATUS_TEXT: dict[str, str] = {
    "confirmed": "borne out by independent evidence or by the party concerned",
    "reported": "reported by a credible source, not independently confirmed",
    "unverified": "asserted, with no way yet to check it",
    "disputed": "contradicted by other credible claims",
    "denied": "denied by the party concerned",
    "superseded": "replaced by a later claim",
    "retracted": "withdrawn by whoever made it",
}
QUESTION_STATUS_TEXT: dict[str, str] = {
    "settled": "the evidence points one way",
    "disputed": "credible claims disagree",
    "open": "not enough is known",
}
RELIABILITY_TEXT: dict[str, str] = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY_TEXT: dict[int, str] = {
    1: "confirmed by other independent sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}
SOURCE_KIND_TEXT: dict[str, str] = {
    "original": "original reporting",
    "wire": "news-agency (wire) story",
    "republication": "republication or rewrite of another report",
    "official": "official statement or document",
    "aggregator": "aggregator or derivative page",
}
CONFLICT_KIND_TEXT: dict[str, str] = {
    "yes-no": "opposite answers",
    "quantity": "figures that cannot both hold",
    "choice": "answers that exclude each other",
    "declared": "linked by the editors",
}
DOWNLOAD_TEXT: dict[str, str] = {
    "claims": "every claim with its question, actor, value, status and citations",
    "sources": "the bibliography: every source with outlet, headline, byline, date and grade",
    "conflicts": "the contradiction table: every pair of conflicting claims, why, and its status",
}
#: The order of the question groups on the home page and the questions index.
QUESTION_ORDER = (QuestionStatus.disputed, QuestionStatus.open, QuestionStatus.settled)
#: The home page's heading of each group of questions.
QUESTION_GROUP_HEADING: dict[str, str] = {
    "disputed": "What is disputed",
    "open": "What we don't know yet",
    "settled": "What is settled",
}


def tag_name(tag: str) -> str:
    """A tag as readers see it: ``north-shore`` -> ``North Shore``, ``expert-view`` -> ``Expert View``.

    Tags are written as ids (lower case, hyphens); each word is capitalised, as topic labels
    are, so that names of places and bodies read right. Material's tags plugin turns the name
    back into the same id for the tag's anchor on the tags page."""
    return " ".join(word[:1].upper() + word[1:] for word in tag.split("-"))
