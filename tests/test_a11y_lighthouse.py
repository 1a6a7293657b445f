"""Lighthouse (npm 12.8.2, mobile, site served with gzip): accessibility, best practices and SEO at least 95."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.browser


def test_lighthouse_scores_on_home_catalogue_and_a_case(built_site):
    result = subprocess.run([sys.executable, str(REPO / "scripts" / "lighthouse.py"), str(built_site), "--json"],
                            capture_output=True, text=True, timeout=900, check=False)
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert list(scores) == ["", "dobra-praxe/", "dobra-praxe/podpora-komunitni-prace-v-msk-ii/"]
    for page, s in scores.items():
        assert 0 <= s["performance"] <= 100   # a figure for the scale work, printed by the script
        assert min(s["accessibility"], s["best-practices"], s["seo"]) >= 95, (page, s)


def test_lighthouse_script_serves_with_gzip(built_site):
    """The performance figure is measured as a real host serves the site: compressed."""
    import urllib.request

    sys.path.insert(0, str(REPO / "scripts"))
    try:
        from lighthouse import serve_gzip
    finally:
        sys.path.pop(0)
    with serve_gzip(built_site) as base:
        request = urllib.request.Request(base + "dobra-praxe/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
        with urllib.request.urlopen(base + "dobra-praxe") as response:   # a folder without '/' is redirected, then served
            assert response.url.endswith("/dobra-praxe/") and response.status == 200
