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
from communs.core.modele.fourche import Fourche
from communs.core.modele.projet import Project

Controle = Callable[[Project], None]


def a_part(checks: Sequence[Controle]) -> list[Controle]:
    """The checks that the forked process runs, in their order."""
    return [check for check in checks if check in reprise.PAR_FICHIER]


def executer(project: Project, checks: Sequence[Controle]) -> None:
    """Run `checks` on `project`: the ones of `a_part` in a second process when there are many files (if it fails,
    here, after the others)."""
    forked = a_part(checks)
    files = len(project.items) + len(project.pages)
    if not forked or files < lecture_parallele.SEUIL or not lecture_parallele.deux_processus():
        for check in checks:
            check(project)
        return
    enfant = Fourche(lambda: _controler(project, forked))
    for check in checks:
        if check not in forked:
            check(project)
    found = enfant.resultat()
    if found is None:
        for check in forked:
            check(project)
        return
    diagnostics, exclus = found
    project.collector.extend(diagnostics)
    project.exclus.update(exclus)


def _controler(project: Project, checks: Sequence[Controle]) -> tuple[list[Diagnostic], set[str]]:
    """In the forked process: what `checks` find, and the files they leave out."""
    before = set(project.exclus)
    project.collector = Collector()
    for check in checks:
        check(project)
    return project.collector.items, project.exclus - before
