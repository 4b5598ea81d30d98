"""A catalogue split into pages (core/pages/pagination.py), in Debian's Chromium: the facets, from any page, combine
across the whole catalogue; without a filter, the page shows its own part again."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from ..conftest import Build
from ..test_pagination import _donnees, grand  # noqa: F401  (the module's fixture: a corpus of 400 items)
from .conftest import page_sans_erreur, serve

TITRES = ".communs-catalogue__liste > li:not([hidden]) .communs-carte__titre a"


@pytest.fixture(scope="module")
def adresse(grand: Build) -> Iterator[str]:  # noqa: F811
    server, url = serve(grand.site)
    yield url
    server.shutdown()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    with page_sans_erreur(browser, console=False) as opened:
        yield opened


def test_facets_combine_across_every_page_of_the_catalogue(grand: Build, adresse: str, page: Page) -> None:  # noqa: F811
    data = _donnees(grand, "prototype")
    assert isinstance(data, dict)
    statut, domaine = data["facettes"].index("statut"), data["facettes"].index("domaine")
    first_statut, first_domaine = data["codes"][statut][0], data["codes"][domaine][0]
    elements = data["elements"]
    both = [e for e in elements if 0 in e[2 + statut] and 0 in e[2 + domaine]]
    assert len({e[1] for e in both}) > 1, "the chosen values have results on several pages"
    page.goto(adresse + "prototypes/pages/2/")
    own = page.eval_on_selector_all(TITRES, "els => els.map(a => a.textContent)")
    page.check(f'input[name="statut"][value="{first_statut}"]')
    page.check(f'input[name="domaine"][value="{first_domaine}"]')
    total = len(elements)
    page.wait_for_function(f"() => document.querySelector('.communs-catalogue__nombre').textContent.endsWith(' sur {total}.')")
    shown = f"() => document.querySelectorAll('{TITRES}').length === {len(both)}"
    page.wait_for_function(shown)  # the results of every page, not only this one (the other pages' cards load first)
    assert not page.is_visible(".communs-pages"), "the links to the pages hide while the list is filtered"
    links = page.eval_on_selector_all(TITRES, "els => els.map(a => a.href)")
    assert all(link.startswith(adresse + "prototypes/") for link in links), "the cards of other pages link right"
    page.goto(links[0])
    assert page.url.startswith(adresse + "prototypes/")
    page.go_back()
    page.click(".communs-filtres button[type=reset]")
    page.wait_for_function(f"() => document.querySelector('.communs-catalogue__nombre').textContent === '{total} solutions.'")
    assert page.eval_on_selector_all(TITRES, "els => els.map(a => a.textContent)") == own, "back to the page's own part"
    assert page.is_visible(".communs-pages")
