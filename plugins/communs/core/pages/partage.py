"""What a page shows when it is shared (Open Graph): its title, its kind, its address once the site's address is set,
and its preview card (rendu/carte_sociale.py), published under `medias/partage/` with a name taken from its content.

An item's page and a generated page (catalogues, lexicon) get their own card; any other page (home, how to
contribute…) the card of the commons.

The cards not yet in the cache are drawn while the engine works (`commencer`, `continuer`): those of the items by a
second process as soon as the front-matter is read, before the plan of generated pages is made; those of the generated
pages by another one once it is made; the build draws what is still missing from the end of the list when it needs the
files (`fichiers`, or `ecrire` for an engine that copies them into the site once its pages are made). Each card is then
read from the cache when the engine writes it, never all of them in memory at once.
"""

from __future__ import annotations

import shutil
import subprocess
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping
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


Carte = tuple[str, str, str]
"""(title, kind, site's name): what a card shows, and so its name."""


class Partage:
    def __init__(
        self,
        projet: Project,
        generees: Callable[[], dict[str, PageGeneree]],
        urls: Urls,
        site_url: str | None,
        gabarits: Gabarits,
        cache: Path | None,
    ) -> None:
        """`generees`: the generated pages, asked for only once the cards of the items are drawing."""
        self.projet, self._generees, self.urls, self.site_url = projet, generees, urls, site_url
        self.gabarits, self.cache = gabarits, cache
        self._dessins: list[subprocess.Popen[bytes]] = []
        self._confiees: set[Carte] = set()
        """The cards a second process was given to draw."""
        self._etapes: set[str] = set()

    @cached_property
    def generees(self) -> dict[str, PageGeneree]:
        return self._generees()

    @cached_property
    def _elements(self) -> dict[str, tuple[str, str, str]]:
        """Source page -> (title, kind, card's site path), for every item: their front-matter is enough."""
        return {self.projet.site_uri(item.path): _carte(item.title, item.genre.label) for item in self.projet.items}

    @cached_property
    def _cartes(self) -> dict[str, tuple[str, str, str]]:
        """Source page -> (title, kind, card's site path), for every page with its own card; « » for the others."""
        cards = dict(self._elements)
        cards.update({uri: _carte(page.titre, GENRE_PAR_DEFAUT) for uri, page in self.generees.items()})
        cards[""] = _carte(NOM, GENRE_PAR_DEFAUT)
        return cards

    def _a_dessiner(self, cartes: Iterable[tuple[str, str, str]]) -> list[Carte]:
        """The cards among `cartes` not in the cache yet (title, kind, site), once each, in their order."""
        if self.cache is None:
            return []
        wanted = {(title, kind, NOM): None for title, kind, _ in cartes}
        return [card for card in wanted if not carte_sociale.chemin(self.cache, *card).is_file()]

    def _lancer(self, etape: str, cartes: Iterable[tuple[str, str, str]]) -> None:
        """Once per step: a second process draws those of `cartes` missing from the cache and not given to another."""
        if etape in self._etapes or self.cache is None:
            return
        self._etapes.add(etape)
        wanted = [card for card in self._a_dessiner(cartes) if card not in self._confiees]
        dessin = carte_sociale.en_arriere_plan(wanted, self.cache)
        if dessin is not None:
            self._confiees.update(wanted)
            self._dessins.append(dessin)
            weakref.finalize(self, dessin.kill)  # a build that stops early does not leave it drawing

    def commencer(self) -> None:
        """Start drawing the items' cards that are not in the cache in a second process (the plan need not be made)."""
        self._lancer("elements", self._elements.values())

    def continuer(self) -> None:
        """The plan made: start drawing the generated pages' cards too (and the items' if `commencer` did not)."""
        self.commencer()
        self._lancer("generees", self._cartes.values())

    def _terminer(self) -> None:
        """Every card in the cache: those still missing drawn here from the end of the list (the second processes draw
        from the start of theirs, skipping those already there), then the second processes waited for."""
        for card in reversed(self._a_dessiner(self._cartes.values())):
            if self.cache is not None:
                carte_sociale.dessiner_si_absente(self.cache, *card)
        for dessin in self._dessins:
            dessin.wait()  # it only finds the cards drawn: it ends at once
        self._dessins.clear()

    def fichiers(self, autres: Mapping[str, bytes] | None = None) -> Mapping[str, bytes]:
        """Every card, by site path, after the files `autres`, each read from the cache when asked for."""
        if self.cache is None:
            cards = {path: carte_sociale.carte(title, kind, NOM)[1] for title, kind, path in self._cartes.values()}
            return {**(autres or {}), **cards}
        self._terminer()
        return _Cartes({path: (title, kind) for title, kind, path in self._cartes.values()}, self.cache, autres or {})

    def ecrire(self, dossier: Path) -> None:
        """Every card into the site's folder `dossier` but those already there (each is named by its content), copied
        from the cache: for an engine that writes them once its pages are made, rather than hold them in memory."""
        self._terminer()
        (dossier / PARTAGE).mkdir(parents=True, exist_ok=True)
        for title, kind, path in dict.fromkeys(self._cartes.values()):
            if (target := dossier / path).exists():
                continue
            if self.cache is None:
                target.write_bytes(carte_sociale.dessiner(title, kind, NOM))
            else:
                shutil.copyfile(carte_sociale.chemin(self.cache, title, kind, NOM), target)

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


def _carte(titre: str, genre: str) -> tuple[str, str, str]:
    return titre, genre, f"{PARTAGE}/{carte_sociale.cle(titre, genre, NOM)}.png"


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
