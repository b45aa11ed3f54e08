"""HTML fragments kept out of Markdown, and put back after Markdown has run.

A generated page is Markdown only in its headings (so that MkDocs builds the table of contents
and the permalinks as for any page); everything between the headings is HTML the templates
made. Python-Markdown would parse that HTML again, tag by tag, to find where each block ends:
on a dossier of thousands of claims that was most of the build. Instead, :func:`split` replaces
each run of HTML between headings by a one-word paragraph (a placeholder), and :func:`restore`
swaps the fragments back into the HTML that Markdown made of the page.

This is the same trick Python-Markdown's own "HTML stash" plays, one step earlier. Editor text
only ever appears inside fragments, already escaped or sanitised, so it can neither be read as
Markdown nor make a placeholder of its own: :func:`restore` makes one pass over Markdown's
output and never looks inside what it puts back.

No MkDocs import.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: The placeholder of fragment N: letters and digits only, so Markdown leaves it as it is.
PLACEHOLDER = "DOSSIERSTASH{}X"
_PLACEHOLDER_P = re.compile(r"<p>DOSSIERSTASH(\d+)X</p>")
#: An ATX heading line: Markdown's, kept in the page.
_HEADING = re.compile(r"#{1,6}[ \t]")


def split(text: str) -> tuple[str, list[str]]:
    """``text`` with every run of non-heading lines after the front matter made a placeholder.

    Returns the Markdown to give MkDocs and the fragments: one per run of lines between
    headings, in order, with ``""`` for a run that holds nothing (it gets no placeholder). Two
    texts with the same headings thus number their fragments alike, so the fragments of one
    can be put into the Markdown of the other (a page and its search view).
    """
    front = ""
    body = text
    if text.startswith("---\n"):
        end = text.find("\n---\n", 3)
        if end >= 0:
            front, body = text[: end + 5], text[end + 5 :]
    out: list[str] = [front] if front else []
    fragments: list[str] = []
    run: list[str] = []

    def flush() -> None:
        chunk = "".join(run).strip("\n")
        run.clear()
        if chunk.strip():
            out.append("\n" + PLACEHOLDER.format(len(fragments)) + "\n\n")
            fragments.append(chunk)
        else:
            fragments.append("")

    for line in body.splitlines(keepends=True):
        if _HEADING.match(line):
            flush()
            out.append("\n" + line.rstrip("\n") + "\n")
        else:
            run.append(line)
    flush()
    return "".join(out), fragments


def headings(markdown: str) -> list[str]:
    """The heading lines of a text :func:`split` made (what two views of a page must share)."""
    return [line for line in markdown.splitlines() if _HEADING.match(line)]


def restore(html: str, fragments: Sequence[str]) -> str:
    """Markdown's HTML of a page with each placeholder paragraph replaced by its fragment."""
    if not fragments:
        return html

    def put_back(match: re.Match[str]) -> str:
        index = int(match.group(1))
        return fragments[index] if index < len(fragments) else match.group(0)

    return _PLACEHOLDER_P.sub(put_back, html)
