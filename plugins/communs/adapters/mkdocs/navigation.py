"""The tree of territories given by the core, as MkDocs' navigation: sections of pages, with parents and the
previous/next links set again after the change."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from markupsafe import escape
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

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
