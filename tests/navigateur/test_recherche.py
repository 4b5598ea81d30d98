"""The French search and the catalogue facets in Debian's Chromium, on a small fixture site.

The site is opened from its folder (file://), as someone without network would: the search and the facets must
work there too. Each query of the table below is typed in the header's search box, and its first result (genre and
title) is what a reader would expect.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from communs.core.controles import verification
from communs.core.recherche import documents, fichiers, index
from communs.core.recherche.analyse import Synonymes, plier
from communs.core.urls import Urls
from playwright.sync_api import Browser, Page

from ..conftest import REPO, SITES, Build, build_pelican, build_site
from .conftest import ENGINES, page_sans_erreur, serve
from .test_pages import WCAG

FIXTURE = SITES / "recherche"

# (query, genre shown, title of the first result)
PREMIERS: list[tuple[str, str, str]] = [
    ("ecran", "Fiche d'activité", "Le jeu des écrans"),  # no accent, singular: « écrans »
    ("ÉCRANS", "Fiche d'activité", "Le jeu des écrans"),  # capitals and accents
    ("robots", "Fiche d'activité", "Guider un robot de sol"),  # plural: « robot »
    ("programmer", "Lexique", "Programmation"),  # a verb finds the noun
    ("prog", "Lexique", "Programmation"),  # a word being typed
    ("wifi", "Lexique", "Wi-Fi"),  # a variant of the lexicon
    ("wi-fi", "Lexique", "Wi-Fi"),
    ("Wi Fi", "Lexique", "Wi-Fi"),
    ("réseau sans fil", "Lexique", "Wi-Fi"),  # a variant that shares no word with the term
    ("mail", "Lexique", "Courriel"),  # synonym
    ("courriels", "Lexique", "Courriel"),
    ("lettre electronique", "Lexique", "Courriel"),
    ("ordinatuer", "Lexique", "Ordinateur"),  # typo: two letters swapped
    ("navigateru", "Lexique", "Navigateur"),
    ("tablete", "Fiche d'activité", "Découvrir la tablette"),  # typo: a letter missing
    ("wiifi", "Lexique", "Wi-Fi"),  # typo: a letter too many
    ("guidr", "Fiche d'activité", "Guider un robot de sol"),
    ("demarches en ligne", "Solution", "Borne d'accueil numérique"),
    ("reparer ordinateurs", "Solution", "Réparation d'ordinateurs"),  # every word, any form
    ("wifi gratuit", "Solution", "Point Wi-Fi solidaire"),
    ("familles", "Solution", "Messagerie des familles"),
    ("mots de passe", "Lexique", "Mot de passe"),
    ("Boulogne", "Centre", "Maison de quartier du Port"),  # a centre by its commune
    ("metropole lilloise", "Territoire", "Métropole lilloise"),
    ("MEL", "Territoire", "Métropole lilloise"),  # an alias
    ("pas de calais", "Territoire", "Pas-de-Calais"),
    ("bilan", "Rapport", "Bilan du réseau"),
    ("trouver une activite", "Page", "Accueil de la recherche"),  # a heading of a page
]
SANS_RESULTAT = ["zzzz", "le la les"]


@pytest.fixture(scope="module", params=ENGINES)
def fixture_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Build:
    target = tmp_path_factory.mktemp("recherche")
    built = build_site(FIXTURE, target) if request.param == "mkdocs" else build_pelican(FIXTURE, target / "site")
    assert not built.failed, built.log
    return built


@pytest.fixture(scope="module")
def dossier(fixture_site: Build) -> str:
    """The built site as a folder URL, as opened from a USB stick."""
    return fixture_site.site.resolve().as_uri() + "/"


@pytest.fixture(scope="module")
def http(fixture_site: Build) -> Iterator[str]:
    server, url = serve(fixture_site.site)
    yield url
    server.shutdown()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    with page_sans_erreur(browser) as opened:
        yield opened


def chercher(page: Page, requete: str) -> list[dict[str, str]]:
    """Type `requete` in the header's box and read the results shown."""
    page.fill("#communs-recherche-champ", requete)
    page.wait_for_function(
        "(q) => document.getElementById('communs-recherche-resultats').getAttribute('data-requete') === q", arg=requete
    )
    found: list[dict[str, str]] = page.eval_on_selector_all(
        ".communs-resultat",
        """els => els.map(a => ({
            genre: a.querySelector('.communs-resultat__genre').textContent,
            titre: a.querySelector('.communs-resultat__titre').textContent,
            contexte: (a.querySelector('.communs-resultat__contexte') || {}).textContent || '',
            href: a.href }))""",
    )
    return found


