"""The visitor tasks of the shipped site, on a desktop (1280 px) and a phone (390 px): each test says who comes, what
they came to do, and asserts what they must see."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from .conftest import DECALAGES, page_sans_erreur
from .test_pages import WCAG

SCREENS = {"ordinateur": (1280, 900), "telephone": (390, 844)}
FIRST_SCREEN = 900


@pytest.fixture(params=list(SCREENS), ids=list(SCREENS))
def page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    width, height = SCREENS[request.param]
    with page_sans_erreur(browser, width, height) as opened:
        yield opened


def _top(page: Page, selector: str) -> float:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return float(box["y"] + box["height"])


def _visible_titles(page: Page) -> list[str]:
    titles: list[str] = page.eval_on_selector_all(
        ".communs-catalogue__liste > li:not([hidden]) .communs-carte__titre a", "els => els.map(a => a.textContent)"
    )
    return titles


def _wait_for_title(page: Page, title: str) -> None:
    """Wait until a card of that title is shown: a filter fetches the cards of the catalogue's other pages first."""
    page.wait_for_function(
        """t => [...document.querySelectorAll('.communs-catalogue__liste > li:not([hidden]) .communs-carte__titre a')]
            .some(a => a.textContent === t)""",
        arg=title,
    )


def _open_filters(page: Page) -> None:
    """On a phone the facets are folded into « Filtrer »: the visitor taps it first."""
    panel = page.locator(".communs-filtres__panneau")
    if not panel.evaluate("d => d.open"):
        page.click(".communs-filtres__panneau > summary")


def _tick(page: Page, facet: str, value: str) -> None:
    page.locator(f'input[name="{facet}"][value="{value}"]').check()


def test_director_sees_what_a_solution_is_and_whom_to_call_in_the_first_screen(page: Page, site_url: str) -> None:
    """A centre director looking for a solution for online procedures opens « Le numérique à mon service »: its
    summary, its status and the Contact block (a centre, with its phone) are inside the first 900 px."""
    page.goto(site_url + "prototypes/le-numerique-a-mon-service/")
    assert _top(page, ".communs-chapeau") < FIRST_SCREEN
    if page.viewport_size["width"] > 500:  # type: ignore[index]
        assert _top(page, ".communs-faits > div") < FIRST_SCREEN, "the status, beside the contact"
    assert _top(page, "#contact + p") < FIRST_SCREEN
    contact = page.inner_text(".communs-contact")
    assert "Centre Social et Culturel de l'Arbrisseau" in contact and "03 20 16 84 30" in contact
    assert "Boulonnais (6)" in page.inner_text(".communs-faits"), "the six Boulonnais deployments are in view"


def test_director_filters_reception_and_pas_de_calais(page: Page, site_url: str) -> None:
    """The same director filters the catalogue by « Accueil et administration » and « Pas-de-Calais » and finds the
    borne; the Calaisis is a value of the territory facet; the number of results stays in view after each tap."""
    page.goto(site_url + "prototypes/")
    _open_filters(page)
    assert page.locator('input[name="territoire"][value="calaisis"]').count() == 1
    _tick(page, "domaine", "accueil-administration")
    _tick(page, "territoire", "pas-de-calais")
    _wait_for_title(page, "Le numérique à mon service")  # its card may come from the catalogue's other pages
    assert "Le numérique à mon service" in _visible_titles(page)
    count = page.locator(".communs-catalogue__nombre").bounding_box()
    height = page.viewport_size["height"]  # type: ignore[index]
    assert count is not None and count["y"] >= 0 and count["y"] + count["height"] <= height, "count in view"


def test_animator_finds_a_one_hour_screen_free_activity_for_6_8_year_olds(page: Page, site_url: str) -> None:
    """An animateur wants a screen-free activity of about one hour for 6-8 year olds: three facet clicks (age,
    duration, screen) leave the Malle d'Alie sheet, and the count says how many remain, in view."""
    page.goto(site_url + "fiches/")
    _open_filters(page)
    _tick(page, "age", "6-8-ans")
    _tick(page, "duree", "1-h")
    _tick(page, "sans-ecran", "oui")
    _wait_for_title(page, "Coder sans écran avec la Malle d'Alie")
    titles = _visible_titles(page)
    assert "Coder sans écran avec la Malle d'Alie" in titles
    status = page.inner_text(".communs-catalogue__nombre")
    assert status.startswith(f"{len(titles)} ")
    count = page.locator(".communs-catalogue__nombre").bounding_box()
    assert count is not None and count["y"] + count["height"] <= page.viewport_size["height"]  # type: ignore[index]
    assert page.locator('fieldset[data-facette="public"]').count() == 1, "a public facet"
    assert page.locator('fieldset[data-facette="materiel"] input').count() <= 13, "a short list of material"


