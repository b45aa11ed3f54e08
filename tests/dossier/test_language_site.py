"""The first dossier in Korean and in Ukrainian: real strict builds with ``theme.language: ko``
and ``uk``, read for any English the plugin wrote.

Everything the generated pages show is either the records' text (statements, quotes, names,
question texts, source titles, units: the editors' words, which stay as written) or the
plugin's words, which must be in the site's language. The records' text is read from
claims.yaml and mkdocs.yml, not listed here; the plugin's English is every message of the
catalogue, cut at its placeholders. A run of Latin letters on a generated page (its article,
its ``<title>``, its description, its charts' and controls' text) that is not the records'
text, or that is one of the catalogue's English fragments, is English left behind.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from enum import StrEnum
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from babel import Locale
from babel.messages.pofile import read_po
from mkdocs.utils import yaml_load

from site_plugins.dossier.checking import validate
from site_plugins.dossier.history.git import read_versions
from site_plugins.dossier.reading.load import load_text
from site_plugins.dossier.records import model
from site_plugins.dossier.site.i18n import locale_folder
from site_plugins.dossier.site.texts import tag_name

from .kit import CLAIMS, REPO

LANGUAGES = ("ko", "uk")
#: Where a page's words are: the article, and what the theme writes from the page's title and
#: description into the head.
HEAD_TEXT = re.compile(r'<title>(.*?)</title>|<meta name="description" content="([^"]*)"', re.S)
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w+\}")
#: A run of text without letters of the site's script: Latin words, figures, punctuation.
LATIN_RUN = re.compile(
    r"[A-Za-z0-9\xc0-\u024f][A-Za-z0-9\xc0-\u024f '’\-.&/+]*[A-Za-z0-9\xc0-\u024f.]|[A-Za-z]{2,}"
)
#: Addresses and file names are the same in every language.
ADDRESS = re.compile(r"https?://\S+|\b[\w.-]+(?:/[\w.-]+)+/?|\b[\w-]+\.(?:csv|json|xml|html|yaml)\b")
#: " - " parts a page title from the site's name; a run is cut there too.
SEPARATOR = re.compile(r" [-–—·|] ")
WORD = re.compile(r"[A-Za-z]{2,}")
#: Figures cut a run: the records' units and names sit beside the site's own numbers.
FIGURE = re.compile(r"(?<![A-Za-z])[0-9][0-9,. \u202f\xa0]*(?![A-Za-z])")
#: File formats and the like are the same in every language.
ACRONYM = re.compile(r"[A-Z]{2,5}(?:-[A-Z]{2,5})*")
#: Names of formats and programs readers use, which no language translates.
NAMES = {"Atom", "Zotero"}
#: What is around a text but not of it: spaces, punctuation, a cut text's ellipsis.
STRIP = " ,.;:()·—-/&+\"'’“”…"
#: The records' vocabularies as the records spell them (statuses, kinds, grades, yes and no):
#: the site says them in its own words, so they are not the editors' text.
VOCABULARY = {
    m.value
    for e in vars(model).values()
    if isinstance(e, type) and issubclass(e, StrEnum) and e is not StrEnum
    for m in e
}
#: English month names, whole and short (Babel's): a date the site wrote in English.
MONTHS = {name for width in ("wide", "abbreviated") for name in Locale("en").months["format"][width].values()}
#: A text cut short for a title or a description: from a separator to its ellipsis.
CUT = re.compile(r"([^·]+)…")
#: Attributes whose text readers see or hear.
SHOWN_ATTRIBUTES = ("alt", "aria-label", "title", "placeholder")
#: Elements whose text is not read: scripts, and code to copy (the embed's HTML, a citation).
HIDDEN = ("script", "style", "template", "code", "pre", "textarea")


class _Text(HTMLParser):
    """The text a reader sees or hears on a page, as nodes: text, and the attributes above."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.nodes: list[str] = []
        self._hidden = 0
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN:
            self._hidden += 1
        for name, value in attrs:
            if name in SHOWN_ATTRIBUTES and value:
                self.nodes.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden and data.strip():
            self.nodes.append(data)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, (list, tuple, set)):
        for item in value:
            yield from _strings(item)


def _letter(char: str) -> bool:
    return bool(char) and ((char.isascii() and char.isalpha()) or "\xc0" <= char <= "\u024f")


def _words(text: str) -> str:
    return " ".join(w.strip(".,;:()\"'’") for w in text.casefold().split())


