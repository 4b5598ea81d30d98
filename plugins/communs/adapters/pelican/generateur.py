"""A Pelican generator for every page of the commons: the source files read by our reader (through Pelican's readers
and their cache), the core's generated pages, the content's other files and the search files, written with the
theme's `communs.html` by Pelican's writer."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from pelican.generators import Generator
from pelican.writers import Writer

from communs.adapters.pelican import parallele
from communs.adapters.pelican.contexte import PageTheme, adresse, page_absente, page_generee, page_source
from communs.adapters.pelican.erreurs import ContenuInvalide, log
from communs.adapters.pelican.lecteur import LecteurCommuns
from communs.adapters.pelican.reecriture import Etat, cle
from communs.core.modele import genres
from communs.core.modele.frontmatter import Document, read_document
from communs.core.site import Site, ecrire_fonds_de_carte, politique_de_securite

GABARIT = "communs.html"
DERNIERS: dict[str, GenerateurCommuns] = {}
"""Output folder -> the generator of its last build by `make serve-pelican` (its façade answers for the next save)."""
PLAN = "sitemap.xml"


def sources(site: Site) -> dict[str, str]:
    """Page name -> repository path of every page built from a file (items and plain pages), generated pages aside."""
    found: dict[str, str] = {}
    plan = site.plan
    docs = [item.doc for item in site.projet.items] + list(site.projet.pages)
    for doc in docs:
        uri = site.projet.site_uri(doc.path)
        if doc.readable and uri not in plan.retraits and uri not in plan.generees and uri.endswith(".md"):
            found[uri] = doc.path
    return dict(sorted(found.items()))


class GenerateurCommuns(Generator):  # type: ignore[misc]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, readers_cache_name="communs", **kwargs)
        self.textes: dict[str, tuple[str, str]] = {}
        """Page name -> title and cleaned HTML of the text of each page built from a file: the whole page is made
        only when it is written, then dropped (thousands of finished pages would otherwise stay in memory)."""
        self.fichiers: list[str] = []
        self.etat: Etat | None = None
        self.sources: dict[str, str] = {}

    @property
    def _edition(self) -> str | None:
        edition: str | None = self.settings.get("COMMUNS_EDITION")
        return edition

    @property
    def site(self) -> Site:
        site: Site = self.settings["COMMUNS_SITE"]
        return site

    def generate_context(self) -> None:
        site = self.site
        self.etat = Etat(self.settings, site)  # before any output: a build that writes every page starts empty
        removed = []
        self.sources = sources(site)
        for uri, (titre, html) in zip(self.sources, self._lire(list(self.sources.values())), strict=True):
            html, problems = site.nettoyer(uri, html)
            removed += problems
            self.textes[uri] = (titre, html)
        self.readers.save_cache()
        self.readers._cache.clear()  # saved: the texts are in self.textes, cleaned (one copy of them, not two)
        for diagnostic in removed:  # what the sanitizer removed: every page is read before the build stops
            (log.error if diagnostic.is_error else log.warning)(diagnostic.human())
        if any(d.is_error or self.settings.get("COMMUNS_STRICT") for d in removed):
            raise ContenuInvalide(f"{len(removed)} élément(s) HTML retiré(s) du contenu : construction arrêtée.")
        self.fichiers = self._fichiers()

    def _lire(self, chemins: list[str]) -> list[tuple[str, str]]:
        """The title and HTML of each source file by our reader, through Pelican's content cache (Pelican's own
        metadata and content object are not needed: the core gives the rest of the page); the files out of the cache
        are converted by two processes when there are many (parallele.py)."""
        lecteur: LecteurCommuns = self.readers.readers[LecteurCommuns.file_extensions[0]]
        documents: dict[str, Document] = self.settings.get("COMMUNS_DOCUMENTS", {})
        paths = [str(Path(self.path) / chemin) for chemin in chemins]
        found: dict[int, tuple[str, dict[str, Any]]] = {}
        for i, path in enumerate(paths):
            html, metadata = self.readers.get_cached_data(path, (None, None))
            if html is not None:
                found[i] = (html, metadata)
            elif chemins[i] not in documents:  # not read by the core in this run: from the disk
                found[i] = lecteur.read(path)
                self.readers.cache_data(path, found[i])
        converted = [i for i in range(len(paths)) if i not in found]
        for i, result in zip(converted, parallele.convertir(lecteur, [documents[chemins[i]] for i in converted]), strict=True):
            found[i] = result
            self.readers.cache_data(paths[i], result)
        return [(str(found[i][1]["title"]), str(found[i][0])) for i in range(len(paths))]

    def _uris(self) -> list[str]:
        return sorted({*self.textes, *self.site.plan.generees})

    def _plan_du_site(self, uris: list[str]) -> str | None:
        """sitemap.xml when the site's address is set: every page but the redirections (as MkDocs writes it)."""
        if not self.site.reglages.site_url:
            return None
        generees = self.site.plan.generees
        adresses = [adresse(self.site, uri) for uri in uris if uri not in generees or not generees[uri].meta.redirection]
        return str(self.env.get_template(PLAN).render(adresses=adresses))

    def _a_ecrire(self, uris: list[str]) -> list[str]:
        """The pages to write, in the order of their names: in an incremental build, only those whose text (a source
        file) or HTML (a generated page) changed."""
        site, etat, found = self.site, self.etat, []
        assert etat is not None
        for uri in uris:
            generee = site.plan.generees.get(uri)
            if generee is not None:
                key = cle(generee.titre, generee.html, repr(generee.meta), repr(sorted(generee.hors_sommaire)))
            else:
                key = cle(*self.textes[uri])
            if etat.a_ecrire(site.urls.fichier(uri), key):
                found.append(uri)
        return found

    def _page(self, uri: str) -> PageTheme:
        """One page, made when it is written (then dropped: thousands of finished pages would stay in memory)."""
        site, nav = self.site, self.settings["COMMUNS_NAV"]
        generee = site.plan.generees.get(uri)
        if generee is not None:
            return page_generee(site, generee, nav)
        return page_source(site, uri, *self.textes[uri], nav, self.settings.get("COMMUNS_EDITION"))

    def _commun(self) -> dict[str, Any]:
        """What every page's template receives besides the page."""
        common = {key.upper(): value for key, value in self.site.extras().items()}  # mot_absent, pied, resultats
        return common | {
            "COMMUNS_URLS": self.site.urls,
            "COMMUNS_CSP": politique_de_securite(),
            "COMMUNS_FEUILLES": [path for path in self.fichiers if path.endswith(".css")],
        }

    def generate_output(self, writer: Any) -> None:
        template = self.get_template(GABARIT.removesuffix(".html"))
        common = self._commun()
        uris = self._uris()
        plan = self._plan_du_site(uris)
        pages = self._a_ecrire(uris)

        def ecrire(numero: int) -> None:
            uri = pages[numero]
            writer.write_file(self.site.urls.fichier(uri), template, self.context, communs=self._page(uri), **common)
            self.site.oublier(uri)  # written: its parts and text are not needed any more
            self.textes.pop(uri, None)

        autres = lambda: self._autres_fichiers(writer, template, common, plan)  # noqa: E731
        parallele.ecrire(self.site, len(pages), ecrire, autres, self._fonds_de_carte)
        assert self.etat is not None
        self.etat.enregistrer()
        if self.settings.get("COMMUNS_RECHARGEMENT"):  # make serve-pelican: the next save may rewrite its page at once
            DERNIERS[self.output_path] = self

    def _autres_fichiers(self, writer: Any, template: Any, common: dict[str, Any], plan: str | None) -> None:
        """Every file of the site but the pages and the map backgrounds: the page of unknown addresses, the sitemap, the
        search and open data files, the pictures, the web editor and the content's other files."""
        assert self.etat is not None
        if self.etat.a_ecrire("404.html", ""):
            absente = page_absente(self.site, self.settings["COMMUNS_NAV"])
            writer.write_file("404.html", template, self.context, communs=absente, **common)
        out = Path(self.output_path)
        if plan is not None:
            (out / PLAN).write_text(plan, encoding="utf-8")
        for path, text in self.site.fichiers().items():
            target = out / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        for path, data in self.site.medias().items():  # processed pictures and preview cards
            (out / path).parent.mkdir(parents=True, exist_ok=True)
            (out / path).write_bytes(data)
        editeur = self.settings.get("COMMUNS_EDITEUR_FICHIERS")
        if editeur is not None:  # the web editor at admin/
            for path, text in editeur.textes.items():
                (out / path).parent.mkdir(parents=True, exist_ok=True)
                (out / path).write_text(text, encoding="utf-8")
            for path, source in editeur.copies.items():
                (out / path).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, out / path)
        content = self.site.racine / genres.CONTENT_DIR
        for path in self.fichiers:
            (out / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(content / path, out / path)

    def _fonds_de_carte(self) -> None:
        """The backgrounds of the maps this process drew, once its pages are written."""
        ecrire_fonds_de_carte(self.site, Path(self.output_path))

    def reecrire(self, modifies: set[str]) -> bool:
        """`make serve-pelican`, right after a save, before the whole build: when every saved file is the text of a
        page whose front-matter did not change, and its text is clean, write those pages at once with this build's
        façade (what they show of other files is unchanged) and say True. The whole build that follows checks the
        content, writes the search files and gives the same pages."""
        site, racine = self.site, Path(self.settings["COMMUNS_RACINE"]).resolve()
        documents: dict[str, Document] = self.settings["COMMUNS_DOCUMENTS"]
        pages = []
        for modifie in modifies:
            chemin = Path(modifie).resolve()
            ancien = documents.get(chemin.relative_to(racine).as_posix()) if chemin.is_relative_to(racine) else None
            uri = site.projet.site_uri(ancien.path) if ancien is not None else ""
            if ancien is None or uri not in self.sources or not chemin.is_file():
                return False
            nouveau = read_document(chemin.read_bytes(), ancien.path, front_matter=None)
            if _entete(nouveau) != _entete(ancien):
                return False
            html, metadata = self.readers.readers[LecteurCommuns.file_extensions[0]].convertir(nouveau)
            html, problems = site.nettoyer(uri, html)
            if problems:
                return False
            pages.append(page_source(site, uri, str(metadata["title"]), html, self.settings["COMMUNS_NAV"], self._edition))
        writer, template, common = Writer(self.output_path, self.settings), self.get_template("communs"), self._commun()
        for page in pages:
            writer.write_file(site.urls.fichier(page.src_uri), template, self.context, communs=page, **common)
        return bool(pages)

    def _fichiers(self) -> list[str]:
        """The content's other files (styles, schemas, the requests of words), published at the same place; a symbolic
        link is never followed."""
        content = self.site.racine / genres.CONTENT_DIR
        demandes = self.site.racine / genres.DEMANDES
        assets = {*self.site.projet.assets, *([demandes.relative_to(content).as_posix()] if demandes.is_file() else [])}
        found = (a for a in assets if (content / a).is_file() and not (content / a).is_symlink())
        return sorted(a for a in found if not self.site.exclu(content / a))  # never a picture's original


def _entete(doc: Document) -> str:
    """A document's text above its body: its front-matter with its fences."""
    return doc.text[: len(doc.text) - len(doc.body)] if doc.body and doc.text.endswith(doc.body) else doc.text
