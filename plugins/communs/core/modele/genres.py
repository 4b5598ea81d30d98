"""The genres of content: where their files live, their model, their title field, their sections."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from communs.core.modele import modeles


@dataclass(frozen=True)
class Genre:
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
    catalogue: bool = True
    """Whether the commons has a catalogue page of the genre (news are listed on their centre's pages instead)."""

    def url(self, slug: str) -> str:
        return f"{self.url_prefix}/{slug}/"

    def src_uri(self, slug: str) -> str:
        return f"{self.url_prefix}/{slug}.md"


PROTOTYPE = Genre(
    "prototype",
    "Solution",
    "Solutions",
    "prototypes",
    "prototypes",
    modeles.Prototype,
    "titre",
    ("Besoin", "Présentation", "À quoi ça sert ?", "Animation de la solution", "Améliorations"),
    "prototype.md",
)
FICHE = Genre(
    "fiche",
    "Fiche d'activité",
    "Fiches d'activité",
    "fiches",
    "fiches",
    modeles.Fiche,
    "titre",
    ("Déroulé", "Variantes", "Conseils"),
    "fiche.md",
)
TERME = Genre("terme", "Lexique", "Lexique", "content/lexique", "lexique", modeles.Terme, "terme", (), "terme.md")
RAPPORT = Genre("rapport", "Rapport", "Rapports", "content/rapports", "rapports", modeles.Rapport, "titre", (), "rapport.md")
TERRITOIRE = Genre(
    "territoire",
    "Territoire",
    "Territoires",
    "content/territoires",
    "territoires",
    modeles.Territoire,
    "nom",
    (),
    "territoire.md",
)
CENTRE = Genre("centre", "Centre", "Centres", "content/centres", "centres", modeles.Centre, "nom", (), "centre.md")
ACTUALITE = Genre(
    "actualite",
    "Actualité",
    "Actualités",
    "content/actualites",
    "actualites",
    modeles.Actualite,
    "titre",
    (),
    "actualite.md",
    catalogue=False,
)

GENRES: tuple[Genre, ...] = (PROTOTYPE, FICHE, TERME, RAPPORT, TERRITOIRE, CENTRE, ACTUALITE)
BY_NAME: dict[str, Genre] = {genre.name: genre for genre in GENRES}

CONTENT_DIR = "content"
DEMANDES = "content/lexique/demandes.yml"
TEMPLATES_DIR = "content/_modeles"
EXTERNAL_FOLDERS = ("prototypes", "fiches")
"""Genres whose files live outside content/ and join the build."""

ASSET_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".pdf", ".odt", ".ods", ".csv"})
