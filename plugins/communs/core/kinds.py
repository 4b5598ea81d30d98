"""The kinds of content: where their files live, their model, their title field, their sections."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from . import models


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    plural: str
    folder: str
    """Folder of the files, relative to the repository root."""
    url_prefix: str
    """Folder of the pages in the site."""
    model: type[BaseModel]
    title_field: str
    sections: tuple[str, ...] = ()
    template: str = ""

    def url(self, slug: str) -> str:
        return f"{self.url_prefix}/{slug}/"

    def src_uri(self, slug: str) -> str:
        return f"{self.url_prefix}/{slug}.md"


PROTOTYPE = Kind(
    "prototype",
    "Solution",
    "Solutions",
    "prototypes",
    "prototypes",
    models.Prototype,
    "titre",
    ("Besoin", "Présentation", "À quoi ça sert ?", "Animation de la solution", "Améliorations"),
    "prototype.md",
)
FICHE = Kind(
    "fiche",
    "Fiche d'activité",
    "Fiches d'activité",
    "fiches",
    "fiches",
    models.Fiche,
    "titre",
    ("Déroulé", "Variantes", "Conseils"),
    "fiche.md",
)
TERME = Kind("terme", "Lexique", "Lexique", "content/lexique", "lexique", models.Terme, "terme", (), "terme.md")
RAPPORT = Kind("rapport", "Rapport", "Rapports", "content/rapports", "rapports", models.Rapport, "titre", (), "rapport.md")
TERRITOIRE = Kind(
    "territoire",
    "Territoire",
    "Territoires",
    "content/territoires",
    "territoires",
    models.Territoire,
    "nom",
    (),
    "territoire.md",
)
CENTRE = Kind("centre", "Centre", "Centres", "content/centres", "centres", models.Centre, "nom", (), "centre.md")

KINDS: tuple[Kind, ...] = (PROTOTYPE, FICHE, TERME, RAPPORT, TERRITOIRE, CENTRE)
BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}

CONTENT_DIR = "content"
DEMANDES = "content/lexique/demandes.yml"
TEMPLATES_DIR = "content/_modeles"
EXTERNAL_FOLDERS = ("prototypes", "fiches")
"""Kinds whose files live outside content/ and join the build."""

ASSET_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".pdf", ".odt", ".ods", ".csv"})
