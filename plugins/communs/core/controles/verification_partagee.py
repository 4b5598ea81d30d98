"""The checks of a one-off check shared between two processes: a forked process runs the checks that look at every
file's text (corps, securite, vie_privee_partout: `reprise.PAR_FICHIER`, a third of the checks' time at 5,000 items)
while this one runs the others, which read only the front-matters and the files on the disk.

What the forked process found comes back as values: its diagnostics and the files it left out. The collector sorts
the diagnostics, so they are the same as when one process runs every check. Only `securite` leaves files out, and
among the checks it is the only one that reads `project.exclus`: both are in the forked process, in their order, so
what it sees there is what it would see here. The rule is enforced by `tests/test_verification_partagee.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from communs.core.controles import reprise
from communs.core.modele import lecture_parallele
from communs.core.modele.diagnostics import Collector, Diagnostic
from communs.core.modele.projet import Project

Controle = Callable[[Project], None]

_PROJET: list[Project] = []
_CONTROLES: list[Controle] = []
"""What the forked process checks, set just before it is forked (nothing is sent to it)."""


def a_part(checks: Sequence[Controle]) -> list[Controle]:
    """The checks that the forked process runs, in their order."""
    return [check for check in checks if check in reprise.PAR_FICHIER]


def executer(project: Project, checks: Sequence[Controle]) -> None:
    """Run `checks` on `project`: the ones of `a_part` in a second process when there are many files."""
    forked = a_part(checks)
    files = len(project.items) + len(project.pages)
    if not forked or files < lecture_parallele.SEUIL or not lecture_parallele.deux_processus():
        for check in checks:
            check(project)
        return
    import multiprocessing

    _PROJET.append(project)
    _CONTROLES.extend(forked)
    try:  # without the cycle collector (verification._sans_ramassage): it never writes in the memory both share
        with multiprocessing.get_context("fork").Pool(1) as pool:
            found = pool.apply_async(_controler)
            for check in checks:
                if check not in forked:
                    check(project)
            diagnostics, exclus = found.get()
    finally:
        _PROJET.clear()
        _CONTROLES.clear()
    project.collector.extend(diagnostics)
    project.exclus.update(exclus)


def _controler() -> tuple[list[Diagnostic], set[str]]:
    """In the forked process: what `_CONTROLES` find, and the files they leave out."""
    project = _PROJET[0]
    before = set(project.exclus)
    project.collector = Collector()
    for check in _CONTROLES:
        check(project)
    return project.collector.items, project.exclus - before