def test_twenty_french_queries_find_their_first_result_offline(page: Page, dossier: str) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(dossier + "index.html")
    wrong = {}
    for requete, genre, titre in PREMIERS:
        results = chercher(page, requete)
        first = (results[0]["genre"], results[0]["titre"]) if results else None
        if first != (genre, titre):
            wrong[requete] = first
    assert wrong == {}, wrong
    for requete in SANS_RESULTAT:
        assert chercher(page, requete) == [], requete
    assert len(PREMIERS) >= 20
    assert all(urlsplit(u).scheme == "file" for u in requests), "rien n'est demandé ailleurs que dans le dossier"


def test_a_result_shows_its_kind_a_line_of_context_and_leads_to_its_page(page: Page, dossier: str) -> None:
    page.goto(dossier + "fiches/index.html")
    results = chercher(page, "robots")
    assert results[0]["contexte"].startswith("Les enfants programment un petit robot")
    assert "Solution" in [r["genre"] for r in results]
    assert results[0]["href"].endswith("fiches/guider-un-robot/index.html"), "depuis un dossier, le fichier de la page"
    assert "Résultat" in page.inner_text("#communs-recherche-etat") or "résultat" in page.inner_text("#communs-recherche-etat")
    # The keyboard reaches the results and Enter opens the first one.
    page.focus("#communs-recherche-champ")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.classList.contains('communs-resultat')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/fiches/guider-un-robot/index.html")
    assert page.locator("h1").inner_text() == "Guider un robot de sol"


def test_search_over_http_loads_only_the_site_and_the_pages_it_shows(page: Page, http: str) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(http, wait_until="networkidle")
    before = set(requests)
    assert not [u for u in before if "/recherche/" in u or "lunr" in u], "l'index n'est chargé qu'à la première recherche"
    chercher(page, "ecran")
    loaded = sorted(urlsplit(u).path for u in set(requests) - before if "favicon" not in u)
    assert loaded == [
        "/assets/vendor/lunr/lunr.fr.min.js",
        "/assets/vendor/lunr/lunr.min.js",
        "/assets/vendor/lunr/lunr.stemmer.support.min.js",
        "/recherche/index.js",
        "/recherche/pages-0.js",
        "/recherche/postes-0.js",
    ]
    assert all(urlsplit(u).netloc == urlsplit(http).netloc for u in requests)
    assert not [u for u in requests if "search_index" in u or "workers/search" in u], "pas l'index de Material"


def test_the_search_loads_when_the_visitor_shows_intent_not_before(page: Page, http: str) -> None:
    """Pointing at the search box (or touching it, or focusing it) starts loading lunr and the terms, so that the first
    result does not wait for them; opening a page alone loads nothing of the search (phones). « / » opens the box."""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(urlsplit(r.url).path))
    page.goto(http, wait_until="networkidle")
    assert not [u for u in requests if "/recherche/" in u or "lunr" in u], "rien de la recherche à l'ouverture"
    page.locator(".communs-recherche, label[for='__search']").first.dispatch_event("pointerover")
    page.wait_for_function("() => window.communsRecherche.moteur() !== null")
    assert "/recherche/index.js" in requests and "/assets/vendor/lunr/lunr.min.js" in requests
    assert not [u for u in requests if "/postes-" in u or "/pages-" in u], "les occurrences attendent la requête"
    page.goto(http, wait_until="networkidle")
    page.keyboard.press("/")
    assert page.evaluate("() => document.activeElement.id") == "communs-recherche-champ"
    assert chercher(page, "ecran")[0]["titre"] == "Le jeu des écrans"


def test_search_box_and_results_have_no_accessibility_violation(page: Page, http: str, axe_script: Path) -> None:
    page.goto(http)
    chercher(page, "wifi")
    page.evaluate(axe_script.read_text(encoding="utf-8"))  # the page's CSP refuses an injected <script>
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG,
    )
    assert [f"{v['id']} : {v['help']} : {[n['target'] for n in v['nodes'][:3]]}" for v in result["violations"]] == []


