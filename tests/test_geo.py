"""Coordinates of the centres and the coarse outline: computed by our script from the public GeoJSON."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path
from types import ModuleType

import pytest
from communs.core.domaine import geo
from communs.core.modele import modeles, projet
from communs.core.rendu import carte

from .conftest import REPO, SITES

GEO = REPO.parent / "shared" / "data" / "geo"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("coordonnees", REPO / "scripts" / "coordonnees.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_centroid_of_a_square_with_a_hole() -> None:
    square = {"type": "Polygon", "coordinates": [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]]}
    assert geo.centroid(square) == pytest.approx((2.0, 2.0))
    holed = {
        "type": "Polygon",
        "coordinates": [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[2, 0], [4, 0], [4, 4], [2, 4], [2, 0]]],
    }
    assert geo.centroid(holed) == pytest.approx((1.0, 2.0))
    multi = {
        "type": "MultiPolygon",
        "coordinates": [[[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]], [[[10, 0], [12, 0], [12, 2], [10, 2], [10, 0]]]],
    }
    assert geo.centroid(multi) == pytest.approx((6.0, 1.0))


def test_simplify_keeps_the_shape_and_drops_the_noise() -> None:
    ring = [(0.0, 0.0), (1.0, 0.001), (2.0, 0.0), (2.0, 2.0), (1.0, 2.001), (0.0, 2.0), (0.0, 0.0)]
    assert geo.simplify(ring, 0.01) == [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0), (0.0, 0.0)]
    assert geo.simplify(ring, 0.0) == ring


def test_insert_adds_coordinates_at_the_end_of_the_front_matter_and_keeps_the_rest() -> None:
    script = _script()
    text = "---\r\nnom: A\r\ncommune: Lille\r\n---\r\nCorps : « --- » reste.\r\n"
    out = script._insert(text, 50.6318, 3.0471)
    expected = ["---", "nom: A", "commune: Lille", "coordonnees:", "  lat: 50.6318", "  lon: 3.0471", "---"]
    assert out == "\r\n".join([*expected, "Corps : « --- » reste.", ""])


def test_shipped_outline_is_coarse_and_credited() -> None:
    outline = carte.contours()
    points = sum(len(ring) for dep in outline.departements for ring in dep.anneaux)
    assert 100 <= points <= 500
    assert {dep.code for dep in outline.departements} >= {"59", "62"}
    assert "Licence Ouverte" in outline.credit


@pytest.mark.skipif(not GEO.is_dir(), reason="../shared/data/geo absent")
def test_script_places_centres_from_their_commune(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "site"
    shutil.copytree(SITES / "territoires" / "content", root / "content")
    centres = root / "content" / "centres"
    (centres / "sans-commune-connue.md").write_text(
        "---\nnom: Centre ailleurs\ntype: centre-social\ncommune: Lile\nterritoire: versant-a\n---\nUn centre.\n",
        encoding="utf-8",
    )
    before = (centres / "centre-a1.md").read_text(encoding="utf-8")
    script = _script()
    assert script.main(["--racine", str(root), "--geo", str(GEO)]) == 0
    out = capsys.readouterr().out
    assert "Centres placés maintenant : 1 ; déjà placés : 3 ; sans position : 1." in out
    assert "Vouliez-vous dire « Lille » ?" in out
    assert (centres / "centre-a1.md").read_text(encoding="utf-8") == before, "existing coordinates are kept"
    placed = projet.load(root).find("centre", "centre-l1")
    assert placed is not None and isinstance(placed.model, modeles.Centre) and placed.model.coordonnees is not None
    assert placed.model.coordonnees.lat == pytest.approx(50.72, abs=0.03)
    assert placed.model.coordonnees.lon == pytest.approx(1.61, abs=0.03)
    assert script.main(["--racine", str(root), "--geo", str(GEO), "--verifier"]) == 1


@pytest.mark.skipif(not GEO.is_dir(), reason="../shared/data/geo absent")
def test_outline_budget_is_respected() -> None:
    data = geo.outlines(GEO / "departements-hauts-de-france.geojson", 200)
    assert sum(len(r) for d in data["departements"] for r in d["anneaux"]) <= 200
    json.dumps(data)


def test_commune_names_match_with_or_without_their_article() -> None:
    assert geo.name_key("La Madeleine") == geo.name_key("Madeleine") == "madeleine"
    assert geo.name_key("Le Portel") == "portel"
    assert geo.name_key("Les Moëres") == "moeres"
    assert geo.name_key("Lille") == "lille"
