"""Pelican's texts and pages made by two processes are the same bytes as by one (adapters/pelican/parallele.py): a
small generated corpus built with the threshold lowered, so that a forked process converts half of its texts and
writes its share of the pages and map backgrounds, against the same corpus built by a single process. No timings."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from communs.core.site import Site, avant_fourche
from communs.core.urls import Urls

from .conftest import PELICAN_PYTHON, REPO, SITES
from .test_corpus import corpus

ENVELOPPE = """
import os, sys
from communs.adapters.pelican import construire, generateur, lecteur, parallele

parallele.SEUIL = int(sys.argv[1])
journal, panne, construction = sys.argv[2], sys.argv[3] == "panne", os.getpid()

def noter(quoi):
    with open(journal, "a", encoding="utf-8") as out:
        out.write(f"{quoi} {os.getpid()}\\n")

page, convertir = generateur.GenerateurCommuns._page, lecteur.LecteurCommuns.convertir

def _page(self, uri):
    noter("page")
    if panne and os.getpid() != construction:
        raise ValueError("panne du second processus")
    return page(self, uri)

def _convertir(self, doc):
    noter("texte")
    return convertir(self, doc)

generateur.GenerateurCommuns._page, lecteur.LecteurCommuns.convertir = _page, _convertir
noter("construction")
sys.exit(construire.main(sys.argv[4:]))
"""
"""Runs the build in Pelican's environment with a given threshold, noting which process makes each page and text."""


def _lancer(projet: Path, sortie: Path, seuil: int, journal: Path, panne: str = "") -> subprocess.CompletedProcess[str]:
    command = [str(PELICAN_PYTHON), "-c", ENVELOPPE, str(seuil), str(journal), panne, str(projet), str(sortie), "--strict"]
    return subprocess.run([*command, "--sans-editeur"], capture_output=True, text=True, check=False, timeout=600)


def _construire(projet: Path, sortie: Path, seuil: int, journal: Path) -> dict[str, set[str]]:
    result = _lancer(projet, sortie, seuil, journal)
    assert result.returncode == 0, result.stderr
    processus: dict[str, set[str]] = {"construction": set(), "page": set(), "texte": set()}
    for line in journal.read_text(encoding="utf-8").splitlines():
        quoi, pid = line.split()
        processus[quoi].add(pid)
    return processus


def _fichiers(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def projet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not PELICAN_PYTHON.is_file():
        pytest.fail("Pelican est introuvable : « make test » crée .venv-pelican (requirements-pelican.txt).")
    if len(os.sched_getaffinity(0)) < 2:
        pytest.skip("a single processor: the build never forks")
    root = tmp_path_factory.mktemp("processus") / "corpus"
    corpus.generate(root, 60)
    shutil.copyfile(REPO / "pelicanconf.py", root / "pelicanconf.py")
    return root


def test_two_processes_write_the_same_site_as_one(projet: Path, tmp_path: Path) -> None:
    seul = _construire(projet, tmp_path / "un", 10**9, tmp_path / "un.log")
    deux = _construire(projet, tmp_path / "deux", 1, tmp_path / "deux.log")
    assert seul["page"] == seul["texte"] == seul["construction"]
    assert deux["page"] - deux["construction"], "a forked process writes pages (all of them, if the build is slower)"
    assert len(deux["texte"]) == 2 and deux["construction"] < deux["texte"], "and converts half of the texts"
    un, autre = _fichiers(tmp_path / "un"), _fichiers(tmp_path / "deux")
    assert any(path.endswith(".svg") and "/cartes/" in f"/{path}" for path in un), "the corpus has map backgrounds"
    assert sorted(un) == sorted(autre)
    assert [path for path in un if un[path] != autre[path]] == []


def test_the_facade_is_made_ready_before_a_fork(tmp_path: Path) -> None:
    """`avant_fourche` builds the façade's shared lazy parts: a forked process finds them made."""
    site = Site(SITES / "territoires", Urls())
    avant_fourche(site)
    assert {"plan", "_items", "voisins", "partage"} <= set(vars(site))
    assert "_cartes" in vars(site.partage)


def test_an_error_in_the_second_process_stops_the_build(projet: Path, tmp_path: Path) -> None:
    """The build ends with the error (never waits for a process that stopped), and saves no state of a whole build."""
    result = _lancer(projet, tmp_path / "site", 1, tmp_path / "journal.log", "panne")
    assert result.returncode != 0
    assert "panne du second processus" in result.stderr
    assert "Le second processus de la construction s'est arrêté" in result.stderr
    assert not (tmp_path / "site.cache" / "communs-pages.json").exists()
