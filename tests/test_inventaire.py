"""The inventory of issue 3: every solution and centre of the notes is in the content or explained."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import REPO, SITES

NOTES = REPO.parent / "shared" / "sources" / "notes"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("inventaire", REPO / "scripts" / "inventaire.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["inventaire"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_inventory_reads_tables_and_bullets_and_applies_decisions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "009_test.notes.md").write_text(
        "\n".join(
            [
                "# Seed 009",
                "## 3. Centres sociaux and other structures",
                "| # | Name (verbatim) | Commune |",
                "|---|---|---|",
                "| 1 | **Centre social A1** | Lille |",
                "| 2 | Centre inconnu / autre nom | Douai |",
                "- **Partenaire X**: un partenaire",
                "## 4. Prototypes / solutions",
                "| Tool | What |",
                "|---|---|",
                "| **Outil A** | un outil |",
                "| **La borne du coin** | décrite sous un autre nom |",
                "## 5. Activities",
                "- **Outil oublié** : hors des sections lues",
            ]
        ),
        encoding="utf-8",
    )
    decisions = tmp_path / "decisions.yml"
    decisions.write_text(
        'correspondances:\n  "La borne du coin": outil-b\necarts:\n  - nom: "Partenaire X"\n    raison: "Un partenaire."\n',
        encoding="utf-8",
    )
    script = _script()
    code = script.main(["--racine", str(SITES / "territoires"), "--notes", str(notes), "--decisions", str(decisions), "--tout"])
    out = capsys.readouterr().out
    assert code == 1
    assert "| 009 | centre | 3 | 1 | 0 | 1 | 1 |" in out
    assert "| 009 | solution | 2 | 1 | 1 | 0 | 0 |" in out
    assert "[manquant] centre « Centre inconnu » (notes 009, ligne 6)" in out
    assert "[correspondance] solution « La borne du coin » (notes 009, ligne 12) → outil-b" in out
    assert "Outil oublié" not in out


@pytest.mark.skipif(not NOTES.is_dir(), reason="../shared/sources/notes absent")
def test_every_named_solution_and_centre_is_in_the_content_or_explained(capsys: pytest.CaptureFixture[str]) -> None:
    assert _script().main([]) == 0, capsys.readouterr().out
