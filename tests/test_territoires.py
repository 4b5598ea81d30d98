"""Per-territory sections, centre pages, alias pages and the map, on the fixture site tests/sites/territoires/."""

from __future__ import annotations

import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar
from urllib.parse import urljoin, urlsplit

import pytest
from communs.core.domaine.arbre import Arbre
from communs.core.modele import modeles, projet
from communs.core.pages import centres, territoires
from communs.core.rendu.gabarits import par_defaut
from communs.core.urls import Urls

from .conftest import REPO, SITES, Build, build_site, copy_project

FIXTURE = SITES / "territoires"
GOLDEN = REPO / "tests" / "golden"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build_site(FIXTURE, tmp_path_factory.mktemp("territoires"))
    assert not result.failed, result.log
    return result


@pytest.fixture(scope="module")
def arbre() -> Arbre:
    return Arbre(projet.load(FIXTURE))


def main_of(html: str) -> str:
    return html.split('<article class="communs-element', 1)[1].split("</article>", 1)[0]


def map_of(html: str) -> str:
    return html.split('<svg class="communs-carte-svg"', 1)[1].split("</svg>", 1)[0]


def section_of(html: str, heading: str) -> str:
    """The HTML of the `## heading` section of a page (until the next h2)."""
    body = main_of(html).replace("&#39;", "'")
    start = re.search(rf"<h2 id=\"[^\"]*\">{re.escape(heading)}</h2>", body)
    assert start, f"pas de section « {heading} »"
    rest = body[start.end() :]
    end = rest.find("<h2")
    return rest if end < 0 else rest[:end]


def test_every_territory_and_centre_file_yields_its_page(site: Build) -> None:
    for folder, url in (("territoires", "territoires"), ("centres", "centres")):
        for path in (FIXTURE / "content" / folder).glob("*.md"):
            html = site.page(f"{url}/{path.stem}")
            assert "communs-element" in html, path


def test_every_prototype_is_in_its_territory_its_ancestors_and_where_it_spread(site: Build, arbre: Arbre) -> None:
    checked = 0
    for item in arbre.project.of_genre("prototype"):
        model = item.model
        assert isinstance(model, modeles.Prototype)
        link = f'href="../../prototypes/{item.slug}/"'
        born = model.territoire or model.porteur
        if model.porteur in arbre.centres:
            born = arbre.territoire_du_centre(arbre.centres[model.porteur])
        assert born
        for territory in arbre.ancetres(born):
            assert link in section_of(site.page(f"territoires/{territory}"), "Solutions nées ici"), (item.slug, territory)
            checked += 1
        for reprise in model.essaimage:
            home = arbre.territoire_du_centre(arbre.centres[reprise.centre])
            assert home
            for territory in arbre.ancetres(home):
                spread = section_of(site.page(f"territoires/{territory}"), "Solutions reprises ici")
                assert link in spread, (item.slug, territory)
                checked += 1
    assert checked >= 12


def test_a_solution_not_born_in_a_territory_is_not_listed_there(site: Build) -> None:
    littoral = main_of(site.page("territoires/littoral-test"))
    assert "prototypes/outil-b/" not in littoral
    assert "prototypes/outil-l/" in section_of(site.page("territoires/littoral-test"), "Solutions nées ici")
    assert "prototypes/outil-l/" not in main_of(site.page("territoires/nord"))


def test_territory_page_lists_subterritories_directory_sheets_words_reports_and_figures(site: Build) -> None:
    html = site.page("territoires/metropole-test")
    assert "Fait partie de" in main_of(html) and 'href="../nord/"' in main_of(html)
    subs = section_of(html, "Sous-territoires")
    assert 'href="../versant-a/">Versant A</a></th><td>Versant</td><td>2</td>' in subs, "type and centres of each"
    assert '<th scope="col">Centres</th>' in subs
    directory = section_of(html, "Les centres")
    assert '<a href="tel:+33320000001">03 20 00 00 01</a>' in directory
    assert '<a href="https://a1.exemple.fr">a1.exemple.fr</a>' in directory
    assert "1 rue des Tests 59000" in directory
    assert "Roubaix" in directory
    assert 'href="../../fiches/atelier-a/"' in section_of(html, "Fiches d'activité")
    assert 'href="../../rapports/rapport-a/"' in section_of(html, "Rapports")
    figures = section_of(html, "En chiffres")
    for text in ("2 sous-territoires", "3 centres", "2 solutions nées ici", "1 solution reprise ici", "1 fiche d’activité"):
        assert text.replace("’", "'") in figures.replace("&#39;", "'").replace("’", "'"), text
    littoral = site.page("territoires/littoral-test")
    words = section_of(littoral, "Mots du lexique écrits ici")
    assert 'href="../../lexique/clavier/"' in words and "Les ados du mercredi" in words and "12 à 14 ans" in words
    assert 'href="../../rapports/rapport-l/"' in section_of(littoral, "Rapports")


