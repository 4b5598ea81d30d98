"""Run every check over a repository: the one entry point of the CLI and of the MkDocs adapter."""

from __future__ import annotations

from pathlib import Path

from communs.core.controles import corps, mots_simples, nommage, references, termes, vie_privee
from communs.core.modele import projet, vocabulaires
from communs.core.modele.projet import Project

CHECKS = (nommage.check, references.check, corps.check, vie_privee.check, mots_simples.check, termes.check)


def run(root: Path, vocabularies: vocabulaires.Vocabularies | None = None) -> Project:
    """Load and check the content under `root`; the diagnostics are in `project.collector`."""
    project = projet.load(root, vocabularies)
    for check in CHECKS:
        check(project)
    return project
