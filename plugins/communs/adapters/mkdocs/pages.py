"""The core's page data as MkDocs objects: a generated page's front-matter in Material's keys, its table of
contents, an item page's meta, diagnostics under the `mkdocs.` logger (so that `--strict` fails on errors)."""

from __future__ import annotations

import html
import logging
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents, get_toc

from communs.adapters.mkdocs.incremental import Construction, genere
from communs.core.modele.diagnostics import Diagnostic
from communs.core.pages.donnees import PageGeneree
from communs.core.pages.parties import Parties
from communs.core.rendu.sommaire import Titre
from communs.core.site import Editeur, Site, ecrire_fonds_de_carte

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|<>#])")


def markdown(page: PageGeneree) -> str:
    """The source MkDocs reads for a generated page: its front-matter and its title as a heading, from which MkDocs
    takes the page's title unless the navigation names it; the body itself comes in `on_page_content`."""
    front = _front(page.meta.catalogue, page.meta.imprimable, page.meta.recherche, page.meta.redirection)
    return front + "# " + _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(page.titre, quote=False)) + "\n"


@lru_cache(maxsize=1024)
def _front(catalogue: bool, imprimable: bool, recherche: bool, redirection: str | None) -> str:
    """A generated page's front-matter in Material's keys (thousands of pages share a few of them)."""
    meta: dict[str, Any] = {}
    if catalogue:
        meta["communs_catalogue"] = True
    if imprimable:
        meta["hide"] = ["navigation", "toc"]
    if not recherche:
        meta["search"] = {"exclude": True}
    if redirection:
        meta["redirection"] = redirection
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" if meta else ""


def set_meta(page: Page, parts: Parties | None) -> None:
    if parts is None:
        return
    page.meta["title"] = parts.titre
    page.meta["communs"] = parts.resume
    page.meta["communs_resume"] = parts.resume_html
    if parts.description:
        page.meta.setdefault("description", parts.description)
    if parts.jsonld:
        page.meta["communs_jsonld"] = parts.jsonld


def escape_meta(page: Page) -> None:
    """Material writes the title and the description without escaping them: they become safe Markup here."""
    for key in ("title", "description"):
        value = page.meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            page.meta[key] = escape(value)


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


def write_backgrounds(config: MkDocsConfig, site: Site | None) -> None:
    """The backgrounds of the maps drawn so far, known once the pages are read, but those already written (each is
    named by its content: a file already there is the same)."""
    if site is not None:
        ecrire_fonds_de_carte(site, Path(config.site_dir))


def write_cards(config: MkDocsConfig, site: Site | None) -> None:
    """The preview cards, copied into the site once its pages are made (they draw meanwhile, never held in memory)."""
    if site is not None:
        site.partage.ecrire(Path(config.site_dir))


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


_SOURCES: dict[str, tuple[PageGeneree, str]] = {}
"""Generated page -> its source (`markdown`) at the last build of this process: the façade gives the same page again
while nothing it is made of changed."""

PELICAN = "pelican"
"""The Pelican theme's folder in Material's custom_dir (themes/): MkDocs would publish its styles and scripts."""


def apply_plan(
    files: Files, config: MkDocsConfig, site: Site, root: Path, log: logging.Logger, construction: Construction
) -> None:
    """The façade's plan on MkDocs' files: drop what must not be published, add the sources outside docs_dir, the
    generated pages, the search files and the editor; « Modifier cette page » opens the real source file."""
    site.partage.commencer()  # the items' preview cards missing from the cache start drawing before the plan is made
    plan = site.plan
    site.partage.continuer()  # and those of the generated pages once it is
    if config.theme.custom_dir:
        pelican = Path(config.theme.custom_dir).resolve() / PELICAN
        for file in [f for f in files if f.abs_src_path and Path(f.abs_src_path).resolve().is_relative_to(pelican)]:
            files.remove(file)  # the other engine's theme
    for file in [f for f in files if f.abs_src_path and site.exclu(Path(f.abs_src_path))]:
        files.remove(file)  # a symbolic link or a file too big: reported, never published
    for uri in plan.retraits:
        remove(files, uri)
    for source in plan.ajouts:
        files.append(File(source.chemin, str(root), config.site_dir, config.use_directory_urls))
    for file in files.documentation_pages():
        if file.generated_by is None and file.edit_uri is not None:
            file.edit_uri = site.edition(file.src_uri)
    sources = {uri: known for uri, known in _SOURCES.items() if plan.generees.get(uri) is known[0]}
    _SOURCES.clear()
    for uri, page in plan.generees.items():
        remove(files, uri)
        _SOURCES[uri] = sources.get(uri) or (page, markdown(page))
        files.append(genere(config, construction, uri, _SOURCES[uri][1], page.html))
    for uri, text in site.fichiers().items():
        files.append(genere(config, construction, uri, text))
    for uri, data in site.illustrations.fichiers().items():  # processed pictures; the preview cards: `write_cards`
        files.append(genere(config, construction, uri, data))
    add_editor(files, config, site.editeur(), log)
