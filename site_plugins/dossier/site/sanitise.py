"""Editor text to safe HTML.

Text fields
-----------

=====================================================  ==========  ===============================
Field                                                  Markdown?   How it is shown
=====================================================  ==========  ===============================
``questions[].assessment``                             yes         Markdown, then sanitised
``claims[].notes``                                     yes         Markdown, then sanitised
``resolutions[].note``                                 yes         Markdown, then sanitised
``sources[].notes``, ``reliability_note``,             yes         Markdown, then sanitised
``date_note``
``dossier.summary``                                    yes         Markdown, then sanitised
statements, quotes, citation notes, link notes,        no          plain text, HTML-escaped
names, roles, affiliations, headlines, outlets,
bylines, option labels, question texts, titles
=====================================================  ==========  ===============================

Markdown fields are converted with Python-Markdown and then cleaned with ``nh3`` (the
Rust ``ammonia`` sanitiser): only the tags in :data:`ALLOWED_TAGS` survive, links keep only
``http``, ``https`` and ``mailto`` addresses, and every ``style``, event handler, iframe,
form and script is removed. No regular expression touches HTML here.

This module has no MkDocs import.
"""

from __future__ import annotations

from functools import lru_cache

import markdown
import nh3
from markupsafe import Markup, escape

#: Tags an editor's Markdown may produce on the page.
ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "code",
        "em",
        "i",
        "li",
        "ol",
        "p",
        "pre",
        "strong",
        "sub",
        "sup",
        "ul",
    }
)
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {"a": {"href", "title"}, "abbr": {"title"}}
URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto"})
#: Markdown fields: rendered, then sanitised (the rest is plain text).
MARKDOWN_FIELDS: tuple[str, ...] = (
    "dossier.summary",
    "questions[].assessment",
    "claims[].notes",
    "resolutions[].note",
    "sources[].notes",
    "sources[].reliability_note",
    "sources[].date_note",
)


def clean_html(html: str) -> Markup:
    """Keep only harmless HTML (see :data:`ALLOWED_TAGS`); links get ``rel="nofollow noopener"``."""
    cleaned = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="nofollow noopener noreferrer",
        strip_comments=True,
    )
    return Markup(cleaned)


_MARKDOWN = markdown.Markdown(output_format="html")


@lru_cache(maxsize=8192)
def markdown_html(text: str | None) -> Markup:
    """An editor's Markdown text as sanitised HTML ("" for nothing).

    Cached: a source's notes appear on the page of every claim citing it."""
    if not text:
        return Markup("")
    html = _MARKDOWN.reset().convert(text)
    return clean_html(html)


def plain_html(text: str | None) -> Markup:
    """Plain editor text as HTML: escaped, nothing interpreted."""
    return escape(text or "")
