"""Two processes for the two largest parts of a cold build: Python-Markdown's conversion of the texts, and the writing
of the pages (the core's parts of each item's page, the theme's template, the file). A second process, forked when the
build has one thread (never under `make serve-pelican`, whose server runs in a thread), takes its share of them:

- the texts: every other file, sent back in the order of the files (Pelican's content cache keeps them all);
- the pages: the next page not taken yet, in turn with the build, from a counter both share (a page's cost varies
  tenfold, from a lexicon entry to a catalogue), while the build first writes the site's other files (search,
  open data, pictures). The façade's shared parts are built before the fork (`avant_fourche`), so neither process
  makes them twice; each process then writes the map backgrounds of its own pages.

Each text and each page depends on its own file and the façade alone: the pages are the same bytes as when one process
makes them all. A second process that stops on an error while writing pages (written by itself on the standard error)
stops the build: its end is awaited, never a result it will not send; the texts it did not send are converted here."""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Sequence
from multiprocessing.process import BaseProcess
from typing import Any

from communs.adapters.pelican.lecteur import LecteurCommuns
from communs.core.modele.frontmatter import Document
from communs.core.site import Fourche, Site, avant_fourche, deux_processus

SEUIL = 200
"""From this many files to convert or pages to write, a second process takes half of them (below, its start costs
more than it saves)."""

_PAGES: tuple[Any, int, Callable[[int], None], Callable[[], None]] | None = None
"""The shared counter of the next page, the number of pages, the writing of page i and what follows the last one."""


def _deux_processus(nombre: int) -> bool:
    return nombre >= SEUIL and deux_processus()


def _fourche(cible: Callable[[], None]) -> BaseProcess:
    """The second process, forked and started: what both share is first frozen, so that neither's cycle collector walks
    it (nor copies its memory pages by writing to them)."""
    gc.freeze()
    process = multiprocessing.get_context("fork").Process(target=cible, daemon=True)
    process.start()
    return process


def _attendre(process: BaseProcess) -> None:
    process.join()
    if process.exitcode != 0:  # its error is written above, by the process itself
        raise RuntimeError(f"Le second processus de la construction s'est arrêté (code {process.exitcode}).")


def convertir(lecteur: LecteurCommuns, documents: Sequence[Document]) -> list[tuple[str, dict[str, Any]]]:
    """The HTML and Pelican's metadata of each document, in their order: every other one by a second process (`Fourche`;
    if it stops without them, they are converted here, where an error in them stops the build)."""
    if not _deux_processus(len(documents)):
        return [lecteur.convertir(doc) for doc in documents]
    impairs = range(1, len(documents), 2)
    enfant = Fourche(lambda: [lecteur.convertir(documents[i]) for i in impairs])
    pairs = [lecteur.convertir(documents[i]) for i in range(0, len(documents), 2)]
    autres = enfant.resultat()
    if autres is None:
        autres = [lecteur.convertir(documents[i]) for i in impairs]
    return [pairs[i // 2] if i % 2 == 0 else autres[i // 2] for i in range(len(documents))]


def _ecrire_pages() -> None:
    """Write the next page not taken yet until none is left, then what follows the pages (in either process)."""
    assert _PAGES is not None
    compteur, nombre, ecrire, apres = _PAGES
    while True:
        with compteur.get_lock():
            numero = compteur.value
            compteur.value = numero + 1
        if numero >= nombre:
            break
        ecrire(numero)
    apres()


def ecrire(site: Site, nombre: int, page: Callable[[int], None], avant: Callable[[], None], apres: Callable[[], None]) -> None:
    """Write `nombre` pages (`page(i)`): `avant` first in this process, then the pages, then `apres` in each process
    that wrote some (it must only write what the pages of its own process need)."""
    global _PAGES
    if not _deux_processus(nombre):
        avant()
        for numero in range(nombre):
            page(numero)
        apres()
        return
    avant_fourche(site)
    _PAGES = (multiprocessing.get_context("fork").Value("q", 0), nombre, page, apres)
    process = _fourche(_ecrire_pages)
    try:
        avant()
        _ecrire_pages()
        _attendre(process)
    finally:
        _PAGES = None
        if process.is_alive():  # this process stopped on an error: so does the other
            process.kill()
