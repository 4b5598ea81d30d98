"""Bounded work per file: huge, deep or strange files end with their diagnostic, never hang, never crash.

The check and the strict build run in subprocesses with a generous timeout only so that a regression
fails instead of blocking the suite; no duration is measured.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from communs.core.controles import verification
from communs.core.modele import codes
from communs.core.modele import lecture_sure as fichiers

from .hostile import site

TIMEOUT = 600


def _bombe() -> str:
    lines = ["---", "titre: Bombe", 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    previous = "a"
    for name in "bcdefghijklmnopqrstuvwxyz":
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
        previous = name
    return "\n".join([*lines, "---", "", "## Besoin", ""])


HOSTILES: dict[str, tuple[str | bytes, str]] = {
    "prototypes/dix-mega.md": (b"---\ntitre: Gros\n---\n\n" + b"A COMPLETER lorem TODO\n" * 440_000, codes.FICHIER_TROP_GROS),
    "prototypes/bombe.md": (_bombe(), codes.YAML_ALIAS),
    "fiches/une-ligne.md": ("---\ntitre: Ligne\n---\n\n" + "a" * 5_000_000, codes.FICHIER_TROP_GROS),
    "content/yaml-profond.md": ("---\ntitre: " + "[" * 100_000 + "\n---\n\nTexte.\n", codes.YAML_TROP_PROFOND),
    "content/crochets.md": ("# Crochets\n\n" + "[" * 100_000 + "\n", codes.CONTENU_TROP_COMPLEXE),
    "content/listes.md": ("# Listes\n\n" + "".join("    " * i + "- a\n" for i in range(300)), codes.CONTENU_TROP_COMPLEXE),
    "content/citations.md": ("# Citations\n\n" + ">" * 100_000 + " fin\n", codes.CONTENU_TROP_COMPLEXE),
    "content/html-imbrique.md": ("# HTML\n\n" + "<div>" * 50_000 + "\n", codes.CONTENU_TROP_COMPLEXE),
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return site(tmp_path_factory.mktemp("bornes"), {name: text for name, (text, _) in HOSTILES.items()})


def _run(*args: str, cwd: Path) -> str:
    result = subprocess.run([sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert result.returncode != 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def test_the_check_ends_with_each_diagnostic(hostile: Path) -> None:
    output = _run("communs", "verifier", "--racine", str(hostile), cwd=hostile)
    for name, (_, code) in HOSTILES.items():
        assert any(line.startswith(f"{name}:") and code in line for line in output.splitlines()), (name, output[-3000:])
    assert "Traceback" not in output


def test_the_strict_build_ends_with_each_diagnostic(hostile: Path, tmp_path: Path) -> None:
    output = _run("mkdocs", "build", "--strict", "-f", str(hostile / "mkdocs.yml"), "-d", str(tmp_path / "site"), cwd=hostile)
    for name, (_, code) in HOSTILES.items():
        assert f"{name}:" in output and code in output, (name, output[-3000:])
    assert "Traceback" not in output


def test_the_build_publishes_none_of_them(hostile: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(hostile / "mkdocs.yml"), "-d", str(tmp_path / "site")],
        cwd=hostile,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-3000:]
    built = {p.relative_to(tmp_path / "site").as_posix() for p in (tmp_path / "site").rglob("index.html")}
    for name in HOSTILES:
        slug = Path(name).stem
        assert not any(slug in page for page in built), name
    assert "index.html" in built


def test_placeholders_are_found_on_their_lines_in_a_big_file(tmp_path: Path) -> None:
    count = 12_000
    body = "".join("texte\nÀ COMPLÉTER\n" for _ in range(count))
    root = site(tmp_path, {"content/modele.md": "# Modèle\n\n" + body})
    lines = [d.line for d in verification.run(root).collector.items if d.code == codes.TEXTE_MODELE]
    assert lines == [4 + 2 * n for n in range(count)]


def test_an_oversized_file_is_not_read_whole(tmp_path: Path) -> None:
    big = tmp_path / "gros.md"
    big.write_bytes(b"a" * (fichiers.LIMITE_OCTETS + 10))
    project = verification.run(site(tmp_path / "p", {"content/gros.md": big.read_bytes()}))
    assert [d.code for d in project.collector.items if d.path == "content/gros.md"] == [codes.FICHIER_TROP_GROS]
    assert "content/gros.md" in project.exclus
