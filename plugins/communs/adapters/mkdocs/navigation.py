"""The tree of territories given by the core, as MkDocs' navigation: sections of pages, with parents and the
previous/next links set again after the change."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_theme_dir

from communs.core.pages.territoires import Navigation as Arbre
from communs.core.pages.territoires import Noeud


def arbre_des_territoires(nav: Navigation, files: Files, arbre: Arbre) -> None:
    """The navigation entry of the territories' catalogue becomes a section: that page, then the tree."""
    for position, entry in enumerate(nav.items):
        if isinstance(entry, Page) and entry.file.src_uri == arbre.catalogue:
            tree = [_node(node, files) for node in arbre.noeuds]
            entry.title = arbre.titre_catalogue
            nav.items[position] = Section(arbre.titre, [entry, *[n for n in tree if n is not None]])
            _relink(nav)
            return


def _node(node: Noeud, files: Files) -> Page | Section | None:
    file = files.get_file_from_path(node.src_uri)
    if file is None or file.page is None:
        return None
    page = file.page
    page.title = escape(node.titre)  # known before the page is read: a dirty build does not read unchanged pages
    if not node.enfants:
        return page
    children = [_node(child, files) for child in node.enfants]
    return Section(node.titre, [page, *[c for c in children if c is not None]])


def _relink(nav: Navigation) -> None:
    """Parents, the ordered list of pages and the previous/next links, after the tree changed."""

    def walk(items: list[Any], parent: Section | None) -> Iterator[Page]:
        for entry in items:
            entry.parent = parent
            if isinstance(entry, Section):
                yield from walk(entry.children, entry)
            elif isinstance(entry, Page):
                yield entry

    pages = list(walk(nav.items, None))
    for before, current, after in zip([None, *pages[:-1]], pages, [*pages[1:], None], strict=True):
        current.previous_page = before
        current.next_page = after
    nav.pages = pages


class Navigations:
    """Material's navigation (`partials/nav.html`), rendered once for all the pages outside it whose links to it are
    the same: a page outside the navigation makes no entry active, and its links go up from its folder. Without this,
    each of thousands of item pages renders the whole tree again (a third of the theme's time)."""

    def __init__(self) -> None:
        self.rendus: dict[tuple[int, str], str] = {}
        self.sous: dict[int, list[str]] = {}
        """Navigation -> the folders of its pages and of its other links (a page above one of them links to it
        downwards: its rendering is its own)."""

    def _cle(self, page: Any, nav: Any, config: Any) -> tuple[int, str] | None:
        if page is None or nav is None or page.parent is not None or page in nav.pages:
            return None
        cibles = self.sous.get(id(nav))
        if cibles is None:
            urls = [p.url for p in nav.pages] + [str(config.theme.get("logo") or ""), str(config.extra.get("homepage", ""))]
            cibles = self.sous[id(nav)] = ["/" + posixpath.normpath("/" + u).strip("/") for u in urls]
        dossier = "/" + posixpath.normpath("/" + page.url).strip("/")
        if "." in dossier.rpartition("/")[2]:
            return (id(nav), dossier.rpartition("/")[0])  # a file's links are those of its folder
        if any(c == dossier or c.startswith(dossier + "/") for c in cibles):
            return None
        return (id(nav), dossier.rpartition("/")[0])

    def __call__(self, page: Any, nav: Any, config: Any, caller: Callable[[], str]) -> str:
        cle = self._cle(page, nav, config)
        if cle is None:
            return caller()
        if cle not in self.rendus:
            self.rendus[cle] = caller()
        return self.rendus[cle]


class Partiels:
    """A part of the theme rendered once for all the pages that give the same key: `{% call communs_une_fois(key) %}`
    around what depends on nothing else (Material's configuration of its scripts depends only on `base_url`)."""

    def __init__(self) -> None:
        self.rendus: dict[tuple[Any, ...], str] = {}

    def __call__(self, *cle: Any, caller: Callable[[], str]) -> str:
        if cle not in self.rendus:
            self.rendus[cle] = caller()
        return self.rendus[cle]


def navigations(env: Environment, config: MkDocsConfig) -> None:
    """The theme's own templates also under `<theme name>/` (the override `partials/nav.html` includes Material's own),
    and the navigation rendered once per folder for the pages outside it (`Navigations`), new at each build."""
    assert env.loader is not None
    propre = PrefixLoader({str(config.theme.name): FileSystemLoader(get_theme_dir(str(config.theme.name)))})
    env.loader = ChoiceLoader([env.loader, propre])
    env.globals["communs_navigation"] = Navigations()
    env.globals["communs_une_fois"] = Partiels()
