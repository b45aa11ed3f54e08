"""The built-site checks of `dossier check`: internal links and anchors, off-site requests."""

from __future__ import annotations

from pathlib import Path

from site_plugins.dossier.editors.sitecheck import site_problems

HOME = """<!doctype html><html><head>
<link rel="canonical" href="https://news.example/dossier/">
<link rel="stylesheet" href="assets/site.css">
<link rel="stylesheet" href="https://cdn.example/theme.css">
<script src="//cdn.example/app.js"></script>
<style>body { background: url("https://img.example/bg.png") }</style>
</head><body>
<h1 id="top">Home</h1>
<a href="#top">up</a> <a href="#nowhere">down</a>
<a href="page/">page</a> <a href="page/#part">part</a> <a href="page/#missing">missing</a>
<a href="gone.html">gone</a> <a href="https://news.example/elsewhere">a link away</a>
<a href="mailto:desk@news.example">mail</a>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">
<img srcset="small.png 1x, https://img.example/big.png 2x" alt="">
<div style="background-image: url(https://img.example/tile.png)"></div>
</body></html>
"""


def write_site(root: Path) -> Path:
    (root / "page").mkdir(parents=True)
    (root / "assets").mkdir()
    (root / "index.html").write_text(HOME, encoding="utf-8")
    (root / "page" / "index.html").write_text(
        '<p id="part">A part. <a href="../">home</a></p>', encoding="utf-8"
    )
    (root / "small.png").write_bytes(b"")
    (root / "assets" / "site.css").write_text(
        'p { color: red }\n@import "https://fonts.example/font.css";\n', encoding="utf-8"
    )
    return root


def test_every_broken_link_anchor_and_off_site_request_is_reported(tmp_path: Path) -> None:
    assert site_problems(write_site(tmp_path)) == [
        "index.html:4: loads https://cdn.example/theme.css from another host",
        "index.html:5: loads //cdn.example/app.js from another host",
        "index.html:6: loads https://img.example/bg.png from another host",
        "index.html:9: link to #nowhere: no #nowhere in index.html",
        "index.html:10: link to page/#missing: no #missing in page/index.html",
        "index.html:11: link to gone.html: no such file in the site",
        "index.html:14: loads https://img.example/big.png from another host",
        "index.html:15: loads https://img.example/tile.png from another host",
        "assets/site.css:2: loads https://fonts.example/font.css from another host",
    ]


def test_a_sound_site_has_no_problem(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text(
        '<a href="a/#x">a</a><a href="https://x.example/">away</a>', encoding="utf-8"
    )
    (site / "a" / "index.html").write_text(
        '<h2 id="x">x</h2><a href="../index.html#">home</a>', encoding="utf-8"
    )
    assert site_problems(site) == []
