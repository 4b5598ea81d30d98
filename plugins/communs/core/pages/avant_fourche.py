"""The façade made ready for a fork: an engine that writes its pages in two processes (a second one forked from the
build) first builds here every part of the façade the pages share and the façade builds only when first asked (the
plan of generated pages, the items by page, the neighbours, the preview cards, the processed pictures). The forked
process then finds them made, in memory it shares with the build until either writes to it, instead of making them a
second time; and the preview cards missing from the cache start drawing before the fork, in their own process.

What each page is made of is the same whichever process makes it: a page depends on the façade and its own file
alone. The one thing a page leaves behind is the map backgrounds it drew (`Site.fonds_de_carte`): each process writes
those of its own pages (`ecrire_fonds_de_carte`)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from communs.core.pages.illustrations import Illustrations
from communs.core.pages.partage import Partage
from communs.core.pages.voisins import Voisins


class Facade(Protocol):
    """What this module asks of the façade (`core.site.Site`, a later layer than this one)."""

    @property
    def plan(self) -> object: ...

    @property
    def voisins(self) -> Voisins: ...

    @property
    def partage(self) -> Partage: ...

    @property
    def illustrations(self) -> Illustrations: ...

    def item(self, src_uri: str) -> object: ...

    def fonds_de_carte(self, deja: Callable[[str], bool] | None = None) -> dict[str, str]: ...


def avant_fourche(site: Facade) -> None:
    """Build the façade's lazy parts that every page uses, before the engine forks."""
    _ = site.plan  # the generated pages, their files and the maps they draw
    site.item("")  # the items by page (their parts are made page by page, by whichever process writes the page)
    _ = site.voisins
    site.partage.continuer()  # the cards' names, and the drawing of those missing from the cache
    site.illustrations.fichiers()  # the processed pictures


def ecrire_fonds_de_carte(site: Facade, dossier: Path) -> None:
    """The backgrounds of the maps this process drew, into the site's folder `dossier`, but those already there (named
    by their content, a file there is the same: written by the other process, or by a previous build). Each is written
    under a name of this process, then renamed: two processes may write the same one, and one that stops halfway leaves
    no part of a file that a later build would take as written."""
    for path, text in site.fonds_de_carte(lambda p: (dossier / p).exists()).items():
        fichier = dossier / path
        fichier.parent.mkdir(parents=True, exist_ok=True)
        partiel = fichier.with_name(f"{fichier.name}.{os.getpid()}")
        partiel.write_text(text, encoding="utf-8")
        partiel.replace(fichier)
