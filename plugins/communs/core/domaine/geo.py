"""Geography helpers for `scripts/coordonnees.py`: commune centroids and coarse outlines from GeoJSON.

Used only to prepare content (coordinates written into the centres' files, the outline shipped in
`data/contours.json`); the site build never reads GeoJSON.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from communs.core.modele.suggestions import fold

Ring = list[tuple[float, float]]

CREDIT = "Tracés : IGN Admin Express, INSEE COG (Licence Ouverte)"


@dataclass(frozen=True)
class Commune:
    code: str
    nom: str
    lat: float
    lon: float


def _polygons(geometry: dict[str, Any]) -> Iterator[list[Ring]]:
    if geometry["type"] == "Polygon":
        yield [[(float(x), float(y)) for x, y, *_ in ring] for ring in geometry["coordinates"]]
    elif geometry["type"] == "MultiPolygon":
        for polygon in geometry["coordinates"]:
            yield [[(float(x), float(y)) for x, y, *_ in ring] for ring in polygon]


def _ring_area_centroid(ring: Ring) -> tuple[float, float, float]:
    """Signed area and centroid of a ring (shoelace formula)."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    area /= 2
    if area == 0:
        xs, ys = zip(*ring, strict=True)
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return area, cx / (6 * area), cy / (6 * area)


def centroid(geometry: dict[str, Any]) -> tuple[float, float]:
    """(lon, lat) of the area-weighted centroid of a Polygon or MultiPolygon (holes subtracted)."""
    total = sx = sy = 0.0
    for polygon in _polygons(geometry):
        for index, ring in enumerate(polygon):
            area, x, y = _ring_area_centroid(ring)
            weight = abs(area) if index == 0 else -abs(area)
            total += weight
            sx += weight * x
            sy += weight * y
    if total == 0:
        raise ValueError("géométrie vide")
    return sx / total, sy / total


def communes(paths: Sequence[Path]) -> list[Commune]:
    out = []
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        for feature in data["features"]:
            lon, lat = centroid(feature["geometry"])
            props = feature["properties"]
            out.append(Commune(str(props["code"]), str(props["nom"]), round(lat, 4), round(lon, 4)))
    return out


def name_key(name: str) -> str:
    """A commune's name for matching: folded, without its leading article.

    The outlines write « Madeleine » and « Portel » where people write « La Madeleine » and « Le Portel ».
    """
    return re.sub(r"^(le|la|les|l) ", "", fold(name))


def index_communes(all_communes: list[Commune]) -> dict[str, list[Commune]]:
    """Name key -> communes of that name (a name can exist in both départements)."""
    index: dict[str, list[Commune]] = {}
    for commune in all_communes:
        index.setdefault(name_key(commune.nom), []).append(commune)
    return index


def _distance(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def simplify(ring: Ring, tolerance: float) -> Ring:
    """Douglas-Peucker simplification of a closed ring (first point kept)."""
    if len(ring) < 4:
        return list(ring)
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, -1
        for i in range(first + 1, last):
            d = _distance(ring[i], ring[first], ring[last])
            if d > best:
                best, index = d, i
        if index >= 0 and best > tolerance:
            keep[index] = True
            stack.extend([(first, index), (index, last)])
    # A closed ring's first and last points are the same: the farthest point from it splits it too.
    return [p for p, k in zip(ring, keep, strict=True) if k]


def outlines(path: Path, budget: int) -> dict[str, Any]:
    """The départements of `path`, simplified so that all rings together have at most `budget` points."""
    data = json.loads(path.read_text(encoding="utf-8"))
    shapes = [
        (str(f["properties"]["code"]), str(f["properties"]["nom"]), [poly[0] for poly in _polygons(f["geometry"])])
        for f in data["features"]
    ]
    low, high = 0.0, 1.0
    for _ in range(40):
        middle = (low + high) / 2
        count = sum(len(r) for _, _, rings in shapes for r in _coarse(rings, middle))
        low, high = (middle, high) if count > budget else (low, middle)
    departements = [
        {
            "code": code,
            "nom": nom,
            "anneaux": [[[round(x, 3), round(y, 3)] for x, y in ring] for ring in _coarse(rings, high)],
        }
        for code, nom, rings in sorted(shapes)
    ]
    return {"credit": CREDIT, "tolerance_degres": round(high, 5), "departements": departements}


def _coarse(rings: list[Ring], tolerance: float) -> list[Ring]:
    out = []
    for ring in rings:
        simple = simplify(ring, tolerance)
        if len(simple) >= 4:
            out.append(simple[:-1] if simple[0] == simple[-1] else simple)
    return out
