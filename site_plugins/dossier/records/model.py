"""The claim-record schema: the one source of truth for ``claims.yaml``.

Every field an editor can write is declared here, with its documentation. The JSON Schema
that editors' tools use (``claims.schema.json``) and the editors' reference page are both
generated from these classes (see ``schema.py``); never edit those by hand.

This module has no MkDocs import: the domain core runs from the CLI and from tests alone.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from enum import Enum, StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, Strict, StringConstraints

# ---------------------------------------------------------------------------
# Small reusable types
# ---------------------------------------------------------------------------

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_RE = re.compile(ID_PATTERN)
#: A date as editors write it: a day (2024-10-23), a month (2024-10) or a year (2024).
DATE_PATTERN = r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$"
URL_PATTERN = r"^https?://[^\s<>\x22']+$"  # \x22 is a double quote, kept portable for JSON Schema tools

MAX_TEXT = 5_000  # characters in any one free-text field
MAX_SHORT = 300  # names, headlines, labels

Id = Annotated[
    str,
    Strict(),
    StringConstraints(pattern=ID_PATTERN, min_length=1, max_length=80),
    Field(description="A stable identifier: lower-case letters, digits and single hyphens."),
]
DateText = Annotated[
    str,
    Strict(),
    StringConstraints(pattern=DATE_PATTERN),
    Field(description="A date: YYYY-MM-DD, or YYYY-MM / YYYY when only that much is known."),
]
Url = Annotated[
    str,
    Strict(),
    StringConstraints(pattern=URL_PATTERN, max_length=2_000),
    Field(description="A web address starting with http:// or https://."),
]
Text = Annotated[str, Strict(), StringConstraints(min_length=1, max_length=MAX_TEXT)]
ShortText = Annotated[str, Strict(), StringConstraints(min_length=1, max_length=MAX_SHORT)]
#: The largest figure a record may hold: 2**53 - 1, the largest whole number that JSON readers
#: (JavaScript among them) and the site's charts keep exactly. Anything larger is a slip, or
#: wants a larger unit ("billion dollars").
MAX_FIGURE = 9_007_199_254_740_991
Number = Annotated[float, Strict(), Field(ge=0, le=MAX_FIGURE, allow_inf_nan=False)]
Flag = Annotated[bool, Strict()]
Tag = Annotated[
    str,
    Strict(),
    StringConstraints(pattern=ID_PATTERN, max_length=60),
    Field(description="A topic tag: lower-case letters, digits and single hyphens."),
]

UNKNOWN = "unknown"
#: What a record's ``correction`` is (claims and questions).
CORRECTION = (
    "An editors' correction: what was wrong and what changed (shown on the page and marked as a"
    " correction among the changes)."
)


class Record(BaseModel):
    """Base of every record: unknown fields are errors, values are never coerced."""

    # Lax mode only so that enums accept their text; every scalar type below is Strict, so
    # "3000" never becomes a number and "no" never becomes a boolean.
    model_config = ConfigDict(extra="forbid", frozen=True)


# ---------------------------------------------------------------------------
# Vocabularies
# ---------------------------------------------------------------------------


class SourceKind(StrEnum):
    """What kind of document a source is."""

    original = "original"  # an outlet's own reporting
    wire = "wire"  # a news-agency story
    republication = "republication"  # a copy or rewrite of another outlet's story
    official = "official"  # an official statement, transcript or document
    aggregator = "aggregator"  # an aggregator, blog or derivative explainer page


class Reliability(StrEnum):
    """Source reliability, Admiralty (NATO) grade A-F: how far the source has proved reliable."""

    A = "A"  # completely reliable
    B = "B"  # usually reliable
    C = "C"  # fairly reliable
    D = "D"  # not usually reliable
    E = "E"  # unreliable
    F = "F"  # reliability cannot be judged


class Credibility(int, Enum):
    """Information credibility, Admiralty (NATO) grade 1-6: how far the claim is borne out."""

    confirmed = 1  # confirmed by other independent sources
    probably_true = 2
    possibly_true = 3
    doubtful = 4
    improbable = 5
    cannot_be_judged = 6


class ClaimStatus(StrEnum):
    """Where the claim stands in the editors' judgement."""

    confirmed = "confirmed"  # borne out by independent evidence or by the party concerned
    reported = "reported"  # reported by a credible source, not independently confirmed
    unverified = "unverified"  # asserted, with no way yet to check it
    disputed = "disputed"  # contradicted by other credible claims
    denied = "denied"  # denied by the party concerned
    superseded = "superseded"  # replaced by a later claim (see supersedes)
    retracted = "retracted"  # withdrawn by whoever made it


