"""The search index and the catalogue facets, without a browser: what is indexed, how, and what the pages carry."""

from __future__ import annotations

import dataclasses
import json
import re
import socket
from pathlib import Path

import pytest
from communs.core.controles import verification
from communs.core.domaine import facettes
from communs.core.modele import genres
from communs.core.recherche import documents, fichiers, index
from communs.core.recherche.analyse import Synonymes, mots, mots_vides, plier
from communs.core.urls import Urls

from .conftest import REPO, SITES, Build, build_site

FIXTURE = SITES / "recherche"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build_site(FIXTURE, tmp_path_factory.mktemp("recherche"))
    assert not result.failed, result.log
    return result


def test_folding_removes_accents_case_ligatures_and_punctuation() -> None:
    assert plier("L'Écran du cœur, ÇA ! Wi‑Fi") == "l ecran du coeur ca wi fi"
    assert mots(plier("Les écrans de la famille")) == ["ecrans", "famille"]
    assert {"le", "de", "est"} <= mots_vides()
    assert not {"sans", "avec", "ecran", "pour"} & mots_vides(), "des mots qu'un lecteur cherche"


def test_synonyms_are_added_to_texts_and_replace_phrases_in_queries() -> None:
    syn = Synonymes.depuis([["Wi-Fi", "wifi", "réseau sans fil"], ["Courriel", "mail", "e-mail"], ["Seul"]])
    assert syn.enrichir(plier("Un réseau sans fil et des mails")) == "un reseau sans fil et des mails wifi courriel"
    assert syn.enrichir("le wifi") == "le wifi", "a text already holding the token gets nothing"
    assert syn.remplacer(plier("wi-fi, e-mail")) == "wifi courriel"
    assert syn.remplacer("mailing") == "mailing", "whole words only"
    shared = Synonymes.depuis([["Démarches", "démarches en ligne"], ["E-administration", "démarches en ligne"]])
    assert "demarches en ligne" not in shared.groupes, "a phrase two terms claim is no synonym"


def test_varints_round_trip() -> None:
    values = [0, 1, 31, 32, 1023, 1024, 5000, 10**7]
    assert fichiers.decode_varints(fichiers.varints(values)) == values
    assert len(fichiers.varint(31)) == 1 and len(fichiers.varint(1023)) == 2


def test_each_kind_gives_titles_keywords_and_a_short_text_never_the_body() -> None:
    project = verification.run(FIXTURE)
    by_key = {e.identifiant: e for e in documents.entrees(project, Urls())}
    wifi = by_key["terme/wi-fi"]
    assert (wifi.libelle, wifi.titre, wifi.url) == ("Lexique", "Wi-Fi", "lexique/wi-fi/")
    assert wifi.mots == "wifi ; réseau sans fil" and wifi.contexte.startswith("Une connexion à Internet")
    fiche = by_key["fiche/guider-un-robot"]
    assert "Robots de sol" in fiche.mots and "Petits robots" in fiche.mots and "Accueillir le groupe" not in fiche.texte
    centre = by_key["centre/maison-du-port"]
    assert "Boulogne-sur-Mer" in centre.mots and centre.contexte == "Maison de quartier — Boulogne-sur-Mer"
    territoire = by_key["territoire/metropole-lilloise"]
    assert territoire.mots == "MEL" and territoire.contexte == "Assemblée territoriale — Nord"
    home = by_key["index.md"]
    assert (home.libelle, home.titre, home.url) == ("Page", "Accueil de la recherche", "")
    assert home.mots == "Trouver une activité"
    proto = by_key["prototype/borne-accueil"]
    assert "Besoin" not in proto.mots, "the fixed sections of a genre say nothing about an item"
    assert documents.entrees(project, Urls(repertoires=False))[0].url.endswith(".html")


def test_index_holds_french_stems_postings_and_the_forms_of_each_stem() -> None:
    project = verification.run(FIXTURE)
    entrees = documents.entrees(project, Urls())
    built_index = index.construire(entrees, index.synonymes(project))
    assert index.racine("programmer") == index.racine("programmation") == "programm"
    assert index.racine("écrans".replace("é", "e")) == "ecran"
    assert "ecran" in built_index.termes and "ecrans" in built_index.formes["ecran"]
    assert "wif" in built_index.termes, "the synonym token of Wi-Fi, stemmed"
    robot = built_index.postes["robot"]
    numbers = {e.identifiant: n for n, e in enumerate(entrees)}
    assert (numbers["fiche/guider-un-robot"], 1) in robot["titre"]
    assert built_index.termes == sorted(built_index.termes)
    assert len(built_index.longueurs["titre"]) == len(entrees)


