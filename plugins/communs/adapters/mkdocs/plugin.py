"""MkDocs plugin `communs`: wires the core's façade (`communs.core.site.Site`) into MkDocs' events. No decision about
content is taken here: every answer comes from the façade; this file only maps it to MkDocs' objects."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from communs.adapters.mkdocs import incremental, pages, peuplement
from communs.adapters.mkdocs.navigation import arbre_des_territoires, navigations
from communs.adapters.mkdocs.reglages import CommunsConfig, reglages
from communs.core.modele import genres
from communs.core.site import SANS_RETRAIT, Site, avant_construction, politique_de_securite
from communs.core.urls import Urls

if TYPE_CHECKING:  # `mkdocs build` need not load the server and its file watcher
    from mkdocs.livereload import LiveReloadServer

log = logging.getLogger("mkdocs.plugins.communs")


class CommunsPlugin(BasePlugin[CommunsConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.root = Path.cwd()
        self.site: Site | None = None
        self.construction = incremental.Construction("")

    def on_startup(self, *, command: str, dirty: bool) -> None:
        peuplement.commande(command, dirty)  # a cold `mkdocs build` reads its pages in two processes

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path).resolve().parent
        if not config.repo_url:
            config.edit_uri = None  # no repository, no « Modifier cette page » link
        config.extra["communs_csp"] = politique_de_securite()  # written on every page by themes/main.html
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        incremental.ramassage(True)  # until on_post_build
        if problems := avant_construction(self.root, Path(config.docs_dir)):
            pages.log_diagnostics(log, problems)
            raise PluginError("Le contenu contient un lien symbolique : la construction s'arrête sans le suivre.")

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        site = self.site = Site(self.root, Urls(repertoires=config.use_directory_urls), reglages(self.config, config))
        pages.log_diagnostics(log, site.diagnostics)
        config.extra.update(site.extras())
        self.construction = incremental.avant(site, config)
        pages.apply_plan(files, config, site, self.root, log, self.construction)
        return peuplement.fichiers(files)  # MkDocs renders every page, or half of them (peuplement)

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.site is None or page.file.generated_by is not None:
            return markdown
        pages.set_meta(page, self.site.parties(page.file.src_uri))
        pages.escape_meta(page)
        return self.site.encadrer(markdown)

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.site is None:
            return html
        page.meta["communs_og"] = self.site.og(page.file.src_uri, page.title or "")
        generated = self.site.plan.generees.get(page.file.src_uri)
        if generated is not None:
            page.toc = pages.toc(self.site.sommaire(generated))
            return generated.html
        html, removed = self.site.nettoyer(page.file.src_uri, html)
        pages.log_diagnostics(log, removed)
        parts = self.site.parties(page.file.src_uri)
        if parts is None:
            return html
        page.meta["communs_voisins"] = self.site.voisins.html(page.file.src_uri)
        html, glossary_links = self.site.finir(page.file.src_uri, html)
        if glossary_links:
            page.meta["communs_glossaire"] = glossary_links
        page.toc = pages.extend_toc(page.toc, parts.sommaire_apres)
        self.site.oublier(page.file.src_uri)
        return html

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        env.trim_blocks = env.lstrip_blocks = True  # the theme's tags leave no blank lines (10 % of a page)
        env.add_extension(SANS_RETRAIT)  # nor indents
        incremental.gabarits(env)  # templates compiled once per process, never looked for again during a build
        navigations(env, config)  # Material's navigation rendered once per folder for the pages outside it
        return peuplement.rendre(env)  # a child renders every other page on a cold build

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        """The « Territoires » entry of the navigation becomes the tree of territories."""
        if self.site is not None:
            arbre_des_territoires(nav, files, self.site.navigation())
        peuplement.peupler(nav, files, config, self.site)  # the last event before MkDocs reads the pages
        return nav

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Without `site_url` the sitemap lists nothing and only carries the build time: drop it (reproducible builds)."""
        if not config.site_url:
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                (Path(config.site_dir) / name).unlink(missing_ok=True)
        peuplement.finir(config, self.site)  # the children's pages and messages; the maps' backgrounds
        incremental.apres(config, self.construction)
        self.site = None  # `mkdocs serve` keeps the first build's plugin: its site would stay in memory for nothing

    def on_build_error(self, *, error: Exception) -> None:
        incremental.ramassage(False)

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        folders = [self.root / folder for folder in genres.EXTERNAL_FOLDERS if (self.root / folder).is_dir()]
        for path in [*folders, *([self.config.vocabulaires] if self.config.vocabulaires else [])]:
            server.watch(str(path))
        return server
