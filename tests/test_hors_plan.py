"""The search files and the open data made by a forked process while the plan is made (core/pages/hors_plan.py) are
the files one process makes; when that process fails, the build makes them itself."""

from __future__ import annotations

import subprocess
import sys

import pytest
from communs.core.pages import hors_plan

from .conftest import REPO

_FOURCHE = """
import sys
from pathlib import Path
from communs.core.modele import lecture_parallele
from communs.core.pages import hors_plan, memoire
from communs.core.site import Reglages, Site
from communs.core.urls import Urls

root = Path(sys.argv[1])
alone = Site(root, Urls(), Reglages(memoriser=False)).fichiers()
hors_plan.SEUIL = 0
memoire._MEMOIRE.clear()  # a one-off build makes its plan once: no plan of the same content kept from before
memoire._SEULS.clear()
if not lecture_parallele.deux_processus():
    sys.exit("un seul processus")
site = Site(root, Urls(), Reglages(memoriser=False))
_ = site.plan
assert site.hors_plan._enfant is not None, "no process was forked"
shared = site.fichiers()
assert list(shared) == list(alone), "not the same files, or not in the same order"
assert shared == alone, "not the same contents"
broken = Site(root, Urls(), Reglages(memoriser=False))
memoire._MEMOIRE.clear()
memoire._SEULS.clear()
broken.hors_plan.recherche = lambda: 1 / 0  # the forked process fails; this one, asked again, makes them itself
_ = broken.plan
del broken.hors_plan.recherche
assert broken.fichiers() == alone, "a failed process lost files"
print("fourche", len(shared))
"""


def test_a_forked_process_makes_the_files_one_process_makes() -> None:
    """In a process of its own: the tests' servers run in threads, and a process is forked only from one thread."""
    result = subprocess.run([sys.executable, "-c", _FOURCHE, str(REPO)], capture_output=True, text=True, check=False, timeout=600)
    if "un seul processus" in result.stderr:
        pytest.skip("one processor, or no fork on this system: one process makes everything")
    assert result.returncode == 0, result.stderr
    said, count = result.stdout.split()
    assert said == "fourche"
    assert int(count) > 10


def test_a_small_site_or_a_server_forks_nothing() -> None:
    """Below the threshold, or when the build keeps its files for the next one (`mkdocs serve`), no process is forked."""
    from communs.core.site import Reglages, Site
    from communs.core.urls import Urls

    served = Site(REPO, Urls(), Reglages(memoriser=True))
    _ = served.plan
    assert served.hors_plan._enfant is None
    once = Site(REPO, Urls(), Reglages(memoriser=False))
    if len(once.projet.items) < hors_plan.SEUIL:
        _ = once.plan
        assert once.hors_plan._enfant is None
    assert served.fichiers() == once.fichiers()
