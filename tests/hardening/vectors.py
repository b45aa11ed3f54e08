"""XSS vectors after the OWASP XSS filter-evasion cheat sheet, and text made of them.

Raw NUL characters cannot be written in YAML (the loader refuses them, tested separately), so
the null-byte variants use the forms that reach a page: character references and %00.
"""

from __future__ import annotations

import itertools

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
    '<IMG SRC=# onmouseover="alert(9)">',
    "<svg/onload=alert(10)>",
    "<body onload=alert(11)>",
    "<details open ontoggle=alert(12)>",
    "<input autofocus onfocus=alert(13)>",
    '<div onmouseover="alert(14)" style="position:fixed;inset:0">cover</div>',
    '<a href="https://example.org/" onclick="alert(15)">click</a>',
    '<img """><script>alert(16)</script>">',
    # attribute breaking
    '"><script>alert(17)</script>',
    "'><img src=x onerror=alert(18)>",
    '" onmouseover="alert(19)" x="',
    # addresses in HTML
    '<a href="javascript:alert(20)">js</a>',
    "<IMG SRC=JaVaScRiPt:alert(21)>",
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(22)">ent</a>',
    '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(23)">hex</a>',
    '<a href="jav&#x09;ascript:alert(24)">tab</a>',
    '<a href="jav&#x0A;ascript:alert(25)">newline</a>',
    '<a href="java&#0;script:alert(26)">nul</a>',
    '<a href=" &#14;  javascript:alert(27)">space</a>',
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
    '<object data="javascript:alert(41)"></object>',
    '<embed src="javascript:alert(42)">',
    '<form action="javascript:alert(43)"><input type=submit value=go></form>',
    "<button formaction=javascript:alert(44)>go</button>",
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
    "<![CDATA[<script>alert(54)</script>]]>",
    '<noscript><p title="</noscript><img src=x onerror=alert(55)>">',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(56)>",
    '<svg><a xlink:href="javascript:alert(57)"><text y="9">svg</text></a></svg>',
    # already-escaped text must stay text
    "&lt;script&gt;alert(58)&lt;/script&gt;",
    "%3Cscript%3Ealert(59)%3C/script%3E",
    "{{ 7*7 }} {% raw %} ${alert(60)}",
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
_counter = itertools.count()
_position = itertools.count()


def reset() -> None:
    """Start the rotation again (so the same dossier comes out every time)."""
    global _counter, _position
    _counter, _position = itertools.count(), itertools.count()


def hostile(record: str, field: str, long: bool) -> str:
    """A text for ``record.field``: long fields get every vector, short ones (at most 300
    characters) the next few in turn; each starts with a spreadsheet formula."""
    formula = FORMULAS[next(_counter) % len(FORMULAS)]
    if long:
        return f"{formula} {record} {field}.\n\n" + "\n\n".join(VECTORS) + "\n"
    parts = [f"{formula} {record} {field}"]
    while True:
        vector = _SHORT[next(_position) % len(_SHORT)]
        if len(" ".join([*parts, vector])) > 300:
            return " ".join(parts)
        parts.append(vector)
