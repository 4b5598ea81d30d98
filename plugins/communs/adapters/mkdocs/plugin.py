"""MkDocs plugin `communs`: wires the core's façade (`communs.core.site.Site`) into MkDocs' events. No decision about
content is taken here: every answer comes from the façade; this file only maps it to MkDocs' objects."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from communs.adapters.mkdocs import pages
from communs.adapters.mkdocs.navigation import arbre_des_territoires
from communs.adapters.mkdocs.reglages import CommunsConfig
from communs.core.contribution.depot import Depot
from communs.core.modele import genres
from communs.core.site import Reglages, Site
from communs.core.urls import Urls

log = logging.getLogger("mkdocs.plugins.communs")


class CommunsPlugin(BasePlugin[CommunsConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.root = Path.cwd()
        self.site: Site | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path).resolve().parent
        if not config.repo_url:
            config.edit_uri = None  # no repository, no « Modifier cette page » link
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        theme_dir = config.theme.custom_dir
        site = self.site = Site(
            self.root,
            Urls(repertoires=config.use_directory_urls),
            Reglages(
                vocabulaires=Path(self.config.vocabulaires) if self.config.vocabulaires else None,
                glossaire=self.config.glossaire,
                glossaire_exclus=tuple(self.config.glossaire_exclus),
                site_url=config.site_url,
                depot=Depot.depuis(config.repo_url, config.edit_uri),
                gabarits=Path(theme_dir) / "communs" if theme_dir else None,
                editeur=self.config.editeur,
                editeur_auth=self.config.editeur_auth,
            ),
        )
        pages.log_diagnostics(log, site.diagnostics)
        plan = site.plan
        for uri in plan.retraits:
            pages.remove(files, uri)
        for source in plan.ajouts:
            files.append(File(source.chemin, str(self.root), config.site_dir, config.use_directory_urls))
        for file in files.documentation_pages():
            if file.generated_by is None and file.edit_uri is not None:
                file.edit_uri = site.edition(file.src_uri)
        config.extra["communs_mot_absent"] = site.mot_absent()
        for uri, page in plan.generees.items():
            pages.remove(files, uri)
            files.append(File.generated(config, uri, content=pages.markdown(page)))
        for uri, text in site.fichiers().items():
            files.append(File.generated(config, uri, content=text))
        pages.add_editor(files, config, site.editeur(), log)
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        parts = self.site.parties(page.file.src_uri) if self.site else None
        if parts is not None:
            pages.set_meta(page, parts)
        return markdown

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.site is None:
            return html
        generated = self.site.plan.generees.get(page.file.src_uri)
        if generated is not None:
            page.toc = pages.toc(self.site.sommaire(generated))
            return generated.html
        parts = self.site.parties(page.file.src_uri)
        if parts is None:
            return html
        html, glossary_links = self.site.finir(page.file.src_uri, html)
        if glossary_links:
            page.meta["communs_glossaire"] = glossary_links
        page.toc = pages.extend_toc(page.toc, parts.sommaire_apres)
        return html

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        """The « Territoires » entry of the navigation becomes the tree of territories."""
        if self.site is not None:
            arbre_des_territoires(nav, files, self.site.navigation())
        return nav

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Without `site_url` the sitemap lists nothing and only carries the build time: drop it (reproducible builds)."""
        if not config.site_url:
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                (Path(config.site_dir) / name).unlink(missing_ok=True)

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        for folder in genres.EXTERNAL_FOLDERS:
            if (self.root / folder).is_dir():
                server.watch(str(self.root / folder))
        if self.config.vocabulaires:
            server.watch(str(self.config.vocabulaires))
        return server
