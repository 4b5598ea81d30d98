"""The shipped content says only what the reports say, in a form a reader can check (issue « A resource platform »)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from communs.core.controles import verification
from communs.core.modele import modeles

from .conftest import REPO, Build


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def _pages(site: Build) -> list[Path]:
    return sorted(site.site.rglob("index.html"))


def test_no_reader_sees_a_line_number_or_an_editorial_note(shipped_site: Build) -> None:
    """A reader checking a fact sees the report's title, never « (lignes 706-778) » of a transcription, and never a
    note meant for editors."""
    found = []
    for page in _pages(shipped_site):
        text = _text(page.read_text(encoding="utf-8"))
        if re.search(r"\blignes? \d", text) or "erreur de mise en page" in text:
            found.append(str(page.relative_to(shipped_site.site)))
    assert found == []


def test_sources_show_the_report_title_and_the_quotation(shipped_site: Build) -> None:
    """The mobile borne's page shows why it is an experiment: the 2019 evaluation, quoted."""
    html = shipped_site.page("prototypes/borne-mobile-e-administration")
    sources = html.split('id="sources"', 1)[1]
    assert "Une borne mobile a été élaborée par Maison du Chemin Rouge.</q>" in sources
    assert "Évaluation" in sources or "valuation" in sources


def test_no_invented_word_request() -> None:
    """The requests start empty: no word, centre or date that no source gives."""
    data = yaml.safe_load((REPO / "content" / "lexique" / "demandes.yml").read_text(encoding="utf-8"))
    assert not data


def test_the_lexicon_says_how_its_definitions_were_written(shipped_site: Build) -> None:
    home = _text(shipped_site.page(""))
    assert "écrit par des enfants" not in home
    lexicon = _text(shipped_site.page("lexique"))
    assert "Qui écrit ces définitions ?" in lexicon and "à partir des rapports du réseau" in lexicon


def test_the_three_overstated_solutions_are_corrected() -> None:
    """Checked against their sources: Anim'connect's lasting take-up is the Boulonnais one, not its own pilot
    centres; Chill is deployed, not spread; the mobile borne is an experiment."""
    project = verification.run(REPO)

    def model(slug: str) -> modeles.Prototype:
        item = project.find("prototype", slug)
        assert item is not None and isinstance(item.model, modeles.Prototype)
        return item.model

    anim = model("anim-connect")
    assert [(e.centre, e.territoire, e.nombre) for e in anim.essaimage] == [(None, "boulonnais", 1)]
    assert model("chill").statut == "deploye" and not model("chill").essaimage
    assert model("borne-mobile-e-administration").statut == "experimentation"
    for slug in ("anim-connect", "chill", "borne-mobile-e-administration"):
        source = model(slug).statut_source
        assert source is not None and source.citation


def test_every_spread_solution_cites_where_it_spread() -> None:
    """« Essaimé » is a claim: each such solution names where, and a report."""
    project = verification.run(REPO)
    for item in project.of_genre("prototype"):
        proto = item.model
        assert isinstance(proto, modeles.Prototype)
        if proto.statut == "essaime":
            assert proto.essaimage, item.slug


def test_glossary_never_links_a_brand_and_still_links_the_word(shipped_site: Build) -> None:
    """« Les Bons Clics » (Emmaüs Connect's resources) names a brand: « Clics » there is not the word « clic »."""
    wrong = []
    for page in _pages(shipped_site):
        html = page.read_text(encoding="utf-8")
        if re.search(r"Bons\s+<span class=\"communs-glossaire\">", html):
            wrong.append(str(page.relative_to(shipped_site.site)))
    assert wrong == []
    html = shipped_site.page("prototypes/le-numerique-a-mon-service")
    assert 'href="../../lexique/borne/"' in html or "lexique/" in html, "other words are still linked"


def test_every_sheet_has_duration_group_material_and_public() -> None:
    project = verification.run(REPO)
    for item in project.of_genre("fiche"):
        fiche = item.model
        assert isinstance(fiche, modeles.Fiche), item.path
        assert 5 <= fiche.duree_minutes <= 480 and fiche.participants.min and fiche.materiel
        assert fiche.publics or fiche.age_min is not None


def test_every_solution_cites_the_sentence_that_shows_its_status(shipped_site: Build) -> None:
    """Each shipped solution's status was re-read against its reports: it cites the report, the lines and the
    sentence that shows it, and the page shows that sentence next to the status it supports."""
    project = verification.run(REPO)
    missing = [
        item.slug
        for item in project.items
        if isinstance(item.model, modeles.Prototype) and not (item.model.statut_source and item.model.statut_source.citation)
    ]
    assert missing == []
    sources = shipped_site.page("prototypes/check").split('id="sources"', 1)[1]
    assert "Pour le statut « En expérimentation » :" in sources and "(2 expérimentations)" in sources
