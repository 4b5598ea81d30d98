"""The background of a map: land, sea and land outside the region, the communes around the centres, and names
placed so that none overlaps another name or a centre's dot.

The outlines come from `data/communes.json`, derived by `scripts/cartes.py` with shapely from the IGN/INSEE
commune outlines (Licence Ouverte): neighbouring communes share one simplified border.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

Anneau = tuple[tuple[float, float], ...]
"""A ring of (lon, lat)."""
Boite = tuple[float, float, float, float]
"""(x0, y0, x1, y1) in drawing units."""

LARGEUR = 640.0
"""Width of every map, in drawing units."""
TAILLE_NOM = 22.0
"""Room a commune's name takes, in drawing units: its size on a phone, where the stylesheet enlarges the names
(13 units elsewhere), so that names overlap neither on a desktop nor on a phone."""
NOMS_MAX = 20
PLACES = (
    (0, 7, "middle"),
    (0, -12, "middle"),
    (0, 28, "middle"),
    (12, 7, "start"),
    (-12, 7, "end"),
    (10, -10, "start"),
    (-10, -10, "end"),
    (10, 26, "start"),
    (-10, 26, "end"),
)
"""Where a name may go around its commune's point: on it, above, below, right, left, then the corners."""


@dataclass(frozen=True)
class Commune:
    code: str
    nom: str
    anneaux: tuple[Anneau, ...]
    etiquette: tuple[float, float]
    aire: int
    boite: Boite = (0.0, 0.0, 0.0, 0.0)
    """(west, south, east, north) of its rings, in degrees: whether it is in view needs only its corners."""


@dataclass(frozen=True)
class Fond:
    credit: str
    terre: tuple[Anneau, ...]
    mer: tuple[Anneau, ...]
    """The sea; what is neither the region's land nor the sea is land outside the region."""
    communes: tuple[Commune, ...]


class Projection:
    """Equirectangular projection at the latitude of the map's centre: exact enough at this scale."""

    def __init__(self, south: float, west: float, north: float, east: float) -> None:
        self.west, self.north = west, north
        self.kx = math.cos(math.radians((south + north) / 2))
        self.scale = LARGEUR / ((east - west) * self.kx)
        self.hauteur = (north - south) * self.scale

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return ((lon - self.west) * self.kx * self.scale, (self.north - lat) * self.scale)


@cache
def fond() -> Fond:
    raw: dict[str, Any] = json.loads(resources.files("communs").joinpath("data/communes.json").read_text("utf-8"))
    scale = float(raw["echelle"])

    def ring(points: list[list[int]]) -> Anneau:
        return tuple((x / scale, y / scale) for x, y in points)

    def commune(c: dict[str, Any]) -> Commune:
        rings = tuple(ring(r) for r in c["anneaux"])
        points = [point for r in rings for point in r]
        box = _box(points) if points else (0.0, 0.0, 0.0, 0.0)
        label = (c["etiquette"][0] / scale, c["etiquette"][1] / scale)
        return Commune(str(c["code"]), str(c["nom"]), rings, label, int(c["aire"]), box)

    return Fond(
        credit=str(raw["credit"]),
        terre=tuple(ring(r) for r in raw["terre"]),
        mer=tuple(ring(r) for r in raw["mer"]),
        communes=tuple(commune(c) for c in raw["communes"]),
    )


def _box(points: Iterable[tuple[float, float]]) -> Boite:
    xs, ys = zip(*points, strict=True)
    return min(xs), min(ys), max(xs), max(ys)


def _meets(a: Boite, b: Boite) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def chemin(anneaux: Iterable[Anneau], proj: Projection) -> str:
    """SVG path data of the rings, each number with one decimal at most and no useless « .0 »."""
    west, north, kx, scale = proj.west, proj.north, proj.kx, proj.scale
    rings = []
    for ring in anneaux:
        # The projection written out (same operations, same order as `Projection.__call__`), and one formatting per
        # ring rather than per point: the backgrounds of a large site hold millions of points.
        values: list[float] = []
        for lon, lat in ring:
            values.append((lon - west) * kx * scale)
            values.append((north - lat) * scale)
        rings.append(" L".join(["%.1f,%.1f"] * len(ring)) % tuple(values))
    text = " ".join("M" + ring + " Z" for ring in rings)
    return text.replace(".0,", ",").replace(".0 ", " ")


def dans_la_vue(anneaux: Iterable[Anneau], proj: Callable[[float, float], tuple[float, float]], vue: Boite) -> bool:
    points = [proj(lon, lat) for ring in anneaux for lon, lat in ring]
    return bool(points) and _meets(_box(points), vue)


def boite_dans_la_vue(boite: Boite, proj: Callable[[float, float], tuple[float, float]], vue: Boite) -> bool:
    """`dans_la_vue` from the commune's box in degrees: the projection is monotonic on each axis (x grows with the
    longitude, y with the latitude's opposite), so the projected corners are the projected points' box."""
    if boite == (0.0, 0.0, 0.0, 0.0):
        return False
    x0, y1 = proj(boite[0], boite[1])
    x1, y0 = proj(boite[2], boite[3])
    return _meets((x0, y0, x1, y1), vue)


def noms(
    communes: list[tuple[Commune, tuple[float, float]]],
    prioritaires: set[str],
    obstacles: list[Boite],
    vue: Boite,
) -> list[tuple[float, float, str, str]]:
    """(x, y, anchor, name) of the names that fit: the communes of the centres first, then the largest; each name
    tries four places around its point and is left out when none is free (the directory below the map says it)."""
    order = sorted(communes, key=lambda cp: (cp[0].nom not in prioritaires, -cp[0].aire, cp[0].nom))
    placed: list[Boite] = list(obstacles)
    out: list[tuple[float, float, str, str]] = []
    for commune, (x, y) in order:
        if len(out) >= NOMS_MAX:
            break
        width = 0.58 * TAILLE_NOM * len(commune.nom)
        height = TAILLE_NOM
        for dx, dy, anchor in PLACES:
            left = x + dx - (width / 2 if anchor == "middle" else width if anchor == "end" else 0)
            box = (left - 2, y + dy - height, left + width + 2, y + dy + 3)
            x0, y0, x1, y1 = box
            if not (x0 >= vue[0] and y0 >= vue[1] and x1 <= vue[2] and y1 <= vue[3]):
                continue
            # `_meets(box, other)` for each box placed, written out: this loop is most of the time of a map.
            if not any(x0 < o[2] and o[0] < x1 and y0 < o[3] and o[1] < y1 for o in placed):
                placed.append(box)
                out.append((x + dx, y + dy, anchor, commune.nom))
                break
    return out
