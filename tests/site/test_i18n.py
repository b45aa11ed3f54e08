"""The site in the reader's language: the catalogues are complete and current, and dates,
numbers and the templates' words follow the language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from markupsafe import Markup

from site_plugins.dossier.site.environment import environment
from site_plugins.dossier.site.i18n import Words, catalogue_languages, locale_folder, translations

REPO = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w+)\}")


def _extracted() -> set[str | tuple[str, str]]:
    """Every message the templates and the code mark, as Babel extracts them (babel.cfg)."""
    method_map = [
        ("site_plugins/dossier/**.py", "python"),
        ("site_plugins/dossier/site/templates/**.j2", "jinja2"),
    ]
    options = {"site_plugins/dossier/site/templates/**.j2": {"extensions": "jinja2.ext.i18n"}}
    found: set[str | tuple[str, str]] = set()
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(REPO), method_map, options, keywords=keywords
    ):
        found.add(message if isinstance(message, str) else (message[0], message[1]))
    return found


def _catalogue(language: str) -> dict[str | tuple[str, str], object]:
    path = Path(str(locale_folder() / language / "LC_MESSAGES" / "dossier.po"))
    with path.open("rb") as f:
        catalog = read_po(f, locale=language)
    return {(m.id if isinstance(m.id, str) else (m.id[0], m.id[1])): m for m in catalog if m.id}


def test_english_korean_and_ukrainian_are_there() -> None:
    assert {"ko", "uk"} <= set(catalogue_languages())


@pytest.mark.parametrize("language", ["ko", "uk"])
def test_every_marked_message_is_translated_with_the_same_placeholders(language: str) -> None:
    marked = _extracted()
    assert len(marked) > 80
    catalogue = _catalogue(language)
    missing = sorted(str(m) for m in marked if m not in catalogue)
    assert not missing, f"{language}: not in the catalogue: {missing}"
    stale = sorted(str(m) for m in catalogue if m not in marked)
    assert not stale, f"{language}: no longer used: {stale}"
    for key, message in catalogue.items():
        strings = message.string if isinstance(message.string, tuple) else (message.string,)  # type: ignore[attr-defined]
        assert all(strings) and not message.fuzzy, f"{language}: untranslated: {key}"  # type: ignore[attr-defined]
        source = key if isinstance(key, str) else key[0]
        for text in strings:
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (language, key)


def test_dates_and_numbers_in_each_languages_own_form() -> None:
    assert Words("en").date("2024-10-23") == "23 October 2024"
    assert Words("ko").date("2024-10-23") == "2024년 10월 23일"
    assert Words("uk").date("2024-10-23") == "23 жовтня 2024\xa0року"  # not "р." before a full stop
    assert Words("uk").date("2024-10") == "жовтень 2024\xa0року"
    assert Words("ko").date("2024-10") == "2024년 10월"
    assert Words("uk").number(10000) == "10\xa0000"
    assert Words("en").number(10000) == "10,000"
    assert Words("uk").date("not a date") == "not a date"


def test_plurals_follow_the_language() -> None:
    uk = translations("uk")
    forms = [uk.ngettext("%(num)d claim", "%(num)d claims", n) % {"num": n} for n in (1, 3, 5)]
    assert forms == ["1 твердження", "3 твердження", "5 тверджень"]


def test_a_language_without_a_catalogue_gets_english_and_a_region_its_languages() -> None:
    assert translations("fr").gettext("Answer") == "Answer"
    assert translations("uk-UA").gettext("Answer") == "Відповідь"


def test_templates_speak_the_sites_language() -> None:
    template = '{{ _("Answer") }}: {{ STATUS_LABEL["reported"] }}, {{ "2024-10-23" | date_text }}'
    assert environment("ko").from_string(template).render() == "답: 보도됨, 2024년 10월 23일"
    assert environment("en").from_string(template).render() == "Answer: Reported, 23 October 2024"
    # Translations are escaped like any other text; placeholders keep their markup.
    rendered = (
        environment("uk")
        .from_string('{{ _(", as of %(date)s", date=d) }}')
        .render(d=Markup("<time>x</time>"))
    )
    assert rendered == ", станом на <time>x</time>"


def test_values_and_history_changes_follow_the_language() -> None:
    from site_plugins.dossier.history.words import Context, changes
    from site_plugins.dossier.records.model import Period, Value
    from site_plugins.dossier.site.environment import history_terms

    uk = Words("uk").wording
    assert uk.figure(Value(min=10000)) == "щонайменше 10\xa0000"
    assert (
        uk.period(Period(start="2024-10-01", end="2024-10-07"))
        == "з 1 жовтня 2024\xa0року до 7 жовтня 2024\xa0року"
    )
    question = {"id": "q", "text": "How many?", "kind": "quantity", "status": "open", "unit": "troops"}
    context = Context({"q": {**question, "assessment": "a", "assessed": "2024"}}, {})
    old = {
        "id": "c",
        "question": "q",
        "statement": "About 1,500.",
        "value": {"exactly": 1500},
        "status": "reported",
    }
    new = {**old, "statement": "About 3,000.", "value": {"exactly": 3000}, "status": "confirmed"}
    ko = Words("ko")
    said = [p.say(ko.wording, history_terms(ko.gettext)) for p in changes(old, new, context, context)]
    assert said == ["주장 문구 수정", "값 1,500 troops → 3,000 troops", "상태 보도됨 → 확인됨"]
    assert [str(p) for p in changes(old, new, context, context)] == [
        "statement reworded",
        "value 1,500 troops → 3,000 troops",
        "status reported → confirmed",
    ]
