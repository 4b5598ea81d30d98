"""Nothing outside the repository is read or published: symbolic links and paths that leave it are errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from communs.core.controles import verification
from communs.core.modele import codes

from .conftest import REPO, SITES, build_site
from .hostile import site

SECRET = "jeton-secret-0123456789"
DOSSIERS = ["prototypes", "fiches", "content", "content/lexique", "content/rapports", "content/territoires", "content/assets"]

RAPPORT = """\
---
titre: Rapport hors du dépôt
type: bilan
periode: {{debut: 2019, fin: 2020}}
resume: Un rapport.
fichier: {fichier}
---
Le résumé.
"""


def _projet(tmp_path: Path, *, dossiers: bool) -> Path:
    """A project whose every content folder holds links to a file outside, to .git/config and (optionally) to a folder."""
    outside = tmp_path / "ailleurs"
    outside.mkdir()
    (outside / "secret.md").write_text(f"# Secret\n\n{SECRET}\n", encoding="utf-8")
    root = site(tmp_path / "depot", {".git/config": f'[remote "origin"]\n\turl = https://x:{SECRET}@exemple.org/r.git\n'})
    for folder in DOSSIERS:
        where = root / folder
        where.mkdir(parents=True, exist_ok=True)
        os.symlink(outside / "secret.md", where / "lien-fichier.md")
        os.symlink(os.path.relpath(root / ".git" / "config", where), where / "config.txt")
        if dossiers:
            os.symlink(outside, where / "lien-dossier", target_is_directory=True)
    return root


def _liens(root: Path) -> set[str]:
    return {d.path for d in verification.run(root).collector.items if d.code == codes.LIEN_SYMBOLIQUE}


def test_every_link_is_reported_and_never_read(tmp_path: Path) -> None:
    root = _projet(tmp_path, dossiers=True)
    project = verification.run(root)
    expected = {f"{f}/{n}" for f in DOSSIERS for n in ("lien-fichier.md", "config.txt", "lien-dossier")}
    assert _liens(root) == expected
    assert all(SECRET not in d.message for d in project.collector.items)
    assert all(SECRET not in (p.text or "") for p in project.pages)
    assert not any(a.endswith(("lien-fichier.md", "config.txt")) for a in project.assets)


def test_a_link_to_a_folder_stops_the_build_before_it_is_walked(tmp_path: Path) -> None:
    root = _projet(tmp_path, dossiers=True)
    for strict in (True, False):
        result = build_site(root, tmp_path / f"site-{strict}", strict=strict)
        assert result.failed and codes.LIEN_SYMBOLIQUE in result.log and "Traceback" not in result.log
        built = tmp_path / f"site-{strict}"
        assert not built.exists() or not any(SECRET in p.read_text(errors="ignore") for p in built.rglob("*") if p.is_file())


def test_links_to_files_fail_the_strict_build_and_are_never_published(tmp_path: Path) -> None:
    root = _projet(tmp_path, dossiers=False)
    strict = build_site(root, tmp_path / "strict")
    assert strict.failed
    for folder in DOSSIERS:
        assert f"{folder}/config.txt:1:" in strict.log and f"{folder}/lien-fichier.md:1:" in strict.log
    loose = build_site(root, tmp_path / "site", strict=False)
    assert not loose.failed, loose.log
    files = [p for p in (tmp_path / "site").rglob("*") if p.is_file()]
    assert files and not any(SECRET in p.read_text(errors="ignore") for p in files)
    assert not any(p.name == "config.txt" or "lien-fichier" in p.as_posix() for p in files)


@pytest.mark.parametrize("fichier", ["../../../../etc/hostname", "../../.git/config", "/etc/hostname"])
def test_a_declared_file_outside_the_repository_is_reported(tmp_path: Path, fichier: str) -> None:
    root = site(tmp_path, {"content/rapports/hors.md": RAPPORT.format(fichier=fichier), ".git/config": SECRET})
    found = [(d.line, d.code) for d in verification.run(root).collector.items if d.path == "content/rapports/hors.md"]
    assert (6, codes.HORS_DEPOT) in found, found


def test_the_search_fixture_keeps_a_copy_of_the_stylesheet_not_a_link() -> None:
    copy = SITES / "recherche" / "content" / "assets" / "communs.css"
    assert not copy.is_symlink()
    assert copy.read_text(encoding="utf-8") == (REPO / "content" / "assets" / "communs.css").read_text(encoding="utf-8")
