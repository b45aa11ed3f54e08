"""whitespace.squeeze: line-break runs made one line break, except where white space shows."""

from __future__ import annotations

from site_plugins.dossier.site.whitespace import squeeze


def test_blank_lines_and_indentation_go() -> None:
    html = "<div>\n    <p>One</p>\n\n      \n  <p>Two  words</p>  \n</div>\n"
    assert squeeze(html) == "<div>\n<p>One</p>\n<p>Two  words</p>  \n</div>\n"


def test_white_space_without_a_line_break_is_kept() -> None:
    assert squeeze("<p>a  <b>b</b> \t c</p>") == "<p>a  <b>b</b> \t c</p>"


def test_a_no_break_space_after_a_line_break_is_kept() -> None:
    assert squeeze("<p>a\n\u00a0b</p>") == "<p>a\n\u00a0b</p>"


def test_a_line_break_between_words_stays_a_space_in_the_rendering() -> None:
    assert squeeze("<p>first\n      second</p>") == "<p>first\nsecond</p>"


def test_preformatted_text_scripts_and_styles_are_left_alone() -> None:
    pre = "<pre><code>def f():\n\n    return 1\n</code></pre>"
    script = '<script type="application/ld+json">\n  {\n\n    "a": 1\n  }\n</script>'
    style = "<STYLE>\n  p {\n\n  color: red }\n</STYLE>"
    area = "<textarea>\n  keep\n\n  me</textarea>"
    html = f"<div>\n  {pre}\n\n  {script}\n  {style}\n  {area}\n</div>"
    assert squeeze(html) == f"<div>\n{pre}\n{script}\n{style}\n{area}\n</div>"


def test_squeezing_twice_changes_nothing_more() -> None:
    html = "<ul>\n  <li>a</li>\n\n  <li>b</li>\n</ul>\n<pre>\n x\n\n</pre>\n\n"
    assert squeeze(squeeze(html)) == squeeze(html)
