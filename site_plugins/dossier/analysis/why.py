"""The why-sentences of the contradiction table: one plain sentence that a reader can check.

A sentence names both claims, the earlier first, each with who made it (the actor's name as the
records give it), its figure or answer, and the date the rules compared: "as of" the date the
value describes when the claim gives one (``as_of``), "said on" the date the claim was made when
it does not, and the period of a figure for a period. Two dates that read the same are said once
("both said on 23 October 2024"). A yes-no or choice conflict names its question first. Where a
rule needs saying, the sentence ends with it ("but the count can only grow").

For example: "County Fire Service: 1,500 people evacuated (said on 18 October
2024); the mayor: 3,000 people evacuated (as of 23 October 2024)". No MkDocs import.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from ..records.model import Actor, Claim, Direction, Question, QuestionKind
from ..records.values import ENGLISH, Translate, Wording, as_written, option_label, unit_of
from .sweep import Placed, earlier_first

#: Why two claims cannot both hold, beyond their values differing:
#: "falls": a count that only grows is lower later; "too-fast": it grew faster than it can;
#: "excludes": options that exclude each other; "one-way": an answer that cannot change back;
#: "part-exceeds-whole": a figure for part of a period above the figure for the whole of it.
Reason = Literal["", "falls", "too-fast", "excludes", "one-way", "part-exceeds-whole"]

#: The translation hook: a :class:`~..records.values.Wording` in the reader's language (the
#: site's gettext, dates and numbers; see site/i18n.py); the default is English as written (the
#: editors' tools, English sites). The patterns are marked with ``_`` so that Babel finds them.
__all__ = ["ENGLISH", "Reason", "Translate", "Wording", "as_written", "sentence", "when_words", "why"]


def sentence(text: str, *, capitalise: bool = True) -> str:
    """Text as one sentence: spaces tidied, a capital first letter (unless told not to: a name
    keeps its own spelling), a full stop at the end."""
    if "  " in text or "\n" in text or "\t" in text or text[:1].isspace() or text[-1:].isspace():
        text = " ".join(text.split())
    if not text:
        return text
    if capitalise and text[0].isalpha() and text[0].islower():
        text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def why(
    question: Question,
    x: Placed,
    y: Placed,
    reason: Reason,
    actors: Mapping[str, Actor],
    words: Wording = ENGLISH,
) -> str:
    """The sentence for two conflicting claims of ``question``, in ``words``."""
    _ = words.translate
    first, second = earlier_first(x, y)
    side_1, when_1 = _side(question, first.claim, actors, words)
    side_2, when_2 = _side(question, second.claim, actors, words)
    if when_1 == when_2:
        both = _("{side_1}; {side_2}, both {when}").format(side_1=side_1, side_2=side_2, when=when_1)
    else:
        both = _("{side_1} ({when_1}); {side_2} ({when_2})").format(
            side_1=side_1, when_1=when_1, side_2=side_2, when_2=when_2
        )
    on = (
        ""
        if question.kind is QuestionKind.quantity
        else _("On '{question}', ").format(question=question.text)
    )
    return sentence(on + both + _reason_words(question, second.claim, reason, words), capitalise=False)


def when_words(claim: Claim, words: Wording = ENGLISH) -> str:
    """The date the rules compare, in words: 'as of 23 October 2024', 'said on 18 October 2024',
    'said in October 2024', or a figure's period ('from 1 to 7 October 2024')."""
    _ = words.translate
    value = claim.value
    if value.period is not None:
        return words.period(value.period)
    if value.as_of:
        return _("as of {date}").format(date=words.date(value.as_of))
    return words.said(claim.made)


def _side(question: Question, claim: Claim, actors: Mapping[str, Actor], words: Wording) -> tuple[str, str]:
    """'The mayor: yes' and its date words."""
    actor = actors.get(claim.actor)
    name = actor.name if actor is not None else claim.actor
    if question.kind is QuestionKind.choice:
        value = f"'{option_label(question, claim.value.option or '')}'"
    else:
        value = words.value(claim.value, question, with_period=False)
    return f"{name}: {value}", when_words(claim, words)


def _reason_words(question: Question, later: Claim, reason: Reason, words: Wording) -> str:
    _ = words.translate
    if reason == "falls":
        return _(", but the count can only grow")
    if reason == "too-fast":
        growth = question.max_growth_per_day or 0.0
        per_day = f"{words.number(growth)} {unit_of(later.value, question)}".strip()
        return _(", more than the count can grow at {per_day} a day").format(per_day=per_day)
    if reason == "excludes":
        return _(", answers that exclude each other")
    if reason == "one-way":
        after, before = ("yes", "no") if question.one_way is Direction.no_to_yes else ("no", "yes")
        after, before = words.answer(after), words.answer(before)
        return _(", but once {after}, the answer cannot go back to {before}").format(
            after=after, before=before
        )
    if reason == "part-exceeds-whole":
        return _(", more for part of a period than for the whole of it")
    return ""
