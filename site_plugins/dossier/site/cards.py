"""Social cards: the 1200×630 PNG a link preview shows for a claim, a question or the site.

Drawn at build time with Pillow in DejaVu Sans, the font that matplotlib ships in its package
(``mpl-data/fonts/ttf``; the DejaVu fonts' licence, a free licence of the Bitstream Vera kind,
is ``LICENSE_DEJAVU`` beside them): no Cairo, no web font, no network. DejaVu Sans has Latin,
Greek and Cyrillic but no Hangul: a card with Korean text is drawn in Debian's Nanum Gothic
(``fonts-nanum``, SIL Open Font License) where that package is installed. A card is a paletted
PNG of a few hundred grey levels and the status colours: a fraction of the bytes and of the
time of a full-colour one, and the same bytes for the same text every time (Pillow writes no
date into a PNG).

A card's file name ends with a digest of what it shows (:meth:`Card.name`): a card that has not
changed keeps its address (and link previews their cache), and a build takes it from the
previous site (a hard link, else a copy) instead of drawing it again (:func:`draw_cards`). No
MkDocs import.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.ImageFont import FreeTypeFont

WIDTH, HEIGHT = 1200, 630
#: Changes whenever the drawing changes, so that no card of an older look is reused.
DRAWING = "4"
MARGIN = 64
#: The palette: 16 grey levels (ink to paper, enough for smooth letters), then the accent colours.
GREYS = 16
INK = (24, 24, 32)
PAPER = (255, 255, 255)
ACCENTS: dict[str, tuple[int, int, int]] = {
    "confirmed": (0, 114, 65),
    "reported": (0, 92, 160),
    "unverified": (110, 110, 110),
    "disputed": (184, 72, 0),
    "denied": (160, 30, 60),
    "superseded": (110, 110, 110),
    "retracted": (120, 40, 120),
    "settled": (0, 114, 65),
    "open": (110, 110, 110),
    "site": (0, 92, 160),
}
_ACCENT_INDEX = {name: GREYS + i for i, name in enumerate(ACCENTS)}
#: The grey of the lines under the title (who, when): a palette index, between ink and paper.
GREY_TEXT = 3
#: zlib's level for the PNG data: level 3 encodes in half the time of the default 6 (the
#: encoding was half of a card's time), for files about a third larger (some 23 KB a card).
COMPRESS_LEVEL = 3


@dataclass(frozen=True)
class Card:
    """What one card shows (plain text: the pages' words, in the site's language)."""

    #: the file's stem in the cards folder, e.g. ``claims/some-claim``
    stem: str
    #: the status or ``site``: the colour of the band and the label
    accent: str
    label: str
    title: str
    lines: tuple[str, ...]
    footer: str

    def name(self) -> str:
        """The file's path in the cards folder: the stem and a digest of the card's content."""
        text = "\x1f".join((DRAWING, self.accent, self.label, self.title, *self.lines, self.footer))
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
        return f"{self.stem}-{digest}.png"


def draw_cards(cards: Sequence[Card], folder: str, previous: str | None = None) -> int:
    """Write each card's PNG into ``folder``; one with the same name in ``previous`` (the last
    site's cards folder) is linked (or copied) instead of drawn, or left as it is when
    ``previous`` is ``folder`` itself (a rebuild in place: a card's name says what it shows).
    Returns how many were drawn.

    A top-level function of plain data, so that a build can run it in another process."""
    drawn = 0
    out = Path(folder)
    old = Path(previous) if previous else None
    made: set[Path] = set()
    for card in cards:
        name = card.name()
        target = out / name
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        if old == out and target.is_file():
            continue
        if old is not None and old != out and _take(old / name, target):
            continue
        target.write_bytes(card_png(card))
        drawn += 1
    return drawn


def _take(source: Path, target: Path) -> bool:
    """Put the last site's card at ``target``: a hard link (no bytes copied; a card file is never
    written again, only replaced by one of another name), else a copy; False if there is none."""
    try:
        os.link(source, target)
    except FileNotFoundError:  # new or changed since the last site
        return False
    except OSError:  # another file system, or links not allowed there
        shutil.copyfile(source, target)
    return True


def card_png(card: Card) -> bytes:
    """The card as PNG bytes."""
    import io

    from PIL import Image, ImageDraw

    # Drawn straight in palette indices: ink 0 to paper GREYS - 1 (the letters' smoothed edges
    # fall between), then the accent in its own colour; the palette makes it a paletted image.
    image = Image.new("L", (WIDTH, HEIGHT), GREYS - 1)
    draw = ImageDraw.Draw(image)
    family = _family("".join((card.label, card.title, *card.lines, card.footer)))
    y = MARGIN
    draw.text((MARGIN, y), card.label.upper(), font=_font(family, True, 30), fill=0)
    y += 62
    title_font = _font(family, True, 50 if len(card.title) < 140 else 40)
    for line in _wrap(draw, card.title, title_font, WIDTH - 2 * MARGIN, 5 if len(card.title) < 140 else 6):
        draw.text((MARGIN, y), line, font=title_font, fill=0)
        y += int(title_font.size * 1.25)
    small = _font(family, False, 30)
    y = HEIGHT - MARGIN - 40 - 44 * len(card.lines)
    for line in card.lines:
        draw.text((MARGIN, y), _fit(draw, line, small, WIDTH - 2 * MARGIN), font=small, fill=GREY_TEXT)
        y += 44
    footer_font = _font(family, True, 26)
    footer = _fit(draw, card.footer, footer_font, WIDTH - 2 * MARGIN)
    draw.text((MARGIN, HEIGHT - MARGIN - 10), footer, font=footer_font, fill=0)
    accent = _ACCENT_INDEX.get(card.accent, _ACCENT_INDEX["site"])
    draw.rectangle((0, 0, 20, HEIGHT), fill=accent)
    draw.rectangle((MARGIN, MARGIN + 44, MARGIN + 120, MARGIN + 48), fill=accent)
    image.putpalette(_palette())
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=COMPRESS_LEVEL)
    return buffer.getvalue()


@lru_cache(maxsize=1)
def _palette() -> list[int]:
    colours = [
        tuple(INK[c] + (PAPER[c] - INK[c]) * i // (GREYS - 1) for c in range(3)) for i in range(GREYS)
    ]
    colours += list(ACCENTS.values())
    colours += [PAPER] * (256 - len(colours))
    return [v for colour in colours for v in colour]


def _dejavu() -> tuple[Path, Path]:
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"


#: Debian's fonts-nanum (SIL Open Font License), for text DejaVu Sans has no letters for
#: (Korean), where the package is installed.
NANUM = (
    Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf"),
    Path("/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf"),
)


@lru_cache(maxsize=4)
def _letters(path: Path) -> frozenset[int]:
    from matplotlib.ft2font import FT2Font

    return frozenset(FT2Font(str(path)).get_charmap())


@lru_cache(maxsize=256)
def _family(text: str) -> tuple[Path, Path]:
    """The fonts for ``text``: DejaVu Sans, or Nanum Gothic for letters DejaVu Sans lacks."""
    regular = _dejavu()
    needed = {ord(ch) for ch in text if not ch.isspace()}
    if needed <= _letters(regular[1]) or not NANUM[1].is_file():
        return regular
    return NANUM


@lru_cache(maxsize=16)
def _font(family: tuple[Path, Path], bold: bool, size: int) -> FreeTypeFont:
    from PIL import ImageFont

    # The basic layout (no text shaping library): several times faster, and enough for the
    # scripts these fonts cover.
    return ImageFont.truetype(str(family[1] if bold else family[0]), size, layout_engine=ImageFont.Layout.BASIC)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: FreeTypeFont, width: int, most: int) -> list[str]:
    """``text`` in lines of at most ``width`` pixels, at most ``most`` lines (the last cut)."""
    lines: list[str] = []
    current = ""
    words = text.split()
    for i, word in enumerate(words):
        attempt = f"{current} {word}".strip()
        if current and draw.textlength(attempt, font=font) > width:
            lines.append(current)
            current = word
            if len(lines) == most:
                rest = " ".join(words[i:])
                lines[-1] = _fit(draw, lines[-1] + " " + rest, font, width)
                return lines
        else:
            current = attempt
    if current:
        lines.append(current)
    return lines


def _fit(draw: ImageDraw.ImageDraw, text: str, font: FreeTypeFont, width: int) -> str:
    """``text`` cut at a word (with an ellipsis) to fit in ``width`` pixels."""
    if draw.textlength(text, font=font) <= width:
        return text
    words = text.split()
    while len(words) > 1 and draw.textlength(" ".join(words) + "…", font=font) > width:
        words.pop()
    return " ".join(words).rstrip(",;:.") + "…"


if TYPE_CHECKING:
    from PIL import ImageDraw
