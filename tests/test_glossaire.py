"""The glossary: lexicon terms linked in solutions, sheets and reports, with their definition in a tooltip.

Unit tests on HTML snippets with the terms of tests/sites/lexique/, then the built fixture site.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from communs.core.domaine.lexique import Lexique
from communs.core.modele import projet
from communs.core.rendu.glossaire import Glossaire, PageLiee, accepte
from communs.core.urls import Urls

from .conftest import REPO, SITES, Build, build_site, copy_project

FIXTURE = SITES / "lexique"
PAGE = "prototypes/borne-test.md"


@pytest.fixture(scope="module")
def glossaire() -> Glossaire:
    return Glossaire(Lexique(projet.load(FIXTURE)))


def lier(glossaire: Glossaire, html: str, sauf: str | None = None, directory_urls: bool = True) -> PageLiee:
    return glossaire.lier(html, PAGE, Urls(directory_urls), sauf=sauf)


def linked(html: str) -> list[tuple[str, str]]:
    """(term's slug, linked text) of each glossary link."""
    return re.findall(r'<a href="[^"]*" aria-describedby="glossaire-([^"]+)">([^<]+)</a>', html)


def test_first_occurrence_of_each_term_links_with_its_definition(glossaire: Glossaire) -> None:
    result = lier(glossaire, "<p>Un courriel, puis un autre courriel, et la souris.</p>")
    assert result.liens == ["courriel", "souris"]
    assert linked(result.html) == [("courriel", "courriel"), ("souris", "souris")]
    visible = re.sub(r"<[^>]+>", "", re.sub(r'<span class="communs-glossaire__bulle".*?</span>', "", result.html))
    assert visible == "Un courriel, puis un autre courriel, et la souris.", "the text is kept as it was"
    link = (
        '<span class="communs-glossaire"><a href="../../lexique/courriel/" aria-describedby="glossaire-courriel">courriel</a>'
        '<span class="communs-glossaire__bulle" id="glossaire-courriel" role="tooltip" data-search-exclude>'
        "<strong>Courriel</strong> : Un message écrit envoyé par Internet, qui arrive dans une boîte aux lettres "
        "électronique.</span></span>"
    )
    assert link in result.html


def test_never_in_headings_links_code_or_other_controls(glossaire: Glossaire) -> None:
    html = (
        "<h2>La souris</h2><h3 id='x'>Le <em>courriel</em></h3>"
        '<p><a href="../x/">la souris et le courriel</a> <code>mot de passe</code></p>'
        "<pre><code>souris courriel</code></pre>"
        "<table><tr><th>Clavier</th></tr><tr><td>un clavier</td></tr></table>"
        "<details><summary>Mot de passe</summary><p>un mot de passe</p></details>"
        "<!-- la souris --><p>Enfin la souris et le courriel.</p>"
    )
    result = lier(glossaire, html)
    assert result.html.startswith("<h2>La souris</h2><h3 id='x'>Le <em>courriel</em></h3>")
    assert '<a href="../x/">la souris et le courriel</a> <code>mot de passe</code>' in result.html
    assert "<pre><code>souris courriel</code></pre>" in result.html and "<th>Clavier</th>" in result.html
    assert "<summary>Mot de passe</summary>" in result.html and "<!-- la souris -->" in result.html
    assert linked(result.html) == [
        ("clavier", "clavier"),
        ("mot-de-passe", "mot de passe"),
        ("souris", "souris"),
        ("courriel", "courriel"),
    ]


def test_matching_respects_word_boundaries_case_accents_plurals_and_hyphens(glossaire: Glossaire) -> None:
    cases = {
        "<p>Des courriels.</p>": [("courriel", "courriels")],
        "<p>Un email, un e mail.</p>": [("courriel", "email")],
        "<p>Un Ecran tactile.</p>": [("ecran-tactile", "Ecran tactile")],
        "<p>L&#39;IA répond.</p>": [("intelligence-artificielle", "IA")],
        "<p>Voir la souris d’ordinateur.</p>": [("souris", "souris d’ordinateur")],
        "<p>Des mots de passe.</p>": [("mot-de-passe", "mots de passe")],
        "<p>Une réunion Zoom.</p>": [("zoom", "Zoom")],
        # none of these is a term: other words, other case, other accents, inside a word or an address
        "<p>ia, Via, zoom, touchés, mailing, remail, ecrans, moi@mail.fr, souriceau, clavieriste.</p>": [],
    }
    for html, expected in cases.items():
        assert linked(lier(glossaire, html).html) == expected, html


def test_a_brand_or_a_title_is_never_linked(glossaire: Glossaire) -> None:
    """« Les Bons Clics » is the name of Emmaüs Connect's resources: its « Clics » is not the word « clic »."""
    for html in ("<p>Les ressources « Les Bons Clics » d'Emmaüs Connect.</p>", "<p>Voir Les Bons\n  Clics ici.</p>"):
        assert linked(lier(glossaire, html).html) == [], html
    assert linked(lier(glossaire, "<p>Un clic. Clic ! Des clics.</p>").html) == [("souris", "clic")]


def test_longest_name_first_and_terms_being_written_never_linked(glossaire: Glossaire) -> None:
    result = lier(glossaire, "<p>La souris d'ordinateur, un nuage.</p>")
    assert linked(result.html) == [("souris", "souris d'ordinateur")]


def test_a_refused_long_name_leaves_room_for_a_shorter_one(glossaire: Glossaire) -> None:
    """« Clavier AZERTY » needs its capital C; written « clavier AZERTY », « clavier » is still the term."""
    assert linked(lier(glossaire, "<p>Un Clavier AZERTY.</p>").html) == [("clavier", "Clavier AZERTY")]
    assert linked(lier(glossaire, "<p>Un clavier AZERTY.</p>").html) == [("clavier", "clavier")]


@pytest.mark.parametrize(
    ("text", "name", "title", "expected"),
    [
        ("IA", "IA", False, True),
        ("ia", "IA", False, False),
        ("souris", "Souris", True, True),
        ("zoom", "Zoom", False, False),
        ("touchés", "touches", False, False),
        ("TOUCHES", "touches", False, True),
        ("Ecran tactile", "Écran tactile", True, True),
        ("écrans", "écran", False, True),
        ("J&#39;aime", "J'aime", True, True),
    ],
)
def test_case_and_accents_of_a_match(text: str, name: str, title: bool, expected: bool) -> None:
    assert accepte(text, name, title) is expected


def test_never_on_the_terms_own_page_and_never_excluded_words() -> None:
    lexique = Lexique(projet.load(FIXTURE))
    assert linked(Glossaire(lexique).lier("<p>Un clic de souris.</p>", PAGE, Urls(), sauf="souris").html) == []
    excluding = Glossaire(lexique, ["Clic"])
    assert linked(excluding.lier("<p>Un clic.</p>", PAGE, Urls()).html) == []
    assert linked(excluding.lier("<p>La souris.</p>", PAGE, Urls()).html) == [("souris", "souris")]


def test_links_follow_the_url_style(glossaire: Glossaire) -> None:
    assert 'href="../../lexique/souris/"' in lier(glossaire, "<p>souris</p>").html
    assert 'href="../lexique/souris.html"' in lier(glossaire, "<p>souris</p>", directory_urls=False).html


def test_one_regular_expression_for_the_whole_site(glossaire: Glossaire, monkeypatch: pytest.MonkeyPatch) -> None:
    assert isinstance(glossaire.regex, re.Pattern)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a regular expression compiled while linking a page")

    monkeypatch.setattr(re, "compile", refuse)
    for _ in range(50):
        lier(glossaire, "<p>Le courriel et la souris.</p>")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build_site(FIXTURE, tmp_path_factory.mktemp("glossaire"))
    assert not result.failed, result.log
    return result


def body_of(html: str) -> str:
    """The text of an item page after its title: the lead (accroche, résumé, facts, contact), then the Markdown body."""
    if '<div class="communs-tete">' in html:
        return html.split('<div class="communs-tete">', 1)[1].split("</article>", 1)[0]
    return html.split('<section class="communs-resume"', 1)[1].split("</section>", 1)[1].split("</article>", 1)[0]


def test_built_solution_links_terms_where_expected(site: Build) -> None:
    html = site.page("prototypes/borne-test")
    body = body_of(html)
    assert linked(body) == [
        ("courriel", "e-mail"),
        ("mot-de-passe", "mot de passe"),
        ("intelligence-artificielle", "IA"),
        ("ecran-tactile", "ecran tactile"),
        ("souris", "souris"),
    ]
    assert '<h3 id="le-courriel">Le courriel</h3>' in body, "never in a heading"
    assert '<a href="../../lexique/souris/">la souris</a>' in body, "never inside a link"
    assert "<code>mot de passe</code>" in body and "mot de passe dans un bloc de code" in body, "never in code"
    assert "des clics" in body, "« clic » is excluded in this site's mkdocs.yml"
    facts = html.split('class="communs-faits"', 1)[1].split("</dl>", 1)[0]
    details = html.split('class="communs-details"', 1)[1].split("</dl>", 1)[0]
    assert "communs-glossaire" not in facts + details, "never in the facts of the first screen or the details"
    assert "assets/javascripts/communs-glossaire.js" in html


def test_built_sheet_and_report_link_terms_too(site: Build) -> None:
    assert linked(body_of(site.page("fiches/atelier-souris"))) == [
        ("souris", "souris d'ordinateur"),
        ("courriel", "mail"),
        ("clavier", "clavier"),
    ]
    assert [slug for slug, _ in linked(body_of(site.page("rapports/rapport-test")))] == ["courriel", "souris"]


def test_other_pages_are_left_alone(site: Build) -> None:
    for url in ("", "lexique", "lexique/souris", "lexique/livret", "centres/centre-social-test"):
        html = site.page(url)
        assert "communs-glossaire__bulle" not in html, url
        assert "communs-glossaire.js" not in html, url


def test_definitions_of_tooltips_stay_out_of_the_search_index(site: Build) -> None:
    index = (site.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert (
        "Un message écrit envoyé par Internet"
        not in index.split('"location":"prototypes/borne-test/', 1)[1].split('"location":"', 1)[0]
    )
    assert "Les habitants doivent envoyer un e-mail" in index


def test_the_glossary_can_be_turned_off_in_mkdocs_yml(tmp_path: Path) -> None:
    copy = copy_project(FIXTURE, tmp_path / "projet")
    config = (copy / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("../../../themes", str(REPO / "themes")).replace("glossaire_exclus: [clic]", "glossaire: false")
    (copy / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = build_site(copy, tmp_path / "site")
    assert not result.failed, result.log
    for page in result.site.rglob("*.html"):
        assert "communs-glossaire__bulle" not in page.read_text(encoding="utf-8"), page
