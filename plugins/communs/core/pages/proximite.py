"""The nearest places first: where a solution runs, ordered by distance from a territory the visitor picks.

The core writes, on each place of the « Où elle fonctionne » list (a centre, or a territory that counts its
take-ups), its position (`data-position`) and the territories it lies in (`data-dans`); the territories a visitor may
pick, with the mean position of their centres, are ONE file of the site (`proximite/reperes.js`), not a copy in every
solution's page. A small script (assets/javascripts/communs-proximite.js) fills the choice from that file and, when
the visitor picks a territory, reorders the list by great-circle distance (0 for a place inside the territory).
Without the script the list keeps the order given here: the carrying centre, then the others grouped by territory.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from communs.core.domaine.arbre import Arbre
from communs.core.modele import modeles
from communs.core.modele.suggestions import fold

RAYON_TERRE_KM = 6371.0
SCRIPT = "assets/javascripts/communs-proximite.js"
FICHIER = "proximite/reperes.js"
"""The territories to pick from, for every solution's page."""


@dataclass(frozen=True)
class Repere:
    """A territory the visitor may pick: its name and the mean position of its located centres."""

    slug: str
    nom: str
    lat: float
    lon: float


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The great-circle distance between two (latitude, longitude) points, in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * RAYON_TERRE_KM * math.asin(math.sqrt(h))


def _position(centre: modeles.Centre) -> tuple[float, float] | None:
    return (centre.coordonnees.lat, centre.coordonnees.lon) if centre.coordonnees else None


def point_du_territoire(arbre: Arbre, slug: str) -> tuple[float, float] | None:
    """The mean position of the located centres of a territory and of the territories it holds."""
    points = [
        p
        for t in arbre.descendants(slug)
        for c in arbre.centres_de(t)
        if isinstance(c.model, modeles.Centre) and (p := _position(c.model))
    ]
    if not points:
        return None
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))


def reperes(arbre: Arbre) -> list[Repere]:
    """Every territory with a located centre, by name; the region itself is left out (it holds them all)."""
    roots = set(arbre.racines())
    out = []
    for slug, item in arbre.territoires.items():
        point = point_du_territoire(arbre, slug) if slug not in roots else None
        if point is not None:
            out.append(Repere(slug, item.title, *point))
    return sorted(out, key=lambda r: fold(r.nom))


def _place(arbre: Arbre, lieu: str) -> tuple[tuple[float, float] | None, set[str]]:
    """A place's position and the territories it lies in (itself and its ancestors, for a territory)."""
    if lieu in arbre.centres:
        centre = arbre.centres[lieu]
        home = arbre.territoire_du_centre(centre)
        inside = set(arbre.ancetres(home)) if home else set()
        return (_position(centre.model) if isinstance(centre.model, modeles.Centre) else None), inside
    if lieu in arbre.territoires:
        return point_du_territoire(arbre, lieu), {lieu, *arbre.ancetres(lieu), *arbre.descendants(lieu)}
    return None, set()


def lieu(arbre: Arbre, slug: str) -> tuple[str, str]:
    """(`data-position`, `data-dans`) of a place: « lat,lon » (empty without a position) and the territories it lies
    in, at 0 km from it."""
    position, inside = _place(arbre, slug)
    if position is None:
        return "", ""
    return f"{position[0]:.4f},{position[1]:.4f}", " ".join(sorted(inside))


def fichier(arbre: Arbre) -> str:
    """`proximite/reperes.js`: [slug, name, lat, lon] of each territory to pick from, for the script."""
    data = [[r.slug, r.nom, round(r.lat, 4), round(r.lon, 4)] for r in reperes(arbre)]
    return "window.communsReperes=" + json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/") + ";\n"


def ordre(arbre: Arbre, lieux: list[str], porteur_en_tete: bool) -> list[int]:
    """The order of the places without the script: the carrier first when it is a centre, then the others by the
    name of their territory, then by their own name."""

    def cle(index: int) -> tuple[str, str]:
        lieu = lieux[index]
        if lieu in arbre.centres:
            centre = arbre.centres[lieu]
            home = arbre.territoire_du_centre(centre)
            return (fold(arbre.territoires[home].title) if home else "", fold(centre.title))
        territory = arbre.territoires.get(lieu)
        return (fold(territory.title) if territory else "", "")

    first = 1 if porteur_en_tete and lieux else 0
    return [*range(first), *sorted(range(first, len(lieux)), key=cle)]


def liste(ou: dict[str, Any], arbre: Arbre, script: str) -> dict[str, Any]:
    """The data of `ou.html`: the places in their order, each with its position and territories; when at least two
    places have a position, the addresses of the script and of the territories' file (beside the script's root)."""
    lieux: list[str] = ou["lieux"]
    where = [lieu(arbre, slug) for slug in lieux]
    places = [
        {"ligne": ou["lignes"][i], "position": where[i][0], "dans": where[i][1]}
        for i in ordre(arbre, lieux, ou["porteur_en_tete"])
    ]
    located = sum(1 for position, _ in where if position)
    return {
        "lignes": places,
        "carte": ou["carte"],
        "script": script if located >= 2 else None,
        "reperes": script.removesuffix(SCRIPT) + FICHIER if located >= 2 else None,
    }