def test_index_counts_what_lunrs_builder_counts() -> None:
    """`construire` counts postings, frequencies and field lengths itself: the same as lunr's builder, which the
    browser's index is checked against."""
    project = verification.run(FIXTURE)
    entrees = documents.entrees(project, Urls())
    syn = index.synonymes(project)
    entrees.append(dataclasses.replace(entrees[0], titre="Wi-Fi\xa0et\tÉCRANS -- écrans-tactiles"))
    built_index = index.construire(entrees, syn)
    builder = index._builder()
    for doc in index._documents(entrees, syn):
        builder.add(doc)
    assert built_index.termes == sorted(builder.inverted_index)
    for name, _ in index.CHAMPS:
        assert built_index.longueurs[name] == [builder.field_lengths[f"{name}/{n}"] for n in range(len(entrees))]
        for term in built_index.termes:
            refs = sorted(int(ref) for ref in builder.inverted_index[term][name])
            frequencies = [builder.field_term_frequencies[f"{name}/{n}"][term] for n in refs]
            assert built_index.postes[term][name] == list(zip(refs, frequencies, strict=True)), (term, name)


def test_index_is_built_without_any_network_access(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fresh machine without network builds the index: nothing is downloaded (no NLTK data)."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("la construction de l'index a tenté une connexion réseau")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    import nltk

    monkeypatch.setattr(nltk, "download", refuse)
    files = fichiers.fichiers_du_site(project := verification.run(FIXTURE), documents.entrees(project, Urls()))
    assert set(files) == {"recherche/index.js", "recherche/postes-0.js", "recherche/pages-0.js"}


def test_site_ships_the_index_as_scripts_and_not_materials_index(built: Build) -> None:
    script = (built.site / "recherche" / "index.js").read_text(encoding="utf-8")
    assert script.startswith('(window.communsRechercheDonnees=window.communsRechercheDonnees||{})["index"]=')
    assert (built.site / "recherche" / "pages-0.js").is_file()
    assert not (built.site / "search").exists(), "Material's search and its index are gone"
    for name in ("lunr.min.js", "lunr.fr.min.js", "lunr.stemmer.support.min.js", "LICENCE-lunr.txt"):
        assert (built.site / "assets" / "vendor" / "lunr" / name).is_file(), name
    home = built.page("")
    assert '<div id="communs-recherche" hidden' in home and 'name="communs-recherche"' in home
    assert 'name="search"' not in home, "Material's script must not find a search form of its own"
    assert '<meta name="communs-racine" content=".">' in home
    assert "communs-catalogue.js" not in home and "communs-catalogue.js" in built.page("fiches")


def test_vendored_lunr_files_are_the_ones_of_the_npm_registry() -> None:
    modules = REPO / "node_modules"
    if not (modules / "lunr").is_dir():
        pytest.skip("node_modules absent : « make test » l'installe (npm ci)")
    vendor = REPO / "themes" / "assets" / "vendor" / "lunr"
    pairs = {
        "lunr.min.js": modules / "lunr" / "lunr.min.js",
        "lunr.fr.min.js": modules / "lunr-languages" / "min" / "lunr.fr.min.js",
        "lunr.stemmer.support.min.js": modules / "lunr-languages" / "min" / "lunr.stemmer.support.min.js",
        "LICENCE-lunr.txt": modules / "lunr" / "LICENSE",
        "LICENCE-lunr-languages.txt": modules / "lunr-languages" / "LICENSE",
    }
    for name, source in pairs.items():
        assert (vendor / name).read_bytes() == source.read_bytes(), name


# --- Facets ----------------------------------------------------------------------------------------------


def test_solution_facets_count_sub_territories_and_spreading() -> None:
    project = verification.run(FIXTURE)
    facets = {f.nom: f for f in facettes.facettes(genres.PROTOTYPE, project)}
    assert list(facets) == ["domaine", "public", "territoire", "statut"]
    territoire = facets["territoire"]
    assert territoire.par_item["malle-alix"] == ["boulonnais", "hauts-de-france", "metropole-lilloise", "nord", "pas-de-calais"]
    assert territoire.nombre("nord") == 4 and territoire.nombre("hauts-de-france") == 5
    for facet in facets.values():  # every count at once, as the catalogues' filters ask for them
        counts = {code: count for code, count in facet.nombres().items() if code in facet.valeurs}
        assert counts == {code: facet.nombre(code) for code in facet.valeurs if facet.nombre(code)}
    assert list(territoire.valeurs)[:3] == ["hauts-de-france", "nord", "metropole-lilloise"], "tree order"
    assert territoire.profondeurs["metropole-lilloise"] == 2
    assert facets["statut"].par_item["borne-accueil"] == ["deploye"]


def test_activity_sheet_facets_put_ranges_in_bands() -> None:
    project = verification.run(FIXTURE)
    facets = {f.nom: f for f in facettes.facettes(genres.FICHE, project)}
    assert list(facets) == ["public", "age", "duree", "groupe", "materiel", "sans-ecran", "domaine"]
    assert facets["age"].par_item["guider-un-robot"] == ["moins-de-6-ans", "6-8-ans"]
    assert facets["age"].par_item["creer-une-adresse"] == ["adultes", "seniors"], "no upper age: every band above"
    assert facets["duree"].par_item["jeu-des-ecrans"] == ["1-h"]
    assert facets["groupe"].par_item["jeu-des-ecrans"] == ["3-8", "9-15"]
    assert facets["sans-ecran"].par_item["decouvrir-la-tablette"] == ["non"]
    assert facets["materiel"].valeurs["robots"] == "Petits robots à programmer", "a short controlled list"
    assert facets["materiel"].par_item["guider-un-robot"] == ["robots", "cartes"]
    assert facettes.facettes(genres.TERME, project) == []


def test_catalogue_lists_every_item_with_its_facet_values_and_counts(built: Build) -> None:
    html = built.page("prototypes")
    items = re.findall(
        r"<li class=\"communs-carte\" data-doc=\"(\d+)\"([^>]*)>.*?"
        r"<p class=\"communs-carte__titre\"><a href=\"([^\"]+)\">([^<]+)</a>",
        html,
        re.S,
    )
    assert len(items) == 5, "the whole list is in the page, without JavaScript"
    by_title = {title: (doc, attrs, link) for doc, attrs, link, title in items}
    doc, attrs, link = by_title["La malle d&#39;Alix"]
    assert link == "malle-alix/"
    card = html.split('href="malle-alix/"', 1)[1].split("</li>\n</ul>", 1)[0]
    assert "Essaimé" in card and '<ul class="communs-badges"' in card, "a card: its status as a badge"
    assert '<svg class="communs-picto' in html.split('href="malle-alix/"', 1)[0].rsplit("<li", 1)[1], "a pictogram"
    assert 'data-statut="essaime"' in attrs and 'data-territoire="boulonnais hauts-de-france' in attrs
    project = verification.run(FIXTURE)
    assert documents.numeros(documents.entrees(project, Urls()))["prototype/malle-alix"] == int(doc)
    script = (built.site / "catalogues" / "prototype.js").read_text(encoding="utf-8")
    form = json.loads(script.split("]=", 1)[1].rstrip().rstrip(";"))["formulaire"]
    assert '<form class="communs-filtres" aria-label="Filtrer les solutions" hidden>' in form, "the form comes with data"
    assert "communs-filtres" not in html, "without JavaScript, no form that would do nothing"
    assert re.search(r'value="nord"> Nord <span class="communs-facette__nombre">\(4\)</span>', form)
    assert '<p class="communs-catalogue__nombre" role="status">5 solutions.</p>' in html
    assert 'value="economie-collaborative"' in form and 'value="emploi-insertion"' not in form, "only used values"


def test_shipped_search_index_stays_small(shipped_site: Build) -> None:
    index_js = shipped_site.site / "recherche" / "index.js"
    assert index_js.stat().st_size < 120_000
    pages = sorted((shipped_site.site / "recherche").glob("pages-*.js"))
    assert pages and all(p.stat().st_size < 40_000 for p in pages)
    postes = sorted((shipped_site.site / "recherche").glob("postes-*.js"))
    assert postes and all(p.stat().st_size < 2 * fichiers.POSTES_PAR_FICHIER for p in postes)


def test_postings_are_cut_between_terms_into_files_of_bounded_size() -> None:
    postes = ["a" * 5000, "b" * 9000, "c" * 3000, "d" * 20_000, "e", "f" * 16_000]
    debuts = fichiers.debuts_des_postes(postes)
    assert debuts == [0, 2, 3, 4, 5]
    assert fichiers.debuts_des_postes([]) == [] and fichiers.debuts_des_postes([""]) == [0]
    for number, start in enumerate(debuts):
        end = debuts[number + 1] if number + 1 < len(debuts) else len(postes)
        assert end > start
        assert end - start == 1 or sum(len(t) + 1 for t in postes[start:end]) <= fichiers.POSTES_PAR_FICHIER + 1


def test_search_files_path_does_not_collide_with_content(tmp_path: Path) -> None:
    assert not (REPO / "content" / fichiers.DOSSIER).exists(), "recherche/ is generated, never written by hand"