def test_centre_page_shows_breadcrumb_what_it_carried_and_took_up(site: Build) -> None:
    a1 = main_of(site.page("centres/centre-a1"))
    crumbs = a1.split("Territoire :", 1)[1].split("</p>", 1)[0]
    assert re.findall(r'href="([^"]+)"', crumbs) == [
        "../../territoires/hauts-de-france/",
        "../../territoires/nord/",
        "../../territoires/metropole-test/",
        "../../territoires/versant-a/",
    ]
    html = site.page("centres/centre-a1")
    assert 'href="../../prototypes/outil-a/"' in section_of(html, "Solutions portées par le centre")
    assert 'href="../../rapports/rapport-a/"' in section_of(html, "Cité dans")
    assert 'href="../centre-a2/"' in section_of(html, "Autres centres du territoire Versant A")
    l1 = site.page("centres/centre-l1")
    taken = section_of(l1, "Solutions reprises par le centre")
    assert 'href="../../prototypes/outil-a/"' in taken and "en 2022" in taken and "Avec une borne mobile" in taken
    assert 'href="../../lexique/clavier/"' in section_of(l1, "Mots du lexique écrits ici")
    assert 'href="../../fiches/atelier-a/"' in section_of(site.page("centres/centre-a2"), "Fiches d'activité")


def test_an_alias_leads_to_the_same_section(site: Build) -> None:
    for alias in ("versant-sud", "croissant-a"):
        html = site.page(f"territoires/{alias}")
        assert '<meta http-equiv="refresh" content="0; url=../versant-a/">' in html
        assert 'href="../versant-a/"' in html
    catalogue = site.page("territoires")
    assert "Versant Sud" in catalogue


def test_navigation_shows_the_tree(site: Build) -> None:
    html = site.page("territoires/versant-a")
    nav = html.split("md-nav--primary", 1)[1].split("</nav>", 1)[0]
    order = [nav.find(name) for name in ("Hauts-de-France", "Nord", "Métropole de test", "Versant A")]
    assert all(position > 0 for position in order) and order == sorted(order), order
    assert "md-nav__item--active" in nav


def test_map_places_the_centres_with_links_and_no_request(site: Build) -> None:
    html = site.page("territoires/metropole-test")
    svg = map_of(html)
    links = re.findall(r'<a href="([^"]+)"><title>([^<]+)</title>', svg)
    assert sorted(links) == [
        ("../../centres/centre-a1/", "Centre social A1 (Lille)"),
        ("../../centres/centre-a2/", "Maison de quartier A2 (Lille)"),
        ("../../centres/centre-b1/", "Centre social B1 (Roubaix)"),
    ]
    for href_value, _ in links:
        target = urlsplit(urljoin("http://site/territoires/metropole-test/", href_value)).path
        assert (site.site / target.lstrip("/") / "index.html").is_file(), href_value
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "Licence Ouverte" in html
    # Two centres in Lille stay two distinct, clickable points.
    points = re.findall(r'<use href="#[^"]+" x="([\d.]+)" y="([\d.]+)"', svg)
    assert len(set(points)) == 3
    # The background is one file of the site, beside the page: sea, land and communes, no script, no request.
    (fond,) = re.findall(r'<image href="([^"]+)"', svg)
    background = (site.site / "territoires/metropole-test" / fond).resolve()
    assert background.is_relative_to(site.site.resolve()) and background.suffix == ".svg", fond
    drawn = background.read_text(encoding="utf-8")
    assert drawn.count("<path") > 10 and "script" not in drawn and "href" not in drawn
    assert "http" not in drawn.replace('xmlns="http://www.w3.org/2000/svg"', "")
    pas_de_calais = site.page("territoires/pas-de-calais")
    assert "communs-carte-svg" not in pas_de_calais, "no centre placed: no map, the directory only"
    assert "Espace L1" in section_of(pas_de_calais, "Les centres")
    region = site.page("territoires/hauts-de-france")
    assert "1 centre n’a pas encore de position" in region or "1 centre n&rsquo;a pas encore de position" in region


