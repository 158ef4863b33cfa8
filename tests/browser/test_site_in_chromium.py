"""The built site in a real browser: headless Chromium from Debian's package, driven by Playwright.

The site is served on 127.0.0.1 under ``/kontrak/`` (its path on GitHub Pages, so absolute links
such as the language switch work), then a visitor's path is followed: home page, catalog, a dataset
page with its schema download, the switch to English, and a search in each language. Screenshots
are saved to ``test-artifacts/browser/`` (git-ignored; CI keeps them).

The browser is ``$KONTRAK_CHROMIUM`` or ``/usr/bin/chromium`` (``apt-get install chromium``); no
browser is ever downloaded. Without it the test skips and says why, unless
``KONTRAK_REQUIRE_BROWSER`` is set (``.ci/run`` and the CI workflow set it), where it fails.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import REPO

pytestmark = [pytest.mark.slow, pytest.mark.browser]

ARTIFACTS = REPO / "test-artifacts" / "browser"
PREFIX = "/kontrak/"
LAUNCH_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DATASET = "riwayat-angka-kredit"


def _chromium() -> str:
    path = os.environ.get("KONTRAK_CHROMIUM") or "/usr/bin/chromium"
    if Path(path).is_file() and os.access(path, os.X_OK):
        return path
    reason = f"Chromium not found at {path} (install it with `apt-get install chromium`)"
    if os.environ.get("KONTRAK_REQUIRE_BROWSER"):
        pytest.fail(reason + "; KONTRAK_REQUIRE_BROWSER is set, so this test must run")
    pytest.skip(reason)


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site under /kontrak/, as GitHub Pages does."""

    def translate_path(self, path: str) -> str:
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if not clean.startswith(PREFIX):
            return str(Path(self.directory) / "__not_found__")
        return super().translate_path("/" + clean.removeprefix(PREFIX))

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    handler = functools.partial(_SiteHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    finally:
        server.shutdown()
        server.server_close()


def _heading(page) -> str:  # type: ignore[no-untyped-def]
    """The page's title heading, without its permalink sign."""
    return str(page.locator("article h1").first.inner_text()).replace("¶", "").strip()


def _search(page, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Type ``query`` into the site search and return the result links."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill("")
    box.type(query, delay=30)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=15_000)
    return [str(results.nth(i).get_attribute("href")) for i in range(results.count())]


def test_a_visitor_finds_a_dataset_switches_language_and_searches(site_url: str) -> None:
    executable = _chromium()
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    contract = json.loads(
        (REPO / f"contracts/{DATASET}/1.0.0/schema.json").read_text(encoding="utf-8")
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=LAUNCH_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="id-ID")
            page.goto(site_url)
            assert _heading(page) == "Kontrak Data LAN–BKN"
            assert "pusdatin@lan.go.id" in page.content()
            page.screenshot(path=ARTIFACTS / "01-beranda.png", full_page=True)

            page.locator("article a[href$='katalog/']").first.click()
            page.wait_for_url("**/katalog/")
            assert _heading(page) == "Katalog Lampiran"
            page.screenshot(path=ARTIFACTS / "02-katalog.png", full_page=True)

            page.locator(f"article a[href*='datasets/{DATASET}/']").first.click()
            page.wait_for_url(f"**/datasets/{DATASET}/1.0.0/")
            assert page.locator("#field-nipBaru").count() == 1
            download = page.locator("#downloads ~ ul a").first.get_attribute("href")
            schema_url = page.evaluate("h => new URL(h, location.href).href", download)
            assert schema_url.endswith(contract["$id"].removeprefix("https://lan-bkn.github.io"))
            served = page.request.get(schema_url)
            assert served.ok, schema_url
            assert served.json()["$id"] == contract["$id"]
            page.screenshot(path=ARTIFACTS / "03-dataset.png", full_page=True)

            english = page.locator("a[hreflang='en']").first.get_attribute("href")
            page.goto(page.evaluate("h => new URL(h, location.href).href", english))
            page.wait_for_url(f"**/en/datasets/{DATASET}/1.0.0/")
            assert "Credit-point history" in _heading(page)
            assert page.locator("html").get_attribute("lang") == "en"
            page.screenshot(path=ARTIFACTS / "04-dataset-en.png", full_page=True)

            links = _search(page, "credit-point")
            assert any("/en/" in link for link in links), links
            page.screenshot(path=ARTIFACTS / "05-cari-en.png")

            page.goto(site_url)
            links = _search(page, "kerahasiaan")
            assert any("keamanan" in link and "/en/" not in link for link in links), links
            page.screenshot(path=ARTIFACTS / "06-cari-id.png")
        finally:
            browser.close()
