"""The core's page data as MkDocs objects: a generated page's front-matter in Material's keys, its table of
contents, an item page's meta, diagnostics under the `mkdocs.` logger (so that `--strict` fails on errors)."""

from __future__ import annotations

import html
import logging
import re
from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents, get_toc

from communs.core.modele.diagnostics import Diagnostic
from communs.core.pages.donnees import PageGeneree
from communs.core.rendu.sommaire import Titre
from communs.core.site import Editeur, Parties

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|<>#])")


def markdown(page: PageGeneree) -> str:
    """The source MkDocs reads for a generated page: its front-matter and its title as a heading, from which MkDocs
    takes the page's title unless the navigation names it; the body itself comes in `on_page_content`."""
    meta: dict[str, Any] = {}
    if page.meta.catalogue:
        meta["communs_catalogue"] = True
    if page.meta.imprimable:
        meta["hide"] = ["navigation", "toc"]
    if not page.meta.recherche:
        meta["search"] = {"exclude": True}
    if page.meta.redirection:
        meta["redirection"] = page.meta.redirection
    front = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" if meta else ""
    return front + "# " + _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(page.titre, quote=False)) + "\n"


def set_meta(page: Page, parts: Parties) -> None:
    page.meta["title"] = parts.titre
    page.meta["communs"] = parts.resume
    if parts.description:
        page.meta.setdefault("description", parts.description)
    if parts.jsonld:
        page.meta["communs_jsonld"] = parts.jsonld


def _tokens(titres: list[Titre]) -> list[Any]:
    return [{"level": t.niveau, "id": t.ancre, "name": t.texte, "children": _tokens(t.enfants)} for t in titres]


def toc(titres: list[Titre]) -> TableOfContents:
    return get_toc(_tokens(titres))


def extend_toc(existing: TableOfContents | None, titres: list[Titre]) -> TableOfContents:
    """The table of contents of the text, followed by the headings the core added after it."""
    items = list(existing.items) if existing is not None else []
    added: list[AnchorLink] = list(toc(titres).items)
    if items and added:
        added[0].active = False  # type: ignore[attr-defined]
    return TableOfContents(items + added)


def remove(files: Files, src_uri: str) -> None:
    existing = files.get_file_from_path(src_uri)
    if existing is not None:
        files.remove(existing)


def log_diagnostics(log: logging.Logger, diagnostics: list[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        (log.error if diagnostic.is_error else log.warning)(diagnostic.human())


def add_editor(files: Files, config: MkDocsConfig, editor: Editeur | None, log: logging.Logger) -> None:
    """The web editor's pages and the copied files of its npm package, at admin/."""
    if editor is None:
        return
    if editor.manque:
        log.error(editor.manque)
    for uri, text in editor.textes.items():
        files.append(File.generated(config, uri, content=text))
    for uri, path in editor.copies.items():
        files.append(File.generated(config, uri, abs_src_path=str(path)))
