"""XSS vectors after the OWASP XSS filter-evasion cheat sheet, text made of them, and the one
hostile dossier written from them (``tests/fixtures/hostile/claims.yaml``).

Raw NUL characters cannot be written in YAML (the loader refuses them, tested separately), so
the null-byte variants use the forms that reach a page: character references and %00.

The hostile dossier is :func:`kit.dossier` with :func:`hostile` text in every free-text field.
``test_hostile_text.py`` reads every page of its site as HTML and ``tests/browser/test_xss.py``
opens them in Chromium; both build the committed file, which this module writes again::

    .venv/bin/python -m tests.hardening.vectors > tests/fixtures/hostile/claims.yaml
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from . import kit

VECTORS: tuple[str, ...] = (
    # script elements: case, nesting, broken closing, inside other markup
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
    "<ScRiPt>alert(2)</sCrIpT>",
    "<<SCRIPT>alert(3);//<</SCRIPT>",
    "<scr<script>ipt>alert(4)</scr</script>ipt>",
    "<script/xss src=https://xss.example/x.js></script>",
    "<script>alert(5)",
    "</script><script>alert(6)</script>",
    "<svg><script>alert(7)</script></svg>",
    # event handlers
    "<img src=x onerror=alert(8)>",
    '<img src=x onerror="alert(63)">',
    '<IMG SRC=# onmouseover="alert(9)">',
    "<svg/onload=alert(10)>",
    "<svg onload=alert(62)>",
    "<body onload=alert(11)>",
    "<details open ontoggle=alert(12)>",
    "<input autofocus onfocus=alert(13)>",
    '<div onmouseover="alert(14)" style="position:fixed;inset:0">cover</div>',
    "<div onmouseover=alert(64)>hover</div>",
    '<a href="https://example.org/" onclick="alert(15)">click</a>',
    '<img """><script>alert(16)</script>">',
    # attribute breaking
    '"><script>alert(17)</script>',
    "'><img src=x onerror=alert(18)>",
    '" onmouseover="alert(19)" x="',
    # addresses in HTML
    '<a href="javascript:alert(20)">js</a>',
    "<IMG SRC=JaVaScRiPt:alert(21)>",
    '<IMG SRC="jav&#x09;ascript:alert(65);">',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(22)">ent</a>',
    '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(23)">hex</a>',
    '<a href="jav&#x09;ascript:alert(24)">tab</a>',
    '<a href="jav&#x0A;ascript:alert(25)">newline</a>',
    '<a href="java&#0;script:alert(26)">nul</a>',
    '<a href=" &#14;  javascript:alert(27)">space</a>',
    '<a href="  javascript:alert(66)">spaces</a>',
    '<a href="vbscript:msgbox(28)">vb</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgyOSk8L3NjcmlwdD4=">data</a>',
    "<a href=java%00script:alert(30)>pct-nul</a>",
    # addresses in Markdown: inline, image, autolink, reference
    "[md](javascript:alert(31))",
    "[upper](JaVaScRiPt:alert(32))",
    "![img](javascript:alert(33))",
    "[vb](vbscript:msgbox(34))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgzNSk8L3NjcmlwdD4=)",
    "<javascript:alert(36)>",
    "[ref][r37]\n\n[r37]: javascript:alert(37)",
    "[amp](javascript&#58;alert(38))",
    # frames, objects, forms, document-level tags
    '<iframe src="javascript:alert(39)"></iframe>',
    '<iframe srcdoc="<script>alert(40)</script>"></iframe>',
    "<iframe src=https://example.org/framed></iframe>",
    '<object data="javascript:alert(41)"></object>',
    '<embed src="javascript:alert(42)">',
    '<form action="javascript:alert(43)"><input type=submit value=go></form>',
    "<button formaction=javascript:alert(44)>go</button>",
    "<form action=https://example.org/post><input name=a></form>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(45)">',
    '<base href="javascript:alert(46)//">',
    '<link rel=stylesheet href="javascript:alert(47)">',
    "<style>@import 'javascript:alert(48)';</style>",
    # styles
    '<p style="background:url(javascript:alert(49))">bg</p>',
    '<div style="width: expression(alert(50));">expr</div>',
    '<span style="behavior:url(xss.htc)">htc</span>',
    # unclosed and malformed tags, comments, mixed content
    "<img src=x onerror=alert(51)",
    "<a href='javascript:alert(52)'",
    "<!--<script>alert(53)</script>-->",
    "<!-- <script>alert(67)</script> -->",
    "<![CDATA[<script>alert(54)</script>]]>",
    '<noscript><p title="</noscript><img src=x onerror=alert(55)>">',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(56)>",
    '<svg><a xlink:href="javascript:alert(57)"><text y="9">svg</text></a></svg>',
    # already-escaped text must stay text
    "&lt;script&gt;alert(58)&lt;/script&gt;",
    "&#60;script&#62;alert(68)&#60;/script&#62;",
    "%3Cscript%3Ealert(59)%3C/script%3E",
    "{{ 7*7 }} {% raw %} ${alert(60)}",
    "{{ 'INJ' ~ 7*7 }}",  # a template engine that ran editor text would print INJ49
    "{: onclick=alert(61) }",
)

#: Starts of spreadsheet formulas (the downloads must defuse them).
FORMULAS: tuple[str, ...] = (
    '=HYPERLINK("https://xss.example","x")',
    "+SUM(1,1)",
    "-1+1",
    "@SUM(1)",
    "\t=1+1",
    "\r=1+1",
)

_SHORT = tuple(v for v in VECTORS if "\n" not in v)
_ALERT = re.compile(r"\b(alert|msgbox)\((\d+)\)")
_counter = itertools.count(1)
_position = itertools.count()


def reset() -> None:
    """Start the rotation again (so the same dossier comes out every time)."""
    global _counter, _position
    _counter, _position = itertools.count(1), itertools.count()


def numbered(text: str, field: int) -> str:
    """``text`` with each ``alert(n)`` as ``alert(field * 100 + n)``: a dialog names the field
    (the field-th text made) as well as the vector."""
    return _ALERT.sub(lambda m: f"{m.group(1)}({field * 100 + int(m.group(2))})", text)


def hostile(record: str, field: str, long: bool) -> str:
    """A text for ``record.field``: long fields get every vector, short ones (at most 300
    characters) the next few in turn; each starts with a spreadsheet formula."""
    number = next(_counter)
    formula = FORMULAS[(number - 1) % len(FORMULAS)]
    if long:
        return numbered(f"{formula} {record} {field}.\n\n" + "\n\n".join(VECTORS) + "\n", number)
    parts = [f"{formula} {record} {field}"]
    while True:
        vector = _SHORT[next(_position) % len(_SHORT)]
        if len(numbered(" ".join([*parts, vector]), number)) > 300:
            return numbered(" ".join(parts), number)
        parts.append(vector)


def hostile_dossier() -> dict[str, Any]:
    """The hostile dossier as data: :func:`kit.dossier` with :func:`hostile` text."""
    reset()
    return kit.dossier(hostile)


HEADER = """\
# A hostile dossier: every free-text field carries XSS vectors after the OWASP XSS filter-evasion
# cheat sheet. Each alert(n) has its own number (field * 100 + vector), so a dialog names the
# field it came from. Valid in every other respect; quotes are not checked (no snapshots).
# Written by tests/hardening/vectors.py (python -m tests.hardening.vectors > this file).
"""


def fixture_text() -> str:
    """What ``tests/fixtures/hostile/claims.yaml`` holds."""
    return HEADER + kit.dump(hostile_dossier())


if __name__ == "__main__":
    print(fixture_text(), end="")
