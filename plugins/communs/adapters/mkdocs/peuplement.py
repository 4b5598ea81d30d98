"""A cold `mkdocs build` in two processes. Reading a page (MkDocs' `_populate_page`: its source and front-matter,
`on_page_markdown`, Python-Markdown, `on_page_content` with the item's parts and the glossary) is about half of a
build, rendering it with the theme a fifth, and each page's result depends on that page alone once the site is read.
So, on a full `mkdocs build` with one thread (never under `mkdocs serve`, never `--dirty`):

- after `on_nav`, the process forks: the child reads every other page and sends back what reading changed on each of
  them, the parent reads the others and takes the child's results; the messages both logged are then given to
  MkDocs' handlers in the order of the pages. MkDocs' own reading loop finds nothing left to read;
- at `on_env`, every page read, the process forks again: the child renders and writes every other page (and checks
  its links to anchors), while MkDocs renders the others in the parent (`Partagees`);
- each child also writes the backgrounds of the maps it knows; the parent waits for both in `on_post_build`.

Each page is made from the same state as when one process makes them all: the same bytes (the tests compare both).
MkDocs 1.6's `_populate_page` and `_build_page` are not public API: requirements.txt pins MkDocs."""

from __future__ import annotations

import logging
import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from communs.adapters.mkdocs.pages import write_backgrounds, write_cards
from communs.adapters.mkdocs.releves import Releve, noter, rendre_releves
from communs.core.site import Fourche, Site, deux_processus

SEUIL = 200
"""From this many pages, a second process makes half of them (below, its start costs more than it saves)."""

_COMMANDE: list[str] = []
"""The command MkDocs runs (`on_startup`): « build » without `--dirty`, or nothing (a build started from Python)."""

Etat = dict[str, Any]
Echec = tuple[int, BaseException] | None
"""The number of the page whose making failed, and why."""


@dataclass
class _Partage:
    """One build in two processes, from `on_nav` to `on_post_build`."""

    nav: Navigation
    config: MkDocsConfig
    files: Partagees
    site: Site | None
    pages: list[Page]
    inclusions: dict[File, InclusionLevel] = field(default_factory=dict)
    """Pages read ahead, hidden from MkDocs' reading loop until `on_env`: their level of inclusion."""
    enfants: list[Fourche] = field(default_factory=list)
    rendu: Fourche | None = None
    """The child that renders every other page; its messages come back in `on_post_build`."""
    rendu_env: Environment | None = None


_EN_COURS: list[_Partage] = []


class Partagees(Files):
    """MkDocs' files. While a child renders every other page, the pages MkDocs renders and whose anchors it checks are
    the others: it asks for them naming the level of inclusion (its 404 page and sitemap, which list every page, do
    not)."""

    part: frozenset[File] | None = None

    def documentation_pages(self, *, inclusion: Callable[[InclusionLevel], bool] | None = None) -> Sequence[File]:
        if inclusion is None:
            return super().documentation_pages()
        pages = super().documentation_pages(inclusion=inclusion)
        return pages if self.part is None else [file for file in pages if file in self.part]


def commande(command: str, dirty: bool) -> None:
    _COMMANDE[:] = [command] if command == "build" and not dirty else []


def une_fois() -> bool:
    """Whether this process builds the site once (`mkdocs build`): what it reads need not be kept for another build."""
    return bool(_COMMANDE)


def fichiers(files: Files) -> Partagees:
    return files if isinstance(files, Partagees) else Partagees(files)


def _deux_processus(pages: Sequence[Page]) -> bool:
    return bool(_COMMANDE) and len(pages) >= SEUIL and deux_processus()


def _faire(numeros: range, faire: Callable[[int], None], releves: list[Releve]) -> Echec:
    """`faire` each page of these numbers, in order, its messages noted; the first failure stops, as in one process."""
    page = [0]
    handlers = noter(releves, page)
    try:
        for page[0] in numeros:
            faire(page[0])
    except Exception as error:
        return page[0], error
    finally:
        for nom, originals in handlers.items():
            logging.getLogger(nom).handlers = originals
    return None


def _attendre(enfants: list[Fourche]) -> None:
    """Wait for the children; one that answered then failed (writing the backgrounds of its maps) fails the build."""
    failed = [e for e in enfants if e.attendre() != 0 and e.repondu]
    enfants.clear()
    if failed:
        raise PluginError("Le second processus de la construction a échoué.")


def _sur(echec: Echec) -> Echec:
    """A failure that crosses to the parent (an error that cannot be pickled becomes its message)."""
    if echec is None:
        return None
    try:
        pickle.dumps(echec[1])
        return echec
    except Exception:
        return echec[0], PluginError(f"{type(echec[1]).__name__}: {echec[1]}")


