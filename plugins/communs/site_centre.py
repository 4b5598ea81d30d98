"""`communs site-centre SLUG`: the turnkey one-page site of a centre, in its own folder, from the commons' data.

The core gives the page's data and template (core/pages/accueil_centre.py, site_centre/index.html); this module renders
the Markdown texts, copies the pictures, writes the Atom feed of the news (feedgen, dated by the news, never by the
clock) and reports the content's errors as any build does."""

from __future__ import annotations

import datetime as dt
import os
import sys
import uuid
from pathlib import Path
from typing import Any

from markdown import Markdown
from markupsafe import Markup

from communs.core.modele import genres
from communs.core.modele.projet import Item
from communs.core.modele.suggestions import closest
from communs.core.pages.accueil_centre import LiensVersLeCommun, Nouvelle, accueil, nouvelles
from communs.core.rendu import images
from communs.core.site import Site, politique_de_securite
from communs.core.urls import Urls

FLUX = "actualites.xml"


def _markdown(text: str) -> Markup:
    return Markup(Markdown(extensions=["tables", "attr_list", "sane_lists"]).convert(text))


COPIES_HORS_LIGNE = ("hors-ligne-pelican", "hors-ligne")
"""Where `make hors-ligne-pelican` and `make hors-ligne` write the commons' offline copy, at the repository's root."""


def _configuration() -> dict[str, Any]:
    """The commons' published address and repository, from the environment as for the site's build (mkdocs.yml)."""
    return {"site_url": os.environ.get("COMMUNS_SITE_URL") or None, "repo_url": os.environ.get("COMMUNS_DEPOT_URL") or None}


def _liens(racine: Path, sortie: Path, commun: str | None) -> LiensVersLeCommun:
    """Where the links back to the commons lead: the commons' published address (--commun URL, COMMUNS_SITE_URL), a
    built copy of the commons on this computer (--commun FOLDER), the source files in the repository
    (COMMUNS_DEPOT_URL), else the offline copy built at the repository's root; a copy is reached by relative links."""
    config = _configuration()
    if commun and "://" in commun:
        return LiensVersLeCommun(commun=commun)
    if commun and not (Path(commun) / "index.html").is_file():
        print(f"« {commun} » n'est ni une adresse ni un dossier où le commun est construit.", file=sys.stderr)
    if commun and (Path(commun) / "index.html").is_file():
        return _copie(Path(commun), sortie)
    if config["site_url"]:
        return LiensVersLeCommun(commun=config["site_url"])
    if config["repo_url"]:
        return LiensVersLeCommun(depot=config["repo_url"])
    for dossier in (racine / name for name in COPIES_HORS_LIGNE):
        if (dossier / "index.html").is_file():
            return _copie(dossier, sortie)
    print(
        "Les liens vers le commun restent du texte : donnez son adresse (--commun ou COMMUNS_SITE_URL), son dépôt "
        "(COMMUNS_DEPOT_URL), ou construisez sa copie hors ligne (make hors-ligne-pelican).",
        file=sys.stderr,
    )
    return LiensVersLeCommun()


def _copie(dossier: Path, sortie: Path) -> LiensVersLeCommun:
    """Relative links to a built copy of the commons: pages as folders (a site) or as .html files (an offline copy)."""
    relatif = Path(os.path.relpath(dossier.resolve(), sortie.resolve())).as_posix()
    fichiers = any(p.name != "index.html" for p in dossier.glob("*/*.html"))
    return LiensVersLeCommun(repertoires=not fichiers, commun=relatif + "/")


