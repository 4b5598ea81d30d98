#!/usr/bin/env python3
"""Derive the outlines the maps draw: the communes around the network's centres, and the land of the region.

    .venv/bin/python scripts/cartes.py            # writes plugins/communs/data/communes.json
    .venv/bin/python scripts/cartes.py --verifier # says whether the file is up to date (exit 1 if not)

The commune outlines of ../shared/data/geo/ (IGN Admin Express, INSEE COG, Licence Ouverte) are read, never
copied: only the communes within a few kilometres of a centre are kept, simplified together as one coverage by
shapely (`coverage_simplify`), so that two neighbouring communes keep one shared border instead of two lines that
cross. Each commune gets a point inside it for its name (`point_on_surface`). The land of the Hauts-de-France is
kept too, and the sea around it (a
rough polygon from which the region's land is taken out), so that the maps draw land, sea and land outside the
region apart.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import shapely
from communs.core.modele import modeles, projet
from shapely.geometry import MultiPolygon, Polygon, box, shape

RACINE = Path(__file__).resolve().parent.parent
GEO = RACINE.parent / "shared" / "data" / "geo"
SORTIE = RACINE / "plugins" / "communs" / "data" / "communes.json"
CREDIT = "Tracés : IGN Admin Express, INSEE COG (Licence Ouverte)"
RAYON = 0.045
"""Degrees around each centre whose communes are kept (about 4 km)."""
TOLERANCE = 0.003
"""Degrees: about 250 m, finer than any label or dot on the maps."""
ECHELLE = 1000
"""Coordinates are written in thousandths of a degree (about 100 m), as integers: a small file."""
MER_LARGE = Polygon(
    [
        # Inland of the region's coast, from the Belgian border (Bray-Dunes) to the Bresle (Le Tréport): the region's
        # land is taken out of it, so the sea meets the coast exactly where the region's outline draws it.
        (2.54, 51.0),
        (2.4, 50.95),
        (2.0, 50.85),
        (1.85, 50.75),
        (1.85, 50.1),
        (1.38, 50.065),
        # Outside the region, the coasts are rough (a few points): the Normandy coast to the south-west, the Belgian
        # and Dutch coasts to the north-east.
        (1.08, 49.93),
        (0.37, 49.77),
        (0.1, 49.5),
        (-1.0, 49.5),
        (-1.0, 52.5),
        (4.0, 52.5),
        (3.55, 51.45),
        (3.37, 51.37),
        (2.92, 51.23),
        (2.54, 51.09),
    ]
)
"""The open sea (the Channel and the North Sea) near the region. The maps paint everything else that is not the
region's land as land outside the region (Belgium, the neighbouring regions): land and sea are never confused."""


def _rings(geometry: Any) -> list[list[list[float]]]:
    polygons = geometry.geoms if isinstance(geometry, MultiPolygon) else [geometry]
    out = []
    for polygon in polygons:
        if isinstance(polygon, Polygon) and not polygon.is_empty:
            ring = [[round(x * ECHELLE), round(y * ECHELLE)] for x, y in polygon.exterior.coords[:-1]]
            if len(ring) >= 3:
                out.append(ring)
    return out


def _centres(racine: Path) -> list[tuple[float, float]]:
    found = []
    for item in projet.load(racine).of_genre("centre"):
        model = item.model
        if isinstance(model, modeles.Centre) and model.coordonnees is not None:
            found.append((model.coordonnees.lon, model.coordonnees.lat))
    return found


def derive(geo: Path, racine: Path) -> dict[str, Any]:
    around = shapely.union_all([box(x - RAYON * 1.5, y - RAYON, x + RAYON * 1.5, y + RAYON) for x, y in _centres(racine)])
    features = []
    for path in sorted(geo.glob("communes-*.geojson")):
        features += json.loads(path.read_text(encoding="utf-8"))["features"]
    kept = [(f["properties"], shape(f["geometry"])) for f in features]
    kept = [(p, g) for p, g in kept if g.intersects(around)]
    kept.sort(key=lambda pg: str(pg[0]["code"]))
    simplified = shapely.coverage_simplify([g for _, g in kept], TOLERANCE)
    communes = []
    for (props, original), geometry in zip(kept, simplified, strict=True):
        label = shapely.point_on_surface(original)
        communes.append(
            {
                "code": str(props["code"]),
                "nom": str(props["nom"]),
                "anneaux": _rings(geometry),
                "etiquette": [round(label.x * ECHELLE), round(label.y * ECHELLE)],
                "aire": round(original.area * 1e4),
            }
        )
    region = json.loads((geo / "departements-hauts-de-france.geojson").read_text(encoding="utf-8"))
    land = shapely.union_all([shape(f["geometry"]) for f in region["features"]]).simplify(TOLERANCE)
    return {
        "credit": CREDIT,
        "tolerance_degres": TOLERANCE,
        "echelle": ECHELLE,
        "terre": _rings(land),
        "mer": _rings(MER_LARGE.difference(land)),
        "communes": communes,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--geo", type=Path, default=GEO, help="dossier des GeoJSON (../shared/data/geo)")
    parser.add_argument("--racine", type=Path, default=RACINE)
    parser.add_argument("--verifier", action="store_true", help="ne rien écrire, dire si le fichier est à jour")
    args = parser.parse_args(argv)
    if not sorted(args.geo.glob("communes-*.geojson")):
        print(f"Aucun fichier communes-*.geojson dans {args.geo}.", file=sys.stderr)
        return 2
    text = json.dumps(derive(args.geo, args.racine), ensure_ascii=False, separators=(",", ":")) + "\n"
    if args.verifier:
        same = SORTIE.is_file() and SORTIE.read_text(encoding="utf-8") == text
        print("Les contours des communes sont à jour." if same else "Relancez scripts/cartes.py : les centres ont changé.")
        return 0 if same else 1
    SORTIE.write_text(text, encoding="utf-8")
    data = json.loads(text)
    points = sum(len(r) for c in data["communes"] for r in c["anneaux"])
    print(f"{len(data['communes'])} communes, {points} points, {len(text) // 1024} Ko : {SORTIE.relative_to(RACINE)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
