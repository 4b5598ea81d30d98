"""A centre's own site (`communs site-centre`) in a real browser, opened from its folder: zero axe violation on a
desktop and on a 390-pixel phone, no request anywhere, the skip link, one A4 sheet's worth of readable print."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from ..test_site_centre import projet, site  # noqa: F401 (fixtures)
from .test_pages import WCAG


@pytest.mark.parametrize("largeur", [1280, 390])
def test_the_centre_site_has_no_accessibility_violation(browser: Browser, site: Path, axe_script: Path, largeur: int) -> None:  # noqa: F811
    context = browser.new_context(locale="fr-FR", viewport={"width": largeur, "height": 900}, offline=True, bypass_csp=True)
    page = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.goto((site / "index.html").as_uri())
        assert page.evaluate("() => document.documentElement.scrollWidth") <= largeur, "no sideways scrolling"
        assert errors == []
        assert all(url.startswith("file:") for url in requests), requests
        page.add_script_tag(path=str(axe_script))
        result = page.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            WCAG,
        )
        assert [v["id"] for v in result["violations"]] == []
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.getAttribute('href')") == "#contenu"
        page.keyboard.press("Enter")
        assert page.evaluate("() => location.hash") == "#contenu"
    finally:
        context.close()
