"""The words the generated pages use for the records' vocabularies.

Statuses, grades, kinds and downloads, each in the plain words a reader needs; the templates
show them beside the short form (``confirmed: borne out by ...``). English, marked with ``N_``
for the catalogues; :func:`.environment.environment` gives the templates them translated into
the site's language (see :mod:`.i18n`). No MkDocs import.
"""

from __future__ import annotations

from ..records.model import QuestionStatus
from .i18n import N_


def vocabulary(*words: str) -> dict[str, str]:
    """A vocabulary whose English words are the records' own: each word -> itself, marked."""
    return {word: word for word in words}


CLAIM_STATUS_TEXT: dict[str, str] = {
    "confirmed": N_("borne out by independent evidence or by the party concerned"),
    "reported": N_("reported by a credible source, not independently confirmed"),
    "unverified": N_("asserted, with no way yet to check it"),
    "disputed": N_("contradicted by other credible claims"),
    "denied": N_("denied by the party concerned"),
    "superseded": N_("replaced by a later claim"),
    "retracted": N_("withdrawn by whoever made it"),
}
QUESTION_STATUS_TEXT: dict[str, str] = {
    "settled": N_("the evidence points one way"),
    "disputed": N_("credible claims disagree"),
    "open": N_("not enough is known"),
}
RELIABILITY_TEXT: dict[str, str] = {
    "A": N_("completely reliable"),
    "B": N_("usually reliable"),
    "C": N_("fairly reliable"),
    "D": N_("not usually reliable"),
    "E": N_("unreliable"),
    "F": N_("reliability cannot be judged"),
}
CREDIBILITY_TEXT: dict[int, str] = {
    1: N_("confirmed by other independent sources"),
    2: N_("probably true"),
    3: N_("possibly true"),
    4: N_("doubtful"),
    5: N_("improbable"),
    6: N_("truth cannot be judged"),
}
SOURCE_KIND_TEXT: dict[str, str] = {
    "original": N_("original reporting"),
    "wire": N_("news-agency (wire) story"),
    "republication": N_("republication or rewrite of another report"),
    "official": N_("official statement or document"),
    "aggregator": N_("aggregator or derivative page"),
}
CONFLICT_KIND_TEXT: dict[str, str] = {
    "yes-no": N_("opposite answers"),
    "quantity": N_("figures that cannot both hold"),
    "choice": N_("answers that exclude each other"),
    "declared": N_("linked by the editors"),
}
#: The short name of each kind of source, as the bibliography shows it beside its meaning.
SOURCE_KIND_NAME = vocabulary(N_("original"), N_("wire"), N_("republication"), N_("official"), N_("aggregator"))
#: The kinds of question, as the history of a question names them.
QUESTION_KIND_NAME: dict[str, str] = {"quantity": N_("quantity"), "yes-no": N_("yes or no"), "choice": N_("choice")}
#: The confidence words (the intelligence community's scale), as a claim page shows them.
CONFIDENCE_TEXT = vocabulary(
    N_("almost no chance"),
    N_("very unlikely"),
    N_("unlikely"),
    N_("roughly even chance"),
    N_("likely"),
    N_("very likely"),
    N_("almost certain"),
)
#: What kind of person or body an actor is, where the records give no role or affiliation.
ACTOR_KIND_TEXT = vocabulary(N_("person"), N_("organisation"), N_("government"), N_("agency"), N_("media"))
#: The name of each kind of record, as the page of changes and the feeds show it.
RECORD_KIND_TEXT: dict[str, str] = {"claim": N_("Claim"), "question": N_("Question"), "source": N_("Source")}
DOWNLOAD_TEXT: dict[str, str] = {
    "claims": N_("every claim with its question, actor, value, status and citations"),
    "sources": N_("the bibliography: every source with outlet, headline, byline, date and grade"),
    "conflicts": N_("the contradiction table: every pair of conflicting claims, why, and its status"),
}
#: The listing pages' titles and descriptions (their headings are in their templates).
LISTING_FRONT: dict[str, tuple[str, str]] = {
    "questions_index": (N_("Questions and claims"), N_("Every question the dossier answers, and every claim that answers it.")),
    "sources": (N_("Sources"), N_("The documents the dossier's claims are cited from, and the claims citing each.")),
    "actors": (N_("Who said what"), N_("Every person and body whose claims the dossier records, with their claims.")),
    "conflicts": (N_("Contradiction table"), N_("Every pair of claims in the dossier that cannot both be true, and why.")),
    "timeline": (N_("Timeline"), N_("Every claim of the dossier in one chronology, by the date it was made.")),
    "downloads": (N_("Downloads"), N_("The dossier's data for re-use: claims, sources and conflicts as JSON and CSV.")),
    "tags": (N_("Tags"), N_("Claims and questions by tag.")),
}
#: The title of a heading's permanent link (Markdown's toc), which Markdown writes in English.
PERMALINK_TITLE = N_("Permanent link")
#: The reader's error page: its heading and what it says (the theme's own is in English).
NOT_FOUND_HEADING = N_("404 - Page not found")
NOT_FOUND_TEXT = N_("There is no page at this address. The site's pages are listed in its menu.")
#: The order of the question groups on the home page and the questions index.
QUESTION_ORDER = (QuestionStatus.disputed, QuestionStatus.open, QuestionStatus.settled)
#: The home page's heading of each group of questions.
QUESTION_GROUP_HEADING: dict[str, str] = {
    "disputed": N_("What is disputed"),
    "open": N_("What we don't know yet"),
    "settled": N_("What is settled"),
}
#: A question status after a count ("3 disputed"), on the home page.
STATUS_COUNT_WORD: dict[str, str] = {
    "disputed": N_("disputed"),
    "open": N_("open"),
    "settled": N_("settled"),
}
#: The name of each status word (claims, questions and conflicts), as badges show it.
STATUS_LABEL: dict[str, str] = {
    "confirmed": N_("Confirmed"),
    "reported": N_("Reported"),
    "unverified": N_("Unverified"),
    "disputed": N_("Disputed"),
    "denied": N_("Denied"),
    "superseded": N_("Superseded"),
    "retracted": N_("Retracted"),
    "settled": N_("Settled"),
    "open": N_("Open"),
    "resolved": N_("Resolved"),
}


def tag_name(tag: str) -> str:
    """A tag as readers see it: ``north-shore`` -> ``North Shore``, ``expert-view`` -> ``Expert View``.

    Tags are written as ids (lower case, hyphens); each word is capitalised, as topic labels
    are, so that names of places and bodies read right. Material's tags plugin turns the name
    back into the same id for the tag's anchor on the tags page."""
    return " ".join(word[:1].upper() + word[1:] for word in tag.split("-"))
