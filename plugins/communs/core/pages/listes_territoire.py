"""The whole lists of a territory past `territoires.LIMITE_LISTE` lines (its solutions, take-ups, sheets, words), one generated
page each, in pages of results (`decoupage.py`): the territory's page shows the first lines and links here, so that
a page stays light and every line stays reachable by plain links."""

from __future__ import annotations

import dataclasses

from communs.core.domaine.arbre import Arbre, Contenu
from communs.core.pages import decoupage, territoires
from communs.core.pages.centres import fil_d_ariane
from communs.core.pages.donnees import Lien, Meta, PageGeneree
from communs.core.pages.territoires import liste_src_uri, listes_du_territoire
from communs.core.rendu.gabarits import Gabarits
from communs.core.urls import Urls

OCTETS_LIGNE = 320
"""About the bytes of a line of these lists, links included."""
CHAMPS = ("nees", "reprises", "fiches", "contributions")
"""The field of `Contenu` behind each list of `listes_du_territoire`, in its order."""


def pages_listes(arbre: Arbre, urls: Urls, gabarits: Gabarits) -> list[PageGeneree]:
    pages: list[PageGeneree] = []
    for slug, territory in arbre.territoires.items():
        contenu = arbre.contenu_territoire(slug)
        for rank, (title, anchor, _, _, _, _) in enumerate(listes_du_territoire(arbre, Contenu(), Contenu(), "", urls)):
            total = len(getattr(contenu, CHAMPS[rank]))
            if total <= territoires.LIMITE_LISTE:
                continue
            first = liste_src_uri(slug, anchor)
            for tranche, chosen in decoupage.decouper(first, list(range(total)), lambda _: OCTETS_LIGNE, urls):
                here = tranche.src_uri
                part = _seulement(contenu, CHAMPS[rank], chosen)  # the lines of this page only, linked from it
                lines = listes_du_territoire(arbre, part, Contenu(), here, urls)[rank][2]  # the lines of `part` only
                titre = f"{title} : {territory.title}"
                data = {
                    "titre": titre,
                    "numero": tranche.numero,
                    "nombre": total,
                    "lignes": lines,
                    "territoire": Lien(territory.title, urls.lien(here, territory.src_uri, anchor)),
                    "fil": fil_d_ariane(arbre, slug, here, urls),
                    "pages": tranche if tranche.total > 1 else None,
                }
                name = titre + (f", page {tranche.numero}" if tranche.numero > 1 else "")
                html = gabarits.rendre("liste_territoire.html", **data)
                pages.append(PageGeneree(here, name, html, Meta(recherche=False)))
    return pages


def _seulement(contenu: Contenu, champ: str, rangs: list[int]) -> Contenu:
    kept = getattr(contenu, champ)
    return dataclasses.replace(Contenu(), **{champ: [kept[i] for i in rangs]})
