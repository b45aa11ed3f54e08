"""normalise(): what copy and paste or a typeface changes is forgiven; words, digits, case are not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from site_plugins.dossier.checking.quotes import _FOLD, normalise


@pytest.mark.parametrize(
    ("typed", "published"),
    [
        ('"the bells rang"', "\u201cthe bells rang\u201d"),
        ("the sexton's bell", "the sexton\u2019s bell"),
        ("'eight,' he said", "\u2018eight,\u2019 he said"),
        ('"eight"', "\u00abeight\u00bb"),
        ("a 6' ladder, 2\" rope", "a 6\u2032 ladder, 2\u2033 rope"),
        ("bells - all eight - rang", "bells \u2014 all eight \u2014 rang"),
        ("bells - all eight - rang", "bells\u2014all eight\u2014rang"),
        ("10-15 bells", "10\u201315 bells"),
        ("a well-known tower", "a well\u2011known tower"),
        ("minus -3 degrees", "minus \u22123 degrees"),
        ("and then...", "and then\u2026"),
        ("the old tower", "the\u00a0old   tower"),
        ("the old tower", "the old\n   tower"),
        ("the old tower", "the old\r\n\ttower"),
        ("the old tower", " the old tower \n"),
        ("fine bells", "\ufb01ne bells"),  # NFKC: the fi ligature
        ("belltower", "bell\u00adtower"),  # soft hyphen
        ("belltower", "bell\u200btower"),
    ],
)
def test_equivalent_texts_normalise_alike(typed: str, published: str) -> None:
    assert normalise(typed) == normalise(published)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The Bells", "the bells"),  # case is kept: quotes are verbatim
        ("eight bells", "eighth bells"),
        ("1,500 troops", "1500 troops"),
        ("bells rang", "rang bells"),
    ],
)
def test_different_words_stay_different(a: str, b: str) -> None:
    assert normalise(a) != normalise(b)


def test_result_is_ascii_for_typographic_punctuation_and_single_spaced() -> None:
    text = normalise("\u201cIt\u2019s \u2014 well \u2026\u201d\n\n\u00a0she said")
    assert text == '"It\'s-well ..." she said'
    assert "  " not in text


def test_normalise_is_idempotent() -> None:
    text = "\u201cA\u00a0b\u201d \u2014 c\u2026 d\u2019e \u2033f\u2033"
    assert normalise(normalise(text)) == normalise(text)


def _reference(text: str) -> str:
    """normalise() as first written: str.translate over every character, NFKC in between."""
    import unicodedata

    text = unicodedata.normalize("NFKC", text.translate(_FOLD)).translate(_FOLD)
    text = " ".join(text.split())
    if "-" in text:
        text = text.replace(" -", "-").replace("- ", "-")
        while "--" in text:
            text = text.replace("--", "-")
    return text


_FOLD_CHARS = "".join(chr(c) for c in _FOLD)


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(st.text(alphabet=st.sampled_from(_FOLD_CHARS + "ab c-`'\"\n\t.\u00a0\u2026\u2033é\ufb01\u0130²")))
def test_the_fast_fold_gives_what_translate_gave(text: str) -> None:
    assert normalise(text) == _reference(text)
