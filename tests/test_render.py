from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT
from vn_postal_nlp.render import render_page

EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("render") / "page.html"
    assert render_page([str(EXAMPLES)], output=out) == len(list(EXAMPLES.glob("*.txt")))
    return out


def test_page_is_self_contained_with_entities_and_events(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html and "http" not in html.split("<body>")[1]
    assert html.count("<article>") == 3
    assert "Bưu điện tỉnh Hà Nam" in html and "<mark" in html
    assert "class='event' data-type='RESULT'" in html


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(_chromium() is None, reason="no Chromium on this machine (Debian package chromium)")
def test_page_renders_in_headless_chromium(page: Path, tmp_path: Path) -> None:
    cmd = [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()]
    dom = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=True).stdout
    assert dom.count("<mark") >= 10, "entities are highlighted"
    assert dom.count('class="event"') >= 3, "event rows are in the tables"
    assert "RESULT" in dom and "AWARD" in dom and "PLAN_LAUNCH" in dom