def test_reader_checks_a_fact_against_its_report(page: Page, site_url: str) -> None:
    """Someone who doubts that the mobile borne is only an experiment reads its sources: the report's title and
    the quoted sentence, never line numbers of a transcription."""
    page.goto(site_url + "prototypes/borne-mobile-e-administration/")
    sources = page.inner_text(".communs-sources")
    assert "Une borne mobile a été élaborée par Maison du Chemin Rouge." in sources
    assert "lignes" not in page.inner_text("article")


def test_visitor_of_the_home_page_sees_the_four_ways_in_and_who_publishes(page: Page, site_url: str) -> None:
    """A first-time visitor sees what the commons is, four large entry cards, key figures with their source, and in
    the footer the publisher, the licence and the funders."""
    page.goto(site_url)
    assert page.locator(".communs-porte").count() == 4
    assert _top(page, ".communs-porte") < FIRST_SCREEN
    assert page.locator(".communs-chiffres-cles li").count() >= 3
    footer = page.inner_text(".communs-pied")
    assert "Fédération des centres sociaux du Nord-Pas-de-Calais" in footer
    assert "Licence des contenus" in footer and "FEDER" in footer
    assert "Made with" not in page.inner_text("footer")


def test_searcher_finds_a_report_by_its_years_and_a_long_query_still_answers(page: Page, site_url: str) -> None:
    """Someone types « évaluation 2021-2023 » and gets the 2021-23 report first; someone else types five words no
    page holds together and still gets several pages, those with most of the words first."""
    page.goto(site_url)
    if page.viewport_size["width"] < 500:  # type: ignore[index]
        page.click("label.md-search__icon, .md-header__button[for=__search]")
    page.fill("#communs-recherche-champ", "évaluation 2021-2023")
    page.wait_for_selector(".communs-resultat")
    first = page.inner_text(".communs-resultat__titre >> nth=0")
    assert "59-62" in first and "valuation" in first, first
    page.fill("#communs-recherche-champ", "atelier tablette pour grands débutants")
    page.wait_for_function(
        "() => document.getElementById('communs-recherche-resultats').getAttribute('data-requete')"
        " === 'atelier tablette pour grands débutants'"
    )
    assert page.locator(".communs-resultat").count() >= 3


def test_someone_from_boulogne_finds_the_centres_on_the_map(page: Page, site_url: str, axe_script: Path) -> None:
    """Someone from Boulogne-sur-Mer opens the Boulonnais: the background (sea, land, communes) is the site's shared
    file and shows, its communes are named, no two names overlapping, and every centre's dot is a link and a target
    of at least 24 px, on a phone too; nothing on the page fails axe-core."""
    page.goto(site_url + "territoires/boulonnais/")
    background: dict[str, float] = page.evaluate(
        """() => new Promise((done) => {
            const image = document.querySelector('.communs-carte-svg image');
            const picture = new Image();
            picture.onload = () => done({width: picture.naturalWidth, shown: image.getBoundingClientRect().width});
            picture.onerror = () => done({width: 0, shown: 0});
            picture.src = image.href.baseVal;
        })"""
    )
    assert background["width"] > 0 and background["shown"] > 300, background
    assert page.locator(".communs-carte-svg a[href] title").count() >= 1
    names: list[list[float | str]] = page.eval_on_selector_all(
        ".communs-carte-svg text",
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom, e.textContent]; })",
    )
    assert "Boulogne-sur-Mer" in [n[4] for n in names]
    overlaps = [
        (a[4], b[4])
        for i, a in enumerate(names)
        for b in names[i + 1 :]
        if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]  # type: ignore[operator]
    ]
    assert overlaps == []
    sizes: list[float] = page.eval_on_selector_all(
        ".communs-carte-svg use", "els => els.map(e => e.getBoundingClientRect().width)"
    )
    assert sizes and min(sizes) >= 24, sizes
    assert _axe(page, axe_script) == []


