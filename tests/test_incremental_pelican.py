"""`make pelican` again, or `make serve-pelican` after a save, writes only what changed
(adapters/pelican/incremental.py, the rule of adapters/mkdocs/incremental.py): the rebuild over the previous output
gives the same files, byte for byte, as a full build of the edited content."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import PELICAN_PYTHON, REPO, Build
from .test_corpus import corpus


def build_pelican(project: Path, site: Path) -> Build:
    """`make pelican` on a generated corpus (without the web editor, as the benchmark builds it)."""
    command = [str(PELICAN_PYTHON), "-m", "communs.adapters.pelican.construire", str(project), str(site)]
    result = subprocess.run([*command, "--strict", "--sans-editeur"], capture_output=True, text=True, check=False)
    return Build(site, result.returncode != 0, result.stderr)


def _fichiers(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def _comparer(project: Path, tmp_path: Path, edit: str) -> None:
    incremental, full = tmp_path / "incremental", tmp_path / "complet"
    first = build_pelican(project, incremental)
    assert not first.failed, first.log
    other = next((incremental / "fiches").glob("*/index.html"))
    before = other.stat().st_mtime_ns
    source = sorted((project / "prototypes").glob("*.md"))[0]
    text = source.read_text(encoding="utf-8")
    if edit == "texte":
        source.write_text(text + "\nUne phrase ajoutée après la construction.\n", encoding="utf-8")
    else:
        source.write_text(text.replace("titre: ", "titre: Nouveau titre, ", 1), encoding="utf-8")
    (incremental / "reste-d-une-ancienne-construction.html").write_text("ancien", encoding="utf-8")
    second = build_pelican(project, incremental)
    assert not second.failed, second.log
    kept = other.stat().st_mtime_ns == before
    assert kept if edit == "texte" else not kept, "a text edit rewrites its page; a front-matter edit, every page"
    built = build_pelican(project, full)
    assert not built.failed, built.log
    got, expected = _fichiers(incremental), _fichiers(full)
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
