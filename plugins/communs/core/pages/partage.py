"""What a page shows when it is shared (Open Graph): its title, its kind, its address once the site's address is set,
and its preview card (rendu/carte_sociale.py), published under `medias/partage/` with a name taken from its content.

An item's page and a generated page (catalogues, lexicon) get their own card; any other page (home, how to
contribute…) the card of the commons.

The cards not yet in the cache are drawn by two processes at once (`commencer`, then `fichiers`): a second one from the
start of the list as soon as the engine asks for the first page's tags, the build from the end when it asks for the
files; then each card is read from the cache when the engine writes it, never all of them in memory at once.
"""

from __future__ import annotations

import subprocess
import weakref
from collections.abc import Iterator, Mapping
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
        self._dessin: subprocess.Popen[bytes] | None = None

    @cached_property
    def _cartes(self) -> dict[str, tuple[str, str, str]]:
        """Source page -> (title, kind, card's site path), for every page with its own card; « » for the others."""
        wanted = {self.projet.site_uri(item.path): (item.title, item.genre.label) for item in self.projet.items}
        wanted.update({uri: (page.titre, GENRE_PAR_DEFAUT) for uri, page in self.generees.items()})
        wanted[""] = (NOM, GENRE_PAR_DEFAUT)
        return {
            uri: (title, kind, f"{PARTAGE}/{carte_sociale.cle(title, kind, NOM)}.png") for uri, (title, kind) in wanted.items()
        }

    def _a_dessiner(self) -> list[tuple[str, str, str]]:
        """The cards not in the cache yet (title, kind, site), once each, in the order of the pages."""
        if self.cache is None:
            return []
        wanted = {(title, kind, NOM): None for title, kind, _ in self._cartes.values()}
        return [card for card in wanted if not carte_sociale.chemin(self.cache, *card).is_file()]

    def commencer(self) -> None:
        """Start drawing the cards that are not in the cache in a second process, while the engine makes the pages."""
        if self._dessin is None:
            self._dessin = carte_sociale.en_arriere_plan(self._a_dessiner(), self.cache) if self.cache else None
            if self._dessin is not None:  # a build that stops early does not leave it drawing
                weakref.finalize(self, self._dessin.kill)

    def fichiers(self, autres: Mapping[str, bytes] | None = None) -> Mapping[str, bytes]:
        """Every card, by site path, after the files `autres`: those still missing drawn from the end of the list (the
        second process draws from its start), each read from the cache when asked for."""
        if self.cache is None:
            cards = {path: carte_sociale.carte(title, kind, NOM)[1] for title, kind, path in self._cartes.values()}
            return {**(autres or {}), **cards}
        for card in reversed(self._a_dessiner()):
            carte_sociale.dessiner_si_absente(self.cache, *card)
        if self._dessin is not None:
            self._dessin.wait()  # it only finds the cards drawn: it ends at once
            self._dessin = None
        return _Cartes({path: (title, kind) for title, kind, path in self._cartes.values()}, self.cache, autres or {})

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


class _Cartes(Mapping[str, bytes]):
    """The files `autres`, then the cards by site path, each card read from the cache folder when asked for."""

    def __init__(self, cartes: dict[str, tuple[str, str]], cache: Path, autres: Mapping[str, bytes]) -> None:
        self.cartes, self.cache = cartes, cache
        self.autres = {path: data for path, data in autres.items() if path not in cartes}

    def __getitem__(self, path: str) -> bytes:
        if path in self.autres:
            return self.autres[path]
        title, kind = self.cartes[path]
        return carte_sociale.carte(title, kind, NOM, self.cache)[1]

    def __iter__(self) -> Iterator[str]:
        yield from self.autres
        yield from self.cartes

    def __len__(self) -> int:
        return len(self.autres) + len(self.cartes)
