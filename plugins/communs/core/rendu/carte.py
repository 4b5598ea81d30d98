"""A map of centres as a self-contained SVG: no tiles, no script, no request; every point a link.

The background (land and sea, the communes and their names) comes from `rendu/fond.py`. Each dot is drawn small
but sits in a round target of at least 24 px on a phone; dots closer than that are moved apart.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from communs.core.domaine.geo import name_key
from communs.core.rendu import fond

LARGEUR = 640.0
MARGE = 0.08
"""Degrees of margin around the centres."""
ETENDUE_MIN = 0.3
"""Smallest span shown, in degrees of latitude, so that one centre is not a map of a single street."""


@dataclass(frozen=True)
class Point:
    lat: float
    lon: float
    libelle: str
    href: str
    lieu: str = ""
    """The commune, written once beside its points when the map is not crowded."""


def credit() -> str:
    """The credit every map's caption gives for its outlines."""
    return fond.fond().credit


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


def _f(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


CIBLE = 22.0
"""Radius of a dot's target, in drawing units: 24 CSS px when the map is shown 390 px wide (a phone)."""
ECART = 2 * CIBLE


def _apart(xy: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Move dots apart until no two targets overlap (a few rounds of pushing pairs away from each other)."""
    out = [list(p) for p in xy]
    for _ in range(60):
        moved = False
        for i in range(len(out)):
            for j in range(i + 1, len(out)):
                dx, dy = out[j][0] - out[i][0], out[j][1] - out[i][1]
                distance = math.hypot(dx, dy)
                if distance >= ECART:
                    continue
                if distance < 1e-6:
                    angle = 2.399963 * j
                    dx, dy, distance = math.cos(angle), math.sin(angle), 1.0
                push = (ECART - distance) / 2 + 0.5
                ux, uy = dx / distance, dy / distance
                out[i][0] -= ux * push
                out[i][1] -= uy * push
                out[j][0] += ux * push
                out[j][1] += uy * push
                moved = True
        if not moved:
            break
    return [(x, y) for x, y in out]


@dataclass(frozen=True)
class Carte:
    """A map ready to draw (`carte.html`): sizes, land and communes as SVG paths, points and names in drawing units."""

    ident: str
    titre: str
    largeur: str
    hauteur: str
    terre: str
    mer: str
    communes: list[tuple[str, str, bool]]
    """(path data, name, whether a centre is there) of each commune in view."""
    points: list[tuple[str, str, str, str]]
    """(x, y, label, address) of each centre."""
    etiquettes: list[tuple[str, str, str, str]]
    """(x, y, text-anchor, name) of each commune written on the map."""
    cible: str = _f(CIBLE)


@dataclass(frozen=True)
class _Fond:
    """The background of a map for one projection: the same for every map whose centres give the same bounds."""

    terre: str
    mer: str
    communes: tuple[tuple[str, fond.Commune, tuple[float, float]], ...]
    """(path data, commune, position of its name) of each commune in view."""


@lru_cache(maxsize=128)
def _fond(bounds: tuple[float, float, float, float]) -> _Fond:
    proj = _Projection(*bounds)
    view = (0.0, 0.0, LARGEUR, proj.hauteur)
    background = fond.fond()
    communes = tuple(
        (fond.chemin(commune.anneaux, proj), commune, proj(*commune.etiquette))
        for commune in background.communes
        if fond.boite_dans_la_vue(commune.boite, proj, view)
    )
    return _Fond(fond.chemin(background.terre, proj), fond.chemin(background.mer, proj), communes)


@lru_cache(maxsize=256)
def _carte(points: tuple[Point, ...], titre: str, ident: str) -> Carte:
    ordered = sorted(points, key=lambda p: (-p.lat, p.lon, p.libelle))
    bounds = _bounds(ordered)
    proj = _Projection(*bounds)
    width, height = LARGEUR, proj.hauteur
    view = (0.0, 0.0, width, height)
    background = _fond(bounds)
    hosts = {name_key(p.lieu) for p in ordered if p.lieu}
    communes = [(path, commune.nom, name_key(commune.nom) in hosts) for path, commune, _ in background.communes]
    shown = [(commune, label) for _, commune, label in background.communes]
    xy = _apart([proj(p.lon, p.lat) for p in ordered])
    dots = [(_f(x), _f(y), point.libelle, point.href) for point, (x, y) in zip(ordered, xy, strict=True)]
    obstacles = [(x - 9, y - 9, x + 9, y + 9) for x, y in xy]
    names = fond.noms(shown, {c.nom for c, _ in shown if name_key(c.nom) in hosts}, obstacles, view)
    labels = [(_f(x), _f(y), anchor, name) for x, y, anchor, name in names]
    return Carte(ident, titre, _f(width), _f(height), background.terre, background.mer, communes, dots, labels)


def carte(points: list[Point], titre: str, ident: str) -> Carte | None:
    """The map of `points`, or None without any point (maps and backgrounds are made once per set of points)."""
    if not points:
        return None
    return _carte(tuple(points), titre, ident)
