"""`make pelican` again, or `make serve-pelican` after a save, writes only what changed
(adapters/pelican/reecriture.py, the rule of adapters/mkdocs/incremental.py): the rebuild over the previous output
gives the same files, byte for byte, as a full build of the edited content."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import PELICAN_PYTHON, REPO, Build
from .test_corpus import corpus
from .test_incremental import editer, fichiers


def build_pelican(project: Path, site: Path) -> Build:
    """`make pelican` on a generated corpus (without the web editor, as the benchmark builds it)."""
    command = [str(PELICAN_PYTHON), "-m", "communs.adapters.pelican.construire", str(project), str(site)]
    result = subprocess.run([*command, "--strict", "--sans-editeur"], capture_output=True, text=True, check=False)
    return Build(site, result.returncode != 0, result.stderr)


def _comparer(project: Path, tmp_path: Path, edit: str) -> None:
    incremental, full = tmp_path / "incremental", tmp_path / "complet"
    first = build_pelican(project, incremental)
    assert not first.failed, first.log
    other = next((incremental / "fiches").glob("*/index.html"))
    before = other.stat().st_mtime_ns
    source = editer(project, edit)
    (incremental / "reste-d-une-ancienne-construction.html").write_text("ancien", encoding="utf-8")
    second = build_pelican(project, incremental)
    assert not second.failed, second.log
    kept = other.stat().st_mtime_ns == before
    assert kept if edit == "texte" else not kept, "a text edit rewrites its page; a front-matter edit, every page"
    built = build_pelican(project, full)
    assert not built.failed, built.log
    got, expected = fichiers(incremental), fichiers(full)
    if edit == "texte":
        got.pop("reste-d-une-ancienne-construction.html")  # kept with the pages: nothing asked to empty the folder
    assert sorted(got) == sorted(expected), "a full build empties the folder first"
    assert [name for name in expected if got[name] != expected[name]] == []
    page = (incremental / "prototypes" / source.stem / "index.html").read_text(encoding="utf-8")
    assert ("Une phrase ajoutée" if edit == "texte" else "Nouveau titre") in page
    assert "communsfin" not in page, "no end mark of an earlier build in a page read from Pelican's cache"


@pytest.mark.parametrize("edit", ["texte", "entete"])
def test_a_pelican_rebuild_after_an_edit_gives_the_files_of_a_full_build(tmp_path: Path, edit: str) -> None:
    project = tmp_path / "communs"
    corpus.generate(project, 60)
    shutil.copyfile(REPO / "pelicanconf.py", project / "pelicanconf.py")  # as the benchmark does
    try:
        _comparer(project, tmp_path, edit)
    finally:
        shutil.rmtree(project, ignore_errors=True)


_SERVE = """
import sys
from pathlib import Path
from pelican.settings import read_settings
from communs.adapters.pelican.construire import construire
from communs.adapters.pelican.generateur import DERNIERS
from communs.adapters.pelican.parametres import parametres

racine, sortie, source = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
settings = read_settings(str(racine / "pelicanconf.py"), override={
    **{key: parametres(racine, sortie)[key] for key in ("OUTPUT_PATH", "CACHE_PATH")},
    "COMMUNS_EDITEUR": False, "COMMUNS_RECHARGEMENT": True,
})
assert construire(read_settings(override=dict(settings))) == 0
page = sortie / "prototypes" / source.stem / "index.html"
source.write_text(source.read_text(encoding="utf-8") + "\\nUne phrase ajoutée pendant le service.\\n", encoding="utf-8")
assert DERNIERS.pop(settings["OUTPUT_PATH"]).reecrire({str(source)}), "a text edit is written at once"
tout_de_suite = page.read_bytes()
assert construire(read_settings(override=dict(settings))) == 0
assert page.read_bytes() == tout_de_suite, "the page written at once is the page of the whole build"
assert "Une phrase ajoutée pendant le service." in page.read_text(encoding="utf-8")
entete = source.read_text(encoding="utf-8").replace("titre: ", "titre: Autre titre, ", 1)
source.write_text(entete, encoding="utf-8")
assert not DERNIERS.pop(settings["OUTPUT_PATH"]).reecrire({str(source)}), "a front-matter edit waits for the build"
"""


def test_make_serve_pelican_writes_an_edited_page_at_once_as_the_whole_build_does(tmp_path: Path) -> None:
    """`make serve-pelican`: after a save below an unchanged front-matter, the page is written before the whole build,
    with the same bytes the build then writes; a front-matter edit waits for the whole build."""
    project = tmp_path / "communs"
    corpus.generate(project, 40)
    shutil.copyfile(REPO / "pelicanconf.py", project / "pelicanconf.py")
    source = sorted((project / "prototypes").glob("*.md"))[0]
    command = [str(PELICAN_PYTHON), "-c", _SERVE, str(project), str(tmp_path / "site"), str(source)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
