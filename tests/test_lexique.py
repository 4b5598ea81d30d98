"""The lexicon on the fixture site tests/sites/lexique/: the A-Z index, a term's page, the categories, the requested
words, the booklet and the structured data, asserted on the generated HTML."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from communs.core.contribution.depot import Depot
from communs.core.domaine.lexique import Lexique
from communs.core.modele import projet, vocabulaires
from communs.core.pages import jsonld, pages_lexique
from communs.core.rendu.gabarits import par_defaut
from communs.core.urls import Urls

from .conftest import REPO, SITES, Build, build_site

FIXTURE = SITES / "lexique"
PUBLISHED = ("Clavier", "Courriel", "Écran tactile", "Intelligence artificielle", "Mot de passe", "Souris", "4G")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build_site(FIXTURE, tmp_path_factory.mktemp("lexique"))
    assert not result.failed, result.log
    return result


def content_of(html: str) -> str:
    """The main column of a page, without the navigation."""
    return html.split('class="md-content__inner', 1)[1].split("<footer", 1)[0]


def hrefs(html: str) -> list[str]:
    return [h.replace("&amp;", "&") for h in re.findall(r'href="([^"]+)"', html)]


def test_index_lists_published_terms_from_a_to_z_with_letters_and_categories(site: Build) -> None:
    html = content_of(site.page("lexique"))
    assert "7 mots publiés." in html
    nav = html.split('<nav class="communs-lettres"', 1)[1].split("</nav>", 1)[0]
    assert 'aria-label="Aller à une lettre du lexique"' in nav
    for letter in "CEIMS":
        assert f'<a href="#lettre-{letter.lower()}">{letter}</a>' in nav
        assert f'<h3 id="lettre-{letter.lower()}">{letter}</h3>' in html
    assert '<span class="communs-lettres__vide" title="Aucun mot en A">A</span>' in nav
    assert '<a href="#lettre-autres">Autres</a>' in nav, "« 4G » does not start with a letter"
    # « Écran tactile » is filed under E, accents ignored, between C and I.
    e_section = html.split('<h3 id="lettre-e">E</h3>', 1)[1].split("<h3", 1)[0]
    assert '<a href="ecran-tactile/">Écran tactile</a> — Un écran que l' in e_section
    assert html.index('href="clavier/"') < html.index('href="courriel/"') < html.index('href="ecran-tactile/"')
    assert '<a href="categories/materiel/">Matériel et connexion</a> — 4 mots' in html
    assert '<a href="categories/internet/">Internet et le web</a> — aucun mot pour l\'instant' in html
    # A term being written has its page, listed apart, never in the A-Z list.
    a_to_z, being_written = html.split('id="en-cours-decriture"', 1)
    assert 'href="nuage-brouillon/"' in being_written and 'href="nuage-brouillon/"' not in a_to_z
    assert 'href="demandes/"' in html and 'href="livret/"' in html


def test_index_links_to_the_issue_forms_and_to_githubs_editor(site: Build) -> None:
    links = hrefs(content_of(site.page("lexique")))
    assert "https://depot.exemple.fr/communs/issues/new?template=demander-un-mot.yml" in links
    assert "https://depot.exemple.fr/communs/issues/new?template=proposer-une-definition.yml" in links
    editor = next(link for link in links if "/new/" in link and "filename=" in link)
    parts = urlsplit(editor)
    assert parts.path == "/communs/new/principale/content/lexique", "branch from edit_uri, folder of the terms"
    query = parse_qs(parts.query)
    assert query["filename"] == ["nouveau-mot.md"]
    assert query["value"][0].startswith("---\n# Remplacez chaque « À COMPLÉTER »")
    assert "statut: publie" in query["value"][0]


def test_term_page_shows_definition_example_child_words_variants_see_also_and_contributors(site: Build) -> None:
    html = site.page("lexique/souris")
    main = content_of(html)
    summary = main.split('class="communs-resume"', 1)[1].split("</section>", 1)[0]
    rows = re.findall(r"<dt>([^<]+)</dt>", summary)
    assert rows[0] == "Définition", "the definition comes first, set large by the CSS"
    expected = ["Définition", "Exemple", "Avec les mots d&#39;un enfant", "Autres écritures", "Catégorie", "Voir aussi"]
    assert rows == [*expected, "Écrit par"]
    for text in (
        "Un petit objet que l&#39;on bouge sur la table",
        "Je clique avec la souris pour ouvrir mes courriels.",
        "C&#39;est comme une télécommande pour la flèche.",
        "souris d&#39;ordinateur",
        "Matériel et connexion",
        '<a href="../clavier/">Clavier</a>',
        "Les CM2 du centre, 9 à 11 ans, Centre social de test, 2021",
        "Inès, 9 à 11 ans, Centre des Tilleuls",
    ):
        assert text in summary, text
    end = main.split('id="pour-aller-plus-loin"', 1)[1]
    assert '<a href="../categories/materiel/">Matériel et connexion</a>' in end
    propose = next(link for link in hrefs(end) if "proposer-une-definition" in link)
    assert parse_qs(urlsplit(propose).query)["mot"] == ["Souris"]
    assert "communs-glossaire" not in main, "no glossary on the lexicon's own pages"


def test_term_page_carries_a_defined_term_in_a_defined_term_set(site: Build) -> None:
    html = site.page("lexique/souris")
    head = html.split("</head>", 1)[0]
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', head, re.DOTALL)
    assert len(found) == 1
    data = json.loads(found[0])
    assert data["@context"] == "https://schema.org" and data["@type"] == "DefinedTerm"
    assert data["name"] == "Souris" and data["termCode"] == "souris"
    assert data["description"].startswith("Un petit objet")
    assert data["alternateName"] == ["souris d'ordinateur", "clic"]
    assert data["url"] == "https://communs.exemple.fr/lexique/souris/"
    term_set = data["inDefinedTermSet"]
    assert term_set["@type"] == "DefinedTermSet" and term_set["url"] == "https://communs.exemple.fr/lexique/"
    assert '"@type":"CreativeWork"' in site.page("prototypes/borne-test"), "every item page has its own type"


def test_json_ld_can_never_close_its_script_element() -> None:
    text = jsonld.script({"name": "</script><script>alert(1)</script> & co"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script> & co"


def test_json_ld_without_the_sites_address_has_no_url() -> None:
    fixture = projet.load(FIXTURE)
    item = fixture.find("terme", "souris")
    assert item is not None
    data = jsonld.donnees(item, fixture, Urls(), site_url=None)
    assert "url" not in data and "url" not in data["inDefinedTermSet"]


def test_every_category_has_its_page(site: Build) -> None:
    for category, title in vocabulaires.default()["categories"].items():
        html = content_of(site.page(f"lexique/categories/{category}"))
        assert f">{title}</h1>" in html, category
        assert 'href="../../"' in html, "back to the A-Z index"
    materiel = content_of(site.page("lexique/categories/materiel"))
    assert "4 mots." in materiel
    for slug in ("clavier", "ecran-tactile", "souris", "zoom"):
        assert f'href="../../{slug}/"' in materiel, slug
    assert "courriel" not in materiel
    assert "Aucun mot n'est encore publié dans cette catégorie." in content_of(site.page("lexique/categories/notions"))


def test_requested_words_each_lead_to_a_prefilled_proposal(site: Build) -> None:
    html = content_of(site.page("lexique/demandes"))
    assert "<strong>Code PIN</strong> — demandé par" in html and "le 1er juin 2026" in html
    assert '<a href="../../centres/centre-social-test/">Centre social de test</a> écrit sa définition' in html
    links = hrefs(html)
    proposals = [parse_qs(urlsplit(link).query) for link in links if "template=proposer-une-definition.yml" in link]
    assert {"mot": ["Code PIN"], "template": ["proposer-une-definition.yml"], "title": ["Définition : Code PIN"]} in proposals
    editors = [parse_qs(urlsplit(link).query) for link in links if "/new/principale/" in link]
    code_pin = next(q for q in editors if q["filename"] == ["code-pin.md"])
    assert 'terme: "Code PIN"' in code_pin["value"][0]
    assert "https://depot.exemple.fr/communs/issues/new?template=demander-un-mot.yml" in links
    assert "accueil de votre centre" in html, "a way to ask without any account"
    for step in ("40 mots au plus", "<strong>prénom</strong>", "jamais de nom de famille"):
        assert step in html, step


def test_booklet_holds_every_published_term_without_navigation(site: Build) -> None:
    html = site.page("lexique/livret")
    main = content_of(html)
    for title in PUBLISHED:
        assert f"<h3>{title}</h3>" in main, title
    assert "Nuage" not in main, "a term being written is not printed"
    assert re.search(r'data-md-type="navigation"[^>]*\bhidden\b', html), "no navigation"
    assert re.search(r'data-md-type="toc"[^>]*\bhidden\b', html), "no table of contents"
    assert "<p><em>Exemple :</em> J&#39;ai reçu un courriel de la CAF.</p>" in main
    assert "<p><em>Avec les mots d'un enfant :</em> « C&#39;est comme une télécommande pour la flèche. »</p>" in main
    index = json.loads((site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d for d in index["docs"] if d["location"].startswith("lexique/livret/")], "the booklet is not searched"


def test_booklet_prints_on_a4_in_two_columns() -> None:
    css = (REPO / "themes" / "assets" / "stylesheets" / "communs-lexique.css").read_text(encoding="utf-8")
    printed = css.split("@media print", 1)[1]
    assert "column-count: 2" in printed and "break-inside: avoid" in css
    assert "size: A4" in (REPO / "content" / "assets" / "communs.css").read_text(encoding="utf-8")


def test_repository_links_follow_mkdocs_yml() -> None:
    assert Depot.depuis(None) is None
    assert Depot.depuis("https://github.com/o/r/", "edit/main/") == Depot("https://github.com/o/r", "main")
    assert Depot.depuis("https://github.com/o/r", "blob/dev/docs/").branche == "dev"  # type: ignore[union-attr]
    depot = Depot("https://github.com/o/r")
    assert depot.nouvelle_issue("f.yml", "Titre : é", mot="Code PIN") == (
        "https://github.com/o/r/issues/new?template=f.yml&title=Titre%20%3A%20%C3%A9&mot=Code%20PIN"
    )


def test_without_a_repository_the_lexicon_says_to_ask_at_the_centre() -> None:
    fixture = projet.load(FIXTURE)
    built = pages_lexique.PagesLexique(Lexique(fixture), pages_lexique.liens(fixture, None), Urls(), par_defaut()).pages()
    pages = {page.src_uri: page.html for page in built}
    assert not [uri for uri, text in pages.items() if "issues/new" in text or "/new/" in text]
    assert "accueil de votre centre" in pages[pages_lexique.DEMANDES]
    assert "accueil de votre centre" in pages[pages_lexique.INDEX]


def test_shipped_term_pages_stay_light(shipped_site: Build) -> None:
    heavy = {}
    for page in (shipped_site.site / "lexique").glob("*/index.html"):
        if page.parent.name in {"livret", "demandes", "categories"}:
            continue
        size = page.stat().st_size
        if size > 30 * 1024:
            heavy[page.parent.name] = size
    assert heavy == {}


def test_shipped_forms_offer_the_vocabularys_labels() -> None:
    import yaml

    form = yaml.safe_load((REPO / ".github" / "ISSUE_TEMPLATE" / "proposer-une-definition.yml").read_text(encoding="utf-8"))
    options = {e["id"]: e["attributes"].get("options") for e in form["body"] if e.get("id")}
    vocab = vocabulaires.default()
    assert options["categorie"] == list(vocab["categories"].values())
    assert options["tranche_age"] == list(vocab["tranches_age"].values())
    for name in ("demander-un-mot.yml", "proposer-une-definition.yml"):
        data = yaml.safe_load((REPO / ".github" / "ISSUE_TEMPLATE" / name).read_text(encoding="utf-8"))
        assert {"name", "description", "body"} <= set(data), name
        ids = [e["id"] for e in data["body"] if e.get("id")]
        assert len(ids) == len(set(ids)) and all(re.fullmatch(r"[a-z_]+", i) for i in ids), name
