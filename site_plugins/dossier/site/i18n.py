"""The site in the reader's language (``theme.language``): message catalogues, dates, numbers.

The words the plugin writes for readers are English in the templates and the code, marked for
translation (``_()`` in templates, :func:`N_` for the vocabularies of :mod:`.texts`); their
translations are gettext catalogues in ``locale/LANG/LC_MESSAGES/dossier.po``, made and kept
with Babel::

    pybabel extract -F babel.cfg -o site_plugins/dossier/site/locale/dossier.pot site_plugins
    pybabel update -i site_plugins/dossier/site/locale/dossier.pot -d site_plugins/dossier/site/locale -D dossier

Only the ``.po`` files are in the repository: a build compiles the catalogue it needs in memory
(Babel, already a dependency through MkDocs). There is no compiled ``.mo`` to forget to
regenerate or to drift from its source, and the same ``.po`` gives the same translations, so the
site stays the same bytes. A language without a catalogue gets English. Editors' messages (the
``dossier`` command, build errors) stay English. No MkDocs import.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
from collections.abc import Callable
from functools import cached_property, lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

from ..records import values

DOMAIN = "dossier"
#: Where a language's long dates end in an abbreviation, which a sentence's full stop would
#: double ("… 23 жовтня 2024 р.."): the word in full, as its newsrooms write it.
SPELLED_OUT: dict[str, tuple[str, str]] = {"uk": ("\u202fр.", "\xa0року")}
#: The language the templates and the code are written in.
SOURCE_LANGUAGE = "en"


def N_(text: str) -> str:
    """Marks ``text`` for the catalogues where it is defined; it is translated where it is shown."""
    return text


def locale_folder() -> Traversable:
    return resources.files("site_plugins.dossier.site") / "locale"


def catalogue_languages() -> list[str]:
    """The languages that have a catalogue, sorted."""
    folder = locale_folder()
    return sorted(p.name for p in folder.iterdir() if (p / "LC_MESSAGES" / f"{DOMAIN}.po").is_file())


def language_code(language: str | None) -> str:
    """``theme.language`` as a catalogue's name: ``pt-BR`` -> ``pt_BR``; nothing -> English."""
    return (language or SOURCE_LANGUAGE).replace("-", "_")


@lru_cache(maxsize=8)
def translations(language: str | None) -> gettext.NullTranslations:
    """The translations into ``language`` (its catalogue, or its base language's: ``pt`` for
    ``pt_BR``); English, the null translations, when there is none."""
    code = language_code(language)
    for candidate in dict.fromkeys((code, code.split("_")[0])):
        po = locale_folder() / candidate / "LC_MESSAGES" / f"{DOMAIN}.po"
        if candidate != SOURCE_LANGUAGE and po.is_file():
            return _compile(po.read_bytes(), candidate)
    return gettext.NullTranslations()


def _compile(po: bytes, language: str) -> gettext.GNUTranslations:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(po), locale=language, domain=DOMAIN)
    mo = io.BytesIO()
    write_mo(mo, catalog, use_fuzzy=False)
    mo.seek(0)
    return gettext.GNUTranslations(mo)


class Words:
    """What a page says in one language beyond its catalogue: dates and numbers in the
    language's own form (Babel's CLDR data); English keeps the site's own form."""

    def __init__(self, language: str | None) -> None:
        self.language = language_code(language)
        self.english = self.language.split("_")[0] == SOURCE_LANGUAGE
        self._translations = translations(language)
        self.gettext: Callable[[str], str] = self._translations.gettext
        self.ngettext: Callable[[str, str, int], str] = self._translations.ngettext

    @cached_property
    def wording(self) -> values.Wording:
        """Values, figures and periods in this language (see :class:`~..records.values.Wording`)."""
        if self.english:
            return values.ENGLISH
        return values.Wording(self.gettext, self.date, self.number)

    def date(self, text: str) -> str:
        """A date as editors write it (``2024-10-23``, ``2024-10``, ``2024``), in words."""
        if self.english:
            return values.format_date(text)
        from babel.dates import format_date, format_skeleton

        parts = text.split("-")
        try:
            numbers = [int(p) for p in parts]
            if len(numbers) == 3:
                said = format_date(dt.date(*numbers), format="long", locale=self.language)
            elif len(numbers) == 2:
                said = format_skeleton("yMMMM", dt.date(numbers[0], numbers[1], 1), locale=self.language)
            else:
                return text
        except (ValueError, TypeError, LookupError):
            return text
        short, full = SPELLED_OUT.get(self.language.split("_")[0], ("", ""))
        return said[: -len(short)] + full if short and said.endswith(short) else said

    def number(self, value: float) -> str:
        """A number with the language's separators."""
        if self.english:
            return values.format_number(value)
        from babel.numbers import format_decimal

        return format_decimal(value, locale=self.language)