def _squash(text: str) -> str:
    return " ".join(text.split())


class RecordText:
    """The editors' words: every string of claims.yaml and of the site's configuration."""

    def __init__(self, strings: Iterator[str]) -> None:
        words: set[str] = set()
        for text in strings:
            if text in VOCABULARY:
                continue  # a status or a kind as the records spell it: the site words it
            words.add(_squash(text))
            if re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", text):  # ids, tags and scopes as words
                words.update({tag_name(text), text.replace("-", " ")})
        self._text = "\n" + "\n".join(sorted(words)) + "\n"
        #: each whole string, as the words a value is made of ("US dollars", "announced")
        self._whole = {_words(text) for text in words}
        self._exact = words
        #: the strings to take out of a text that mixes them with the site's words, longest first
        self._longest = sorted((w for w in words if len(w) >= 3), key=len, reverse=True)

    def _cut_short(self, match: re.Match[str]) -> str:
        """The longest end of the text before an ellipsis that starts a record's text, taken out."""
        before = match.group(1)
        for start in [0, *(m.end() for m in re.finditer(r"\s+", before))]:
            if self.has(before[start:].strip()):
                return before[:start] + " · "
        return match.group(0)

    def is_whole(self, text: str) -> bool:
        """Whether ``text`` is one of the editors' strings exactly (a tag's name, a unit)."""
        return text in self._exact

    def without(self, text: str) -> str:
        """``text`` with every editors' string in it taken out (where it stands as whole words),
        and the start of one cut short ("They said the…")."""
        text = CUT.sub(self._cut_short, text)
        for word in self._longest:
            if word in text:
                pattern = (r"(?<![A-Za-z])" if word[0].isalpha() else "") + re.escape(word)
                pattern += r"(?![A-Za-z])" if word[-1].isalpha() else ""
                text = re.sub(pattern, " · ", text)
        return text

    def made_of(self, piece: str) -> bool:
        """Whether ``piece`` is whole record strings one after the other (a unit, then a scope)."""
        words = _words(piece).split()
        done = [True] + [False] * len(words)
        for end in range(1, len(words) + 1):
            done[end] = any(done[start] and " ".join(words[start:end]) in self._whole for start in range(end))
        return done[-1]

    def has(self, piece: str) -> bool:
        """Whether ``piece`` is in the editors' words, as whole words."""
        start = self._text.find(piece)
        while start >= 0:
            before, after = self._text[start - 1], self._text[start + len(piece) : start + len(piece) + 1]
            if not (_letter(before) and _letter(piece[0])) and not (_letter(after) and _letter(piece[-1])):
                return True
            start = self._text.find(piece, start + 1)
        return False


def catalogue_fragments(language: str) -> set[str]:
    """The catalogue's English, cut at placeholders: the fragments with a word in them."""
    path = Path(str(locale_folder() / language / "LC_MESSAGES" / "dossier.po"))
    with path.open("rb") as f:
        catalog = read_po(f, locale=language)
    fragments: set[str] = set()
    for message in catalog:
        for msgid in message.id if isinstance(message.id, tuple) else (message.id,):
            for fragment in PLACEHOLDER.split(msgid or ""):
                fragment = _squash(fragment).strip(" ,.;:()·—-\"'")
                if WORD.search(fragment):
                    fragments.add(fragment.casefold())
    return fragments


class Reader:
    """What is English on a built page that should not be."""

    def __init__(self, records: RecordText, fragments: set[str]) -> None:
        self.records = records
        self.fragments = fragments

    def english(self, nodes: list[str]) -> list[str]:
        found: list[str] = []
        for node in nodes:
            node = _squash(node)
            core = node.strip(STRIP)
            if self.records.is_whole(core):
                continue  # a record's string as it is: a tag's name, a unit, a name
            if core.casefold() not in self.fragments and self.records.has(core):
                continue  # a record's text (or a part of one, where Markdown cut it)
            left = self._pieces(node)
            if left:  # the site's words around the records' text (a title, a citation)
                left = self._pieces(self.records.without(node))
            found.extend(left)
        return found

    def _pieces(self, node: str) -> list[str]:
        found: list[str] = []
        for part in SEPARATOR.split(ADDRESS.sub(" · ", node)):
            for run in LATIN_RUN.findall(part):
                found.extend(self._english_pieces(run))
                if found and found[-1] == run.strip(STRIP):  # a run of words, cut at its figures
                    found.pop()
                    for piece in FIGURE.split(run):
                        found.extend(self._english_pieces(piece))
        return found

    def _english_pieces(self, piece: str) -> Iterator[str]:
        piece = piece.strip(STRIP)
        if not WORD.search(piece) or ACRONYM.fullmatch(piece) or piece in NAMES:
            return
        recorded = self.records.has(piece) or self.records.made_of(piece)
        dated = any(word in MONTHS for word in re.findall(r"[A-Za-z]+", piece))
        if piece.casefold() in self.fragments or dated or not recorded:
            yield piece


