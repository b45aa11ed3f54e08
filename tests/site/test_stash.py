"""The HTML stash: generated pages' HTML kept out of Markdown and put back after it (no build)."""

from __future__ import annotations

import markdown

from site_plugins.dossier.site import stash

PAGE = """---
title: "A page"
---
<div class="a">
<p>First &amp; <em>foremost</em></p>

<p>still the first run</p>
</div>

## Evidence { #evidence }

<blockquote><p>A quote</p></blockquote>

## Empty { #empty }

## Last { #last }
<p>Last words</p>
"""


def _markdown(text: str) -> str:
    body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
    return markdown.markdown(body, extensions=["attr_list", "md_in_html"])


def test_split_keeps_front_matter_and_headings_and_stashes_the_rest() -> None:
    md, fragments = stash.split(PAGE)
    assert md.startswith('---\ntitle: "A page"\n---\n')
    assert stash.headings(md) == ["## Evidence { #evidence }", "## Empty { #empty }", "## Last { #last }"]
    assert "<div" not in md and "<p>" not in md
    assert fragments[0].startswith('<div class="a">') and fragments[0].endswith("</div>")
    assert "<p>still the first run</p>" in fragments[0]  # a blank line does not end a run
    assert fragments[1] == "<blockquote><p>A quote</p></blockquote>"
    assert fragments[2] == ""  # an empty run: no placeholder, but its number is kept
    assert fragments[3] == "<p>Last words</p>"
    assert "DOSSIERSTASH2X" not in md


def test_markdown_then_restore_gives_the_html_back_in_place() -> None:
    md, fragments = stash.split(PAGE)
    html = stash.restore(_markdown(md), fragments)
    assert "DOSSIERSTASH" not in html
    assert html.index('<div class="a">') < html.index('<h2 id="evidence">Evidence</h2>')
    assert html.index("<blockquote><p>A quote</p></blockquote>") < html.index('<h2 id="empty">')
    assert html.rstrip().endswith("<p>Last words</p>")
    assert "First &amp; <em>foremost</em>" in html  # as the template wrote it, not re-read


def test_a_view_with_the_same_headings_numbers_its_fragments_alike() -> None:
    lean_page = PAGE.replace("<blockquote><p>A quote</p></blockquote>", "").replace("<p>Last words</p>", "x")
    md, _ = stash.split(PAGE)
    lean_md, lean = stash.split(lean_page)
    assert stash.headings(lean_md) == stash.headings(md)
    html = stash.restore(_markdown(md), lean)
    assert "A quote" not in html and html.rstrip().endswith("x")


def test_text_that_looks_like_a_placeholder_is_left_alone() -> None:
    """Editor text is inside fragments (escaped); restore makes one pass over Markdown's output."""
    md, fragments = stash.split("<p>DOSSIERSTASH0X</p>\n<p>&lt;p&gt;DOSSIERSTASH0X&lt;/p&gt;</p>\n")
    html = stash.restore(_markdown(md), fragments)
    assert html.count("DOSSIERSTASH0X") == 2  # both from the fragment, neither replaced again
    assert stash.restore("<p>DOSSIERSTASH7X</p>", ["only one"]) == "<p>DOSSIERSTASH7X</p>"
    assert stash.restore("<p>DOSSIERSTASH0X</p>", []) == "<p>DOSSIERSTASH0X</p>"