class Confidence(StrEnum):
    """Estimative words (ICD 203 scale) for how likely the claim is to be true."""

    almost_no_chance = "almost no chance"  # 1-5 %
    very_unlikely = "very unlikely"  # 5-20 %
    unlikely = "unlikely"  # 20-45 %
    roughly_even_chance = "roughly even chance"  # 45-55 %
    likely = "likely"  # 55-80 %
    very_likely = "very likely"  # 80-95 %
    almost_certain = "almost certain"  # 95-99 %


class ActorKind(StrEnum):
    """What kind of actor makes the claim."""

    person = "person"  # a named individual
    organisation = "organisation"  # a think tank, company, NGO or other body
    government = "government"  # a state or its government as a whole
    agency = "agency"  # a ministry, military, intelligence or other state agency
    media = "media"  # a news organisation speaking in its own name


class QuestionKind(StrEnum):
    """What form a question's answer takes."""

    quantity = "quantity"  # a number, e.g. how many people
    yes_no = "yes-no"  # yes or no
    choice = "choice"  # one (or more) of named options


class QuestionStatus(StrEnum):
    """How far a question is answered."""

    settled = "settled"  # the evidence points one way
    disputed = "disputed"  # credible claims disagree
    open = "open"  # not enough is known


class Answer(StrEnum):
    """The answer of a claim to a yes-no question."""

    yes = "yes"  # the claim answers yes
    no = "no"  # the claim answers no


class Direction(StrEnum):
    """The one way a yes-no question's answer can change over time."""

    no_to_yes = "no-to-yes"  # once yes, it stays yes (e.g. "Has it reached the capital?")
    yes_to_no = "yes-to-no"  # once no, it stays no (e.g. "Is the bridge still standing?")


class ResolutionStatus(StrEnum):
    """Where the editors stand on a conflict."""

    open = "open"  # the conflict is real and not yet settled
    resolved = "resolved"  # later evidence or a correction settled it (say how in the note)


# ---------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------


class Dossier(Record):
    """What the dossier is about."""

    title: ShortText = Field(description="The dossier's title, shown on every page.")
    summary: Text = Field(description="One or two sentences: the short answer for readers.")
    updated: DateText = Field(description="When editors last reviewed the dossier as a whole.")


class Source(Record):
    """A document claims are cited from."""

    id: Id
    outlet: ShortText = Field(description="Who published it, e.g. 'The Gazette'; 'unknown' if not known.")
    headline: ShortText = Field(description="The headline as published; 'unknown' if not known.")
    byline: ShortText = Field(
        description="The author(s) as credited, e.g. 'Ana Ortiz and Sam Lee'; 'unknown' if none."
    )
    published: DateText | None = Field(
        default=None, description="Publication date; leave out when it is not known."
    )
    date_note: Text | None = Field(
        default=None, description="How sure the date is, and how it was established."
    )
    kind: SourceKind = Field(description="original, wire, republication, official or aggregator.")
    copy_of: Id | None = Field(
        default=None,
        description="The id of the source this one was syndicated, copied or rewritten from. "
        "Copies count once when corroboration is counted.",
    )
    url: Url | None = Field(
        default=None, description="Where it was published (http/https only). Never guess."
    )
    archive_url: Url | None = Field(default=None, description="An archived copy (http/https only).")
    snapshot: (
        Annotated[str, Strict(), StringConstraints(pattern=r"^[A-Za-z0-9._-]+$", max_length=200)] | None
    ) = Field(
        default=None,
        description="File name of the text snapshot in the snapshots folder, used to verify quotes. "
        "Leave out for sources with no snapshot (no quotes may then cite it).",
    )
    reliability: Reliability = Field(
        description="Admiralty source reliability, A (reliable) to F (cannot be judged)."
    )
    reliability_note: Text = Field(description="Why that grade: one or two sentences.")
    language: Annotated[str, Strict(), StringConstraints(pattern=r"^[a-z]{2,3}$")] = Field(
        default="en", description="Language of the document (ISO 639 code)."
    )
    notes: Text | None = Field(
        default=None, description="Anything else readers should know about this source."
    )
    correction: Text | None = Field(
        default=None, description="An editors' correction to this source's details (shown as a correction)."
    )