def test_browser_rebuilds_exactly_the_index_that_lunr_builds_in_python(page: Page, dossier: str) -> None:
    project = verification.run(FIXTURE)
    entrees = documents.entrees(project, Urls())
    expected = index.lunr_index(entrees, index.synonymes(project)).serialize()
    page.goto(dossier + "index.html")
    rebuilt: dict[str, Any] = page.evaluate("async () => (await (await communsRecherche.charger()).indexComplet()).toJSON()")

    def by_term(serialised: dict[str, Any]) -> tuple[dict[str, dict[str, list[str]]], dict[str, dict[str, float]]]:
        terms = {term: posting["_index"] for term, posting in serialised["invertedIndex"]}
        names = {number: term for term, number in terms.items()}
        postings = {
            term: {field: sorted(docs) for field, docs in posting.items() if field != "_index"}
            for term, posting in serialised["invertedIndex"]
        }
        vectors = {}
        for ref, flat in serialised["fieldVectors"]:
            if flat:
                vectors[ref] = {names[flat[i]]: flat[i + 1] for i in range(0, len(flat), 2)}
        return postings, vectors

    expected_postings, expected_vectors = by_term(expected)
    got_postings, got_vectors = by_term(rebuilt)
    assert got_postings == expected_postings
    assert got_vectors.keys() == expected_vectors.keys()
    for ref, scores in expected_vectors.items():
        assert got_vectors[ref].keys() == scores.keys(), ref
        for term, score in scores.items():
            assert abs(got_vectors[ref][term] - score) <= 0.0011, (ref, term)


def _index_genere(graine: int = 15, pages: int = 700) -> tuple[list[documents.PageIndexee], Synonymes]:
    """Generated pages whose words share stems and beginnings (atelier, ateliers, atelière…): many ties to order."""
    rng = random.Random(graine)
    racines = ["atelier", "ecran", "tablette", "robot", "parent", "famille", "numerique", "jardin", "reseau", "cafe"]
    racines += ["programme", "programmation", "partage", "accueil", "emploi", "securite", "donnee", "logiciel", "radio"]
    vocabulaire = [r + fin for r in racines for fin in ("", "s", "e", "es", "er", "ent", "age", "ique")] + ["wifi", "2024"]
    genres = [("fiche", "Fiche d'activité"), ("prototype", "Solution"), ("terme", "Lexique"), ("page", "Page")]

    def phrase(mots: int) -> str:
        return " ".join(rng.choice(vocabulaire) for _ in range(mots))

    entrees = []
    for numero in range(pages):
        genre, libelle = rng.choice(genres)
        titre = phrase(rng.randint(1, 4))
        entrees.append(
            documents.PageIndexee(
                genre, libelle, titre, f"p{numero}/", phrase(rng.randint(0, 5)), phrase(rng.randint(0, 40)), "", str(numero)
            )
        )
    return entrees, Synonymes.depuis([["wifi", "reseau sans fil"], ["courriel", "mail", "ecran de messagerie"]])


