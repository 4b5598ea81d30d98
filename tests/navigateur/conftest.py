"""A real browser on the built site: Debian's Chromium driven by Playwright, the site served on localhost."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from scripts.navigateur import CHROMIUM_FLAGS, ServeurSilencieux

from ..conftest import REPO, Build

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(ServeurSilencieux, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


ENGINES = ["mkdocs", "pelican"]
DECALAGES = """() => new Promise((done) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) { if (!entry.hadRecentInput) total += entry.value; }
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => done(total), 500);
})"""
"""The cumulative layout shift of the open page (shifts after an input left out), once it has settled."""
"""Every browser test runs against both builds of the same content."""


@pytest.fixture(scope="session", params=ENGINES)
def site_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """The shipped site, built once by each engine; COMMUNS_SITE=dossier tests an already built copy instead."""
    prebuilt = os.environ.get("COMMUNS_SITE")
    if prebuilt:
        folder = Path(prebuilt)
    else:
        shipped: Build = request.getfixturevalue("shipped_site" if request.param == "mkdocs" else "shipped_pelican")
        assert not shipped.failed, shipped.log
        folder = shipped.site
    server, url = serve(folder)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Chromium est introuvable : « make test » l'installe (paquet Debian chromium).")
    browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if not AXE.is_file():
        pytest.fail("axe-core est introuvable : « make test » l'installe (npm ci).")
    return AXE


@contextlib.contextmanager
def page_sans_erreur(browser: Browser, width: int = 1280, height: int = 900, console: bool = True) -> Iterator[Page]:
    """A fresh French-speaking tab; when the test ends, no script error was raised (nor, if `console`, logged)."""
    context = browser.new_context(locale="fr-FR", viewport={"width": width, "height": height}, has_touch=width < 500)
    opened = context.new_page()
    errors: list[str] = []
    if console:
        opened.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    opened.on("pageerror", lambda e: errors.append(str(e)))
    yield opened
    context.close()
    assert errors == [], "erreurs JavaScript dans la page"
