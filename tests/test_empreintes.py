"""The built sites are what the golden fingerprints say: a change of the code that moves HTML between the core, the
templates and the adapters leaves every page as it was. After a deliberate change of the pages, rewrite the golden
files with `.venv/bin/python -m tests.empreintes --ecrire` and explain the change in the commit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .empreintes import GOLDEN, SITES, build, empreintes


@pytest.mark.parametrize("name", sorted(SITES))
def test_built_site_matches_its_fingerprints(name: str, tmp_path: Path) -> None:
    expected: dict[str, str] = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    actual = empreintes(build(name, tmp_path / name))
    assert sorted(actual) == sorted(expected), "the set of published files changed"
    changed = sorted(path for path in expected if actual[path] != expected[path])
    assert not changed, f"{len(changed)} fichiers diffèrent, par exemple : {changed[:15]}"
