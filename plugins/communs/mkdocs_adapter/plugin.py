"""MkDocs plugin `communs`: runs the checks, adds prototypes/ and fiches/, the catalogues, page summaries and the glossary."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from ..core import catalogues, check, complements, glossaire, jsonld, kinds, pages_lexique, sections, vocabulary
from ..core.arbre import Arbre
from ..core.controles import csp, fichiers, securite
from ..core.depot import Depot
from ..core.diagnostics import Diagnostic
from ..core.lexique import Lexique
from ..core.project import Item, Project
from ..core.recherche.fichiers import fichiers_du_site
from ..core.summary import summary

log = logging.getLogger("mkdocs.plugins.communs")


class CommunsConfig(Config):  # type: ignore[no-untyped-call]
    vocabulaires = c.Optional(c.File(exists=True))
    """Another vocabulary file than the one shipped with the package (for tests)."""
    glossaire = c.Type(bool, default=True)
    """In solutions, sheets and reports, link the first occurrence of each lexicon term, with its definition."""
    glossaire_exclus = c.ListOfItems(c.Type(str), default=[])
    """Names of terms or variants never linked by the glossary (common words with another meaning)."""


class CommunsPlugin(BasePlugin[CommunsConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.root = Path.cwd()
        self.project: Project | None = None
        self.items_by_uri: dict[str, Item] = {}
        self.arbre: Arbre | None = None
        self.lexique: Lexique | None = None
        self.liens: pages_lexique.Liens | None = None
        self.glossaire: glossaire.Glossaire | None = None
        self.encadrement = securite.Encadrement()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path).resolve().parent
        config.extra["communs_csp"] = csp.politique()  # written on every page by themes/main.html
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """MkDocs follows symbolic links to folders when it lists the pages: stop before it walks into one."""
        if problems := fichiers.dossiers_lies(self.root, Path(config.docs_dir)):
            _log(problems)
            raise PluginError("Le contenu contient un lien symbolique : la construction s'arrête sans le suivre.")

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        vocab_path = self.config.vocabulaires
        vocabularies = vocabulary.load(Path(vocab_path)) if vocab_path else None
        project = check.run(self.root, vocabularies)
        self.project = project
        self.arbre = Arbre(project)
        _log(project.collector.items)
        for file in [f for f in files if f.abs_src_path and fichiers.exclu(self.root, project.exclus, Path(f.abs_src_path))]:
            files.remove(file)  # a symbolic link or a file too big: reported above, never published
        self.items_by_uri = {}
        for item in project.items:
            uri = project.site_uri(item.path)
            if not item.doc.readable or item.path in project.exclus:
                existing = files.get_file_from_path(uri)
                if existing is not None:
                    files.remove(existing)
                continue
            self.items_by_uri[uri] = item
            if item.kind.folder in kinds.EXTERNAL_FOLDERS:
                files.append(File(item.path, str(self.root), config.site_dir, config.use_directory_urls))
        self._point_edit_links_to_sources(files)
        depot = Depot.depuis(config.repo_url, config.edit_uri)
        self.lexique = Lexique(project)
        self.liens = pages_lexique.liens(project, depot)
        # A search with no result offers to ask for the word or to propose its definition (communs-recherche.js).
        config.extra["communs_mot_absent"] = {
            "demander": self.liens.demander(pages_lexique.MOT_CHERCHE) or "",
            "proposer": self.liens.proposer(pages_lexique.MOT_CHERCHE) or "",
            "jeton": pages_lexique.MOT_CHERCHE,
        }
        self.glossaire = glossaire.Glossaire(self.lexique, self.config.glossaire_exclus) if self.config.glossaire else None
        for uri, markdown in catalogues.generated_pages(project, config.use_directory_urls, depot).items():
            existing = files.get_file_from_path(uri)
            if existing is not None:
                files.remove(existing)
                self.items_by_uri.pop(uri, None)
            files.append(File.generated(config, uri, content=markdown))
        for uri, script in fichiers_du_site(project, config.use_directory_urls).items():
            files.append(File.generated(config, uri, content=script))
        return files

    def _point_edit_links_to_sources(self, files: Files) -> None:
        """« Modifier cette page » opens the real file: prototypes/x.md, content/centres/y.md."""
        for file in files.documentation_pages():
            if file.generated_by is None and file.edit_uri is not None:
                source = self.items_by_uri.get(file.src_uri)
                file.edit_uri = source.path if source else f"{kinds.CONTENT_DIR}/{file.src_uri}"

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.generated_by is None:
            markdown = self.encadrement.encadrer(markdown)  # only the contributor's part is cleaned
            _escape_meta(page)
        item = self.items_by_uri.get(page.file.src_uri)
        if item is None or item.model is None or self.project is None:
            return markdown
        page.meta["title"] = escape(item.title)
        page.meta["communs"] = summary(item, self.project, config.use_directory_urls)
        description = getattr(item.model, "resume", None) or getattr(item.model, "definition", None)
        if description:
            page.meta.setdefault("description", escape(description))
        lead, after = complements.chapeau(item), complements.suite(item, self.project)
        markdown = (lead + "\n" if lead else "") + markdown.rstrip() + ("\n\n" + after if after else "") + "\n"
        if self.arbre is not None and item.kind is kinds.TERRITOIRE:
            markdown = markdown.rstrip() + "\n\n" + sections.section_territoire(self.arbre, item, config.use_directory_urls)
        elif self.arbre is not None and item.kind is kinds.CENTRE:
            markdown = markdown.rstrip() + "\n\n" + sections.section_centre(self.arbre, item)
        elif self.lexique is not None and self.liens is not None and item.kind is kinds.TERME:
            page.meta["communs_jsonld"] = jsonld.terme_jsonld(item, self.project, config.site_url, config.use_directory_urls)
            markdown = markdown.rstrip() + "\n\n" + pages_lexique.pied_de_terme(self.lexique, item, self.liens)
        return markdown

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Contributors' pages are cleaned by the allowlist sanitizer; then the glossary links lexicon terms."""
        if page.file.generated_by is None and self.project is not None:
            html, removed = self.encadrement.nettoyer_page(self.project, self._source(page), html)
            _log(removed)
        item = self.items_by_uri.get(page.file.src_uri)
        if self.glossaire is None or item is None or item.kind.name not in glossaire.GENRES:
            return html
        result = self.glossaire.lier(html, page.file.src_uri, config.use_directory_urls, sauf=item.slug)
        page.meta["communs_glossaire"] = len(result.liens)
        return result.html

    def _source(self, page: Page) -> str:
        item = self.items_by_uri.get(page.file.src_uri)
        return item.path if item else f"{kinds.CONTENT_DIR}/{page.file.src_uri}"

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        """The « Territoires » entry of the navigation becomes the tree of territories."""
        if self.arbre is None:
            return nav
        catalogue = kinds.TERRITOIRE.src_uri("index")
        for position, entry in enumerate(nav.items):
            if isinstance(entry, Page) and entry.file.src_uri == catalogue:
                tree = [_nav_node(node, files) for node in sections.arbre_navigation(self.arbre)]
                entry.title = "Tous les territoires"
                section = Section(kinds.TERRITOIRE.plural, [entry, *[n for n in tree if n is not None]])
                nav.items[position] = section
                _relink(nav)
                break
        return nav

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Without `site_url` the sitemap lists nothing and only carries the build time: drop it (reproducible builds)."""
        if not config.site_url:
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                (Path(config.site_dir) / name).unlink(missing_ok=True)

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        for folder in kinds.EXTERNAL_FOLDERS:
            if (self.root / folder).is_dir():
                server.watch(str(self.root / folder))
        if self.config.vocabulaires:
            server.watch(str(self.config.vocabulaires))
        return server


def _nav_node(node: sections.Noeud, files: Files) -> Page | Section | None:
    file = files.get_file_from_path(node.src_uri)
    if file is None or file.page is None:
        return None
    page = file.page
    if not node.enfants:
        return page
    children = [_nav_node(child, files) for child in node.enfants]
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


def _escape_meta(page: Page) -> None:
    """Material writes the title and the description without escaping them: they become safe Markup here."""
    for key in ("title", "description"):
        value = page.meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            page.meta[key] = escape(value)


def _log(diagnostics: list[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        if diagnostic.is_error:
            log.error(diagnostic.human())
        else:
            log.warning(diagnostic.human())
