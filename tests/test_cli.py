"""The `communs verifier` command, as a contributor or CI runs it."""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import CAS_INVALIDES, REPO


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "communs", *args], capture_output=True, text=True, cwd=REPO, check=False)


def test_shipped_content_passes() -> None:
    result = run("verifier", "--strict")
    assert result.returncode == 0, result.stdout
    assert "0 erreur(s), 0 avertissement(s)" in result.stderr


def test_errors_exit_non_zero_with_human_lines() -> None:
    result = run("verifier", "--racine", str(CAS_INVALIDES))
    assert result.returncode == 1
    assert "prototypes/sans-titre.md:1: erreur CSC201 : Le champ obligatoire « titre » manque." in result.stdout


def test_github_annotations() -> None:
    result = run("verifier", "--racine", str(CAS_INVALIDES), "--format", "github")
    assert result.returncode == 1
    assert "::error file=prototypes/territoire-inconnu.md,line=9,title=CSC401::" in result.stdout
    assert "::warning file=prototypes/section-manquante.md,line=11,title=CSC501::" in result.stdout


def test_json_output() -> None:
    result = run("verifier", "--racine", str(CAS_INVALIDES), "--format", "json")
    data = json.loads(result.stdout)
    assert {"fichier", "ligne", "code", "gravite", "message", "correction"} <= set(data[0])


def test_codes_are_listed() -> None:
    assert run("codes").stdout.count("CSC") >= 25
