"""Pictures in a real browser, built by each engine (the test site with generated pictures: tests/illustrees.py): the
item page does not move while its picture arrives (no layout shift, on a computer and on a phone), cards with pictures
and with pictograms have no accessibility violation, and the offline copy (file://) still shows every picture."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route

from ..conftest import build_pelican, build_site
from ..illustrees import site_illustre
from .conftest import DECALAGES, ENGINES, serve
from .test_pages import WCAG

VIEWPORTS = {"ordinateur": {"width": 1280, "height": 900}, "telephone": {"width": 390, "height": 844}}
CHARGEES = """() => Array.from(document.images).filter((i) => i.closest('picture'))
  .map((i) => [i.currentSrc, i.complete && i.naturalWidth > 0])"""


@pytest.fixture(scope="module")
def projet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return site_illustre(tmp_path_factory.mktemp("illustre") / "projet")


@pytest.fixture(scope="module", params=ENGINES)
def adresse(request: pytest.FixtureRequest, projet: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    target = tmp_path_factory.mktemp(request.param) / "site"
    built = build_site(projet, target) if request.param == "mkdocs" else build_pelican(projet, target)
    assert not built.failed, built.log
    server, url = serve(target)
    yield url
    server.shutdown()


def _slowly(route: Route) -> None:
    time.sleep(0.4)  # the pictures arrive after the text: a picture without its size would push the text down
    route.continue_()


@pytest.mark.parametrize("viewport", list(VIEWPORTS), ids=list(VIEWPORTS))
def test_an_item_page_with_a_picture_does_not_move(browser: Browser, adresse: str, viewport: str) -> None:
    context = browser.new_context(locale="fr-FR", viewport=VIEWPORTS[viewport])  # type: ignore[arg-type]
    try:
        page = context.new_page()
        page.route("**/medias/*", _slowly)
        page.goto(adresse + "prototypes/borne-test/", wait_until="load")
        assert all(loaded for _, loaded in page.evaluate(CHARGEES)), page.evaluate(CHARGEES)
        assert ".webp" in page.evaluate(CHARGEES)[0][0], "the browser chose the WebP copy"
        assert page.evaluate(DECALAGES) == 0
    finally:
        context.close()


@pytest.mark.parametrize("chemin", ["prototypes/", "fiches/", "prototypes/borne-test/"])
def test_cards_and_pictures_have_no_accessibility_violation(
    browser: Browser, adresse: str, axe_script: Path, chemin: str
) -> None:
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900}, bypass_csp=True)
    try:
        page: Page = context.new_page()
        page.goto(adresse + chemin, wait_until="networkidle")
        if chemin == "prototypes/":
            assert page.locator(".communs-carte picture").count() == 1 and page.locator(".communs-carte svg").count() == 1
        page.evaluate(axe_script.read_text(encoding="utf-8"))
        result = page.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            WCAG,
        )
        report = [f"{v['id']} : {v['help']} {[n['target'] for n in v['nodes'][:3]]}" for v in result["violations"]]
        assert report == []
    finally:
        context.close()


@pytest.mark.parametrize("moteur", ENGINES)
def test_the_offline_copy_shows_the_pictures(browser: Browser, moteur: str, tmp_path: Path) -> None:
    root = site_illustre(tmp_path / "projet", hors_ligne=True)
    target = tmp_path / "site"
    built = build_site(root, target) if moteur == "mkdocs" else build_pelican(root, target, fichiers=True)
    assert not built.failed, built.log
    context = browser.new_context(locale="fr-FR", offline=True)
    try:
        page = context.new_page()
        for name in ("prototypes/borne-test.html", "prototypes/index.html", "fiches/index.html"):
            page.goto((target / name).as_uri(), wait_until="load")
            shown = page.evaluate(CHARGEES)
            assert shown and all(loaded for _, loaded in shown), (name, shown)
    finally:
        context.close()
