"""`mkdocs serve --dirty` (make serve) rebuilds only what changed (adapters/mkdocs/incremental.py): after an edit, the
dirty rebuild over the previous output gives the same files, byte for byte, as a full build of the edited content; a
text edit writes again neither the other pages nor the generated files whose content did not change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from .conftest import REPO
from .illustrees import photo_de_telephone, site_illustre
from .test_corpus import corpus


def _construire(project: Path, site: Path, *, dirty: bool) -> None:
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=dirty)
    build(config, dirty=dirty)


def fichiers(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def editer(project: Path, edit: str) -> Path:
    """Edit the first solution: a sentence added below its front-matter (« texte ») or its title (« entete »)."""
    source = sorted((project / "prototypes").glob("*.md"))[0]
    text = source.read_text(encoding="utf-8")
    if edit == "texte":
        source.write_text(text + "\nUne phrase ajoutée après la construction.\n", encoding="utf-8")
    else:
        source.write_text(text.replace("titre: ", "titre: Nouveau titre, ", 1), encoding="utf-8")
    return source


def _comparer(project: Path, tmp_path: Path, edit: str) -> None:
    dirty, full = tmp_path / "incremental", tmp_path / "complet"
    _construire(project, dirty, dirty=True)
    other = next((dirty / "fiches").glob("*/index.html"))
    generated = [dirty / "prototypes" / "index.html", next((dirty / "medias" / "partage").glob("*.png"))]
    before = other.stat().st_mtime_ns
    generated_before = [path.stat().st_mtime_ns for path in generated]
    source = editer(project, edit)
    _construire(project, dirty, dirty=True)
    kept = other.stat().st_mtime_ns == before
    assert kept if edit == "texte" else not kept, "a text edit rebuilds its page; a front-matter edit, every page"
    generated_kept = [path.stat().st_mtime_ns for path in generated] == generated_before
    assert generated_kept if edit == "texte" else not generated_kept, "unchanged generated files are not written again"
    _construire(project, full, dirty=False)
    got, expected = fichiers(dirty), fichiers(full)
    assert sorted(got) == sorted(expected)
    assert [name for name in expected if got[name] != expected[name]] == []
    page = (dirty / "prototypes" / source.stem / "index.html").read_text(encoding="utf-8")
    assert ("Une phrase ajoutée" if edit == "texte" else "Nouveau titre") in page


@pytest.mark.parametrize("edit", ["texte", "entete"])
def test_a_dirty_rebuild_after_an_edit_gives_the_files_of_a_full_build(tmp_path: Path, edit: str) -> None:
    project = tmp_path / "communs"
    corpus.generate(project, 60)
    try:
        _comparer(project, tmp_path, edit)
    finally:
        shutil.rmtree(project, ignore_errors=True)


def test_a_picture_saved_again_under_its_name_rebuilds_the_pages_that_show_it(tmp_path: Path) -> None:
    """No front-matter changes, yet the page, the cards and the open data name the new picture's files."""
    project = site_illustre(tmp_path / "projet")
    dirty, full = tmp_path / "incremental", tmp_path / "complet"
    _construire(project, dirty, dirty=True)
    old = set((dirty / "medias").glob("*.jpg"))
    (project / "prototypes" / "images" / "borne.jpg").write_bytes(photo_de_telephone(1400, 1000))
    _construire(project, dirty, dirty=True)
    _construire(project, full, dirty=False)
    got, expected = fichiers(dirty), fichiers(full)
    assert [name for name in expected if got.get(name) != expected[name]] == []
    assert set((full / "medias").glob("*.jpg")) != {full / p.relative_to(dirty) for p in old}, "new files, new names"


def test_a_theme_template_edited_between_two_builds_of_one_process_shows_at_once(tmp_path: Path) -> None:
    """The process keeps the theme's compiled templates (incremental.Compilations): an edited one is compiled again."""
    project = tmp_path / "communs"
    corpus.generate(project, 12)
    shutil.copytree(REPO / "themes", project / "themes")
    text, theme = (project / "mkdocs.yml").read_text(encoding="utf-8"), f"custom_dir: {(REPO / 'themes').resolve()}\n"
    assert theme in text
    (project / "mkdocs.yml").write_text(text.replace(theme, f"custom_dir: {project / 'themes'}\n"), encoding="utf-8")
    dirty, full = tmp_path / "incremental", tmp_path / "complet"
    _construire(project, dirty, dirty=True)
    main = project / "themes" / "main.html"
    main.write_text(main.read_text(encoding="utf-8").replace("{% endblock %}", "<!-- modèle modifié -->{% endblock %}", 1))
    _construire(project, dirty, dirty=True)
    _construire(project, full, dirty=False)
    got, expected = fichiers(dirty), fichiers(full)
    assert [name for name in expected if got.get(name) != expected[name]] == []
    assert "<!-- modèle modifié -->" in (dirty / "prototypes" / "index.html").read_text(encoding="utf-8")
