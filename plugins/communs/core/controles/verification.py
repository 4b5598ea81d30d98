"""Run every check over a repository: the one entry point of the CLI, of the façade and of the contribution scripts."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from pathlib import Path

from communs.core.controles import (
    corps,
    mots_simples,
    nommage,
    photos,
    references,
    reprise,
    securite,
    svg,
    termes,
    verification_partagee,
    vie_privee,
    vie_privee_partout,
)
from communs.core.modele import projet, vocabulaires
from communs.core.modele.projet import Project

CHECKS = (
    nommage.check,
    references.check,
    references.check_fichiers,
    corps.check,
    vie_privee.check,
    mots_simples.check,
    termes.check,
    securite.check,
    vie_privee_partout.check,
    svg.check,
    photos.check,
)


def run(root: Path, vocabularies: vocabulaires.Vocabularies | None = None, *, memoriser: bool = True) -> Project:
    """Load and check the content under `root`; the diagnostics are in `project.collector` (`memoriser`: see load)."""
    with sans_ramassage() if not memoriser else _ramassage_espace():
        project = projet.load(root, vocabularies, memoriser=memoriser)
        if memoriser:
            reprise.verifier(project, CHECKS)  # what a previous check of this process found and still holds
        else:
            verification_partagee.executer(project, CHECKS)  # a forked process runs some of them
    # Files left out (reported): no catalogue, index or generated page may list them or parse them again.
    project.items = [item for item in project.items if item.path not in project.exclus]
    project.pages = [page for page in project.pages if page.path not in project.exclus]
    return project


@contextlib.contextmanager
def sans_ramassage() -> Iterator[None]:
    """A one-off check or build (and Pelican's façade, `adapters/pelican/greffon.py`) keeps what it reads to its end:
    no pass of the cycle collector while it is read (each walks every value read so far and finds no cycle, since parsed
    values are trees), then it is frozen, never walked again. Memory stays bounded: a cycle made meanwhile (a caught
    exception) is one of a file read, bounded by its size; the check's values are freed as usual once unused."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


RAMASSAGE_PENDANT = 50_000
"""Objects made between two passes of the cycle collector while checking (Python's default: 700)."""


@contextlib.contextmanager
def _ramassage_espace() -> Iterator[None]:
    """Fewer passes of the cycle collector while thousands of files are read: each pass walks every value read so
    far (a sixth of a cold check at 5,000 items) and finds no cycle, since parsed values are trees. Memory stays
    bounded: the collector still runs, every 50,000 objects, and its thresholds come back afterwards."""
    before = gc.get_threshold()
    gc.set_threshold(RAMASSAGE_PENDANT, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
