"""The sanitiser (``site/sanitise.py``): Markdown fields keep simple formatting, plain text is
escaped. What hostile text becomes is tested in ``tests/hardening/test_hostile_text.py``."""

from __future__ import annotations

from site_plugins.dossier.site.sanitise import markdown_html, plain_html


def test_markdown_fields_keep_simple_formatting() -> None:
    html = str(markdown_html("Some *emphasis*, **strong**, a [link](https://example.org) and\n\n- a list"))
    assert "<em>emphasis</em>" in html and "<strong>strong</strong>" in html
    assert '<a href="https://example.org" rel="nofollow noopener noreferrer">link</a>' in html
    assert "<li>a list</li>" in html


def test_plain_text_is_escaped() -> None:
    assert str(plain_html('<b>"x"</b> & *y*')) == "&lt;b&gt;&#34;x&#34;&lt;/b&gt; &amp; *y*"
