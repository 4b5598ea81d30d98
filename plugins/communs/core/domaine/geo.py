"""Communes by name, for `scripts/coordonnees.py` (a centre's commune gives its position) and the maps (a centre's
commune is tinted and named first). The geometry itself (centroids, simplified outlines) is computed by the scripts
with shapely; the site build never reads GeoJSON.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from communs.core.modele.suggestions import fold


@dataclass(frozen=True)
class Commune:
    code: str
    nom: str
    lat: float
    lon: float


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
