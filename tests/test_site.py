"""Real MkDocs builds: a small fixture site and the shipped content, asserted on the generated HTML."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from communs.core.controles import verification

from .conftest import REPO, SITES, Build, build_site

THIRD_PARTY = re.compile(r"""<(?:script|link|img|iframe|source)\b[^>]*\s(?:src|href)=["']?(?:https?:)?//""", re.IGNORECASE)


def summary_of(html: str) -> str:
    """What an item's page says of its front-matter: the "En bref" block at the top, or for a solution and a sheet
    the first screen (facts, contact) and the details and sources after the text."""
    if '<div class="communs-tete">' in html:
        return html.split('<div class="communs-tete">', 1)[1].split("</article>", 1)[0]
    return html.split('class="communs-resume"', 1)[1].split("</section>", 1)[0]


@pytest.fixture(scope="module")
def mini(tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build_site(SITES / "mini", tmp_path_factory.mktemp("mini"))
    assert not result.failed, result.log
    return result


def test_every_content_file_becomes_a_page(mini: Build) -> None:
    for url in (
        "prototypes/borne-test",
        "fiches/atelier-robots",
        "lexique/souris",
        "rapports/rapport-test",
        "territoires/versant-test",
        "territoires/hauts-de-france",
        "centres/centre-social-test",
    ):
        assert (mini.site / url / "index.html").is_file(), url


def test_prototype_page_shows_its_summary_in_french(mini: Build) -> None:
    html = mini.page("prototypes/borne-test")
    assert '<html lang="fr"' in html
    assert "<h1>Borne de test</h1>" in html
    assert "<démarches>" not in html, "front-matter text is escaped, never injected as HTML"
    assert '<p class="communs-type">Solution</p>' in html
    summary = summary_of(html)
    for text in (
        "Statut",
        "Déployé",
        "Porteur",
        "Centre social de test",
        "Territoire",
        "Versant de test",
        "Accueil et administration",
        "Chargés d&#39;accueil",
        "Guide : Notice d&#39;installation",
        "Rapport de test</a> (2019-2020), page 16",
    ):
        assert text in summary, text
    contact = html.split('id="contact"', 1)[1].split("</section>", 1)[0]
    assert "Centre social de test" in contact and 'href="tel:+33' in contact, "whom to call, in the first screen"
    assert html.index('id="contact"') < html.index('id="besoin"') < html.index('id="en-detail"')
    assert 'href="../../centres/centre-social-test/"' in summary
    assert 'href="../../territoires/versant-test/"' in summary
    assert 'href="https://depot.exemple.fr/communs/edit/main/prototypes/borne-test.md"' in html


def test_fiche_page_shows_public_ages_duration_group_and_material(mini: Build) -> None:
    html = mini.page("fiches/atelier-robots")
    summary = summary_of(html)
    for text in (
        "Enfants",
        "de 3 à 7 ans",
        "1 h 30",
        "de 4 à 8 participants",
        "Découverte",
        "Oui, sans écran",
        "Robots de sol",
        "Borne de test",
        "Rapport de test</a> (2019-2020)",
    ):
        assert text in summary, text


def test_term_centre_territory_and_report_pages(mini: Build) -> None:
    term = mini.page("lexique/souris")
    assert "Un petit objet que l&#39;on bouge" in term and "Les CM2 du centre, 9 à 11 ans, Centre social de test, 2021" in term
    centre = mini.page("centres/centre-social-test")
    assert "1 rue de la Paix, 59000 Lille" in centre and 'href="tel:+33320000000"' in centre
    territory = mini.page("territoires/versant-test")
    assert "Fait partie de" in territory and "Croissant de test" in territory
    report = mini.page("rapports/rapport-test")
    assert "2019 – 2020" in report and "Solutions documentées" in report


def test_catalogues_list_items_and_navigation_lists_sections_only(mini: Build) -> None:
    catalogue = mini.page("prototypes")
    assert 'href="borne-test/"' in catalogue and "Une borne pour les &lt;démarches&gt;" in catalogue
    # an item page links to the catalogues of the navigation, never to every other item
    html = mini.page("prototypes/borne-test")
    assert "fiches/atelier-robots/" not in html
    assert "lexique/souris/" not in html
    links = re.findall(r'<a href="([^"]+)"[^>]*class="md-nav__link', html)
    for catalogue_url in ("../", "../../fiches/", "../../lexique/", "../../rapports/", "../../territoires/", "../../centres/"):
        assert catalogue_url in links, catalogue_url
    # Territories are the one tree of the navigation (plugin.on_nav): their pages are sections, not items.
    items = [link for link in links if link.count("/") > 3 and "/territoires/" not in link]
    assert not items, "the navigation lists sections, never items"


def test_pages_make_no_request_to_another_host(mini: Build) -> None:
    for page in mini.site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not THIRD_PARTY.search(html), page
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page
        assert 'data-md-component="source"' not in html, "the repository link must not query the code host's API"


def test_shipped_content_has_no_diagnostic() -> None:
    project = verification.run(REPO)
    assert [d.human() for d in project.collector.items] == []
    assert len(project.items) >= 30


def test_shipped_site_builds_strict_with_one_page_per_content_file(shipped_site: Build) -> None:
    assert not shipped_site.failed, shipped_site.log
    project = verification.run(REPO)
    for item in project.items:
        assert (shipped_site.site / item.url / "index.html").is_file(), item.path
    for page in project.pages:
        rel = Path(project.site_uri(page.path))
        target = rel.parent if rel.name == "index.md" else rel.with_suffix("")
        assert (shipped_site.site / target / "index.html").is_file(), page.path
    assert (shipped_site.site / "donnees/schemas/prototype.schema.json").is_file()
    assert not (shipped_site.site / "_modeles").exists()


def test_shipped_site_makes_no_third_party_request(shipped_site: Build) -> None:
    for page in shipped_site.site.rglob("*.html"):
        assert not THIRD_PARTY.search(page.read_text(encoding="utf-8")), page


def test_pages_show_the_lead_figures_and_recommendations(mini: Build) -> None:
    prototype = mini.page("prototypes/borne-test")
    lead = prototype.split('class="communs-chapeau"', 1)[1].split("</div>", 1)[0]
    assert "<strong>Une borne pour les &lt;démarches&gt;</strong>" in lead
    assert "Une borne qui aide les habitants à faire leurs démarches en ligne." in lead
    assert prototype.index("communs-chapeau") < prototype.index('id="besoin"'), "the lead comes before the body"
    report = mini.page("rapports/rapport-test")
    figures = report.split('id="chiffres-cles"', 1)[1].split("</ul>", 1)[0]
    assert "<strong>57</strong> centres équipés d&#39;une borne (2020)" in figures
    assert 'source : <a href="./">Rapport de test</a></li>' in figures, "the report, never the transcription's lines"
    advice = report.split('id="preconisations"', 1)[1].split("</ol>", 1)[0]
    assert "<li>Former un référent par centre.</li>" in advice and "<li>Partager les fiches entre territoires.</li>" in advice


def test_a_template_is_looked_up_once_per_build_and_again_at_the_next(tmp_path: Path) -> None:
    """Within a build, the disk is not asked again at each fragment; a theme edited under `make serve` shows at the
    next build."""
    from communs.core.rendu.gabarits import Gabarits

    modele = tmp_path / "essai.html"
    modele.write_text("avant {{ x }}", encoding="utf-8")
    theme = Gabarits(tmp_path)
    assert theme.rendre("essai.html", x=1) == "avant 1"
    modele.write_text("après {{ x }}", encoding="utf-8")
    os.utime(modele, ns=(modele.stat().st_mtime_ns + 10**9,) * 2)
    assert theme.rendre("essai.html", x=2) == "avant 2", "the same build keeps the template it compiled"
    assert theme.nouvelle_construction().rendre("essai.html", x=3) == "après 3"
