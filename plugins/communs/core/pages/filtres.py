"""A catalogue with facets, as plain data for `catalogue.html`: the whole list reads without JavaScript.

Each entry carries its facet values (data-* attributes) and its number in the search index (`data-doc`); the form,
hidden until the script shows it, has one fieldset per facet, each value with its count.
assets/javascripts/communs-catalogue.js filters the list, updates the counts and keeps the filters in the address of
the page, so that a filtered list can be shared.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from communs.core.domaine.arbre import Arbre
from communs.core.domaine.facettes import Facette, facettes
from communs.core.modele import genres, modeles
from communs.core.modele.genres import Genre
from communs.core.modele.projet import Item, Project
from communs.core.modele.vocabulaires import label
from communs.core.recherche.documents import identifiant
from communs.core.urls import Urls

LONGUE = 8
"""A facet with more values scrolls inside its box."""

FILTRABLES = (genres.PROTOTYPE, genres.FICHE)
"""The genres whose catalogue has facets."""

Vignettes = Callable[[Item, str], dict[str, Any] | None]
"""The picture of an item's card on the page built from the given source (pages/illustrations.py), or None."""


@dataclass(frozen=True)
class Valeur:
    code: str
    texte: str
    nombre: int
    profondeur: int


@dataclass(frozen=True)
class EntreeCatalogue:
    titre: str
    href: str
    extra: str
    attributs: list[tuple[str, str]]
    """(name, value) of the data-* attributes: the number in the search index, then one per facet."""
    picto: str = "autre"
    """The pictogram of the card: the first domain of a solution, « fiche » for a sheet."""
    badges: tuple[str, ...] = ()
    """Two or three facts for the card: status, public, territory; or duration, ages, screen."""
    image: dict[str, Any] | None = None
    """The item's picture, shown instead of the pictogram."""


def _badges(item: Item, project: Project) -> tuple[str, tuple[str, ...]]:
    model, vocab = item.model, project.vocabularies
    if isinstance(model, modeles.Prototype):
        found = [label(vocab, "statuts", model.statut)]
        if model.publics:
            found.append(label(vocab, "publics", model.publics[0]))
        where = project.find("territoire", model.territoire) if model.territoire else None
        if where is not None:
            found.append(where.title)
        return (model.domaines[0] if model.domaines else "autre"), tuple(found)
    if isinstance(model, modeles.Fiche):
        found = [f"{model.duree_minutes} min" if model.duree_minutes < 60 else _heures(model.duree_minutes)]
        if model.age_min is not None or model.age_max is not None:
            low, high = model.age_min, model.age_max
            found.append(f"{low} à {high} ans" if low is not None and high is not None else f"{low or high} ans")
        elif model.publics:
            found.append(label(vocab, "publics", model.publics[0]))
        if model.sans_ecran:
            found.append("Sans écran")
        return "fiche", tuple(found)
    return "autre", ()


def _heures(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return f"{hours} h" + (f" {rest:02d}" if rest else "")


def _extra(item: Item) -> str:
    for name in ("accroche", "resume"):
        value = getattr(item.model, name, None)
        if value:
            return str(value)
    return ""


def _minuscule(text: str) -> str:
    return text[:1].lower() + text[1:]


def nombre(genre: Genre, count: int) -> str:
    """« 1 solution », « 12 fiches d'activité »."""
    return f"{count} {_minuscule(genre.label if count == 1 else genre.plural)}"


def _facette(facette: Facette) -> dict[str, Any] | None:
    counts = facette.nombres()
    shown = [
        Valeur(code, text, counts[code], min(facette.profondeurs.get(code, 0), 4))
        for code, text in facette.valeurs.items()
        if counts.get(code)
    ]
    if not shown:
        return None
    return {"nom": facette.nom, "libelle": facette.libelle, "aide": facette.aide, "longue": len(shown) > LONGUE, "valeurs": shown}


def _entry(
    item: Item,
    here: str,
    numbers: dict[str, int],
    facets: list[Facette],
    project: Project,
    urls: Urls,
    vignettes: Vignettes | None = None,
) -> EntreeCatalogue:
    attrs = []
    number = numbers.get(identifiant(item))
    if number is not None:
        attrs.append(("data-doc", str(number)))
    for facette in facets:
        codes = facette.par_item.get(item.slug)
        if codes:
            attrs.append((f"data-{facette.nom}", " ".join(codes)))
    picto, badges = _badges(item, project)
    image = vignettes(item, here) if vignettes is not None else None
    return EntreeCatalogue(item.title, urls.lien(here, item.src_uri), _extra(item), attrs, picto, badges, image)


@dataclass
class Filtrable:
    """A catalogue with facets: its facets, and the entries of `items` with their number and facet values."""

    genre: Genre
    facettes: list[Facette]
    total: int
    entrees: list[EntreeCatalogue]
    numeros: list[int | None]
    """Each entry's number in the search index."""
    valeurs: list[list[list[str]]]
    """Each entry's codes, facet by facet."""

    def donnees(self) -> dict[str, Any]:
        """The data of `filtres.html` and `_formulaire.html`."""
        return {
            "genre": self.genre.name,
            "pluriel": _minuscule(self.genre.plural),
            "singulier": _minuscule(self.genre.label),
            "facettes": [f for f in (_facette(facette) for facette in self.facettes) if f is not None],
            "nombre": nombre(self.genre, self.total),
            "entrees": self.entrees,
        }


def catalogue_filtrable(
    genre: Genre,
    items: list[Item],
    project: Project,
    arbre: Arbre,
    numbers: dict[str, int],
    urls: Urls,
    here: str | None = None,
    facets: list[Facette] | None = None,
    vignettes: Vignettes | None = None,
) -> Filtrable:
    """The facets of the whole catalogue and the entries of `items` (already in display order), linked from `here`
    (the catalogue's page by default)."""
    here = here or genre.src_uri("index")
    facets = facettes(genre, project, arbre) if facets is None else facets
    return Filtrable(
        genre,
        facets,
        len(project.of_genre(genre.name)),
        [_entry(item, here, numbers, facets, project, urls, vignettes) for item in items],
        [numbers.get(identifiant(item)) for item in items],
        [[facette.par_item.get(item.slug) or [] for facette in facets] for item in items],
    )
