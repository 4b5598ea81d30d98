"""Run every check over a repository: the one entry point of the CLI, of the façade and of the contribution scripts."""

from __future__ import annotations

from pathlib import Path

from communs.core.controles import (
    corps,
    mots_simples,
    nommage,
    photos,
    references,
    securite,
    svg,
    termes,
    vie_privee,
    vie_privee_partout,
)
from communs.core.modele import projet, vocabulaires
from communs.core.modele.projet import Project

CHECKS = (
    nommage.check,
    references.check,
    corps.check,
    vie_privee.check,
    mots_simples.check,
    termes.check,
    securite.check,
    vie_privee_partout.check,
    svg.check,
    photos.check,
)


def run(root: Path, vocabularies: vocabulaires.Vocabularies | None = None) -> Project:
    """Load and check the content under `root`; the diagnostics are in `project.collector`."""
    project = projet.load(root, vocabularies)
    for check in CHECKS:
        check(project)
    # Files left out (reported): no catalogue, index or generated page may list them or parse them again.
    project.items = [item for item in project.items if item.path not in project.exclus]
    project.pages = [page for page in project.pages if page.path not in project.exclus]
    return project