def _lire(partage: _Partage, numeros: range, releves: list[Releve]) -> tuple[dict[int, Etat], Echec]:
    """Read the pages of these numbers: what reading changed on each page (attributes by name)."""
    etats: dict[int, Etat] = {}

    def lire(numero: int) -> None:
        page = partage.pages[numero]
        before = dict(vars(page))
        _populate_page(page, partage.config, partage.files)
        etats[numero] = {k: v for k, v in vars(page).items() if k not in before or before[k] is not v}

    return etats, _faire(numeros, lire, releves)


def _lire_enfant(partage: _Partage, numeros: range) -> tuple[dict[int, Etat], Echec, list[Releve]]:
    releves: list[Releve] = []
    etats, echec = _lire(partage, numeros, releves)
    for etat in etats.values():  # the files a page links to, by name: the parent has its own File objects
        if etat.get("links_to_anchors"):
            etat["links_to_anchors"] = {f.src_uri: links for f, links in etat["links_to_anchors"].items()}
    return etats, _sur(echec), releves


def peupler(nav: Navigation, files: Files, config: MkDocsConfig, site: Site | None) -> None:
    """Read every page now, in two processes, when it pays; else leave them to MkDocs (`on_nav`)."""
    _EN_COURS.clear()
    pages: list[Page] = []
    for file in files.documentation_pages():
        if file.page is None and file.inclusion.is_not_in_nav():  # type: ignore[no-untyped-call]
            Page(None, file, config)  # as MkDocs' own loop does
        if file.page is not None:
            pages.append(file.page)
    if not isinstance(files, Partagees) or not _deux_processus(pages):
        return
    partage = _Partage(nav, config, files, site, pages)
    odd = range(1, len(pages), 2)
    enfant = Fourche(lambda: _lire_enfant(partage, odd), lambda: write_backgrounds(config, site))
    partage.enfants.append(enfant)
    _EN_COURS.append(partage)
    releves: list[Releve] = []
    _, echec = _lire(partage, range(0, len(pages), 2), releves)
    answer = enfant.reponse()
    if answer is None:
        _attendre(partage.enfants)
        answer = {}, _lire(partage, odd, releves)[1], []
    autres, other, leurs = answer
    for numero, etat in autres.items():
        links = etat.get("links_to_anchors")
        if links:
            found = {uri: files.get_file_from_path(uri) for uri in links}
            etat["links_to_anchors"] = {found[uri]: anchors for uri, anchors in links.items() if found[uri] is not None}
        vars(pages[numero]).update(etat)
    failures = sorted((f for f in (echec, other) if f is not None), key=lambda f: f[0])
    rendre_releves(releves + leurs, failures[0][0] if failures else None)
    if failures:
        raise failures[0][1]
    for page in pages:
        partage.inclusions[page.file] = page.file.inclusion
        page.file.inclusion = InclusionLevel.EXCLUDED  # read: MkDocs' loop passes them by


def _rendre_enfant(partage: _Partage, env: Environment, numeros: range) -> tuple[Echec, list[Releve]]:
    """Render and write the pages of these numbers, then check their links to anchors, as MkDocs does."""
    releves: list[Releve] = []
    config, files = partage.config, partage.files
    every = Files.documentation_pages(files)

    def rendre(numero: int) -> None:
        page = partage.pages[numero]
        _build_page(page, config, every, partage.nav, env, excluded=page.file.inclusion.is_excluded())  # type: ignore[no-untyped-call]

    echec = _faire(numeros, rendre, releves)
    if echec is None:
        level = config.validation.links.anchors
        echec = _faire(numeros, lambda n: partage.pages[n].validate_anchor_links(files=files, log_level=level), releves)
    return _sur(echec), releves


def rendre(env: Environment) -> Environment:
    """The pages read ahead are MkDocs' again; every other one is rendered by a child (`on_env`, its last step)."""
    if not _EN_COURS:
        return env
    partage = _EN_COURS[0]
    for file, inclusion in partage.inclusions.items():
        file.inclusion = inclusion
    partage.inclusions.clear()
    odd = range(1, len(partage.pages), 2)
    partage.rendu_env = env
    partage.rendu = Fourche(lambda: _rendre_enfant(partage, env, odd), lambda: write_backgrounds(partage.config, partage.site))
    partage.enfants.append(partage.rendu)
    partage.files.part = frozenset(partage.pages[n].file for n in range(0, len(partage.pages), 2))
    return env


def finir(config: MkDocsConfig, site: Site | None) -> None:
    """The preview cards (drawn while a child may still render); the children waited for; their messages; the
    backgrounds of the maps not written yet (`on_post_build`)."""
    write_cards(config, site)
    if _EN_COURS:
        partage = _EN_COURS.pop()
        partage.files.part = None
        answer = partage.rendu.reponse() if partage.rendu is not None else (None, [])
        _attendre(partage.enfants)
        if answer is None and partage.rendu_env is not None:  # the child ended without answering: its pages, here
            answer = _rendre_enfant(partage, partage.rendu_env, range(1, len(partage.pages), 2))
        echec, releves = answer if answer is not None else (None, [])
        rendre_releves(releves)
        if echec is not None:
            raise echec[1]
    write_backgrounds(config, site)
