"""The checks of a one-off check shared between two processes (core/controles/verification_partagee.py) find what one
process finds, and the files read in batches taken in turn by two processes (lecture_parallele) come back in order."""

from __future__ import annotations

import gc
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from communs.core.controles import verification, verification_partagee
from communs.core.modele import projet

CAS_INVALIDES = Path(__file__).parent / "cas-invalides"


def _cases(tmp_path: Path) -> Path:
    """The invalid cases, and a page whose HTML is too deep: `securite` leaves it out (PROFONDEUR_MAX: 200)."""
    root = tmp_path / "cas"
    shutil.copytree(CAS_INVALIDES, root)
    (root / "content" / "profond.md").write_text("# Profond\n\n" + "<div>" * 300 + "x" + "</div>" * 300 + "\n")
    return root


def test_the_checks_left_in_this_process_leave_no_file_out(tmp_path: Path) -> None:
    """Only the forked checks may leave files out (the forked `securite` reads `project.exclus` as they left it)."""
    project = projet.load(_cases(tmp_path), memoriser=False)
    forked = verification_partagee.a_part(verification.CHECKS)
    assert forked, "no check runs in the second process"
    for check in verification.CHECKS:
        before = set(project.exclus)
        check(project)
        if check not in forked:
            assert project.exclus == before, f"{check.__module__} leaves files out: run it in the second process"
    assert "content/profond.md" in project.exclus


_DEUX_PROCESSUS = """
import sys
from pathlib import Path
from communs.core.controles import verification
from communs.core.modele import lecture_parallele

root = Path(sys.argv[1])


def state(project):
    items = [(i.path, i.doc, i.model) for i in project.items]
    return [d.as_dict() for d in project.collector.items], items, project.exclus, [p.path for p in project.pages]


alone = state(verification.run(root, memoriser=False))
lecture_parallele.SEUIL = 0
lecture_parallele.PAQUET = 3
if not lecture_parallele.deux_processus():
    sys.exit("un seul processus")
shared = state(verification.run(root, memoriser=False))
assert shared == alone, "two processes found something else"
print("deux processus", len(alone[0]), len(alone[2]))
"""


def test_two_processes_check_what_one_checks(tmp_path: Path) -> None:
    """Every file read in small batches by both processes, the checks shared: the same diagnostics, items, documents,
    models and files left out as one process. In a process of its own: the tests' servers run in threads."""
    result = subprocess.run(
        [sys.executable, "-c", _DEUX_PROCESSUS, str(_cases(tmp_path))], capture_output=True, text=True, check=False, timeout=600
    )
    if "un seul processus" in result.stderr:
        pytest.skip("one processor, or no fork on this system: one process does everything")
    assert result.returncode == 0, result.stderr
    said, diagnostics, left_out = result.stdout.split()[:2], *map(int, result.stdout.split()[2:])
    assert said == ["deux", "processus"]
    assert diagnostics > 0
    assert left_out > 0  # the deep page, left out by the forked `securite`


def test_a_one_off_check_runs_without_the_collector_and_freezes_what_it_read() -> None:
    """verification.sans_ramassage: the collector's state comes back as it was; what was read is frozen."""
    assert gc.isenabled()
    before = gc.get_freeze_count()
    verification.run(CAS_INVALIDES, memoriser=False)
    assert gc.isenabled()
    assert gc.get_freeze_count() > before
    gc.disable()
    try:
        verification.run(CAS_INVALIDES, memoriser=False)
        assert not gc.isenabled()
    finally:
        gc.enable()
