"""Structured data in a page (``site/jsonld.py``)."""

from __future__ import annotations

import json

from site_plugins.dossier.site.jsonld import script_json


def test_script_json_cannot_close_its_script_element() -> None:
    obj = {"claimReviewed": "</script><script>alert(1)</script> & \u2028"}
    text = str(script_json(obj))
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == obj
