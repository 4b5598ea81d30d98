"""Each file of tests/cas-invalides/ holds one mistake a contributor really makes.

For each, the check reports the expected code on the expected file and line, with a French fix,
and the other files of the folder are not affected. The build of the folder fails with --strict.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from communs.core.controles import verification
from communs.core.modele import codes
from communs.core.modele.diagnostics import Diagnostic

from .conftest import CAS_INVALIDES, build_site

# (file, code, line, text expected in the message or the fix)
CASES: list[tuple[str, str, int, str]] = [
    ("prototypes/sans-titre.md", codes.CHAMP_OBLIGATOIRE, 1, "« titre »"),
    ("prototypes/cle-mal-ecrite.md", codes.CHAMP_INCONNU, 3, "Vouliez-vous dire « resume » ?"),
    ("fiches/duree-en-texte.md", codes.TYPE_INVALIDE, 4, "nombre entier"),
    ("prototypes/territoire-inconnu.md", codes.REFERENCE_INCONNUE, 9, "Vouliez-vous dire « boulonnais » ?"),
    ("content/centres/centre-territoire-inconnu.md", codes.REFERENCE_INCONNUE, 5, "calaisis"),
    (
        "content/actualites/actualite-centre-inconnu.md",
        codes.REFERENCE_INCONNUE,
        4,
        "Vouliez-vous dire « centre-social-alpha » ?",
    ),
    ("prototypes/essaimage-inconnu.md", codes.REFERENCE_INCONNUE, 10, "essaimage › n°1 › centre"),
    ("prototypes/yaml-casse.md", codes.YAML_INVALIDE, 2, "guillemets"),
    ("prototypes/tabulation.md", codes.YAML_TABULATION, 7, "espaces"),
    ("content/centres/doublon.md", codes.SLUG_DUPLIQUE, 1, "content/territoires/doublon.md"),
    ("prototypes/Accentué-Été.md", codes.NOM_FICHIER, 1, "« accentue-ete.md »"),
    ("prototypes/Majuscules_Et Espaces.md", codes.NOM_FICHIER, 1, "« majuscules-et-espaces.md »"),
    ("prototypes/vide.md", codes.FICHIER_VIDE, 1, "vide"),
    ("prototypes/binaire.md", codes.FICHIER_BINAIRE, 1, "binaire"),
    ("content/rapports/date-impossible.md", codes.DATE_IMPOSSIBLE, 5, "2020-02-30"),
    ("prototypes/texte-modele.md", codes.TEXTE_MODELE, 2, "À COMPLÉTER"),
    ("prototypes/image-manquante.md", codes.FICHIER_INTROUVABLE, 18, "images/borne-absente.png"),
    ("prototypes/script.md", codes.HTML_DANGEREUX, 18, "<script>"),
    ("content/lexique/email-enfant.md", codes.CONTRIBUTEUR_EMAIL, 7, "e-mail"),
    ("content/lexique/telephone-enfant.md", codes.CONTRIBUTEUR_TELEPHONE, 7, "téléphone"),
    ("content/lexique/nom-de-famille.md", codes.CONTRIBUTEUR_NOM, 7, "« prenom: Lucas »"),
    ("content/lexique/date-de-naissance.md", codes.CONTRIBUTEUR_NAISSANCE, 7, "tranche_age"),
    ("prototypes/statut-inconnu.md", codes.HORS_VOCABULAIRE, 4, "Vouliez-vous dire « deploye » ?"),
    ("prototypes/essaime-sans-source.md", codes.STATUT_SANS_SOURCE, 4, "statut_source"),
    ("prototypes/sans-entete.md", codes.ENTETE_ABSENTE, 1, "---"),
    ("prototypes/entete-non-fermee.md", codes.ENTETE_NON_FERMEE, 1, "jamais fermé"),
    ("prototypes/cle-en-double.md", codes.CLE_DUPLIQUEE, 6, "« statut »"),
    ("fiches/ages-inverses.md", codes.INCOHERENCE, 5, "12 ans"),
    ("content/centres/telephone-invalide.md", codes.VALEUR_INVALIDE, 5, "03 20 00 00 00"),
    ("content/centres/code-postal-faux.md", codes.VALEUR_INVALIDE, 4, "code postal"),
    ("prototypes/porteur-mauvais-type.md", codes.REFERENCE_MAUVAIS_TYPE, 9, "un centre ou un territoire"),
    ("prototypes/iframe.md", codes.HTML_DANGEREUX, 18, "<iframe>"),
    ("prototypes/onclick.md", codes.HTML_DANGEREUX, 18, "on…="),
    ("prototypes/lien-javascript.md", codes.HTML_DANGEREUX, 18, "javascript:"),
    ("content/territoires/boucle-a.md", codes.PARENT_CIRCULAIRE, 4, "boucle-a → boucle-b → boucle-a"),
    ("prototypes/section-manquante.md", codes.SECTION_MANQUANTE, 11, "## Améliorations"),
    ("prototypes/url-invalide.md", codes.VALEUR_INVALIDE, 11, "https://"),
    ("fiches/sans-source.md", codes.CHAMP_OBLIGATOIRE, 1, "« sources »"),
    ("fiches/sans-duree.md", codes.CHAMP_OBLIGATOIRE, 1, "« duree_minutes »"),
    ("prototypes/liste-attendue.md", codes.TYPE_INVALIDE, 5, "une liste"),
    ("prototypes/notes-de-reunion.txt", codes.NOM_FICHIER, 1, "ne serait pas publié"),
    ("content/lexique/demandes.yml", codes.REFERENCE_INCONNUE, 2, "Vouliez-vous dire « centre-social-alpha » ?"),
    ("content/lexique/demandes.yml", codes.CHAMP_OBLIGATOIRE, 4, "« date »"),
    ("prototypes/crlf-territoire-inconnu.md", codes.REFERENCE_INCONNUE, 9, "boulonnais"),
    ("content/rapports/fichier-absent.md", codes.FICHIER_INTROUVABLE, 5, "documents/rapport.pdf"),
    ("content/lexique/prenom-et-groupe.md", codes.INCOHERENCE, 7, "soit un prénom, soit un groupe"),
    ("content/territoires/sans-parent.md", codes.INCOHERENCE, 1, "seule une région"),
    ("prototypes/domaine-en-clair.md", codes.HORS_VOCABULAIRE, 5, "Vouliez-vous dire « parentalite-education » ?"),
    ("content/lexique/adresse-enfant.md", codes.CONTRIBUTEUR_ADRESSE, 7, "adresse postale"),
    ("content/lexique/age-exact.md", codes.CONTRIBUTEUR_AGE, 7, "tranche_age"),
    ("content/lexique/groupe-nom-de-famille.md", codes.CONTRIBUTEUR_NOM, 7, "nom de groupe"),
    ("content/lexique/mot-d-enfant-telephone.md", codes.CONTRIBUTEUR_TELEPHONE, 5, "phrase de l'enfant"),
    ("content/lexique/definition-longue.md", codes.DEFINITION_LONGUE, 4, "42 mots"),
    ("content/lexique/definition-longue.md", codes.PHRASE_LONGUE, 6, "« Quand on visite un site internet, ce site …"),
    ("content/lexique/variante-partagee.md", codes.NOM_DE_TERME_PARTAGE, 3, "content/lexique/navigateur.md"),
    ("content/lexique/demandes.yml", codes.DEMANDE_DEJA_DEFINIE, 6, "content/lexique/navigateur.md"),
    ("content/lexique/livret.md", codes.NOM_FICHIER, 1, "lexique/livret/"),
    ("prototypes/entete-liste.md", codes.ENTETE_PAS_DICTIONNAIRE, 2, "champ: valeur"),
    ("prototypes/image-sans-autorisation.md", codes.PERSONNES_SANS_AUTORISATION, 12, "autorisation: oui"),
    ("prototypes/image-alt-nom-de-fichier.md", codes.IMAGE_ALT, 11, "nom d'un fichier"),
    ("prototypes/image-svg-script.md", codes.HTML_DANGEREUX, 10, "<script>"),
    ("prototypes/images/dessin-script.svg", codes.HTML_DANGEREUX, 1, "<script>"),
    ("prototypes/image-svg.md", codes.IMAGE_SVG, 10, "PNG"),
    ("prototypes/image-illisible.md", codes.IMAGE_ILLISIBLE, 10, "pas une image lisible"),
    ("prototypes/image-hors-depot.md", codes.HORS_DEPOT, 10, "sort du dépôt"),
]

# Files that are correct and must stay free of diagnostics (the references the cases point to).
VALID = {
    "mkdocs.yml",
    "content/index.md",
    "content/territoires/hauts-de-france.md",
    "content/territoires/boulonnais.md",
    "content/territoires/doublon.md",
    "content/territoires/boucle-b.md",
    "content/centres/centre-social-alpha.md",
    "content/rapports/rapport-test.md",
    "content/lexique/navigateur.md",
    "prototypes/solution-valide.md",
    "prototypes/bom-crlf-valide.md",
    # The pictures the cases above cite: a clean drawing (refused as a picture, fine as a file) and a text named .jpg.
    "prototypes/images/dessin.svg",
    "prototypes/images/illisible.jpg",
}


@pytest.fixture(scope="module")
def diagnostics() -> list[Diagnostic]:
    return verification.run(CAS_INVALIDES).collector.items


def test_there_are_at_least_thirty_distinct_mistakes() -> None:
    assert len({path for path, *_ in CASES}) >= 30
    assert len({code for _, code, *_ in CASES}) >= 25


def test_every_file_of_the_folder_is_a_case_or_a_valid_reference() -> None:
    on_disk = {p.relative_to(CAS_INVALIDES).as_posix() for p in CAS_INVALIDES.rglob("*") if p.is_file()}
    on_disk = {path for path in on_disk if not path.startswith(".cache/")}  # the build's cache of pictures
    listed = {path for path, *_ in CASES} | VALID
    assert on_disk == listed


@pytest.mark.parametrize(("path", "code", "line", "text"), CASES, ids=[f"{c[1]}-{c[0]}" for c in CASES])
def test_each_mistake_is_reported_where_it_is(diagnostics: list[Diagnostic], path: str, code: str, line: int, text: str) -> None:
    found = [d for d in diagnostics if d.path == path and d.code == code]
    assert found, f"aucun {code} pour {path} ; reçu : {[d.human() for d in diagnostics if d.path == path]}"
    assert line in [d.line for d in found], [d.human() for d in found]
    match = next(d for d in found if d.line == line)
    assert text in match.message + " " + match.fix
    assert match.fix, "chaque diagnostic propose une correction"
    assert codes.DESCRIPTIONS[code]


def test_messages_are_french_and_name_files_relative_to_the_root(diagnostics: list[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        assert not Path(diagnostic.path).is_absolute()
        assert "Field required" not in diagnostic.message
        assert "Input should" not in diagnostic.message


def test_valid_files_have_no_diagnostic(diagnostics: list[Diagnostic]) -> None:
    assert [d.human() for d in diagnostics if d.path in VALID] == []


def test_one_bad_file_never_hides_another(diagnostics: list[Diagnostic]) -> None:
    reported = {d.path for d in diagnostics}
    assert {path for path, *_ in CASES} <= reported


def test_the_strict_build_fails_and_names_each_file(tmp_path: Path) -> None:
    result = build_site(CAS_INVALIDES, tmp_path / "site")
    assert result.failed
    for path, code, line, _ in CASES:
        assert f"{path}:{line}:" in result.log and code in result.log, path
    assert "Traceback" not in result.log


def test_every_code_is_emitted_by_a_case_or_a_test() -> None:
    """A declared code that nothing emits is a promise the check does not keep."""
    tests = "\n".join(p.read_text(encoding="utf-8") for p in Path(__file__).parent.rglob("test_*.py"))
    listed = {code for _, code, *_ in CASES}
    names = {value: name for name, value in vars(codes).items() if isinstance(value, str) and value.startswith("CSC")}
    untested = [code for code in codes.DESCRIPTIONS if code not in listed and f"codes.{names[code]}" not in tests]
    assert untested == [], untested
