"""In a real browser: the Content-Security-Policy holds on every genre of page, and no XSS vector of the corpus,
built in non-strict mode (where the check does not stop the build), opens a dialog or reaches another host."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from ..conftest import build_site
from ..hostile import pages_xss, site
from .conftest import serve
from .test_pages import PAGES

# Records every policy violation the page reports, from before its first script.
ECOUTE = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


class Sonde:
    """A page opened with the policy enforced (never bypassed), with its dialogs, requests and violations."""

    def __init__(self, browser: Browser, url: str) -> None:
        self.context = browser.new_context(locale="fr-FR", bypass_csp=False)
        self.context.add_init_script(ECOUTE)
        self.page: Page = self.context.new_page()
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.console: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.console.append(m.text))
        self.page.goto(url, wait_until="load", timeout=60_000)

    def _dialog(self, dialog: object) -> None:
        self.dialogs.append(getattr(dialog, "message", "?"))
        dialog.dismiss()

    def secouer(self) -> None:
        """Move, hover, focus and click over the content, as a reader would: handlers that wait for it get their chance."""
        page = self.page
        article = page.locator("article").first
        if article.count():
            box = article.bounding_box()
            if box:
                for step in range(5):
                    page.mouse.move(box["x"] + 10 + step * box["width"] / 5, box["y"] + 10 + step * box["height"] / 5)
        for _ in range(5):
            page.keyboard.press("Tab")
        # Clicks everything but links: following an allowed https:// link is not an attack.
        page.evaluate("() => document.querySelectorAll('article p, article img, article div').forEach(e => e.click())")

    def violations(self) -> list[str]:
        return list(self.page.evaluate("() => window.__violations"))

    def ailleurs(self, site_url: str) -> list[str]:
        host = urlsplit(site_url).netloc
        return [u for u in self.requests if urlsplit(u).scheme not in {"data", "blob"} and urlsplit(u).netloc != host]

    def close(self) -> None:
        self.context.close()


@pytest.mark.parametrize("genre", list(PAGES))
def test_the_policy_is_on_every_page_and_never_violated(browser: Browser, site_url: str, genre: str) -> None:
    sonde = Sonde(browser, site_url + PAGES[genre])
    try:
        sonde.page.wait_for_load_state("networkidle")
        policy = sonde.page.locator('meta[http-equiv="Content-Security-Policy"]')
        assert policy.count() == 1
        content = policy.get_attribute("content") or ""
        assert "script-src 'self'" in content and "unsafe-inline" not in content and "object-src 'none'" in content
        assert sonde.page.locator("script:not([src]):not([type])").count() == 0, "script écrit dans la page"
        assert sonde.violations() == []
        assert not [m for m in sonde.console if "Content Security Policy" in m]
    finally:
        sonde.close()


@pytest.fixture(scope="module")
def xss_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    root = tmp_path_factory.mktemp("xss")
    pages = pages_xss()
    built = build_site(site(root / "projet", pages), root / "site", strict=False)
    assert not built.failed, built.log
    server, url = serve(root / "site")
    yield url, [Path(p).relative_to("content").with_suffix("").as_posix() + "/" for p in pages]
    server.shutdown()


def test_no_vector_opens_a_dialog_or_reaches_another_host(browser: Browser, xss_site: tuple[str, list[str]]) -> None:
    url, pages = xss_site
    problems: list[str] = []
    for page in pages:
        sonde = Sonde(browser, url + page)
        try:
            assert sonde.page.locator("h1").count() >= 1, page
            sonde.secouer()
            sonde.page.wait_for_load_state("networkidle")
            if sonde.dialogs:
                problems.append(f"{page} : boîte de dialogue {sonde.dialogs}")
            if sonde.ailleurs(url):
                problems.append(f"{page} : requêtes vers un autre hôte {sonde.ailleurs(url)}")
        finally:
            sonde.close()
    assert problems == []


def test_the_probe_does_see_a_dialog_when_one_opens(browser: Browser) -> None:
    """The harness itself: an unsanitized vector in a page without policy does open a dialog."""
    context = browser.new_context()
    try:
        page = context.new_page()
        seen: list[str] = []
        page.on("dialog", lambda d: (seen.append(d.message), d.dismiss()))
        page.set_content('<img src="x" onerror="alert(42)">')
        page.wait_for_timeout(500)
        assert seen == ["42"]
    finally:
        context.close()
