"""A map of centres as a self-contained SVG: no tiles, no script, no request; every point a link.

The outlines come from `data/contours.json`, derived once by `scripts/coordonnees.py` from the public
IGN/INSEE outlines (Licence Ouverte) and simplified to a few hundred points.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

LARGEUR = 640.0
MARGE = 0.08
"""Degrees of margin around the centres."""
ETENDUE_MIN = 0.45
ETIQUETTES_MAX = 12
"""Above this number of communes, names would overlap: the directory under the map gives them."""
"""Smallest span shown, in degrees of latitude, so that one centre is not a map of a single street."""


@dataclass(frozen=True)
class Point:
    lat: float
    lon: float
    libelle: str
    href: str
    lieu: str = ""
    """The commune, written once beside its points when the map is not crowded."""


@dataclass(frozen=True)
class Contour:
    code: str
    nom: str
    anneaux: tuple[tuple[tuple[float, float], ...], ...]
    """Rings of (lon, lat)."""


@dataclass(frozen=True)
class Contours:
    credit: str
    departements: tuple[Contour, ...]


@cache
def contours() -> Contours:
    raw: dict[str, Any] = json.loads(resources.files("communs").joinpath("data/contours.json").read_text("utf-8"))
    return Contours(
        credit=str(raw["credit"]),
        departements=tuple(
            Contour(str(d["code"]), str(d["nom"]), tuple(tuple((float(x), float(y)) for x, y in ring) for ring in d["anneaux"]))
            for d in raw["departements"]
        ),
    )


class _Projection:
    """Equirectangular projection at the latitude of the map's centre: exact enough at this scale."""

    def __init__(self, south: float, west: float, north: float, east: float) -> None:
        self.west, self.north = west, north
        self.kx = math.cos(math.radians((south + north) / 2))
        self.scale = LARGEUR / ((east - west) * self.kx)
        self.hauteur = (north - south) * self.scale

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return ((lon - self.west) * self.kx * self.scale, (self.north - lat) * self.scale)


def _bounds(points: list[Point]) -> tuple[float, float, float, float]:
    south = min(p.lat for p in points) - MARGE
    north = max(p.lat for p in points) + MARGE
    west = min(p.lon for p in points) - MARGE * 1.5
    east = max(p.lon for p in points) + MARGE * 1.5
    if north - south < ETENDUE_MIN:
        middle = (north + south) / 2
        south, north = middle - ETENDUE_MIN / 2, middle + ETENDUE_MIN / 2
    kx = math.cos(math.radians((south + north) / 2))
    # Keep the map between a square and a wide rectangle.
    width_deg, height_deg = (east - west) * kx, north - south
    if width_deg < height_deg:
        pad = (height_deg - width_deg) / kx / 2
        west, east = west - pad, east + pad
    elif width_deg > 1.8 * height_deg:
        pad = (width_deg / 1.8 - height_deg) / 2
        south, north = south - pad, north + pad
    return south, west, north, east


def _spread(xy: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Points at the same place (centres of one commune) are set around it, so that each stays clickable."""
    groups: dict[tuple[int, int], list[int]] = {}
    for index, (x, y) in enumerate(xy):
        groups.setdefault((round(x / 6), round(y / 6)), []).append(index)
    out = list(xy)
    for members in groups.values():
        if len(members) < 2:
            continue
        cx = sum(xy[i][0] for i in members) / len(members)
        cy = sum(xy[i][1] for i in members) / len(members)
        radius = 5 + 1.6 * len(members)
        for rank, index in enumerate(members):
            angle = 2 * math.pi * rank / len(members) - math.pi / 2
            out[index] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
    return out


def _visible(points: list[tuple[float, float]], width: float, height: float) -> bool:
    """Whether the bounding box of `points` meets the drawing (outlines out of view cost bytes for nothing)."""
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    return bool(points) and min(xs) < width and max(xs) > 0 and min(ys) < height and max(ys) > 0


def _f(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Carte:
    """A map ready to draw (`carte.html`): sizes, outlines as SVG paths, points and labels in drawing units."""

    ident: str
    titre: str
    largeur: str
    hauteur: str
    departements: list[tuple[str, str]]
    """(path data, name) of each outline in view."""
    points: list[tuple[str, str, str, str]]
    """(x, y, label, address) of each centre."""
    etiquettes: list[tuple[str, str, str, str]]
    """(x, y, text-anchor, name) of each commune written on the map."""


def carte(points: list[Point], titre: str, ident: str) -> Carte | None:
    """The map of `points`, or None without any point."""
    if not points:
        return None
    ordered = sorted(points, key=lambda p: (-p.lat, p.lon, p.libelle))
    proj = _Projection(*_bounds(ordered))
    width, height = LARGEUR, proj.hauteur
    outlines = []
    for dep in contours().departements:
        projected = [proj(lon, lat) for ring in dep.anneaux for lon, lat in ring]
        if not _visible(projected, width, height):
            continue
        path = " ".join(
            "M" + " L".join(f"{_f(x)},{_f(y)}" for x, y in (proj(lon, lat) for lon, lat in ring)) + " Z" for ring in dep.anneaux
        )
        outlines.append((path, dep.nom))
    xy = _spread([proj(p.lon, p.lat) for p in ordered])
    dots = [(_f(x), _f(y), point.libelle, point.href) for point, (x, y) in zip(ordered, xy, strict=True)]
    places: dict[str, list[tuple[float, float]]] = {}
    for point, position in zip(ordered, xy, strict=True):
        if point.lieu:
            places.setdefault(point.lieu, []).append(position)
    labels = []
    if len(places) <= ETIQUETTES_MAX:
        for name, positions in sorted(places.items()):
            x = max(px for px, _ in positions) + 9
            y = sum(py for _, py in positions) / len(positions) + 4
            anchor = "end" if x > width - 90 else "start"
            if anchor == "end":
                x = min(px for px, _ in positions) - 9
            labels.append((_f(x), _f(y), anchor, name))
    return Carte(ident, titre, _f(width), _f(height), outlines, dots, labels)
