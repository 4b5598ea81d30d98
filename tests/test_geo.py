"""Coordinates of the centres and the outlines of the maps: computed by our scripts, with shapely, from the public
GeoJSON."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path
from types import ModuleType

import pytest
from communs.core.domaine import geo
from communs.core.modele import modeles, projet
from communs.core.rendu import fond

from .conftest import REPO, SITES

GEO = REPO.parent / "shared" / "data" / "geo"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("coordonnees", REPO / "scripts" / "coordonnees.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cartes() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cartes", REPO / "scripts" / "cartes.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_insert_adds_coordinates_at_the_end_of_the_front_matter_and_keeps_the_rest() -> None:
    script = _script()
    text = "---\r\nnom: A\r\ncommune: Lille\r\n---\r\nCorps : « --- » reste.\r\n"
    out = script._insert(text, 50.6318, 3.0471)
    expected = ["---", "nom: A", "commune: Lille", "coordonnees:", "  lat: 50.6318", "  lon: 3.0471", "---"]
    assert out == "\r\n".join([*expected, "Corps : « --- » reste.", ""])


def test_shipped_outlines_are_small_and_credited() -> None:
    """The derived communes stay small (never the whole GeoJSON), with the land of the region and its credit."""
    size = (REPO / "plugins" / "communs" / "data" / "communes.json").stat().st_size
    assert size < 150_000
    background = fond.fond()
    assert len(background.communes) > 100 and background.terre
    assert "Licence Ouverte" in background.credit
    names = {c.nom for c in background.communes}
    assert {"Boulogne-sur-Mer", "Lille", "Marck"} <= names


def test_neighbouring_communes_keep_one_shared_border() -> None:
    """Simplified as one coverage, two neighbours share the very same points along their border: no gap, no
    overlap (Boulogne-sur-Mer and Outreau)."""
    background = {c.nom: c for c in fond.fond().communes}
    boulogne = {p for ring in background["Boulogne-sur-Mer"].anneaux for p in ring}
    outreau = {p for ring in background["Outreau"].anneaux for p in ring}
    assert len(boulogne & outreau) >= 3


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
def test_the_derived_outlines_are_up_to_date() -> None:
    """scripts/cartes.py derives exactly the shipped file from ../shared/data/geo and the centres."""
    assert _cartes().main(["--verifier"]) == 0
    data = json.loads((REPO / "plugins" / "communs" / "data" / "communes.json").read_text(encoding="utf-8"))
    assert data["echelle"] == 1000 and data["communes"][0]["etiquette"]


def test_commune_names_match_with_or_without_their_article() -> None:
    assert geo.name_key("La Madeleine") == geo.name_key("Madeleine") == "madeleine"
    assert geo.name_key("Le Portel") == "portel"
    assert geo.name_key("Les Moëres") == "moeres"
    assert geo.name_key("Lille") == "lille"