class Actor(Record):
    """A person or body that makes claims."""

    id: Id
    name: ShortText = Field(description="Name as readers know it, e.g. 'Ana Ortiz' or 'County Fire Service'.")
    role: ShortText | None = Field(default=None, description="Role at the time, e.g. 'Fire chief'.")
    affiliation: ShortText | None = Field(
        default=None, description="Government, agency or organisation, e.g. 'County Fire Service'."
    )
    kind: ActorKind = Field(
        default=ActorKind.person, description="person, organisation, government, agency or media."
    )


class Option(Record):
    """One named answer to a choice question."""

    id: Id
    label: ShortText = Field(description="How the option reads on the site.")
    excludes: list[Id] = Field(
        default_factory=list,
        description="Options that cannot be true together with this one (for questions with multiple: true).",
    )


class Question(Record):
    """A question the dossier answers."""

    id: Id
    text: ShortText = Field(description="The question, as readers see it.")
    kind: QuestionKind = Field(description="quantity, yes-no or choice.")
    status: QuestionStatus = Field(description="settled, disputed or open.")
    assessment: Text = Field(
        description="What we know: the editors' current answer, in plain words (Markdown allowed)."
    )
    assessed: DateText = Field(description="When the assessment was last reviewed.")
    unit: ShortText | None = Field(default=None, description="quantity only: the unit, e.g. 'people'.")
    scopes: list[Id] = Field(
        default_factory=list,
        description="quantity only: what the number counts, e.g. dead, injured, missing. "
        "Claims must use one of these.",
    )
    window_days: Annotated[int, Strict(), Field(ge=0, le=3650)] = Field(
        default=14,
        description="Claims whose as-of dates are this many days apart or fewer are compared for conflicts.",
    )
    only_grows: Flag = Field(
        default=False,
        description="quantity only: the count can only grow over time, "
        "so an earlier lower figure is no conflict.",
    )
    max_growth_per_day: Number | None = Field(
        default=None,
        description="quantity with only_grows: the fastest plausible growth per day; "
        "a later figure beyond it conflicts.",
    )
    one_way: Direction | None = Field(
        default=None,
        description="yes-no only: the answer can change only this way, e.g. no-to-yes for "
        "'Has it reached the capital?': a no before a yes is then a change, not a conflict; "
        "a yes before a no still conflicts.",
    )
    options: list[Option] = Field(default_factory=list, description="choice only: the named answers.")
    multiple: Flag = Field(
        default=False,
        description="choice only: several options can be true at once "
        "(then only 'excludes' makes conflicts).",
    )
    tags: list[Tag] = Field(default_factory=list)
    correction: Text | None = Field(default=None, description=CORRECTION)


class Period(Record):
    """The stretch of time a figure is the total for, e.g. the first week of a cull."""

    start: DateText = Field(
        description="The first day the figure counts (a month or a year: from its first day)."
    )
    end: DateText = Field(description="The last day the figure counts (a month or a year: to its last day).")


class Value(Record):
    """The claim's answer to its question. Use the fields that fit the question's kind."""

    exactly: Number | None = Field(default=None, description="quantity: one figure.")
    min: Number | None = Field(
        default=None, description="quantity: the lower bound ('at least'); leave out for 'as many as'."
    )
    max: Number | None = Field(
        default=None,
        description="quantity: the upper bound ('as many as', 'up to'); leave out for 'at least'.",
    )
    unit: ShortText | None = Field(
        default=None, description="quantity: must match the question's unit if given."
    )
    scope: Id | None = Field(
        default=None, description="quantity: what is counted; one of the question's scopes."
    )
    period: Period | None = Field(
        default=None,
        description="quantity: the period the figure is the total for (instead of as_of), e.g. "
        "culled in the first week; compared only with totals for the same period, or for a period "
        "that holds it or lies within it.",
    )
    answer: Answer | None = Field(default=None, description="yes-no: yes or no.")
    option: Id | None = Field(default=None, description="choice: the id of one of the question's options.")
    as_of: DateText | None = Field(
        default=None, description="The date the value describes (defaults to the date the claim was made)."
    )
    until: DateText | None = Field(
        default=None, description="yes-no: the end of the period the answer covers."
    )


class WarningId(StrEnum):
    """The warnings an editor may acknowledge on a record, once reviewed."""

    confirmed_needs_two_origins = "confirmed-needs-two-origins"
    missing_as_of = "missing-as-of"
    resolution_without_conflict = "resolution-without-conflict"


