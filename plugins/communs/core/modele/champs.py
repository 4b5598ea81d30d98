"""The building blocks of the front-matter models: markers for vocabularies and references, value checks that
answer in French, and the shared types (slugs, text, addresses, years). `modeles.py` assembles them per genre."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, GetJsonSchemaHandler, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from communs.core.modele import vocabulaires

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


@dataclass(frozen=True)
class Vocab:
    """Marks a value that must belong to the named controlled vocabulary."""

    name: str

    def __get_pydantic_json_schema__(self, core: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        schema = handler(core)
        values = vocabulaires.default().get(self.name, {})
        schema["enum"] = list(values)
        schema["markdownEnumDescriptions"] = list(values.values())
        schema["x-vocabulaire"] = self.name
        return schema


@dataclass(frozen=True)
class Ref:
    """Marks a slug that must name an existing item of one of these genres."""

    genres: tuple[str, ...]

    def __get_pydantic_json_schema__(self, core: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        schema = handler(core)
        schema["x-reference"] = list(self.genres)
        return schema


def as_text(value: Any) -> Any:
    """YAML reads 59000 or 2020 as numbers; postal codes and département codes are text."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:02d}" if value < 100 else str(value)
    return value


_OUI = {"oui": True, "non": False, "vrai": True, "faux": False}