@pytest.fixture(scope="module", params=["fixture", "shipped", "generated"])
def index_dossier(request: pytest.FixtureRequest, fixture_site: Build, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The fixture site, with the search files of the fixture, of the shipped content or of generated pages."""
    if request.param == "fixture":
        return fixture_site.site.resolve().as_uri() + "/"
    copie = tmp_path_factory.mktemp("index") / "site"
    shutil.copytree(fixture_site.site, copie)
    shutil.rmtree(copie / fichiers.DOSSIER)
    if request.param == "shipped":
        project = verification.run(REPO)
        files = fichiers.fichiers_du_site(project, documents.entrees(project, Urls()))
    else:
        files = fichiers.fichiers(index.construire(*_index_genere()))
    for chemin, texte in files.items():
        (copie / chemin).parent.mkdir(parents=True, exist_ok=True)
        (copie / chemin).write_text(texte, encoding="utf-8")
    return copie.resolve().as_uri() + "/"


def test_our_scoring_ranks_exactly_as_lunrs_query_on_the_whole_index(page: Page, index_dossier: str) -> None:
    """The browser scores the postings itself (Moteur.trouver) instead of asking lunr: for every query (the table,
    words of the index, words being typed, typos, several words, by genre, partial matches), the same pages, the same
    scores to the last bit, the same order as lunr's own query on the whole index, on three indexes."""
    page.goto(index_dossier + "index.html")
    resultats = page.evaluate(
        """async (table) => {
             const m = await communsRecherche.charger();
             const rng = (() => { let x = 15; return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648; })();
             const pris = (liste) => liste[Math.floor(rng() * liste.length)];
             const mots = Object.keys(m.lexique().vers).filter(w => w.length > 1);
             const requetes = table.concat(["atel", "ecr", "a", "robot tablette ecran", "zzzz"]);
             for (let i = 0; i < 60; i++) {
               const mot = pris(mots);
               requetes.push(mot, mot.slice(0, 1 + (i % 4)), mot.slice(0, -1) + "e" + mot.slice(-1));
               requetes.push(mot + " " + pris(mots), [pris(mots), pris(mots), pris(mots).slice(0, 3)].join(" "));
             }
             requetes.push(mots.slice(0, 35).join(" "));  /* more words than the bits of a mask */
             const run = async () => {
               const all = [];
               for (const q of requetes) for (const o of [{}, {enCours: true, partiel: true}, {genre: "fiche"}])
                 all.push((await m.chercher(q, o)).resultats.map(r => [r.numero, r.score, r.couverts]));
               return all;
             };
             const nous = await run();
             const tout = await m.indexComplet();
             m.trouver = (groupes) => m.trouverAvecLunr(groupes, tout);
             return [requetes.length, nous, await run()];
           }""",
        [query for query, _, _ in PREMIERS],
    )
    nombre, nous, lunr = resultats
    assert nombre > 300 and sum(1 for r in nous if len(r) > 1) > 100
    assert nous == lunr


def test_words_being_typed_expand_to_the_same_terms_in_the_same_order_without_any_token_set(
    page: Page, index_dossier: str
) -> None:
    """« prog » is looked for among the terms that begin with it only, put in lunr's order without building a set:
    same terms, same order as lunr's intersection of the set of all the terms with « prog* » (the order decides which
    forty are kept), for every beginning of every term of three indexes."""
    page.goto(index_dossier + "index.html")
    differences, checked = page.evaluate(
        """async () => {
             const m = await communsRecherche.charger();
             const debuts = new Set();
             m.termes.forEach(t => { for (let i = 1; i <= t.length; i++) debuts.add(t.slice(0, i)); });
             ["zz", "0", "a0", "9z"].forEach(d => debuts.add(d));
             const differences = [];
             debuts.forEach(d => {
               const tous = m.developper(lunr.TokenSet.fromString(d + "*"));
               const voisins = m.commencantPar(d);
               if (JSON.stringify(tous) !== JSON.stringify(voisins)) differences.push([d, tous, voisins]);
             });
             return [differences.slice(0, 5), debuts.size];
           }"""
    )
    assert checked > 100
    assert differences == []


def test_folding_and_french_stems_agree_between_python_and_the_browser(page: Page, dossier: str) -> None:
    samples = ["L'Écran du cœur", "ŒUVRE", "Ça a été", "Wi‑Fi", "ﬁchier", "naïve", "Noël à Saint-Étienne", "2ᵉ étage", "Straße"]
    project = verification.run(REPO)
    words = sorted({w for e in documents.entrees(project, Urls()) for w in plier(f"{e.titre} {e.mots} {e.texte}").split()})
    page.goto(dossier + "index.html")
    folded, stems = page.evaluate(
        """async ([samples, words]) => { const m = await communsRecherche.charger();
             return [samples.map(communsRecherche.plier), words.map(w => m.racine(w))]; }""",
        [samples, words],
    )
    assert folded == [plier(s) for s in samples]
    differ = {w: (s, index.racine(w)) for w, s in zip(words, stems, strict=True) if s != index.racine(w)}
    assert len(words) > 1000
    assert differ == {}, "lunr.fr.js et le FrenchStemmer de NLTK ne donnent pas la même racine"


# --- Catalogues ------------------------------------------------------------------------------------------


def visibles(page: Page) -> list[str]:
    titles: list[str] = page.eval_on_selector_all(
        ".communs-catalogue__liste > li:not([hidden]) .communs-carte__titre a", "els => els.map(a => a.textContent)"
    )
    return titles


def nombre(page: Page, facette: str, valeur: str) -> str:
    return page.inner_text(f'input[name="{facette}"][value="{valeur}"] ~ .communs-facette__nombre')


def test_solution_facets_filter_count_and_keep_their_state_in_the_address(page: Page, http: str) -> None:
    page.goto(http + "prototypes/")
    assert page.is_visible(".communs-filtres")
    assert page.inner_text(".communs-catalogue__nombre") == "5 solutions."
    assert nombre(page, "territoire", "nord") == "(4)", "un territoire compte ses sous-territoires"
    assert nombre(page, "territoire", "pas-de-calais") == "(2)"
    page.check('input[name="territoire"][value="pas-de-calais"]')
    assert visibles(page) == ["La malle d'Alix", "Messagerie des familles"]
    assert page.inner_text(".communs-catalogue__nombre") == "2 solutions sur 5."
    assert nombre(page, "statut", "essaime") == "(1)" and nombre(page, "statut", "deploye") == "(0)"
    assert nombre(page, "territoire", "nord") == "(4)", "les autres valeurs d'une facette gardent leur nombre"
    page.check('input[name="territoire"][value="boulonnais"]')
    page.check('input[name="statut"][value="essaime"]')
    assert visibles(page) == ["La malle d'Alix"]
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"territoire": ["pas-de-calais,boulonnais"], "statut": ["essaime"]}
    # The shared address opens the same filtered list.
    page.goto(page.url)
    assert visibles(page) == ["La malle d'Alix"]
    assert page.is_checked('input[name="statut"][value="essaime"]')
    page.click(".communs-filtres button[type=reset]")
    page.wait_for_function("() => document.querySelector('.communs-catalogue__nombre').textContent === '5 solutions.'")
    assert urlsplit(page.url).query == ""


