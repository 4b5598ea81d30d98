#!/usr/bin/env python3
"""Place the centres on the map: write each centre's coordinates (its commune's centroid) into its file.

    python scripts/coordonnees.py                 # centres without coordinates
    python scripts/coordonnees.py --verifier      # list what is missing, change nothing (exit 1 if any)

The outlines of ../shared/data/geo/ (IGN Admin Express, INSEE COG, Licence Ouverte) are read, never copied:
only each centre's position (its commune's centroid, computed by shapely) lands in the project. The maps' outlines
come from scripts/cartes.py.
A centre whose file already has `coordonnees` keeps them (a better position, from an address, wins).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from communs.core.domaine import geo
from communs.core.modele import modeles, projet
from communs.core.modele.suggestions import did_you_mean
from shapely.geometry import shape

RACINE = Path(__file__).resolve().parent.parent
GEO = RACINE.parent / "shared" / "data" / "geo"


def communes(paths: list[Path]) -> list[geo.Commune]:
    """Every commune of the GeoJSON files, at its centroid (holes and islands counted, by shapely)."""
    out = []
    for path in paths:
        for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
            centre = shape(feature["geometry"]).centroid
            props = feature["properties"]
            out.append(geo.Commune(str(props["code"]), str(props["nom"]), round(centre.y, 4), round(centre.x, 4)))
    return out


def _insert(text: str, lat: float, lon: float) -> str:
    """The file with a `coordonnees` block added at the end of its front-matter, everything else untouched."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    closing = next(i for i in range(1, len(lines)) if lines[i].rstrip() == "---")
    block = ["coordonnees:", f"  lat: {lat}", f"  lon: {lon}"]
    return newline.join(lines[:closing] + block + lines[closing:])


def _choose(centre: modeles.Centre, index: dict[str, list[geo.Commune]]) -> tuple[geo.Commune | None, str]:
    matches = index.get(geo.name_key(centre.commune), [])
    if centre.code_postal:
        same_dep = [c for c in matches if c.code.startswith(centre.code_postal[:2])]
        matches = same_dep or matches
    if len(matches) == 1:
        return matches[0], ""
    if len(matches) > 1:
        codes = ", ".join(c.code for c in matches)
        return None, f"plusieurs communes s'appellent « {centre.commune} » ({codes}) : ajoutez le code postal"
    hint = did_you_mean(centre.commune, [c.nom for cs in index.values() for c in cs])
    return None, f"commune « {centre.commune} » introuvable dans le Nord et le Pas-de-Calais. {hint}".strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--geo", type=Path, default=GEO, help="dossier des GeoJSON (../shared/data/geo)")
    parser.add_argument("--racine", type=Path, default=RACINE)
    parser.add_argument("--verifier", action="store_true", help="ne rien écrire, dire ce qui manque")
    args = parser.parse_args(argv)

    paths = sorted(args.geo.glob("communes-*.geojson"))
    if not paths:
        print(f"Aucun fichier communes-*.geojson dans {args.geo}.", file=sys.stderr)
        return 2
    index = geo.index_communes(communes(paths))
    loaded = projet.load(args.racine)
    placed = kept = 0
    missing: list[str] = []
    for item in loaded.of_genre("centre"):
        centre = item.model
        if not isinstance(centre, modeles.Centre):
            continue
        if centre.coordonnees is not None:
            kept += 1
            continue
        commune, why = _choose(centre, index)
        if commune is None:
            missing.append(f"{item.path} : {why}")
            continue
        if args.verifier:
            missing.append(f"{item.path} : pas encore de coordonnées (commune {commune.nom}, {commune.code})")
            continue
        path = args.racine / item.path
        path.write_bytes(_insert(path.read_bytes().decode("utf-8"), commune.lat, commune.lon).encode("utf-8"))
        placed += 1
    print(f"Centres placés maintenant : {placed} ; déjà placés : {kept} ; sans position : {len(missing)}.")
    for line in missing:
        print(f"  - {line}")
    return 1 if args.verifier and missing else 0


if __name__ == "__main__":
    sys.exit(main())
