"""scripts/terme_depuis_issue.py on the issue bodies of tests/propositions/, run as an accompagnateur would run it,
against the fixture site tests/sites/lexique/ and the real issue form of .github/ISSUE_TEMPLATE/."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from communs.core.contribution import proposition
from communs.core.controles import verification
from communs.core.modele import codes, projet

from .conftest import REPO, SITES, copy_project

BODIES = REPO / "tests" / "propositions"
FIXTURE = SITES / "lexique"
FORM = REPO / proposition.FORMULAIRE
SCRIPT = REPO / "scripts" / "terme_depuis_issue.py"
PUBLIC = "L'issue est publique"

# (body, exit code, texts expected in what the script says: the file on success, the explanation on failure)
CASES: list[tuple[str, int, list[str]]] = [
    ("complete", 0, ['terme: "Coffre-fort numérique"', '  - prenom: "Lucas"', "    centre: centre-des-tilleuls"]),
    ("groupe-seulement", 0, ['  - groupe: "les CM2 du mercredi"', "    centre: centre-des-tilleuls"]),
    ("sans-contributeur", 0, ["statut: publie"]),
    ("mot-demande", 0, ['terme: "Code PIN"', 'variantes: ["code SIM"]', "categorie: securite"]),
    ("reponses-windows", 0, ['terme: "Antivirus"', 'definition: "Un antivirus est un logiciel']),
    ("definition-longue", 0, ["Attention : « La définition » : La définition compte 42 mots", codes.PHRASE_LONGUE]),
    ("champ-manquant", 1, ["La réponse « La définition » manque."]),
    ("email-enfant", 1, ["« Prénoms des enfants »", "adresse e-mail", codes.CONTRIBUTEUR_EMAIL, PUBLIC]),
    ("nom-de-famille", 1, ["« Inès Martin » ressemble à un prénom suivi d'un nom", codes.CONTRIBUTEUR_NOM, PUBLIC]),
    ("date-de-naissance", 1, ["date de naissance", codes.CONTRIBUTEUR_NAISSANCE, PUBLIC]),
    ("telephone", 1, ["« Ou le nom du groupe »", "numéro de téléphone", codes.CONTRIBUTEUR_TELEPHONE]),
    ("adresse", 1, ["adresse postale", codes.CONTRIBUTEUR_ADRESSE]),
    ("mot-d-enfant-email", 1, ["« Avec les mots d'un enfant »", "La phrase de l'enfant contient une adresse e-mail"]),
    ("centre-inconnu", 1, ["« Centre des Tilleul » n'est pas dans l'annuaire", "Vouliez-vous dire « Centre des Tilleuls » ?"]),
    ("terme-existant", 1, ["Le mot « E-mail » a déjà sa page dans le lexique : content/lexique/courriel.md"]),
    ("categorie-inconnue", 1, ["« Jeux vidéo » n'existe pas (Internet et le web, Courriel et messagerie"]),
    ("case-non-cochee", 1, ["La case « Protection des enfants » n'est pas cochée"]),
    ("tranche-manquante", 1, ["La réponse « Tranche d'âge des enfants » manque"]),
    ("annee-en-lettres", 1, ["« l'an dernier » n'est pas une année"]),
    ("pas-un-formulaire", 1, ["ne ressemble pas à une issue « Proposer une définition »"]),
]


def run(body: Path, root: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(body), "--racine", str(root), "--formulaire", str(FORM), *extra],
        capture_output=True,
        text=True,
        check=False,
    )


def test_at_least_ten_bodies_and_each_is_a_case() -> None:
    on_disk = {p.stem for p in BODIES.glob("*.md")}
    assert on_disk == {name for name, *_ in CASES}
    assert len(on_disk) >= 10


@pytest.mark.parametrize(("name", "code", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_body_becomes_a_file_or_an_explanation(name: str, code: int, expected: list[str]) -> None:
    result = run(BODIES / f"{name}.md", FIXTURE, "--afficher")
    said = result.stdout + result.stderr
    assert result.returncode == code, said
    for text in expected:
        assert text in said, text
    assert "Traceback" not in said
    if code == 0:
        assert result.stdout.startswith("---\n") and result.stdout.rstrip().endswith("---")
    else:
        assert result.stdout == "", "nothing is written when something is wrong"
        assert "Corrigez l'issue" in result.stderr


def test_complete_body_gives_the_expected_file() -> None:
    result = run(BODIES / "complete.md", FIXTURE, "--afficher", "--date", "2026-11-02")
    golden = (REPO / "tests" / "golden" / "terme-coffre-fort-numerique.md").read_text(encoding="utf-8")
    assert result.stdout == golden


def test_written_file_is_valid_and_the_request_leaves_the_list(tmp_path: Path) -> None:
    root = copy_project(FIXTURE, tmp_path / "projet")
    result = run(BODIES / "mot-demande.md", root)
    assert result.returncode == 0, result.stderr
    assert "Fichier écrit : content/lexique/code-pin.md" in result.stdout
    assert "Demande retirée de content/lexique/demandes.yml : « Code PIN »." in result.stdout
    demandes = (root / "content" / "lexique" / "demandes.yml").read_text(encoding="utf-8")
    assert "Code PIN" not in demandes and "- mot: Coffre-fort numérique" in demandes
    assert demandes.startswith("# Mots demandés"), "the comments of the list are kept"
    checked = verification.run(root)
    assert [d.human() for d in checked.collector.items] == []
    assert checked.find("terme", "code-pin") is not None


def test_the_checks_run_on_the_repository_as_it_is() -> None:
    """A word that already has its page is refused; a centre is known or not depending on the repository."""
    body = (BODIES / "complete.md").read_text(encoding="utf-8")
    as_souris = body.replace("Coffre-fort numérique\n", "Souris\n", 1)
    refused = proposition.proposer(as_souris, projet.load(FIXTURE), FORM)
    assert refused.chemin is None and "content/lexique/souris.md" in refused.erreurs[0]
    elsewhere = proposition.proposer(body, projet.load(REPO), FORM)
    assert elsewhere.chemin is None
    assert [e for e in elsewhere.erreurs if e.startswith("« Le centre » : « Centre des Tilleuls » n'est pas dans l'annuaire")]


def test_labels_come_from_the_issue_form() -> None:
    labels = proposition.champs(FORM)
    assert labels["mot"] == "Le mot" and labels["prenoms"] == "Prénoms des enfants"
    answers = proposition.lire("### LE MOT\n\nCloud\n\n### Rubrique inconnue\n\nx\n\n### Un exemple\n\n_No response_\n", labels)
    assert answers == {"mot": "Cloud", "exemple": ""}
