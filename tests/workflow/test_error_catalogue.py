"""The errors page lists every message the validator can give, and only those.

The messages are read from the validator's code (``messages.py``); the page's lists (each after
a ``<!-- message-list -->`` marker) must hold exactly the same templates. A message added to
the code without its line on the page, or a line left on the page after its message is gone,
fails here.
"""

from __future__ import annotations

import re

from .conftest import REPO
from .messages import messages

PAGE = REPO / "content" / "editors" / "errors.md"
ITEM = re.compile(r"^- `(?P<message>[^`]+)`$")


def _listed() -> list[str]:
    text = PAGE.read_text(encoding="utf-8")
    found: list[str] = []
    for part in text.split("<!-- message-list -->")[1:]:
        for line in part.lstrip("\n").splitlines():
            if line.startswith("#"):
                break
            match = ITEM.match(line)
            if match:
                found.append(match["message"])
    return found


def test_the_page_lists_every_message_of_the_code_once() -> None:
    listed = _listed()
    assert len(listed) == len(set(listed)), "a message is listed twice"
    code = messages(REPO / "site_plugins" / "dossier")
    assert sorted(code - set(listed)) == [], "messages the page does not list"
    assert sorted(set(listed) - code) == [], "messages on the page that the code no longer gives"


def test_the_messages_found_include_the_ones_the_examples_show() -> None:
    """The reading of the code finds real messages: those the page's examples print."""
    code = messages(REPO / "site_plugins" / "dossier")
    for expected in (
        "YAML syntax error: a field name is not followed by a colon",
        "unknown field '…'",
        "no … with id '…'",
        "confirmed on one independent origin (…), not two",
        "the text stops before ' #': YAML reads … as a comment and drops it",
    ):
        assert expected in code
    assert len(code) > 80
