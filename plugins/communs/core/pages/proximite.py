"""The nearest places first: where a solution runs, ordered by distance from a territory the visitor picks.

The core computes, for each place of the « Où elle fonctionne » list (a centre, or a territory that counts its
take-ups), its distance in kilometres from every territory of the network that has a located centre; the page
carries these figures (`data-km`) and a small script (assets/javascripts/communs-proximite.js) reorders the list when
the visitor picks a territory. Without the script the list keeps the order given here: the carrying centre, then the
others grouped by territory.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from communs.core.domaine.arbre import Arbre
from communs.core.modele import modeles
from communs.core.modele.suggestions import fold

RAYON_TERRE_KM = 6371.0
SCRIPT = "assets/javascripts/communs-proximite.js"


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


def kilometres(arbre: Arbre, lieu: str, choix: list[Repere]) -> str:
    """« slug:km slug:km … » for `data-km`: 0 when the place lies in the territory, else the rounded distance;
    empty when the place has no position."""
    position, inside = _place(arbre, lieu)
    if position is None:
        return ""
    return " ".join(f"{r.slug}:{0 if r.slug in inside else round(distance_km(position, (r.lat, r.lon)))}" for r in choix)


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
    """The data of `ou.html`: the places in their order, each with its distances; the territories to pick from
    when at least two places have a position; the script's address."""
    lieux: list[str] = ou["lieux"]
    choix = reperes(arbre)
    km = [kilometres(arbre, lieu, choix) for lieu in lieux]
    places = [{"ligne": ou["lignes"][i], "km": km[i]} for i in ordre(arbre, lieux, ou["porteur_en_tete"])]
    located = sum(1 for k in km if k)
    return {
        "lignes": places,
        "carte": ou["carte"],
        "reperes": choix if located >= 2 else [],
        "script": script if located >= 2 else None,
    }
