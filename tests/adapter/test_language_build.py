"""The site in the reader's language: real builds of the fixture dossier with
``theme.language`` set to Korean and to Ukrainian. The claim pages, question pages and embeds
say their headings, labels, statuses and dates in that language."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from fixtures import MINI_DIR

#: Words the English claim and question pages use as headings and labels.
ENGLISH = [
    "Evidence",
    "Conflicts",
    "Cite this claim",
    "Answer",
    "Who",
    "When",
    "Question",
    "Claims",
    "Last updated",
    "Independent origins",
    "Disputed",
    "Reported",
    "What we know",
    "Outlet",
]
EXPECTED = {
    "ko": ["근거", "상충", "이 주장 인용하기", "답", "누가", "언제", "논란", "2024년 10월"],
    "uk": [
        "Докази",
        "Суперечності",
        "Як цитувати це твердження",
        "Відповідь",
        "Хто",
        "Коли",
        "Спірне",
        "жовтня 2024",
    ],
}


@pytest.fixture(scope="module", params=sorted(EXPECTED))
def translated(request: pytest.FixtureRequest, build_once: Callable[..., Any]) -> tuple[str, Any]:
    language = request.param
    theme = {"name": "material", "language": language, "font": False, "features": ["content.action.edit"]}
    return language, build_once(MINI_DIR, theme=theme)


def _headings_and_labels(html: str) -> list[str]:
    found = re.findall(r"<(?:h[1-6]|dt|summary)[^>]*>(.*?)</(?:h[1-6]|dt|summary)>", html, re.S)
    found += re.findall(r'class="dossier-badge[^"]*"[^>]*>(.*?)</span>', html)
    return [re.sub(r"<[^>]+>", "", text).strip() for text in found]


def test_claim_pages_speak_the_language(translated: tuple[str, Any]) -> None:
    language, site = translated
    page = site.page("claims/count-40/")
    assert f'<html lang="{language}"' in page
    content = site.content("claims/count-40/")
    for word in EXPECTED[language]:
        assert word in content, (language, word)
    labels = _headings_and_labels(content)
    left = [text for text in labels if text.rstrip("¶ ") in ENGLISH]
    assert not left, (language, left)


def test_question_pages_and_embeds_speak_the_language(translated: tuple[str, Any]) -> None:
    language, site = translated
    labels = _headings_and_labels(site.content("questions/how-many-lanterns/"))
    assert labels and not [text for text in labels if text.rstrip("¶ ") in ENGLISH], (language, labels)
    embed = (site.site_dir / "embed" / "count-40.html").read_text(encoding="utf-8")
    assert f'<html lang="{language}">' in embed
    assert not [text for text in _headings_and_labels(embed) if text in ENGLISH]
    assert EXPECTED[language][3] in embed  # "Answer"


HOME = {"ko": ["짧은 답", "검토", "주장 "], "uk": ["Коротка відповідь", "Переглянуто", "твердж"]}


def test_the_home_pages_answer_speaks_the_language(translated: tuple[str, Any]) -> None:
    language, site = translated
    home = site.content("")
    for word in HOME[language]:
        assert word in home, (language, word)
    for english in ("The short answer", "Reviewed ", "What is disputed"):
        assert english not in home, (language, english)
    assert not re.search(r"\d+ (claims?|conflicts?|disputed|open|settled)\b", home), language