def test_director_sees_where_a_solution_runs(page: Page, site_url: str) -> None:
    """The director wants to visit a centre that runs the borne: the solution's page lists where it runs, the six
    Boulonnais deployments included, with a map."""
    page.goto(site_url + "prototypes/le-numerique-a-mon-service/")
    where = page.inner_text(".communs-ou__liste")
    assert "Centre Social La Busette" in where and "6 reprises dans des centres du territoire Boulonnais" in where
    assert page.locator("#ou-elle-fonctionne ~ figure .communs-carte-svg a[href] use").count() >= 3


def test_someone_finds_a_centres_phone_in_the_directory(page: Page, site_url: str) -> None:
    """Someone looks for a centre's phone number in the directory: on a phone as on a desktop, nothing is cut and
    the phone number is on screen, not in a column off to the right."""
    page.goto(site_url + "centres/")
    width = page.viewport_size["width"]  # type: ignore[index]
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    phone = page.locator("table.communs-annuaire a[href^='tel:']").first.bounding_box()
    assert phone is not None and phone["x"] + phone["width"] <= width


def _axe(page: Page, axe_script: Path) -> list[str]:
    page.evaluate(axe_script.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG,
    )
    return [f"{v['id']} : {v['help']} {[n['target'] for n in v['nodes'][:3]]}" for v in result["violations"]]


def _places(page: Page) -> list[str]:
    places: list[str] = page.eval_on_selector_all(".communs-ou__liste > li", "els => els.map(li => li.textContent)")
    return places


def test_director_of_the_boulonnais_sees_the_nearest_centres_first(page: Page, site_url: str, axe_script: Path) -> None:
    """A director from the Boulonnais reads where « Le numérique à mon service » runs: she picks her territory and
    the Boulonnais deployments come first, then the centres of the métropole with their distance; a director of the
    Versant Nord-Est sees the Lille centres first. The choice is reachable and readable at both widths."""
    page.goto(site_url + "prototypes/le-numerique-a-mon-service/")
    choice = page.locator("#communs-ou-territoire")
    assert choice.is_visible()
    box = choice.bounding_box()
    assert box is not None and box["height"] >= 24 and box["x"] + box["width"] <= page.viewport_size["width"]  # type: ignore[index]
    choice.select_option("boulonnais")
    places = _places(page)
    assert "Boulonnais" in places[0] and "dans ce territoire" in places[0]
    assert all(" km" in p for p in places[1:]), places
    assert "plus proches de Boulonnais" in page.inner_text(".communs-ou__etat")
    assert _axe(page, axe_script) == []
    choice.select_option("versant-nord-est")
    places = _places(page)
    assert "Boulonnais" in places[-1] and "Boulonnais" not in places[0]
    assert int(places[0].rsplit("à ", 1)[1].split(" km")[0]) <= int(places[-1].rsplit("à ", 1)[1].split(" km")[0])


def test_visitor_of_a_territory_sees_its_centres_solutions_and_map_first(page: Page, site_url: str) -> None:
    """Someone from the Boulonnais opens their territory: the first screen says how many centres it has, names the
    solutions born there, gives the coordinating centre to call, and the map of its centres begins inside it; the
    territory's type and sources follow lower down, « En détail »."""
    page.goto(site_url + "territoires/boulonnais/")
    facts = page.inner_text(".communs-faits")
    assert "Centres" in facts and "Solutions nées ici" in facts and "Digital Loop" in facts
    assert _top(page, ".communs-faits > div") < FIRST_SCREEN
    assert "Centre Social Eclaté" in page.inner_text(".communs-contact")
    box = page.locator(".communs-carte").first.bounding_box()
    assert box is not None and box["y"] < FIRST_SCREEN, "the map begins in the first screen"
    assert page.locator(".communs-carte").count() == 1, "one map, at the top"
    assert "Assemblée territoriale" in page.inner_text(".communs-details")


@pytest.mark.parametrize("catalogue", ["prototypes/", "fiches/"])
def test_browser_of_a_catalogue_sees_no_card_move_when_the_filters_arrive(page: Page, site_url: str, catalogue: str) -> None:
    """Someone opens the catalogue and starts reading the first card: the form of facets arrives with its data file,
    in the place the page kept for it (beside the cards on a computer, the « Filtrer » line on a phone), and nothing
    moves under the reader's eyes; the first card is in the first screen."""
    page.goto(site_url + catalogue)
    page.wait_for_selector(".communs-filtres", state="visible")
    assert page.evaluate(DECALAGES) == 0, "no layout shift"
    assert _top(page, ".communs-catalogue__liste > li") < FIRST_SCREEN
