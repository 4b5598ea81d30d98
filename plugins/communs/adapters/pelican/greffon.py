"""Pelican plugin `communs`: wires the core's façade (`communs.core.site.Site`) into Pelican's signals. No decision
about content is taken here: the façade answers, the reader and the generator only map its answers to Pelican."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pelican import signals

from communs.adapters.pelican.erreurs import ContenuInvalide, log
from communs.adapters.pelican.generateur import GenerateurCommuns
from communs.adapters.pelican.lecteur import LecteurCommuns
from communs.core.contribution.depot import Depot
from communs.core.modele import genres
from communs.core.site import Reglages, Site, avant_construction, sans_ramassage
from communs.core.urls import Urls


def demarrer(pelican: Any) -> None:
    """Build the façade for this run (each run of an instance reads the content again), log every diagnostic, and stop
    a strict build that has any."""
    settings = pelican.settings
    racine = Path(settings["COMMUNS_RACINE"])
    if liens := avant_construction(racine, racine / genres.CONTENT_DIR):
        for diagnostic in liens:
            log.error(diagnostic.human())
        raise ContenuInvalide("Le contenu contient un lien symbolique : la construction s'arrête sans le suivre.")
    urls = Urls(repertoires=settings.get("COMMUNS_REPERTOIRES", True))
    vocab = settings.get("COMMUNS_VOCABULAIRES")
    site = Site(
        racine,
        urls,
        Reglages(
            vocabulaires=Path(vocab) if vocab else None,
            glossaire=settings.get("COMMUNS_GLOSSAIRE", True),
            glossaire_exclus=tuple(settings.get("COMMUNS_GLOSSAIRE_EXCLUS", ())),
            site_url=settings.get("COMMUNS_SITE_URL"),
            depot=Depot.depuis(settings.get("COMMUNS_DEPOT"), settings.get("COMMUNS_EDIT_URI")),
            gabarits=Path(settings["THEME"]) / "communs",
            editeur=settings.get("COMMUNS_EDITEUR", False),
            editeur_auth=settings.get("COMMUNS_EDITEUR_AUTH"),
        ),
    )
    for diagnostic in site.diagnostics:
        (log.error if diagnostic.is_error else log.warning)(diagnostic.human())
    editeur = site.editeur()
    if editeur is not None and editeur.manque:
        log.error(editeur.manque)
    strict = settings.get("COMMUNS_STRICT", False)
    if any(d.is_error or strict for d in site.diagnostics) or (editeur is not None and editeur.manque):
        count = len(site.diagnostics)
        raise ContenuInvalide(f"{count} problème(s) dans le contenu, ou l'éditeur web manque : construction arrêtée.")
    settings["COMMUNS_URLS"] = urls
    settings["COMMUNS_SITE"] = site
    settings["COMMUNS_EDITEUR_FICHIERS"] = editeur
    settings["COMMUNS_DOCUMENTS"] = {doc.path: doc for doc in [item.doc for item in site.projet.items] + site.projet.pages}
    settings["COMMUNS_CIBLES"] = frozenset(
        [*(site.projet.site_uri(item.path) for item in site.projet.items), *site.plan.generees]
        + [site.projet.site_uri(doc.path) for doc in site.projet.pages]
        + sorted(site.projet.assets)
    )


def lecteurs(readers: Any) -> None:
    for extension in LecteurCommuns.file_extensions:
        readers.reader_classes[extension] = LecteurCommuns


def generateurs(pelican: Any) -> type[GenerateurCommuns]:
    """Pelican asks for the generators at the start of every run: the façade is built then, without Python's cycle
    collector: what it builds lives for the whole build and holds almost no cycle, and the collector's walks over that
    growing heap were a tenth of its time. Then it is frozen (never walked again, nor written by the collector in a
    forked process that shares its memory) until the build ends (`construire.construire`)."""
    with sans_ramassage():
        demarrer(pelican)
    return GenerateurCommuns


def register() -> None:
    signals.readers_init.connect(lecteurs)
    signals.get_generators.connect(generateurs)
