"""A catalogue with facets split into light pages, and its data file for the script that filters the whole catalogue.

Every page lists a part of the cards, in the catalogue's order, and links to the other pages with plain links: each
item is reachable without JavaScript. The form of facets is not in the pages (without the script it would do
nothing): `catalogues/GENRE.js` holds it, with the facet values of every item, and `catalogues/GENRE-cartes.js` holds
every card, so that assets/javascripts/communs-catalogue.js combines facets across the whole catalogue, whatever the
page it runs on. Like the search files, these are scripts, which a browser loads from a folder too (offline copy).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from communs.core.domaine.arbre import Arbre
from communs.core.modele.genres import Genre
from communs.core.modele.projet import Item, Project
from communs.core.pages import decoupage, filtres
from communs.core.pages.donnees import Meta, PageGeneree
from communs.core.rendu.gabarits import Gabarits
from communs.core.urls import Urls

DOSSIER = "catalogues"
VARIABLE = "communsCatalogues"
RACINE = "index.md"
"""The cards of the data file link from the site's root; the script resolves them from there."""


@dataclass
class CatalogueDecoupe:
    pages: list[PageGeneree]
    fichiers: dict[str, str]


def src_uri(genre: Genre, numero: int) -> str:
    """The source name of the page `numero` (from 1) of a catalogue: the catalogue itself, then « pages/2 »…"""
    return decoupage.src_uri(genre.src_uri("index"), numero)


def fichier(genre: Genre, cartes: bool = False) -> str:
    return f"{DOSSIER}/{genre.name}{'-cartes' if cartes else ''}.js"


def _script(cle: str, valeur: Any) -> str:
    data = json.dumps(valeur, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f"(window.{VARIABLE}=window.{VARIABLE}||{{}})[{json.dumps(cle)}]={data};\n"


def catalogue_decoupe(
    genre: Genre,
    items: list[Item],
    project: Project,
    arbre: Arbre,
    numeros: dict[str, int],
    urls: Urls,
    gabarits: Gabarits,
    page: dict[str, Any],
    vignettes: filtres.Vignettes | None = None,
) -> CatalogueDecoupe:
    """The pages of the catalogue of `genre` (`items` in display order; `page`: the data of `catalogue.html` but the
    list) and its two data files."""
    whole = filtres.catalogue_filtrable(genre, items, project, arbre, numeros, urls, RACINE, vignettes=vignettes)
    carte = getattr(gabarits.env.get_template("_carte.html").make_module(), "carte")  # noqa: B009
    cards = [str(carte(entry)) for entry in whole.entrees]
    groups = decoupage.groupes([len(card.encode()) for card in cards])
    page_of = {index: numero for numero, group in enumerate(groups, 1) for index in group}
    common = whole.donnees()
    pages = []
    for numero, group in enumerate(groups, 1):
        here = src_uri(genre, numero)
        chosen = [items[i] for i in group]
        entries = filtres.catalogue_filtrable(genre, chosen, project, arbre, numeros, urls, here, whole.facettes, vignettes)
        shown = {
            **common,
            "entrees": entries.entrees,
            "page": numero,
            "total_pages": len(groups),
            "pages": decoupage.liens(genre.src_uri("index"), numero, len(groups), urls) if len(groups) > 1 else [],
            "donnees": fichier(genre),
        }
        title = genre.plural if numero == 1 else f"{genre.plural}, page {numero}"
        html = gabarits.rendre("catalogue.html", **{**page, "filtres": shown})
        pages.append(PageGeneree(here, title, html, Meta(catalogue=True, recherche=numero == 1)))
    codes = [sorted({code for values in whole.valeurs for code in values[rank]}) for rank in range(len(whole.facettes))]
    rank_of = [{code: rank for rank, code in enumerate(facet)} for facet in codes]
    data = {
        "formulaire": gabarits.rendre("_formulaire.html", filtres=common),
        "facettes": [facet.nom for facet in whole.facettes],
        "codes": codes,
        "pages": [urls.lien(RACINE, src_uri(genre, n)) for n in range(1, len(groups) + 1)],
        "elements": [
            [whole.numeros[i], page_of[i], *([rank_of[f][c] for c in values] for f, values in enumerate(whole.valeurs[i]))]
            for i in range(len(items))
        ],
    }
    files = {fichier(genre): _script(genre.name, data), fichier(genre, cartes=True): _script(f"{genre.name}-cartes", cards)}
    return CatalogueDecoupe(pages, files)
