"""Social cards: 1200×630 PNGs, the same bytes for the same text, reused when unchanged."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from PIL import Image

from site_plugins.dossier.site.cards import Card, card_png, draw_cards


def _card(title: str = "The harbour has twelve lanterns.", accent: str = "reported") -> Card:
    return Card(
        stem="claims/c1",
        accent=accent,
        label="Reported",
        title=title,
        lines=("Harbour Master", "20 October 2024"),
        footer="Lanterns: a test dossier",
    )


def test_a_card_is_a_1200_by_630_png_that_shows_text() -> None:
    image = Image.open(io.BytesIO(card_png(_card())))
    assert image.format == "PNG" and image.size == (1200, 630)
    colours = image.convert("RGB").getcolors(maxcolors=100_000) or []
    # Paper, ink, the grey levels of smoothed letters and the accent colour.
    assert len(colours) > 10
    assert (0, 92, 160) in [rgb for _count, rgb in colours]


def test_the_same_card_gives_the_same_bytes_and_another_text_another_name() -> None:
    assert card_png(_card()) == card_png(_card())
    assert _card().name() == _card().name()
    assert _card("Another statement.").name() != _card().name()
    assert _card(accent="disputed").name() != _card().name()
    assert _card().name().startswith("claims/c1-") and _card().name().endswith(".png")


def test_a_very_long_statement_is_cut_to_fit(tmp_path: Path) -> None:
    long = " ".join(["lanterns"] * 200)
    image = Image.open(io.BytesIO(card_png(_card(long))))
    assert image.size == (1200, 630)


def test_unchanged_cards_are_taken_from_the_last_site_and_changed_ones_drawn(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    cards = [_card(), _card("Another statement.")]
    assert draw_cards(cards, str(first)) == 2
    changed = [_card(), _card("A changed statement.")]
    assert draw_cards(changed, str(second), str(first)) == 1
    kept = second / _card().name()
    assert kept.read_bytes() == (first / _card().name()).read_bytes()
    assert (second / changed[1].name()).is_file()
    # On one file system the unchanged card is the same file (a hard link: no bytes copied),
    # and it outlives the last site.
    assert kept.stat().st_ino == (first / _card().name()).stat().st_ino
    shutil.rmtree(first)
    assert kept.read_bytes() == card_png(_card())


def test_korean_words_take_a_font_with_hangul_where_debian_has_it() -> None:
    from site_plugins.dossier.site.cards import NANUM, _dejavu, _family

    assert _family("Reported: 18 October 2024, Україна") == _dejavu()
    if not NANUM[1].is_file():
        pytest.skip("Debian's fonts-nanum is not installed (make test installs it)")
    assert _family("보도됨") == NANUM
    assert Image.open(io.BytesIO(card_png(_card("북한이 러시아에 병력을 보냈다.")))).size == (1200, 630)
