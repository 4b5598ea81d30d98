"""Every genre of page in a real browser: no console error, no third-party request, zero axe violation,
keyboard access to the skip link, the menu and the search, and an activity sheet that prints on one A4 page."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

PAGES = {
    "accueil": "",
    "catalogue des solutions": "prototypes/",
    "catalogue des fiches": "fiches/",
    "index du lexique": "lexique/",
    "catégorie du lexique": "lexique/categories/materiel/",
    "mots demandés": "lexique/demandes/",
    "livret du lexique": "lexique/livret/",
    "catalogue des rapports": "rapports/",
    "arbre des territoires": "territoires/",
    "annuaire des centres": "centres/",
    "solution": "prototypes/chill/",
    "fiche d'activité": "fiches/malle-d-alie-coder-sans-ecran/",
    "mot du lexique": "lexique/wi-fi/",
    "rapport": "rapports/bilan-2020-csc-2-0/",
    "territoire avec carte": "territoires/metropole-europeenne-de-lille/",
    "centre": "centres/centre-social-la-busette/",
    "données ouvertes": "donnees/",
    "contribuer": "contribuer/",
}
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


class Visit:
    """A page opened in a fresh context, with what the browser said and asked for."""

    def __init__(self, browser: Browser, url: str) -> None:
        self.context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
        self.page: Page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.failed: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("requestfailed", lambda r: self.failed.append(r.url))
        self.page.on("response", lambda r: self.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        self.page.goto(url, wait_until="networkidle")

    def close(self) -> None:
        self.context.close()


@pytest.fixture(params=list(PAGES), ids=list(PAGES))
def visit(request: pytest.FixtureRequest, browser: Browser, site_url: str) -> Any:
    opened = Visit(browser, site_url + PAGES[request.param])
    yield opened
    opened.close()


def test_page_renders_without_console_error(visit: Visit) -> None:
    assert visit.page.locator("h1").count() == 1
    assert visit.failed == [], "ressources manquantes"
    assert visit.errors == [], "erreurs dans la console"


def test_page_makes_no_request_outside_the_site(visit: Visit, site_url: str) -> None:
    site_host = urlsplit(site_url).netloc
    outside = [u for u in visit.requests if urlsplit(u).scheme in {"http", "https"} and urlsplit(u).netloc != site_host]
    assert outside == [], "requêtes vers un autre hôte : " + ", ".join(outside)
    assert all(urlsplit(u).scheme in {"http", "data", "blob"} for u in visit.requests), visit.requests


def test_page_has_no_accessibility_violation(visit: Visit, axe_script: Path) -> None:
    visit.page.evaluate(axe_script.read_text(encoding="utf-8"))  # the page's CSP refuses an injected <script>
    result = visit.page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG,
    )
    report = [
        f"{v['id']} ({v['impact']}) : {v['help']}\n    " + "\n    ".join(" ".join(n["target"]) for n in v["nodes"][:5])
        for v in result["violations"]
    ]
    assert report == [], "axe-core :\n" + "\n".join(report)


def test_keyboard_reaches_skip_link_menu_search_and_content(browser: Browser, site_url: str) -> None:
    visit = Visit(browser, site_url + PAGES["solution"])
    try:
        page = visit.page
        page.keyboard.press("Tab")
        first = page.evaluate("() => [document.activeElement.className, document.activeElement.textContent.trim()]")
        assert "md-skip" in first[0], first
        reached: list[str] = []
        for _ in range(40):
            page.keyboard.press("Tab")
            reached.append(
                page.evaluate(
                    """() => { const e = document.activeElement;
                      const where = e.closest('.md-search') ? 'recherche' : e.closest('.md-nav--primary') ? 'menu'
                        : e.closest('article') ? 'contenu' : 'autre';
                      return where + ':' + (e.getAttribute('href') || e.tagName); }"""
                )
            )
        places = {r.split(":", 1)[0] for r in reached}
        assert {"recherche", "menu", "contenu"} <= places, reached
        # The skip link really moves the focus to the content.
        page.goto(site_url + PAGES["solution"])
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        target = page.evaluate(
            "() => { const t = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));"
            " return t ? !!t.closest('.md-content') : false; }"
        )
        assert target, "le lien d'évitement mène au contenu"
    finally:
        visit.close()


def _pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def test_activity_sheet_prints_on_one_a4_page(browser: Browser, site_url: str, shipped_fiches: list[str]) -> None:
    too_long = {}
    for slug in shipped_fiches:
        visit = Visit(browser, site_url + f"fiches/{slug}/")
        try:
            visit.page.emulate_media(media="print")
            count = _pdf_pages(visit.page.pdf(format="A4", print_background=True))
            if count != 1:
                too_long[slug] = count
        finally:
            visit.close()
    assert too_long == {}, f"fiches sur plus d'une page A4 : {too_long}"


@pytest.fixture(scope="module")
def shipped_fiches() -> list[str]:
    from ..conftest import REPO

    return sorted(p.stem for p in (REPO / "fiches").glob("*.md"))
