"""The browser-test harness itself: what counts as leaving the machine, and CI never skipping."""

from __future__ import annotations

import pytest

from .conftest import _missing
from .harness import is_local

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://127.0.0.1:8123/claims/x/", True),
        ("ws://127.0.0.1:8123/livereload", True),
        ("data:image/svg+xml;base64,PHN2Zy8+", True),
        ("blob:http://127.0.0.1:8123/0a1b", True),
        ("about:blank", True),
        ("http://localhost:8123/", False),  # another name is another host for this rule
        ("https://api.github.com/repos/example/whatweknow", False),
        ("https://fonts.googleapis.com/css?family=Roboto", False),
        ("http://127.0.0.1.example.org/", False),
        ("ftp://127.0.0.1/file", False),
        ("chrome-extension://abc/script.js", False),
    ],
)
def test_what_counts_as_staying_on_the_machine(url: str, local: bool) -> None:
    assert is_local(url) is local


def test_a_missing_tool_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI is set"):
        _missing("chromium is not installed")


def test_a_missing_tool_skips_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        _missing("chromium is not installed")
