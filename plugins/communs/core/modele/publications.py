"""Where the open data is published in the site: known here, at the bottom of the core, so that a page's link to a
data file is checked like a link to any other file of the site."""

from __future__ import annotations

from communs.core.modele import genres

DOSSIER = "donnees"
PAQUET = f"{DOSSIER}/datapackage.json"
FLUX = "nouveautes.xml"
"""At the site's root: Material's script fetches « sitemap.xml » beside every « alternate » link of a page."""
FORMATS = ("csv", "json")


def nom(genre: genres.Genre) -> str:
    """The name of a genre's files: « prototypes », « fiches », « lexique »…"""
    return genre.url_prefix


def chemins() -> set[str]:
    """Site paths of every file of the open data."""
    found = {f"{DOSSIER}/{nom(genre)}.{ext}" for genre in genres.GENRES for ext in FORMATS}
    return found | {PAQUET, FLUX}
