"""Pelican's reader of our Markdown files: the YAML front-matter read by the core, the text rendered by Python-Markdown
with the same extensions as the MkDocs build, and relative links to other source files turned into links to their
pages (what MkDocs does for `[texte](../fiches/x.md)`), with the core's URL policy."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from pelican.readers import BaseReader

from communs.core.modele import genres
from communs.core.modele.frontmatter import Document, read_document
from communs.core.urls import Urls

EXTENSIONS = ["toc", "tables", "fenced_code", "attr_list", "admonition", "pymdownx.details"]
"""MkDocs' built-in extensions (toc, tables, fenced_code) and those of mkdocs.yml."""
EXTENSION_CONFIGS: dict[str, dict[str, Any]] = {"toc": {"permalink": False}}
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
_TAG = re.compile(r"<[^>]+>")


def src_uri(chemin: str) -> str:
    """The page name of a repository file (« content/centres/x.md » → « centres/x.md »)."""
    prefix = genres.CONTENT_DIR + "/"
    return chemin[len(prefix) :] if chemin.startswith(prefix) else chemin


class _Liens(Treeprocessor):
    def __init__(self, md: Markdown, urls: Urls, cibles: frozenset[str]) -> None:
        super().__init__(md)
        self.page, self.urls, self.cibles = "", urls, cibles

    def run(self, root: Element) -> None:
        for element in root.iter():
            key = {"a": "href", "img": "src"}.get(element.tag)
            value = element.get(key) if key else None
            if key and value:
                element.set(key, self.lien(value))

    def lien(self, url: str) -> str:
        scheme, netloc, path, query, anchor = urlsplit(url)
        if scheme or netloc or not path or url.startswith(("/", "\\")):
            return url
        target = posixpath.normpath(posixpath.join(posixpath.dirname(self.page), unquote(path)))
        if target not in self.cibles:
            return url
        suffix = ("?" + query if query else "") + ("#" + anchor if anchor else "")
        if target.endswith(".md"):
            return self.urls.lien(self.page, target) + suffix
        here = self.urls.fichier(self.page)
        return posixpath.relpath(target, posixpath.dirname(here) or ".") + suffix


class _LiensRelatifs(Extension):
    def __init__(self, urls: Urls, cibles: frozenset[str]) -> None:
        super().__init__()
        self.args = (urls, cibles)
        self.liens: _Liens | None = None

    def extendMarkdown(self, md: Markdown) -> None:
        self.liens = _Liens(md, *self.args)
        md.treeprocessors.register(self.liens, "communs_liens", 0)


class LecteurCommuns(BaseReader):  # type: ignore[misc]
    """Reads `content/**.md`, `prototypes/*.md` and `fiches/*.md`; the page's address comes from the URL policy."""

    enabled = True
    file_extensions: ClassVar[list[str]] = ["md"]

    _md: tuple[Markdown, _LiensRelatifs] | None = None

    def _markdown(self, page: str, urls: Urls, cibles: frozenset[str]) -> Markdown:
        """One Markdown converter for the whole build (making one per file costs more than most conversions), reset
        before each file and told which page it converts."""
        if self._md is None or self._md[1].args[0] is not urls or self._md[1].args[1] is not cibles:
            liens = _LiensRelatifs(urls, cibles)
            self._md = (Markdown(extensions=[*EXTENSIONS, liens], extension_configs=EXTENSION_CONFIGS), liens)
        md, liens = self._md
        md.reset()
        assert liens.liens is not None
        liens.liens.page = page
        return md

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        racine = Path(self.settings["COMMUNS_RACINE"])
        chemin = Path(source_path).resolve().relative_to(racine.resolve()).as_posix()
        docs: dict[str, Document] = self.settings.get("COMMUNS_DOCUMENTS", {})
        doc = docs.get(chemin)  # read and checked by the core in this run: its YAML is not parsed again
        if doc is None:
            doc = read_document(Path(source_path).read_bytes(), chemin, front_matter=None)
        return self.convertir(doc)

    def convertir(self, doc: Document) -> tuple[str, dict[str, Any]]:
        """The HTML and Pelican's metadata of a document read by the core."""
        urls: Urls = self.settings["COMMUNS_URLS"]
        page = src_uri(doc.path)
        md = self._markdown(page, urls, self.settings["COMMUNS_CIBLES"])
        # The text alone, without the core's end mark (`Site.encadrer`): the mark is random for each build, and this
        # HTML is kept by Pelican's content cache for the next ones; the parts the core adds come after the cleaning.
        html = md.convert(doc.body)
        data = doc.data if isinstance(doc.data, dict) else {}
        title = data.get("title")
        if not title:
            found = _H1.search(html)
            title = _TAG.sub("", found.group(1)).strip() if found else posixpath.splitext(posixpath.basename(page))[0]
        metadata = {
            "title": str(title),
            "communs_src": page,
            "save_as": urls.fichier(page),
            "url": urls.page(page),
            "slug": page,
        }
        return html, metadata