def _french_bool(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() in _OUI:
        return _OUI[value.strip().lower()]
    return value


def _check_url(value: str) -> str:
    if not re.match(r"^https?://[^\s/$.?#][^\s]*$", value):
        raise PydanticCustomError(
            "url_invalide",
            "« {valeur} » n'est pas une adresse web complète",
            {"valeur": value},
        )
    return value


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


Texte = Annotated[str, BeforeValidator(_strip), Field(min_length=1)]
Slug = Annotated[str, Field(pattern=SLUG_PATTERN)]
Annee = Annotated[int, Field(ge=1990, le=2100)]


PREMIER_JOUR = dt.date(2017, 1, 1)
"""The network's first year: no item entered the commons before it."""


def _jour_plausible(day: dt.date) -> dt.date:
    if day > dt.date.today():
        raise PydanticCustomError("date_implausible", "la date {jour} n'est pas encore arrivée", {"jour": day.isoformat()})
    if day < PREMIER_JOUR:
        raise PydanticCustomError("date_implausible", "la date {jour} précède le réseau (2017)", {"jour": day.isoformat()})
    return day


AjouteLe = Annotated[
    dt.date,
    AfterValidator(_jour_plausible),
    Field(description="Le jour où l'élément est entré dans le commun (AAAA-MM-JJ) : l'éditeur écrit la date du jour."),
]
"""When an item entered the commons: a fact about the commons, kept once written (the home's latest additions and
the Atom feed read it). Not before the network's first year, never in the future."""
Url = Annotated[str, AfterValidator(_check_url)]
Booleen = Annotated[bool, BeforeValidator(_french_bool)]

Domaine = Annotated[str, Vocab("domaines")]
Theme = Annotated[str, Vocab("themes")]
Public = Annotated[str, Vocab("publics")]
Licence = Annotated[str, Vocab("licences")]

TerritoireRef = Annotated[Slug, Ref(("territoire",))]
CentreRef = Annotated[Slug, Ref(("centre",))]
PorteurRef = Annotated[Slug, Ref(("centre", "territoire"))]
PrototypeRef = Annotated[Slug, Ref(("prototype",))]
RapportRef = Annotated[Slug, Ref(("rapport",))]
TermeRef = Annotated[Slug, Ref(("terme",))]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Source(Strict):
    """Where a fact comes from: a report of content/rapports/, and its page or lines."""

    rapport: RapportRef = Field(description="Nom de fichier (sans .md) du rapport, dans content/rapports/.")
    page: Annotated[int, Field(ge=1)] | None = Field(None, description="Page imprimée du rapport.")
    lignes: Annotated[str, Field(pattern=r"^\d+(-\d+)?$")] | None = Field(
        None, description="Lignes du texte du rapport, par exemple « 706-777 »."
    )
    citation: Texte | None = Field(
        None, description="La phrase du rapport qui appuie le fait, recopiée telle quelle (montrée aux lecteurs)."
    )
    note: Texte | None = Field(None, description="Précision pour les mainteneurs (jamais publiée).")

    @model_validator(mode="after")
    def _page_or_lines(self) -> Source:
        if self.page is None and self.lignes is None:
            raise PydanticCustomError(
                "incoherence", "une source doit donner la page ou les lignes du rapport", {"champ": "rapport"}
            )
        return self


class Chiffre(Strict):
    valeur: int | float | Texte = Field(description="Le nombre, ou une valeur courte (« 40 000 », « 100 % »).")
    libelle: Texte = Field(description="Ce que compte le nombre, en clair.")
    annee: Annee | None = Field(None, description="Année à laquelle le chiffre se rapporte.")
    source: Source | None = Field(None, description="Le rapport et la page ou les lignes d'où vient le chiffre.")


class Lien(Strict):
    titre: Texte
    url: Url


class Livrable(Strict):
    type: Annotated[str, Vocab("types_livrables")] = Field(description="La nature du livrable.")
    titre: Texte
    url: Url | None = None
    fichier: Texte | None = Field(None, description="Chemin d'un fichier du dépôt, relatif à ce fichier.")


class Essaimage(Strict):
    """A centre that took the solution up, or a territory when the report counts its deployments without naming
    the centres."""

    centre: CentreRef | None = Field(None, description="Le centre qui a repris la solution.")
    territoire: TerritoireRef | None = Field(
        None, description="Le territoire, quand le rapport compte les reprises sans nommer les centres."
    )
    nombre: Annotated[int, Field(ge=1)] | None = Field(None, description="Le nombre de reprises sur ce territoire.")
    annee: Annee | None = Field(None, description="L'année de la reprise, si elle est connue.")
    note: Texte | None = None
    source: Source | None = Field(None, description="Le rapport qui décrit cette reprise.")

    @model_validator(mode="after")
    def _centre_or_territory(self) -> Essaimage:
        if (self.centre is None) == (self.territoire is None):
            raise PydanticCustomError("incoherence", "une reprise nomme soit un centre, soit un territoire", {"champ": "centre"})
        return self


class Image(Strict):
    """A picture of the repository shown on a page: its file, what it shows for who cannot see it, its author, and
    whether the people it shows agreed. The file, the words of `alt` and the consent are checked by controles/photos.py
    (with their own codes rather than a pattern here)."""

    fichier: Texte = Field(
        description=(
            "Chemin de l'image (.jpg, .png ou .webp), relatif au fichier qui la cite, dans un dossier images/ "
            "à côté de lui : par exemple images/atelier-tablettes.jpg."
        )
    )
    alt: Texte = Field(
        description=(
            "Ce que montre l'image, en quelques mots simples, pour qui ne la voit pas (lu par les lecteurs d'écran) : "
            "« Deux seniors devant une tablette », jamais le nom du fichier."
        )
    )
    legende: Texte | None = Field(None, description="La légende écrite sous l'image.")
    credit: Texte | None = Field(None, description="L'auteur de l'image ou sa source.")
    licence: Licence | None = Field(None, description="La licence de l'image (identifiant SPDX), si elle est connue.")
    personnes: Booleen = Field(
        False, description="oui si l'on reconnaît des personnes sur l'image (enfants, seniors, animateurs)."
    )
    autorisation: Booleen = Field(
        False,
        description=(
            "oui quand chaque personne reconnaissable (ou le parent d'un enfant) a signé une autorisation de diffusion, "
            "gardée par le centre."
        ),
    )


class Horaire(Strict):
    jours: Texte = Field(description="Les jours, par exemple « Lundi au vendredi ».")
    heures: Texte = Field(description="Les heures, par exemple « 9 h – 12 h, 14 h – 18 h ».")