def _copier(source: Path, target: Path) -> None:
    """A picture copied without its metadata (a phone's photo carries where it was taken); a refused one is left out
    (the check says why)."""
    if source.is_file() and not source.is_symlink():
        try:
            data = images.sans_metadonnees(source.read_bytes())
        except (images.ImageRefusee, OSError):
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def _flux(centre: Item, items: list[Nouvelle], textes: dict[str, Markup], adresse: str | None, sortie: Path) -> None:
    from feedgen.feed import FeedGenerator

    base = adresse.rstrip("/") + "/" if adresse else ""

    def jour(iso: str) -> dt.datetime:
        return dt.datetime.combine(dt.date.fromisoformat(iso), dt.time(), tzinfo=dt.UTC)

    feed = FeedGenerator()
    feed.id(
        base + "index.html" if base else "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"communs-csc:centre:{centre.slug}"))
    )
    feed.title(f"Actualités de {centre.title}")
    feed.language("fr")
    feed.author({"name": centre.title})
    feed.link(href=base + "index.html", rel="alternate")
    feed.link(href=base + FLUX, rel="self")
    feed.updated(jour(items[0].date))
    for n in reversed(items):
        entry = feed.add_entry()
        entry.id(n.identifiant)
        entry.title(n.titre)
        entry.link(href=f"{base}index.html#{n.ancre}")
        entry.published(jour(n.date))
        entry.updated(jour(n.date))
        entry.content(str(textes[n.item.slug]), type="html")
    feed.atom_file(str(sortie / FLUX), pretty=True)


def construire(racine: Path, slug: str, sortie: Path, *, commun: str | None = None, adresse: str | None = None) -> int:
    site = Site(racine, Urls())
    errors = [d for d in site.diagnostics if d.is_error]
    for diagnostic in site.diagnostics:
        print(diagnostic.human(), file=sys.stderr)
    if errors:
        print(f"{len(errors)} erreur(s) dans le contenu : le site du centre n'est pas écrit.", file=sys.stderr)
        return 1
    centre = site.arbre.centres.get(slug)
    if centre is None:
        proche = closest(slug, site.arbre.centres)
        hint = f" Vouliez-vous dire « {proche} » ?" if proche else " Les centres sont les fichiers de content/centres/."
        print(f"Le centre « {slug} » n'existe pas dans content/centres/.{hint}", file=sys.stderr)
        return 2
    liens = _liens(racine, sortie, commun)
    donnees = accueil(site.arbre, centre, liens)
    items = nouvelles(site.arbre, centre)
    textes = {n.item.slug: _markdown(n.item.doc.body) for n in items}
    sortie.mkdir(parents=True, exist_ok=True)
    news = []
    for n in items:
        image_src = f"{genres.ACTUALITE.url_prefix}/{n.image.fichier}" if n.image else None
        if n.image and image_src:
            _copier(racine / genres.ACTUALITE.folder / n.image.fichier, sortie / image_src)
        news.append({**n.__dict__, "html": textes[n.item.slug], "image_src": image_src})
    if centre_logo := donnees["logo"]:
        _copier(racine / genres.CENTRE.folder / centre_logo.fichier, sortie / centre_logo.fichier)
    html = site.gabarits.rendre(
        "site_centre/index.html",
        **donnees,
        presentation=_markdown(centre.doc.body),
        nouvelles=news,
        flux=bool(items),
        csp=politique_de_securite(),
    )
    (sortie / "index.html").write_text(html + "\n", encoding="utf-8")
    style, _, _ = site.gabarits.env.loader.get_source(site.gabarits.env, "site_centre/style.css")  # type: ignore[union-attr]
    (sortie / "style.css").write_text(style, encoding="utf-8")
    if donnees["carte"] is not None:  # the map's background, beside the page
        fond = donnees["carte"]["fond"]
        (sortie / fond).parent.mkdir(parents=True, exist_ok=True)
        (sortie / fond).write_text(site.fonds_de_carte()[fond], encoding="utf-8")
    if items:
        _flux(centre, items, textes, adresse, sortie)
    print(f"Site de « {centre.title} » écrit dans {sortie} : ouvrez {sortie / 'index.html'}.", file=sys.stderr)
    return 0
