#!/usr/bin/env python3
"""Place the centres on the map: write each centre's coordinates (its commune's centroid) into its file.

    python scripts/coordonnees.py                 # centres without coordinates
    python scripts/coordonnees.py --contours      # also re-derive plugins/communs/data/contours.json
    python scripts/coordonnees.py --verifier      # list what is missing, change nothing (exit 1 if any)

The outlines of ../shared/data/geo/ (IGN Admin Express, INSEE COG, Licence Ouverte) are read, never copied:
only the centroids and a coarse outline of the départements (a few hundred points) land in the project.
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

RACINE = Path(__file__).resolve().parent.parent
GEO = RACINE.parent / "shared" / "data" / "geo"
CONTOURS = RACINE / "plugins" / "communs" / "data" / "contours.json"
BUDGET_POINTS = 400


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
    parser.add_argument("--contours", action="store_true", help="recalculer aussi data/contours.json")
    parser.add_argument("--verifier", action="store_true", help="ne rien écrire, dire ce qui manque")
    args = parser.parse_args(argv)

    paths = sorted(args.geo.glob("communes-*.geojson"))
    if not paths:
        print(f"Aucun fichier communes-*.geojson dans {args.geo}.", file=sys.stderr)
        return 2
    index = geo.index_communes(geo.communes(paths))
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
    if args.contours and not args.verifier:
        data = geo.outlines(args.geo / "departements-hauts-de-france.geojson", BUDGET_POINTS)
        CONTOURS.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
        points = sum(len(r) for d in data["departements"] for r in d["anneaux"])
        print(f"Contours : {points} points, tolérance {data['tolerance_degres']}°, écrits dans {CONTOURS.relative_to(RACINE)}.")
    print(f"Centres placés maintenant : {placed} ; déjà placés : {kept} ; sans position : {len(missing)}.")
    for line in missing:
        print(f"  - {line}")
    return 1 if args.verifier and missing else 0


if __name__ == "__main__":
    sys.exit(main())
