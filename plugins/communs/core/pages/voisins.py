"""The previous and next items of an item's page, in its catalogue's order (by title, as the catalogue lists them),
and the way back to the catalogue: a walk through thousands of items without the navigation listing them all."""

from __future__ import annotations

from collections.abc import Iterable

from communs.core.modele.projet import Item
from communs.core.modele.suggestions import fold
from communs.core.pages.donnees import Lien
from communs.core.rendu.gabarits import Gabarits
from communs.core.urls import Urls


class Voisins:
    """The order of the items of each genre that has a catalogue, made once per build."""

    def __init__(self, items: Iterable[Item], urls: Urls, gabarits: Gabarits) -> None:
        self.urls, self.gabarits = urls, gabarits
        par_genre: dict[str, list[Item]] = {}
        for item in items:
            if item.model is not None and item.genre.catalogue:
                par_genre.setdefault(item.genre.name, []).append(item)
        self.ordre: dict[str, tuple[list[Item], int]] = {}
        for liste in par_genre.values():
            liste.sort(key=lambda i: (fold(i.title), i.src_uri))
            for position, item in enumerate(liste):
                self.ordre[item.src_uri] = (liste, position)

    def liens(self, src_uri: str) -> dict[str, Lien | None] | None:
        """{"precedent", "catalogue", "suivant"}: links relative to the page `src_uri`, None for an item without order."""
        found = self.ordre.get(src_uri)
        if found is None:
            return None
        liste, position = found
        item = liste[position]

        def lien(autre: Item) -> Lien:
            return Lien(autre.title, self.urls.lien(src_uri, autre.src_uri))

        return {
            "precedent": lien(liste[position - 1]) if position > 0 else None,
            "catalogue": Lien(item.genre.plural, self.urls.lien(src_uri, item.genre.src_uri("index"))),
            "suivant": lien(liste[position + 1]) if position + 1 < len(liste) else None,
        }

    def html(self, src_uri: str) -> str:
        """The links as HTML (the core's template voisins.html), empty for a page without order."""
        liens = self.liens(src_uri)
        return self.gabarits.rendre("voisins.html", **liens) if liens else ""
