"""Run every check over a repository: the one entry point of the CLI and of the MkDocs adapter."""

from __future__ import annotations

from pathlib import Path

from . import project as project_mod
from . import vocabulary
from .checks import body, lexique, mots_simples, naming, privacy, references
from .controles import securite, svg, vie_privee_partout
from .project import Project

CHECKS = (
    naming.check,
    references.check,
    body.check,
    privacy.check,
    mots_simples.check,
    lexique.check,
    securite.check,
    vie_privee_partout.check,
    svg.check,
)


def run(root: Path, vocabularies: vocabulary.Vocabularies | None = None) -> Project:
    """Load and check the content under `root`; the diagnostics are in `project.collector`."""
    project = project_mod.load(root, vocabularies)
    for check in CHECKS:
        check(project)
    # Files left out (reported): no catalogue, index or generated page may list them or parse them again.
    project.items = [item for item in project.items if item.path not in project.exclus]
    project.pages = [page for page in project.pages if page.path not in project.exclus]
    return project