with (REPO / "mkdocs.yml").open("rb") as _f:
    #: The site's configuration: its name, description, nav and theme are the editors' words.
    SETTINGS: dict[str, Any] = yaml_load(_f)


def record_text() -> RecordText:
    """The editors' words: the records of every committed version of claims.yaml (the changes
    page quotes earlier ones), the current file, and the site's name, description and nav."""
    result = validate.load_and_validate(CLAIMS)
    assert result.ok and result.data is not None
    loaded = [load_text(v.text) for v in read_versions(CLAIMS).versions]
    versions = [v.located.data for v in loaded if v.located is not None]
    settings = [SETTINGS.get("site_name"), SETTINGS.get("site_description"), SETTINGS.get("nav")]
    return RecordText(_strings([result.data.model_dump(mode="json"), versions, settings]))


@pytest.fixture(scope="module")
def records() -> RecordText:
    return record_text()


@pytest.fixture(scope="module", params=LANGUAGES)
def built(request: pytest.FixtureRequest, build_once: Callable[..., Any]) -> tuple[str, Any]:
    language = request.param
    theme = dict(SETTINGS["theme"], language=language)
    return language, build_once(REPO, theme=theme)


def generated_pages(site: Any) -> list[str]:
    """The pages the plugin writes: every page but those of content/ and the editors' reference."""
    content = REPO / "content"
    written = {p.relative_to(content).with_suffix("").as_posix() for p in content.rglob("*.md")}
    pages = []
    for path in sorted(site.site_dir.rglob("index.html")):
        url = path.parent.relative_to(site.site_dir).as_posix()
        url = "" if url == "." else url
        if url and (url in written or url.startswith("reference")):
            continue
        if url.startswith(("search", "assets")):
            continue
        pages.append(url + "/" if url else "")
    return pages


def shown_text(site: Any, url: str) -> list[str]:
    """The text of a generated page: its article (on the home page, the plugin's section only),
    its title and its description."""
    html = site.page(url)
    nodes = _Text(generated_article(site, url)).nodes
    for title, description in HEAD_TEXT.findall(html):
        text = html_text(title or description)
        if title:  # the page's title, then the site's name; a page in the nav has its title there
            text = text.removesuffix(f" - {SETTINGS['site_name']}")
            text = "" if text in nav_titles(SETTINGS["nav"]) else text
        nodes.append(text)
    return [n for n in nodes if n]


def generated_article(site: Any, url: str) -> str:
    """A generated page's article; on the home page, the plugin's section only (the rest is
    the editors' content/index.md)."""
    article = site.content(url)
    if url == "":
        start = article.index('<div class="dossier-short-answer">')
        end = article.find('<h2 id="about"', start)
        article = article[start : end if end > 0 else None]
    return str(article)


def html_text(html: str) -> str:
    return "".join(_Text(html).nodes)


def nav_titles(nav: Any) -> set[str]:
    """The page titles editors give in mkdocs.yml's nav."""
    titles: set[str] = set()
    for item in nav if isinstance(nav, list) else []:
        for title, target in item.items() if isinstance(item, dict) else ():
            titles.add(title)
            titles |= nav_titles(target)
    return titles


class _Found:
    def __init__(self) -> None:
        self.by_page: dict[str, list[str]] = {}

    def add(self, url: str, words: list[str]) -> None:
        if words:
            self.by_page[url] = sorted(set(words))

    def report(self) -> str:
        every: dict[str, list[str]] = {}
        for url, words in self.by_page.items():
            for word in words:
                every.setdefault(word, []).append(url or "/")
        return "\n".join(
            f"{word!r} on {len(urls)} pages, e.g. {urls[0]}" for word, urls in sorted(every.items())
        )


