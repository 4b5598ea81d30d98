"""The extra files of the site that are not part of the plan: the search files, the open data and the Atom feed.

They depend on every item but not on the plan of generated pages. In a one-off build with two processors, a process
forked when the plan starts makes them while this one makes the plan: both ran in turn on one core before the engine
could start writing pages (about a second each at 5,000 items), the other core idle. What the forked process made
comes back pickled; if it fails, this process makes them itself, as it does for a small site, under a server (which
keeps them for its next build, `memoire`) or on a machine with one processor.

Before the fork, the pictures are processed (`Illustrations.fichiers`, which the plan's catalogues need too and which
writes a cache on the disk) and what the search knows of each page is computed (the plan needs it too): the forked
process only reads them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from communs.core.modele import publications
from communs.core.modele.fourche import Fourche
from communs.core.modele.lecture_parallele import SEUIL, deux_processus
from communs.core.modele.projet import Project
from communs.core.pages import atom, memoire, paquet_donnees
from communs.core.pages.illustrations import Illustrations
from communs.core.pages.tables import Tables
from communs.core.recherche.documents import PageIndexee
from communs.core.recherche.fichiers import fichiers_du_site
from communs.core.urls import Urls

Fichiers = dict[str, str]


class Reglages(Protocol):
    @property
    def site_url(self) -> str | None: ...


class Facade(Protocol):
    """What this module asks of the façade (`core.site.Site`, a later layer than this one)."""

    projet: Project
    urls: Urls
    illustrations: Illustrations

    @property
    def reglages(self) -> Reglages: ...

    @property
    def pages_indexees(self) -> list[PageIndexee]: ...

    def empreinte(self) -> str: ...


class HorsPlan:
    """The search files and the open data of a façade; `une_fois`: a one-off build, which may make them in a forked
    process (`commencer`)."""

    def __init__(self, site: Facade, cle: str, *, une_fois: bool) -> None:
        self.site, self.cle, self.une_fois = site, cle, une_fois
        self._enfant: Fourche | None = None

    def commencer(self) -> None:
        """Start making them in a forked process, when it is worth it (see the module)."""
        if not self.une_fois or self._enfant is not None or len(self.site.projet.items) < SEUIL or not deux_processus():
            return
        self.site.illustrations.fichiers()
        _ = self.site.pages_indexees
        self._enfant = Fourche(lambda: (self.recherche(), self.donnees()))

    def fichiers(self, du_plan: Mapping[str, str]) -> Fichiers:
        """The search files, the plan's files, the open data and the feed, by site path."""
        made = self._enfant.resultat() if self._enfant is not None else None
        self._enfant = None
        recherche, donnees = made if isinstance(made, tuple) else (self.recherche(), self.donnees())
        return {**recherche, **du_plan, **donnees}

    def recherche(self) -> Fichiers:
        site = self.site
        key = memoire.empreinte_de(site.empreinte(), site.pages_indexees)  # a text's sentences are not indexed
        return dict(memoire.garder_seul("recherche", key, lambda: fichiers_du_site(site.projet, site.pages_indexees)))

    def donnees(self) -> Fichiers:
        return memoire.garder(self.cle, "donnees", self._donnees)

    def _donnees(self) -> Fichiers:
        tables = Tables(self.site.projet, self.site.urls, self.site.reglages.site_url, self.site.illustrations)
        return {**paquet_donnees.fichiers(tables), publications.FLUX: atom.flux(tables)}
