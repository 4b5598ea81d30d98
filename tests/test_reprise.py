"""A repository checked again by the same process (`mkdocs serve` after a save, core/controles/reprise.py) gets the
same diagnostics and leaves out the same files as a check that starts from nothing, whatever was edited: a text, a
front-matter, a file on the disk that a front-matter names."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Collection, Iterator
from pathlib import Path

import pytest
from communs.core.controles import reprise, verification
from communs.core.modele import codes
from communs.core.modele.projet import Project

from .conftest import CAS_INVALIDES


@pytest.fixture
def depot(tmp_path: Path) -> Iterator[Path]:
    root = tmp_path / "depot"
    shutil.copytree(CAS_INVALIDES, root)
    reprise.oublier()
    yield root
    reprise.oublier()


def _etat(project: Project) -> tuple[list[str], list[str], list[str], list[str]]:
    found = [f"{d.human()} [{d.severity}]" for d in project.collector.items]
    return found, sorted(project.exclus), [item.path for item in project.items], [page.path for page in project.pages]


def _pareil(root: Path) -> list[str]:
    """Checked again by this process, then from nothing: the same; the diagnostics."""
    again = _etat(verification.run(root))
    fresh = _etat(verification.run(root, memoriser=False))
    assert again == fresh
    return again[0]


def _ajouter(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_texts_edited_again_and_again_give_the_diagnostics_of_a_whole_check(depot: Path) -> None:
    first = _pareil(depot)
    solution = depot / "prototypes" / "iframe.md"
    terme = depot / "content" / "lexique" / "livret.md"
    original = solution.read_text(encoding="utf-8"), terme.read_text(encoding="utf-8")
    _ajouter(solution, "\nÀ COMPLÉTER\n\n[le guide](guide-absent.pdf)\n\n<script>alert(1)</script>\n")
    _ajouter(terme, "\nÉcrire à jeanne.martin@exemple.fr ou au 06 12 34 56 78.\n")
    found = _pareil(depot)
    assert any(codes.TEXTE_MODELE in line and "iframe.md" in line for line in found)
    assert any(codes.FICHIER_INTROUVABLE in line and "guide-absent.pdf" in line for line in found)
    assert any(codes.CONTRIBUTEUR_EMAIL in line and "livret.md" in line for line in found)
    _ajouter(solution, "\n" + "<div>" * 300 + "trop" + "</div>" * 300 + "\n")
    _pareil(depot)
    assert "prototypes/iframe.md" in verification.run(depot).exclus, "a text too deep is left out again"
    solution.write_text(original[0], encoding="utf-8")
    terme.write_text(original[1], encoding="utf-8")
    assert _pareil(depot) == first


def test_a_front_matter_or_a_file_named_by_one_is_checked_again(depot: Path) -> None:
    _pareil(depot)
    rapport = depot / "content" / "rapports" / "fichier-absent.md"
    rapport.write_text(
        rapport.read_text(encoding="utf-8").replace("documents/rapport.pdf", "../../annexes/rapport.pdf"),
        encoding="utf-8",
    )
    assert any("annexes/rapport.pdf" in line for line in _pareil(depot))
    (depot / "annexes").mkdir()
    (depot / "annexes" / "rapport.pdf").write_bytes(b"%PDF-1.4\n")
    assert not any("annexes/rapport.pdf" in line for line in _pareil(depot)), "outside the content: same context"


def test_only_the_edited_files_are_checked_again_while_the_context_is_the_same(
    depot: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[Collection[str] | None] = []

    def par_fichier(project: Project, seuls: Collection[str] | None = None) -> None:
        asked.append(None if seuls is None else set(seuls))

    entetes: list[int] = []
    entete: Callable[[Project], None] = lambda project: entetes.append(1)  # noqa: E731
    monkeypatch.setattr(reprise, "PAR_FICHIER", {par_fichier: par_fichier})
    monkeypatch.setattr(reprise, "ENTETES", frozenset({entete}))
    monkeypatch.setattr(verification, "CHECKS", (entete, par_fichier))
    verification.run(depot)
    verification.run(depot)
    _ajouter(depot / "fiches" / "sans-source.md", "\nUne phrase de plus.\n")
    verification.run(depot)
    assert asked == [None, {"fiches/sans-source.md"}], "nothing changed, nothing checked again; then one file"
    assert entetes == [1], "a check of the front-matters alone is not run again"
    _ajouter(depot / "fiches" / "sans-source.md", "")
    (depot / "fiches" / "nouvelle.md").write_text("---\ntitre: Nouvelle\n---\n\nTexte.\n", encoding="utf-8")
    verification.run(depot)
    assert asked[-1] is None and entetes == [1, 1], "a new file: another context, every check again"
