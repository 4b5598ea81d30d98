"""scripts/depuis_issue.py, as the workflow .github/workflows/depuis-une-issue.yml runs it: issue bodies in, files
(checked by `communs verifier --strict`) or a French comment out; with --essai, the git and gh commands printed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from communs.core.contribution import issues
from communs.core.modele import codes, genres, projet

from .conftest import REPO, SITES, copy_project

BODIES = REPO / "tests" / "issues"
DEFINITIONS = REPO / "tests" / "propositions"
SCRIPT = REPO / "scripts" / "depuis_issue.py"


@pytest.fixture
def depot(tmp_path: Path) -> Path:
    """The lexicon fixture site with the repository's issue forms, as a repository would have them."""
    root = copy_project(SITES / "lexique", tmp_path / "depot")
    shutil.copytree(REPO / ".github" / "ISSUE_TEMPLATE", root / ".github" / "ISSUE_TEMPLATE")
    return root


def run(body: Path, root: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(SCRIPT), str(body), "--issue", "7", "--racine", str(root), "--essai", *extra]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def verifier(root: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "communs", "verifier", "--strict", "--racine", str(root)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


@pytest.mark.parametrize(
    ("body", "written", "expected"),
    [
        ("fiche-complete", "fiches/atelier-tablette.md", ["centre: centre-des-tilleuls", "## Déroulé", "duree_minutes: 90"]),
        ("solution-complete", "prototypes/cafe-tablette-du-jeudi.md", ["statut: experimentation", "## Améliorations"]),
        (
            "demande-complete",
            genres.DEMANDES,
            ['- mot: "Visioconférence"\n  demande_par: centre-des-tilleuls\n  date: 2026-11-02'],
        ),
    ],
)
def test_a_complete_issue_becomes_a_checked_file_on_a_branch(depot: Path, body: str, written: str, expected: list[str]) -> None:
    result = run(BODIES / f"{body}.md", depot, "--date", "2026-11-02T10:00:00Z")
    assert result.returncode == 0, result.stderr
    text = (depot / written).read_text(encoding="utf-8")
    for part in expected:
        assert part in text
    assert "$ git switch -C contribution/issue-7" in result.stdout
    assert f"$ git add -- {written}" in result.stdout
    assert "$ gh pr create --base main --head contribution/issue-7" in result.stdout
    assert "closes #7" in result.stdout
    checked = verifier(depot)
    assert checked.returncode == 0, checked.stdout


def test_the_sheet_says_who_proposed_it(depot: Path) -> None:
    run(BODIES / "fiche-complete.md", depot)
    text = (depot / "fiches" / "atelier-tablette.md").read_text(encoding="utf-8")
    assert "propose_par:\n  centre: centre-des-tilleuls\n  annee: 2026" in text
    assert "sources" not in text


def test_a_definition_removes_its_request(depot: Path) -> None:
    result = run(DEFINITIONS / "complete.md", depot)
    assert result.returncode == 0, result.stderr
    assert (depot / "content" / "lexique" / "coffre-fort-numerique.md").is_file()
    assert "Coffre-fort" not in (depot / genres.DEMANDES).read_text(encoding="utf-8")
    assert "$ git add -- content/lexique/coffre-fort-numerique.md content/lexique/demandes.yml" in result.stdout
    assert verifier(depot).returncode == 0


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            BODIES / "fiche-erreurs.md",
            [
                "« Votre centre » : « Centre des Tilleul » n'est pas sur le site. Vouliez-vous dire « Centre des Tilleuls » ?",
                "« Durée en minutes » : « une heure et demie » n'est pas un nombre entier",
                "« Pour qui ? » : « Martiens » n'est pas un choix possible",
            ],
        ),
        (
            BODIES / "fiche-case-et-deroule.md",
            ["La case « Vie privée » n'est pas cochée", "La réponse « Déroulé » manque."],
        ),
        (BODIES / "solution-statut-inconnu.md", ["« Où en est-elle ? » : « Presque fini » n'est pas un choix possible"]),
        (BODIES / "demande-sans-centre.md", ["La réponse « Votre centre » manque"]),
        (BODIES / "demande-deja-demandee.md", ["« Code PIN » est déjà dans la liste des mots demandés"]),
        (
            DEFINITIONS / "nom-de-famille.md",
            ["« Inès Martin » ressemble à un prénom suivi d'un nom", codes.CONTRIBUTEUR_NOM, "L'issue est publique"],
        ),
        (DEFINITIONS / "email-enfant.md", [codes.CONTRIBUTEUR_EMAIL]),
        (DEFINITIONS / "date-de-naissance.md", [codes.CONTRIBUTEUR_NAISSANCE]),
    ],
    ids=lambda value: value.stem if isinstance(value, Path) else "",
)
def test_a_wrong_issue_gets_a_french_comment_and_nothing_reaches_a_branch(depot: Path, body: Path, expected: list[str]) -> None:
    before = {p.relative_to(depot): p.read_bytes() for p in depot.rglob("*") if p.is_file()}
    result = run(body, depot)
    assert result.returncode == 0, result.stderr
    assert "$ gh issue comment 7 --body-file -" in result.stdout
    assert "Voici ce qu'il faut corriger" in result.stdout
    for part in expected:
        assert part in result.stdout
    assert "git " not in result.stdout, "no branch, no commit, no push"
    after = {p.relative_to(depot): p.read_bytes() for p in depot.rglob("*") if p.is_file()}
    assert after == before


def test_an_issue_of_no_form_is_left_alone(depot: Path, tmp_path: Path) -> None:
    body = tmp_path / "libre.md"
    body.write_text("Bonjour, le site est très bien !\n", encoding="utf-8")
    result = issues.traiter(body.read_text(encoding="utf-8"), projet.load(depot))
    assert result.erreurs and not result.ecrits


def test_each_form_is_recognised(depot: Path) -> None:
    for body, form in (
        (BODIES / "fiche-complete.md", issues.FICHE),
        (BODIES / "solution-complete.md", issues.SOLUTION),
        (BODIES / "demande-complete.md", "demander-un-mot.yml"),
        (DEFINITIONS / "complete.md", "proposer-une-definition.yml"),
    ):
        assert issues.reconnaitre(body.read_text(encoding="utf-8"), depot) == form


def test_the_workflow_step_passes_the_issue_through_the_environment_only() -> None:
    """`make depuis-issue`, as the workflow runs it: the body comes from ISSUE_CORPS, never from the command line."""
    body = (DEFINITIONS / "nom-de-famille.md").read_text(encoding="utf-8") + "\n$(touch /tmp/jamais) `id` ${HOME}\n"
    env = {**os.environ, "ISSUE_CORPS": body, "ISSUE_NUMERO": "12", "ISSUE_DATE": "2026-11-02T10:00:00Z"}
    result = subprocess.run(
        ["make", "--no-print-directory", "depuis-issue", "ESSAI=--essai"], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "$ gh issue comment 12 --body-file -" in result.stdout
    assert codes.CONTRIBUTEUR_NOM in result.stdout
    assert not Path("/tmp/jamais").exists()
