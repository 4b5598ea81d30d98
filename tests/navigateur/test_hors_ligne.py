"""The offline copy (`make hors-ligne`) opened from a folder (file://) with no network: navigation, search, catalogues."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from ..conftest import REPO, Build, build_pelican, build_site
from .conftest import ENGINES


@pytest.fixture(scope="module", params=ENGINES)
def offline(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Build:
    """Built as the publication builds it: with the repository's address, so the forms' links are there."""
    target = tmp_path_factory.mktemp("hors-ligne")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("COMMUNS_DEPOT_URL", "https://github.com/exemple/communs")
        if request.param == "pelican":
            result = build_pelican(REPO, target / "site", fichiers=True)
        else:
            result = build_site(REPO, target, config_name="mkdocs-hors-ligne.yml")
    assert not result.failed, result.log
    return result


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="fr-FR", offline=True)
    opened = context.new_page()
    opened.errors = []  # type: ignore[attr-defined]
    opened.on("pageerror", lambda e: opened.errors.append(str(e)))  # type: ignore[attr-defined]
    yield opened
    context.close()


def test_offline_copy_uses_plain_file_links(offline: Build) -> None:
    assert (offline.site / "index.html").is_file()
    assert (offline.site / "prototypes" / "chill.html").is_file()
    home = (offline.site / "index.html").read_text(encoding="utf-8")
    assert 'href="prototypes/index.html"' in home


def test_navigation_and_catalogues_work_from_a_folder(offline: Build, page: Page) -> None:
    page.goto((offline.site / "index.html").as_uri())
    page.locator(".md-nav--primary").get_by_role("link", name="Solutions", exact=True).first.click()
    page.wait_for_load_state()
    assert page.url.endswith("prototypes/index.html")
    assert page.locator("h1").inner_text() == "Solutions"
    page.get_by_role("link", name="Chill", exact=True).first.click()
    page.wait_for_load_state()
    assert page.url.endswith("prototypes/chill.html")
    page.goto((offline.site / "territoires" / "metropole-europeenne-de-lille.html").as_uri())
    page.locator("svg.communs-carte-svg a").first.click()
    page.wait_for_load_state()
    assert "/centres/" in page.url and page.url.endswith(".html")
    assert page.locator("h1").count() == 1
    assert page.errors == []  # type: ignore[attr-defined]


def test_search_and_facets_work_from_a_folder(offline: Build, page: Page) -> None:
    from .test_recherche import chercher

    page.goto((offline.site / "index.html").as_uri())
    results = chercher(page, "malle")
    assert results and results[0]["titre"] == "La Malle d'Alie", results[:3]
    assert results[0]["href"].startswith("file://") and results[0]["href"].endswith(".html")
    assert chercher(page, "wifi")[0]["titre"] == "Wi-Fi"
    page.goto((offline.site / "prototypes" / "index.html").as_uri() + "?statut=essaime")
    page.wait_for_load_state()
    assert page.is_checked('input[name="statut"][value="essaime"]'), "the filter in the address is applied"
    total = len(list((REPO / "prototypes").glob("*.md")))
    count = page.inner_text(".communs-catalogue__nombre")
    assert count.endswith(f"sur {total}.") and not count.startswith(f"{total} "), count
    assert page.errors == []  # type: ignore[attr-defined]


def test_offline_copy_is_self_contained(offline: Build) -> None:
    from ..test_territoires import external_requests

    assert external_requests(offline.site) == {}
    assert not any(Path(offline.site).rglob("sitemap.xml"))


def test_a_search_with_no_result_offers_to_ask_for_the_word(offline: Build, page: Page) -> None:
    from .test_recherche import chercher

    page.goto((offline.site / "index.html").as_uri())
    assert chercher(page, "zorglubophone") == []
    offer = page.locator(".communs-mot-absent")
    assert "Ce mot manque au lexique ?" in offer.inner_text()
    ask = offer.get_by_role("link", name="Demander ce mot").get_attribute("href") or ""
    propose = offer.get_by_role("link", name="Proposer sa définition").get_attribute("href") or ""
    assert "/issues/new?template=demander-un-mot.yml" in ask and "mot=zorglubophone" in ask
    assert "template=proposer-une-definition.yml" in propose and "MOT-CHERCHE" not in propose
