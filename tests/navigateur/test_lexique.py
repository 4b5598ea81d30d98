"""The lexicon in a real browser: a glossary link reached with the keyboard shows its definition, which assistive
technologies read as the link's description; the booklet prints on A4 without navigation."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Page

from .test_pages import WCAG, Visit

SOLUTION = "prototypes/chill/"
FOCUSED_GLOSSARY_LINK = "() => !!document.activeElement.closest('.communs-glossaire') && document.activeElement.tagName === 'A'"


def _tab_to_glossary_link(page: Page, limit: int = 400) -> int:
    """Press Tab until a glossary link has the focus; the number of presses."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED_GLOSSARY_LINK):
            return presses
    raise AssertionError(f"aucun lien du glossaire atteint en {limit} appuis sur Tab")


def test_keyboard_focus_on_a_glossary_link_shows_and_describes_its_definition(browser: Browser, site_url: str) -> None:
    visit = Visit(browser, site_url + SOLUTION)
    try:
        page = visit.page
        first = page.locator("article .communs-glossaire > a").first
        bubble_id = first.get_attribute("aria-describedby")
        assert bubble_id
        bubble = page.locator(f"#{bubble_id}")
        assert not bubble.is_visible(), "hidden until hover or focus"
        _tab_to_glossary_link(page)
        focused = page.evaluate("() => document.activeElement.getAttribute('aria-describedby')")
        assert focused == bubble_id, "the first glossary link of the page is the first reached"
        assert bubble.is_visible()
        definition = bubble.inner_text()
        assert " : " in definition and len(definition) > 30, definition
        # What a screen reader announces with the link: the element named by aria-describedby.
        described = page.evaluate(
            "() => { const a = document.activeElement;"
            " return a.getAttribute('aria-describedby').split(' ').map(i => document.getElementById(i).textContent).join(' '); }"
        )
        assert described == definition.replace("\n", " ") or described.strip() == definition.strip()
        assert bubble.get_attribute("role") == "tooltip"
        box, link_box = bubble.bounding_box(), first.bounding_box()
        assert box and link_box and box["y"] >= link_box["y"] + link_box["height"] - 1, "under the word, not over it"
        # Escape hides the definition without moving the focus; leaving the link brings it back next time.
        page.keyboard.press("Escape")
        assert not bubble.is_visible()
        assert page.evaluate("() => document.activeElement.getAttribute('aria-describedby')") == bubble_id
        page.keyboard.press("Tab")
        page.keyboard.press("Shift+Tab")
        assert bubble.is_visible()
    finally:
        visit.close()


def test_hover_shows_the_definition_and_it_stays_under_the_pointer(browser: Browser, site_url: str) -> None:
    visit = Visit(browser, site_url + SOLUTION)
    try:
        link = visit.page.locator("article .communs-glossaire > a").first
        bubble = visit.page.locator(f"#{link.get_attribute('aria-describedby')}")
        link.hover()
        assert bubble.is_visible()
        bubble.hover()
        assert bubble.is_visible(), "the pointer can move onto the definition (WCAG 1.4.13)"
    finally:
        visit.close()


def test_a_shown_definition_has_no_accessibility_violation(browser: Browser, site_url: str, axe_script: Path) -> None:
    visit = Visit(browser, site_url + SOLUTION)
    try:
        page = visit.page
        _tab_to_glossary_link(page)
        page.evaluate(axe_script.read_text(encoding="utf-8"))  # the page's CSP refuses an injected <script>
        result = page.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            WCAG,
        )
        assert [f"{v['id']} : {v['help']}" for v in result["violations"]] == []
    finally:
        visit.close()


def test_the_glossary_works_without_javascript(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    try:
        page = context.new_page()
        page.goto(site_url + SOLUTION)
        link = page.locator("article .communs-glossaire > a").first
        bubble = page.locator(f"#{link.get_attribute('aria-describedby')}")
        link.focus()
        assert bubble.is_visible()
    finally:
        context.close()


def test_booklet_prints_on_a4_without_navigation(browser: Browser, site_url: str) -> None:
    """The booklet is in volumes of a few sheets (each page under 30 KB): its first page lists them, each volume
    prints alone on A4, and together they hold every word."""
    visit = Visit(browser, site_url + "lexique/livret/")
    try:
        page = visit.page
        volumes: list[str] = page.eval_on_selector_all(".communs-livret__tomes a[href]", "els => els.map(a => a.href)")
        assert len(volumes) >= 2 and all("/livret/" in v for v in volumes), volumes
        terms = 0
        for volume in volumes[1:]:
            page.goto(volume)
            terms += page.locator(".communs-livret__terme").count()
        page.goto(volumes[0])
        page.emulate_media(media="print")
        hidden = page.evaluate(
            "() => ['.md-header', '.md-sidebar--primary', '.md-footer'].map(s => document.querySelector(s))"
            ".filter(e => e && getComputedStyle(e).display !== 'none').map(e => e.className)"
        )
        assert hidden == [], "nothing but the booklet on paper"
        assert page.evaluate("() => getComputedStyle(document.querySelector('.communs-livret')).columnCount") == "2"
        terms += page.locator(".communs-livret__terme").count()
        assert terms >= 90
        pdf = page.pdf(format="A4", print_background=True)
        assert pdf.startswith(b"%PDF")
    finally:
        visit.close()