def test_map_links_follow_the_url_style(tmp_path: Path) -> None:
    project_dir = copy_project(FIXTURE, tmp_path / "projet")
    config = project_dir / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8")
        .replace("use_directory_urls: true", "use_directory_urls: false")
        .replace("../../../themes", str(REPO / "themes")),
        encoding="utf-8",
    )
    result = build_site(project_dir, tmp_path / "site")
    assert not result.failed, result.log
    html = (tmp_path / "site" / "territoires" / "versant-a.html").read_text(encoding="utf-8")
    assert 'href="../centres/centre-a1.html"' in map_of(html)
    alias = (tmp_path / "site" / "territoires" / "versant-sud.html").read_text(encoding="utf-8")
    assert 'url=versant-a.html"' in alias


class _Resources(HTMLParser):
    """Every URL a browser would fetch by itself while loading the page (not the links a reader follows)."""

    FETCHING: ClassVar[dict[str, str]] = {
        "script": "src",
        "img": "src",
        "iframe": "src",
        "source": "src",
        "audio": "src",
        "video": "src",
        "embed": "src",
        "object": "data",
        "image": "href",
        "use": "href",
    }

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        attribute = self.FETCHING.get(tag)
        if attribute and values.get(attribute):
            self.urls.append(str(values[attribute]))
        if tag == "link" and values.get("href") and values.get("rel") not in {"canonical", "alternate"}:
            self.urls.append(str(values["href"]))
        style = values.get("style") or ""
        self.urls.extend(re.findall(r"url\(['\"]?([^'\")]+)", style))


