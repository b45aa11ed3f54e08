"""The Jinja environment the page templates are rendered in, and the text helpers they share.

Escaping rules: the environment autoescapes every value; Markdown fields go through
:func:`sanitise.markdown_html` (the ``md`` filter; see the "Text fields" table there). Page
titles go into front matter HTML-escaped and JSON-quoted, because the theme writes
``page.title`` into the HTML without escaping it. No MkDocs import.
"""

from __future__ import annotations

import html
import json
from functools import lru_cache
from gettext import NullTranslations
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import jinja2
from markupsafe import Markup

from . import texts
from .i18n import Words, translations
from .sanitise import markdown_html

K = TypeVar("K")


@lru_cache(maxsize=8)
def environment(language: str | None = None) -> jinja2.Environment:
    """The environment of the package's templates, with the filters and words they use, in
    ``language`` (``theme.language``; see :mod:`.i18n`): ``_()`` in a template is gettext.

    One per language and process: its compiled templates serve every build (``mkdocs serve``
    builds again on each save), and Jinja still reads a template again if its file changed."""
    words = Words(language)
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("site_plugins.dossier.site", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )
    catalogue = translations(language)
    env.install_gettext_translations(catalogue, newstyle=True)  # type: ignore[attr-defined]
    env.globals.update(_quick_gettext(catalogue))
    env.filters["md"] = markdown_html
    env.filters["date_text"] = words.date
    env.filters["number"] = words.number
    tr = words.gettext
    terms = {} if words.english else history_terms(tr)
    env.filters["said"] = lambda phrases: "; ".join(p.say(words.wording, terms) for p in phrases)
    env.globals.update(
        CLAIM_STATUS_TEXT=_translated(texts.CLAIM_STATUS_TEXT, tr),
        QUESTION_STATUS_TEXT=_translated(texts.QUESTION_STATUS_TEXT, tr),
        RELIABILITY_TEXT=_translated(texts.RELIABILITY_TEXT, tr),
        CREDIBILITY_TEXT=_translated(texts.CREDIBILITY_TEXT, tr),
        SOURCE_KIND_TEXT=_translated(texts.SOURCE_KIND_TEXT, tr),
        CONFLICT_KIND_TEXT=_translated(texts.CONFLICT_KIND_TEXT, tr),
        ACTOR_KIND_TEXT=_translated(texts.ACTOR_KIND_TEXT, tr),
        SOURCE_KIND_NAME=_translated(texts.SOURCE_KIND_NAME, tr),
        CONFIDENCE_TEXT=_translated(texts.CONFIDENCE_TEXT, tr),
        KIND_TEXT=_translated(texts.RECORD_KIND_TEXT, tr),
        DOWNLOAD_TEXT=_translated(texts.DOWNLOAD_TEXT, tr),
        QUESTION_GROUP_HEADING=_translated(texts.QUESTION_GROUP_HEADING, tr),
        STATUS_LABEL=_translated(texts.STATUS_LABEL, tr),
        STATUS_COUNT_WORD=_translated(texts.STATUS_COUNT_WORD, tr),
        LANGUAGE=words.language.replace("_", "-"),
        date_words=words.date,
    )
    # The shared macros, made once: an {% import %} in each template would make them again
    # for each of thousands of pages.
    env.globals["m"] = env.get_template("_macros.j2").make_module()
    env.globals["h"] = env.get_template("_history.j2").make_module()
    return env


def _quick_gettext(catalogue: NullTranslations) -> dict[str, Callable[..., Markup]]:
    """``_``, ``gettext`` and ``ngettext`` exactly as Jinja's i18n extension makes them (new
    style, autoescaped: the translation is Markup, always a format string for its variables),
    without its two context look-ups per call: a claim page calls them some forty times, and a
    translation is looked up once per process."""
    known: dict[str, Markup] = {}

    def gettext(string: str, /, **variables: Any) -> Markup:
        found = known.get(string)
        if found is None:
            found = known[string] = Markup(catalogue.gettext(string))
        return found % variables

    def ngettext(singular: str, plural: str, num: int, /, **variables: Any) -> Markup:
        variables.setdefault("num", num)
        return Markup(catalogue.ngettext(singular, plural, num)) % variables

    return {"_": gettext, "gettext": gettext, "ngettext": ngettext}


def _translated(words: Mapping[K, str], gettext: Callable[[str], str]) -> dict[K, str]:
    return {key: gettext(text) for key, text in words.items()}


def history_terms(gettext: Callable[[str], str]) -> dict[str, dict[str, str]]:
    """The vocabularies' words in the site's language, for the history's changes of status,
    kind and confidence (English keeps the words as the records have them)."""
    kinds = {**texts.SOURCE_KIND_NAME, **texts.ACTOR_KIND_TEXT, **texts.QUESTION_KIND_NAME}
    return {
        "status": _translated(texts.STATUS_LABEL, gettext),
        "kind": _translated(kinds, gettext),
        "confidence": _translated(texts.CONFIDENCE_TEXT, gettext),
    }


def front_matter(
    title: str,
    *,
    description: str | None = None,
    tags: Iterable[str] = (),
    hide: Iterable[str] = (),
    search_exclude: bool = False,
) -> Markup:
    """YAML front matter; text is HTML-escaped (the theme prints it raw) and JSON-quoted.

    ``tags`` are the records' tag ids, written as their readable names (Material's tags plugin
    shows the name and makes the id again for its anchor); ``hide`` names what Material leaves
    out of the page (``navigation``, ``toc``, ``tags``); ``search_exclude`` leaves the page out
    of the search index."""
    lines = ["---", f"title: {json.dumps(html.escape(title), ensure_ascii=False)}"]
    if description:
        lines.append(f"description: {json.dumps(html.escape(description), ensure_ascii=False)}")
    tag_list = sorted(set(tags))
    if tag_list:
        lines.append("tags:")
        lines.extend(f"  - {json.dumps(texts.tag_name(t), ensure_ascii=False)}" for t in tag_list)
    hidden = list(hide)
    if hidden:
        lines.append("hide:")
        lines.extend(f"  - {name}" for name in hidden)
    if search_exclude:
        lines.extend(["search:", "  exclude: true"])
    lines.append("---")
    return Markup("\n".join(lines) + "\n")


def shorten(text: str, limit: int = 90) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:.") + "…"