class _Site:
    def __init__(self, language: str, site: Any, records: RecordText) -> None:
        self.language, self.site = language, site
        self.reader = Reader(records, catalogue_fragments(language))

    @cached_property
    def pages(self) -> list[str]:
        return generated_pages(self.site)


@pytest.fixture(scope="module")
def site(built: tuple[str, Any], records: RecordText) -> _Site:
    return _Site(built[0], built[1], records)


def test_the_built_site_is_in_the_language(site: _Site) -> None:
    assert f'<html lang="{site.language}"' in site.site.page("")
    assert len(site.pages) > 50  # claims, questions, sources, the listings, the changes


def test_no_english_left_on_the_generated_pages(site: _Site) -> None:
    found = _Found()
    for url in site.pages:
        found.add(url, site.reader.english(shown_text(site.site, url)))
    assert not found.by_page, f"{site.language}: English left:\n{found.report()}"


def test_no_english_left_on_the_embeds_the_feeds_and_the_error_page(site: _Site) -> None:
    found = _Found()
    for path in sorted((site.site.site_dir / "embed").glob("*.html")):
        found.add(f"embed/{path.name}", site.reader.english(_Text(path.read_text(encoding="utf-8")).nodes))
    for path in sorted(site.site.site_dir.glob("feed*.xml")):
        titles = re.findall(r"<title[^>]*>(.*?)</title>", path.read_text(encoding="utf-8"), re.S)
        found.add(path.name, site.reader.english([html_text(t) for t in titles]))
    error_page = site.site.content("404.html")
    found.add("404.html", site.reader.english(_Text(error_page).nodes))
    assert not found.by_page, f"{site.language}: English left:\n{found.report()}"


#: The letters of each language's own script.
SCRIPT = {"ko": re.compile("[\uac00-\ud7a3]"), "uk": re.compile("[\u0400-\u04ff]")}
#: Headings, table headers, labels, buttons, summaries, captions and badges.
LABELS = re.compile(
    r"<(h[1-6]|th|label|button|summary|caption|dt)\b[^>]*>(.*?)</\1>"
    r'|<span class="dossier-badge[^"]*"[^>]*>(.*?)</span>',
    re.S,
)


def test_headings_labels_badges_and_titles_are_in_the_language(site: _Site) -> None:
    """What names a page and its parts says it in the site's script, once the records' words
    are taken out: a heading of a question's text or an actor's name leaves nothing."""
    script, records = SCRIPT[site.language], site.reader.records
    english: dict[str, str] = {}
    for url in site.pages:
        html = site.site.page(url)
        article = generated_article(site.site, url)
        texts = [html_text(m.group(2) or m.group(3) or "") for m in LABELS.finditer(article)]
        texts += [html_text(t or d) for t, d in HEAD_TEXT.findall(html)]
        for text in texts:
            text = text.replace("¶", "").removesuffix(f" - {SETTINGS['site_name']}").strip()
            if not text or records.is_whole(text) or text in nav_titles(SETTINGS["nav"]):
                continue
            rest = ADDRESS.sub(" ", records.without(text))
            if WORD.search(rest) and not script.search(rest) and not ACRONYM.fullmatch(rest.strip(STRIP)):
                english.setdefault(text, url or "/")
    assert not english, f"{site.language}: not in the language: {english}"


def test_the_fact_check_markup_rates_in_the_language(site: _Site) -> None:
    """The ClaimReview's rating name (what a search engine shows beside the claim)."""
    script = SCRIPT[site.language]
    ratings = []
    for url in site.pages:
        for body in re.findall(
            r'<script type="application/ld\+json">(.*?)</script>', site.site.page(url), re.S
        ):
            data = json.loads(body)
            if data.get("@type") == "ClaimReview":
                ratings.append(data["reviewRating"]["alternateName"])
    assert ratings and all(script.search(name) for name in ratings), (site.language, sorted(set(ratings)))


def test_the_reader_finds_english() -> None:
    """The reader above can fail: English beside records, and a record word alone, are told apart."""
    records = RecordText(iter(["Seoul's spy agency", "troops", "north-shore"]))
    reader = Reader(records, {"at least", "cite this claim", "evidence"})
    assert reader.english(["Seoul's spy agency", "10,000 troops", "North Shore", "근거", "CSV"]) == []
    assert reader.english(["at least 10,000 troops"]) == ["at least"]
    assert reader.english(["Evidence", "Cite this claim", "근거: Sources"]) == [
        "Evidence",
        "Cite this claim",
        "Sources",
    ]