def external_requests(site_dir: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for page in site_dir.rglob("*.html"):
        parser = _Resources()
        parser.feed(page.read_text(encoding="utf-8"))
        outside = [u for u in parser.urls if urlsplit(u).scheme in {"http", "https"} or u.startswith("//")]
        if outside:
            found[str(page.relative_to(site_dir))] = outside
    for sheet in site_dir.rglob("*.css"):
        imports = re.findall(r"(?:@import\s+|url\()\s*['\"]?((?:https?:)?//[^'\")\s]+)", sheet.read_text(encoding="utf-8"))
        if imports:
            found[str(sheet.relative_to(site_dir))] = imports
    return found


def test_built_pages_make_no_request_outside_the_site(site: Build, shipped_site: Build) -> None:
    assert external_requests(site.site) == {}
    assert not shipped_site.failed, shipped_site.log
    assert external_requests(shipped_site.site) == {}


def test_sources_are_given_once_on_every_item_page(shipped_site: Build) -> None:
    """A territory's page ends with its « Sources » section (years, page, quotation): « En détail » does not list
    the same reports again, by title alone; the other pages give them once too."""
    assert not shipped_site.failed, shipped_site.log
    twice = []
    for page in sorted(shipped_site.site.glob("*/*/index.html")):
        html = page.read_text(encoding="utf-8")
        if html.count('<h2 id="sources">') + html.count("<dt>Sources</dt>") > 1:
            twice.append(page.relative_to(shipped_site.site).as_posix())
    assert twice == []
    assert '<h2 id="sources">' in shipped_site.page("territoires/artois-audomarois")


def test_removing_a_centre_reports_each_reference_and_breaks_no_page(tmp_path: Path) -> None:
    project_dir = copy_project(FIXTURE, tmp_path / "projet")
    (project_dir / "mkdocs.yml").write_text(
        (project_dir / "mkdocs.yml").read_text(encoding="utf-8").replace("../../../themes", str(REPO / "themes")),
        encoding="utf-8",
    )
    (project_dir / "content" / "centres" / "centre-a1.md").unlink()
    strict = build_site(project_dir, tmp_path / "strict")
    assert strict.failed
    for reference in ("prototypes/outil-a.md:11", "content/territoires/versant-a.md:6"):
        assert reference in strict.log, (reference, strict.log)
    assert strict.log.count("centre-a1") >= 2
    relaxed = build_site(project_dir, tmp_path / "site", strict=False)
    assert not relaxed.failed
    versant = (tmp_path / "site" / "territoires" / "versant-a" / "index.html").read_text(encoding="utf-8")
    assert "centres/centre-a1/" not in versant, "no link to the removed centre"
    assert "Maison de quartier A2" in versant
    outil = (tmp_path / "site" / "prototypes" / "outil-a" / "index.html").read_text(encoding="utf-8")
    assert "Outil A" in outil and "centres/centre-a1/" not in outil
    assert not (tmp_path / "site" / "centres" / "centre-a1").exists()


@pytest.mark.parametrize(
    ("golden", "genre", "slug"),
    [("territoire-metropole-test.html", "territoire", "metropole-test"), ("centre-centre-a1.html", "centre", "centre-a1")],
)
def test_generated_sections_match_golden_files(arbre: Arbre, golden: str, genre: str, slug: str) -> None:
    """Set COMMUNS_GOLDEN=ecrire to rewrite the golden files after a deliberate change, then review the diff."""
    item = arbre.project.find(genre, slug)
    assert item is not None
    if genre == "territoire":
        generated = par_defaut().rendre("territoire.html", **territoires.section_territoire(arbre, item, Urls()))
    else:
        generated = par_defaut().rendre("centre.html", **centres.section_centre(arbre, item, Urls()))
    path = GOLDEN / golden
    if os.environ.get("COMMUNS_GOLDEN") == "ecrire":
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(generated, encoding="utf-8")
    assert generated == path.read_text(encoding="utf-8")


def test_territory_cycle_does_not_hang(tmp_path: Path) -> None:
    project_dir = tmp_path / "cycle"
    shutil.copytree(FIXTURE / "content", project_dir / "content")
    for name, parent in (("boucle-a", "boucle-b"), ("boucle-b", "boucle-a")):
        (project_dir / "content" / "territoires" / f"{name}.md").write_text(
            f"---\nnom: {name}\ntype: versant\nparent: {parent}\n---\nUne boucle.\n", encoding="utf-8"
        )
    arbre = Arbre(projet.load(project_dir))
    assert set(arbre.ancetres("boucle-a")) == {"boucle-a", "boucle-b"}
    item = arbre.project.find("territoire", "boucle-a")
    assert item is not None
    assert territoires.section_territoire(arbre, item, Urls())["fil"], "« Fait partie de » names the other territory"
    assert "boucle-a" in [n.src_uri.split("/")[-1][:-3] for n in _flatten(territoires.arbre_des_territoires(arbre))]


def _flatten(nodes: list[territoires.Noeud]) -> list[territoires.Noeud]:
    return [n for node in nodes for n in (node, *_flatten(node.enfants))]


def test_long_lists_are_split_by_sub_territory_with_working_anchors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A territory of a big network lists what is its own and counts the rest by sub-territory: pages stay light."""
    from .test_integrite import broken_links

    monkeypatch.setattr(territoires, "LIMITE_LISTE", 1)
    monkeypatch.setattr(territoires, "LIMITE_ANNUAIRE", 1)
    result = build_site(FIXTURE, tmp_path / "site")
    assert not result.failed, result.log
    page = (tmp_path / "site" / "territoires" / "hauts-de-france" / "index.html").read_text(encoding="utf-8")
    region = main_of(page)
    table = section_of(page, "Sous-territoires")
    head = table.split("</thead>", 1)[0]
    columns = [c.split("</th>", 1)[0] for c in head.split('<th scope="col">')[1:]]
    assert columns[:4] == ["Sous-territoire", "Type", "Centres", "Solutions nées ici"], columns
    nord = table.split('href="../nord/">Nord</a></th>', 1)[1].split("</tr>", 1)[0]
    assert nord.startswith("<td>Département</td><td>3</td><td>2</td>"), "the counts of a sub-territory, in one row"
    assert 'href="../pas-de-calais/"' in table
    assert region.count('href="#sous-territoires">tableau des sous-territoires</a>') >= 2, "long lists point to it"
    assert "prototypes/outil-a/" not in region.split('id="solutions-nees-ici"', 1)[1].split("Solutions reprises", 1)[0]
    versant = (tmp_path / "site" / "territoires" / "versant-b" / "index.html").read_text(encoding="utf-8")
    assert "prototypes/outil-b/" in versant, "a territory's own solutions are always listed"
    assert broken_links(tmp_path / "site") == []
