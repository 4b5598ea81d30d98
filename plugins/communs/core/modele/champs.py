"""The building blocks of the front-matter models: markers for vocabularies and references, value checks that
answer in French, and the shared types (slugs, text, addresses, years). `modeles.py` assembles them per genre."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, GetJsonSchemaHandler
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


class Image(Strict):
    """A picture of the repository shown on a page: its file, what it shows for who cannot see it, its author."""

    fichier: Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\.(png|jpe?g|webp)$")] = Field(
        description="Chemin de l'image (.png, .jpg ou .webp), relatif au fichier qui la cite, par exemple images/logo.png."
    )
    alt: Texte = Field(description="Ce que montre l'image, pour qui ne la voit pas (lu par les lecteurs d'écran).")
    credit: Texte | None = Field(None, description="L'auteur de l'image ou sa source.")


class Horaire(Strict):
    jours: Texte = Field(description="Les jours, par exemple « Lundi au vendredi ».")
    heures: Texte = Field(description="Les heures, par exemple « 9 h – 12 h, 14 h – 18 h ».")