class Acknowledgement(Record):
    """A warning the editors reviewed and accept for this record, and why."""

    warning: WarningId = Field(description="The warning's name, as `dossier validate` gives it.")
    note: Text = Field(description="Why the record is right as it is (shown to reviewers).")


class Citation(Record):
    """Evidence: a source and the words in it that support the claim."""

    source: Id = Field(description="The id of a source.")
    quote: Text = Field(description="The exact words from the source (checked against its snapshot).")
    note: Text | None = Field(default=None, description="Anything readers should know about this citation.")


class Link(Record):
    """A link from this claim to another, with a note."""

    claim: Id = Field(description="The id of the other claim.")
    note: Text | None = Field(default=None, description="Why the two are linked, in one sentence.")


class Resolution(Record):
    """The editors' resolution of a conflict between two claims."""

    claims: Annotated[list[Id], Field(min_length=2, max_length=2)] = Field(
        description="The two claims in conflict."
    )
    status: ResolutionStatus = Field(description="open or resolved.")
    note: Text = Field(description="What resolved it, or why it stays open.")
    acknowledged: list[Acknowledgement] = Field(
        default_factory=list, description="Warnings about this resolution that the editors reviewed."
    )


class Claim(Record):
    """One claim: who said what about a question, when, and the evidence."""

    id: Id = Field(
        description="Stable id; it is the claim page's address, so never change it once published."
    )
    question: Id = Field(description="The id of the question this claim answers.")
    statement: Text = Field(description="The claim in the editors' words (plain text).")
    actor: Id = Field(description="The id of who made the claim.")
    made: DateText = Field(description="When the claim was made (said or first reported).")
    value: Value = Field(description="The claim's answer, in the form its question asks for.")
    citations: Annotated[list[Citation], Field(min_length=1)] = Field(
        description="At least one source with a verbatim quote."
    )
    status: ClaimStatus = Field(
        description="confirmed, reported, unverified, disputed, denied, superseded or retracted."
    )
    party_concerned: Flag = Field(
        default=False,
        description=(
            "true when the actor is the party concerned stating its own act (a government"
            " announcing its own decision): such a claim can be confirmed on one origin."
        ),
    )
    acknowledged: list[Acknowledgement] = Field(
        default_factory=list, description="Warnings about this claim that the editors reviewed."
    )
    confidence: Confidence | None = Field(default=None, description="Estimative words, e.g. 'likely'.")
    credibility: Credibility | None = Field(
        default=None, description="Admiralty information credibility, 1 to 6."
    )
    tags: list[Tag] = Field(default_factory=list)
    supersedes: list[Link] = Field(default_factory=list, description="Earlier claims this one replaces.")
    contradicts: list[Link] = Field(
        default_factory=list, description="Claims this one conflicts with, beyond those found automatically."
    )
    related: list[Id] = Field(default_factory=list, description="Other claims readers should see.")
    updated: DateText | None = Field(default=None, description="When editors last changed this record.")
    notes: Text | None = Field(default=None, description="Editors' notes shown on the claim page.")
    correction: Text | None = Field(default=None, description=CORRECTION)


class Withdrawal(Record):
    """A claim taken out of the dossier: its old address says why."""

    claim: Id = Field(description="The id the claim had (no claim may have it now).")
    note: Text = Field(description="Why it was withdrawn, for readers.")


class ClaimsFile(Record):
    """The whole ``claims.yaml`` file."""

    dossier: Dossier
    sources: list[Source]
    actors: list[Actor]
    questions: list[Question]
    claims: list[Claim]
    resolutions: list[Resolution] = Field(
        default_factory=list, description="The editors' verdicts on conflicts between claims."
    )
    withdrawn: list[Withdrawal] = Field(
        default_factory=list,
        description="Claims removed from the dossier, and why (shown at their old address).",
    )


# ---------------------------------------------------------------------------
# Date helpers (dates are kept as editors wrote them, with their precision)
# ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=8192)
def date_bounds(text: str) -> tuple[_dt.date, _dt.date]:
    """The first and last day a date of any precision can mean (raises ValueError if invalid;
    a dossier repeats its dates, so each is read once)."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        day = _dt.date(parts[0], parts[1], parts[2])
        return day, day
    if len(parts) == 2:
        first = _dt.date(parts[0], parts[1], 1)
        nxt = _dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return first, nxt - _dt.timedelta(days=1)
    return _dt.date(parts[0], 1, 1), _dt.date(parts[0], 12, 31)


def date_mid(text: str) -> _dt.date:
    """A single day standing for a date of any precision (its first day)."""
    return date_bounds(text)[0]
