"""A map of centres as an SVG drawn at build time: no tiles, no script, no request to another site; every point a link.

The background (land and sea, the communes) comes from `rendu/fond.py` and is ONE file of the site per projection
(`assets/cartes/fond-….svg`, shown by an `<image>` inside the page's SVG, so that pages sharing a projection share
the file and a page weighs its dots, not its outlines). The page keeps inline what belongs to its own centres: the
communes that host one, the names placed around the dots, and the dots themselves, each a link with its name. Each
dot is drawn small but sits in a round target of at least 24 px on a phone; dots closer than that are moved apart.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from communs.core.domaine.geo import name_key
from communs.core.rendu import fond

LARGEUR = fond.LARGEUR
MARGE = 0.08
"""Degrees of margin around the centres."""
ETENDUE_MIN = 0.3
"""Smallest span shown, in degrees of latitude, so that one centre is not a map of a single street."""
DOSSIER = "assets/cartes"
"""Where the backgrounds are written in the site."""

Bornes = tuple[float, float, float, float]
"""(south, west, north, east) of a map, in degrees: its projection."""
_registre: dict[str, Bornes] = {}


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


def _bounds(positions: tuple[tuple[float, float], ...]) -> tuple[float, float, float, float]:
    south = min(lat for lat, _ in positions) - MARGE
    north = max(lat for lat, _ in positions) + MARGE
    west = min(lon for _, lon in positions) - MARGE * 1.5
    east = max(lon for _, lon in positions) + MARGE * 1.5
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
    fond: str
    """The site path of the background file (`fond_carte.svg`), shared by every map of the same projection."""
    bornes: Bornes
    communes: list[tuple[str, str]]
    """(path data, name) of each commune in view where a centre is (drawn over the background)."""
    points: list[tuple[str, str, str, str]]
    """(x, y, label, address) of each centre."""
    etiquettes: list[tuple[str, str, str, str]]
    """(x, y, text-anchor, name) of each commune written on the map."""
    cible: str = _f(CIBLE)


@lru_cache(maxsize=4096)
def _cle(nom: str) -> str:
    """`name_key` of a commune's name, asked for each commune in view of every map."""
    return name_key(nom)


@lru_cache(maxsize=1024)
def _vue(bounds: Bornes) -> tuple[tuple[fond.Commune, tuple[float, float]], ...]:
    """(commune, position of its name) of each commune in view of one projection: the same for every map whose
    centres give the same bounds. Only its background file draws them all (`fond_de_carte`)."""
    proj = fond.Projection(*bounds)
    west, north, kx, scale, height = proj.west, proj.north, proj.kx, proj.scale, proj.hauteur
    found = []
    for commune in fond.fond().communes:
        # `fond.boite_dans_la_vue(commune.boite, proj, (0, 0, LARGEUR, height))` written out: asked of every commune
        # for each of the thousand projections of a large site.
        w, s, e, n = commune.boite
        if commune.boite == (0.0, 0.0, 0.0, 0.0):
            continue
        x0, y1, x1, y0 = (w - west) * kx * scale, (north - s) * scale, (e - west) * kx * scale, (north - n) * scale
        if x0 < LARGEUR and x1 > 0.0 and y0 < height and y1 > 0.0:
            found.append((commune, proj(*commune.etiquette)))
    return tuple(found)


@dataclass(frozen=True)
class _Dessin:
    """What a map draws from its points' positions and communes alone: the same for every page showing the same
    places (a centre's neighbours, a solution run by one centre), whatever their links and the map's title."""

    bornes: Bornes
    hauteur: float
    communes: tuple[tuple[str, str], ...]
    positions: tuple[tuple[float, float], ...]
    etiquettes: tuple[tuple[str, str, str, str], ...]


@lru_cache(maxsize=1024)
def _dessin(positions: tuple[tuple[float, float], ...], lieux: frozenset[str]) -> _Dessin:
    """`positions`: (latitude, longitude) of the points in the map's order; `lieux`: their communes."""
    bounds = _bounds(positions)
    proj = fond.Projection(*bounds)
    view = (0.0, 0.0, LARGEUR, proj.hauteur)
    shown = list(_vue(bounds))
    hosts = {_cle(lieu) for lieu in lieux}
    communes = tuple((fond.chemin(commune.anneaux, proj), commune.nom) for commune, _ in shown if _cle(commune.nom) in hosts)
    xy = _apart([proj(lon, lat) for lat, lon in positions])
    obstacles = [(x - 9, y - 9, x + 9, y + 9) for x, y in xy]
    names = fond.noms(shown, {c.nom for c, _ in shown if _cle(c.nom) in hosts}, obstacles, view)
    labels = tuple((_f(x), _f(y), anchor, name) for x, y, anchor, name in names)
    return _Dessin(bounds, proj.hauteur, communes, tuple(xy), labels)


def _carte(points: tuple[Point, ...], titre: str, ident: str) -> Carte:
    ordered = sorted(points, key=lambda p: (-p.lat, p.lon, p.libelle))
    drawn = _dessin(tuple((p.lat, p.lon) for p in ordered), frozenset(p.lieu for p in ordered if p.lieu))
    name = hashlib.sha256(repr(drawn.bornes).encode()).hexdigest()[:16]
    dots = [(_f(x), _f(y), point.libelle, point.href) for point, (x, y) in zip(ordered, drawn.positions, strict=True)]
    path = f"{DOSSIER}/fond-{name}.svg"
    return Carte(
        ident, titre, _f(LARGEUR), _f(drawn.hauteur), path, drawn.bornes, list(drawn.communes), dots, list(drawn.etiquettes)
    )


def carte(points: list[Point], titre: str, ident: str) -> Carte | None:
    """The map of `points`, or None without any point (maps and backgrounds are made once per set of points); its
    background is noted in the registry of the build (`fonds`)."""
    if not points:
        return None
    drawn = _carte(tuple(points), titre, ident)
    _registre[drawn.fond] = drawn.bornes
    return drawn


def identifiant(page: str) -> str:
    """A short id for the map of a page, unique on it and stable from build to build (« carte-1a2b3c4d »)."""
    return "carte-" + hashlib.sha256(page.encode()).hexdigest()[:8]


def utiliser(registre: dict[str, Bornes]) -> None:
    """Note the backgrounds drawn from now on in `registre`: the façade keeps one for as long as the pages it made
    (a map of a page kept from the previous build of `mkdocs serve` was noted in the same registry)."""
    global _registre
    _registre = registre


def fonds() -> dict[str, Bornes]:
    """The backgrounds noted in the registry in use, by site path."""
    return dict(_registre)


def fond_de_carte(bornes: Bornes) -> dict[str, Any]:
    """What `fond_carte.svg` draws for one projection: size, sea, land and every commune in view."""
    proj = fond.Projection(*bornes)
    background = fond.fond()
    return {
        "largeur": _f(LARGEUR),
        "hauteur": _f(proj.hauteur),
        "terre": fond.chemin(background.terre, proj),
        "mer": fond.chemin(background.mer, proj),
        "communes": [fond.chemin(commune.anneaux, proj) for commune, _ in _vue(bornes)],
    }