def test_activity_sheet_facets_and_the_text_box_use_the_french_search(page: Page, dossier: str) -> None:
    page.goto(dossier + "fiches/index.html?sans-ecran=oui")
    assert visibles(page) == ["Guider un robot de sol", "Le jeu des écrans"]
    link = page.get_attribute(".communs-catalogue__liste a", "href") or ""
    assert link.endswith("/fiches/guider-un-robot/index.html"), "depuis un dossier, un lien mène au fichier de la page"
    assert nombre(page, "age", "6-8-ans") == "(2)"
    page.goto(dossier + "fiches/index.html")
    page.check('input[name="age"][value="moins-de-6-ans"]')
    assert visibles(page) == ["Guider un robot de sol"]
    page.uncheck('input[name="age"][value="moins-de-6-ans"]')
    page.check('input[name="duree"][value="1-h"]')
    assert visibles(page) == ["Guider un robot de sol", "Le jeu des écrans"]
    page.uncheck('input[name="duree"][value="1-h"]')
    page.fill("#communs-filtre-texte", "ecrans")
    page.wait_for_function("() => document.querySelector('.communs-catalogue__nombre').textContent.includes(' sur ')")
    assert visibles(page) == ["Guider un robot de sol", "Le jeu des écrans"]
    page.fill("#communs-filtre-texte", "courriel")
    page.wait_for_function("() => document.querySelector('.communs-catalogue__nombre').textContent.startsWith('1 ')")
    assert visibles(page) == ["Créer son adresse mail"], "le synonyme « mail » compte aussi dans un catalogue"
    assert page.inner_text(".communs-catalogue__nombre") == "1 fiche d'activité sur 4."


def test_catalogue_reads_without_javascript(browser: Browser, http: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(http + "prototypes/?statut=essaime")
        assert not page.is_visible(".communs-filtres"), "sans JavaScript, pas de formulaire qui ne ferait rien"
        assert not page.is_visible(".communs-recherche")
        assert len(visibles(page)) == 5
        assert page.inner_text(".communs-catalogue__nombre") == "5 solutions."
    finally:
        context.close()


def test_catalogue_with_facets_has_no_accessibility_violation(page: Page, http: str, axe_script: Path) -> None:
    page.goto(http + "fiches/?age=6-8-ans")
    page.evaluate(axe_script.read_text(encoding="utf-8"))  # the page's CSP refuses an injected <script>
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG,
    )
    assert [f"{v['id']} : {v['help']} : {[n['target'] for n in v['nodes'][:3]]}" for v in result["violations"]] == []
