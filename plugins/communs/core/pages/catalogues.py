"""The catalogue of each genre, one generated page each: the navigation lists these, never every item."""

from __future__ import annotations

from typing import Any

from communs.core.domaine.arbre import Arbre
from communs.core.modele import genres
from communs.core.modele.genres import Genre
from communs.core.modele.projet import Item, Project
from communs.core.modele.suggestions import fold
from communs.core.pages import decoupage, filtres, pagination
from communs.core.pages.centres import annuaire, carte_des_centres
from communs.core.pages.donnees import Lien, Ligne, PageGeneree
from communs.core.pages.pagination import CatalogueDecoupe
from communs.core.pages.territoires import Noeud, arbre_des_territoires
from communs.core.rendu.gabarits import Gabarits
from communs.core.urls import Urls

INTROS: dict[str, str] = {
    "prototype": "Les solutions inventées par les centres du réseau, pour les reprendre chez vous.",
    "fiche": "Des activités prêtes à animer, à imprimer sur une page.",
    "terme": "Les mots du numérique expliqués simplement, « Quand les enfants deviennent profs ».",
    "rapport": "Les rapports de capitalisation du réseau, d'où viennent les informations de ce site.",
    "territoire": "Les territoires du réseau, de la région aux versants.",
    "centre": "L'annuaire des centres et structures du réseau.",
}


def _line(item: Item, here: str, urls: Urls) -> Ligne:
    model = item.model
    extra = ""
    for name in ("accroche", "resume", "definition"):
        value = getattr(model, name, None)
        if value:
            extra = str(value).replace("\n", " ")
            break
    if item.genre is genres.CENTRE and model is not None:
        extra = str(getattr(model, "commune", ""))
    return [Lien(item.title, urls.lien(here, item.src_uri)), *([f" — {extra}"] if extra else [])]


def _noeuds(noeuds: list[Noeud], here: str, urls: Urls) -> list[dict[str, Any]]:
    return [
        {
            "titre": n.titre,
            "href": urls.lien(here, n.src_uri),
            "alias": n.alias,
            "centres": n.centres,
            "enfants": _noeuds(n.enfants, here, urls),
        }
        for n in noeuds
    ]


def catalogue(
    genre: Genre,
    project: Project,
    arbre: Arbre,
    numeros: dict[str, int],
    urls: Urls,
    gabarits: Gabarits,
    vignettes: filtres.Vignettes | None = None,
) -> CatalogueDecoupe:
    """The pages of the catalogue of `genre` (one, unless it has facets and many items) and its data files."""
    items = sorted(project.of_genre(genre.name), key=lambda i: fold(i.title))
    here = genre.src_uri("index")
    data: dict[str, Any] = {
        "titre": genre.plural,
        "intro": INTROS.get(genre.name, ""),
        "vide": not items,
        "filtres": None,
        "nombre": len(items),
        "territoires": [],
        "carte": None,
        "centres": [],
        "lignes": [],
        "pages": None,
    }
    valid = [item for item in items if item.model is not None]
    invalid = [_line(item, here, urls) for item in items if item.model is None]
    filterable = genre in filtres.FILTRABLES and bool(items)
    if filterable:
        return pagination.catalogue_decoupe(genre, items, project, arbre, numeros, urls, gabarits, data, vignettes)
    if genre is genres.TERRITOIRE:
        data["territoires"] = _noeuds(arbre_des_territoires(arbre), here, urls)
        data["lignes"] = invalid
    elif genre is genres.CENTRE:
        return CatalogueDecoupe(_annuaire(genre, valid, {**data, "lignes": invalid}, urls, gabarits), {})
    elif genre is genres.TERME:  # replaced by the lexicon's own index (pages_lexique.py), split there
        data["lignes"] = []
    else:
        return CatalogueDecoupe(_liste(genre, items, data, urls, gabarits), {})
    return CatalogueDecoupe([PageGeneree(here, genre.plural, gabarits.rendre("catalogue.html", **data))], {})


def _poids(item: Item) -> int:
    """About the bytes of a centre's row in the directory and of its dot on the map."""
    model = item.model
    texts = [item.title, item.slug, *(str(getattr(model, name, "") or "") for name in ("commune", "adresse", "site"))]
    return 420 + 2 * sum(len(text.encode()) for text in texts)


def _annuaire(genre: Genre, centres: list[Item], data: dict[str, Any], urls: Urls, gabarits: Gabarits) -> list[PageGeneree]:
    """The directory of centres in pages of results (`decoupage.py`), each with the map of the centres it lists: every
    centre is on one page, reachable by plain links from the first; the files with errors are named on the first."""
    pages = []
    for tranche, chosen in decoupage.decouper(genre.src_uri("index"), centres, _poids, urls):
        here, last = tranche.src_uri, tranche.debut + len(chosen)
        titre = "Carte des centres du réseau"
        if tranche.total > 1:
            titre = f"Carte des centres {tranche.debut + 1} à {last} sur {len(centres)}, par ordre alphabétique"
        shown = {
            **data,
            "carte": carte_des_centres(chosen, here, titre, urls),
            "centres": annuaire(chosen, here, urls),
            "lignes": data["lignes"] if tranche.numero == 1 else [],
            "pages": tranche if tranche.total > 1 else None,
        }
        title = genre.plural if tranche.numero == 1 else f"{genre.plural}, page {tranche.numero}"
        pages.append(PageGeneree(here, title, gabarits.rendre("catalogue.html", **shown)))
    return pages


def _liste(genre: Genre, items: list[Item], data: dict[str, Any], urls: Urls, gabarits: Gabarits) -> list[PageGeneree]:
    """A catalogue without facets (the reports…) in pages of results, each item once, in the catalogue's order."""
    pages = []
    weight = lambda item: 200 + 2 * len(item.title.encode()) + len(str(_line(item, "", urls)[-1]).encode())  # noqa: E731
    for tranche, chosen in decoupage.decouper(genre.src_uri("index"), items, weight, urls):
        shown = {
            **data,
            "lignes": [_line(item, tranche.src_uri, urls) for item in chosen],
            "pages": tranche if tranche.total > 1 else None,
        }
        title = genre.plural if tranche.numero == 1 else f"{genre.plural}, page {tranche.numero}"
        pages.append(PageGeneree(tranche.src_uri, title, gabarits.rendre("catalogue.html", **shown)))
    return pages
