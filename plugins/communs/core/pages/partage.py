"""What a page shows when it is shared (Open Graph): its title, its kind, its address once the site's address is set,
and its preview card (rendu/carte_sociale.py), published under `medias/partage/` with a name taken from its content.

An item's page and a generated page (catalogues, lexicon) get their own card; any other page (home, how to
contribute…) the card of the commons.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from communs.core.modele.projet import Project
from communs.core.pages.donnees import PageGeneree
from communs.core.pages.illustrations import DOSSIER, relatif
from communs.core.rendu import carte_sociale
from communs.core.rendu.gabarits import Gabarits
from communs.core.urls import Urls

NOM = "Le commun des Centres Sociaux Connectés"
GENRE_PAR_DEFAUT = "Ressources du réseau"
PARTAGE = f"{DOSSIER}/partage"


class Partage:
    def __init__(
        self,
        projet: Project,
        generees: dict[str, PageGeneree],
        urls: Urls,
        site_url: str | None,
        gabarits: Gabarits,
        cache: Path | None,
    ) -> None:
        self.projet, self.generees, self.urls, self.site_url = projet, generees, urls, site_url
        self.gabarits, self.cache = gabarits, cache

    @cached_property
    def _cartes(self) -> dict[str, tuple[str, str, str]]:
        """Source page -> (title, kind, card's site path), for every page with its own card; « » for the others."""
        wanted = {self.projet.site_uri(item.path): (item.title, item.genre.label) for item in self.projet.items}
        wanted.update({uri: (page.titre, GENRE_PAR_DEFAUT) for uri, page in self.generees.items()})
        wanted[""] = (NOM, GENRE_PAR_DEFAUT)
        return {
            uri: (title, kind, f"{PARTAGE}/{carte_sociale.cle(title, kind, NOM)}.png") for uri, (title, kind) in wanted.items()
        }

    def fichiers(self) -> dict[str, bytes]:
        """Every card, by site path (drawn once, then read from the cache)."""
        files: dict[str, bytes] = {}
        for title, kind, path in self._cartes.values():
            if path not in files:
                files[path] = carte_sociale.carte(title, kind, NOM, self.cache)[1]
        return files

    def balises(self, src_uri: str, titre: str, description: str | None = None) -> str:
        """The Open Graph tags of the page built from `src_uri` (its head)."""
        known = self._cartes.get(src_uri)
        card = known or self._cartes[""]
        absolute = self.urls.absolue(self.site_url, src_uri)
        image = f"{self.site_url.rstrip('/')}/{card[2]}" if self.site_url else relatif(self.urls, src_uri, card[2])
        return self.gabarits.rendre(
            "partage.html",
            titre=known[0] if known else titre,
            type="article" if known is not None and src_uri not in self.generees else "website",
            nom=NOM,
            description=description,
            url=absolute,
            image=image,
            image_alt=f"{card[1]} : {card[0]}",
            largeur=carte_sociale.LARGEUR,
            hauteur=carte_sociale.HAUTEUR,
        )
