"""The one-page site of a centre (« Mon centre social = mon site internet »), as plain data: who it is, where and when
to find it, its news, and what the commons holds about it, every link leading back to the commons.

The text of the centre's file and of its news is Markdown: the caller renders it (the core renders no Markdown) and
hands the HTML to the template `site_centre.html`."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from communs.core.domaine.arbre import Arbre
from communs.core.modele import genres, modeles
from communs.core.modele.champs import Image
from communs.core.modele.projet import Item
from communs.core.modele.vocabulaires import label
from communs.core.pages import centres
from communs.core.pages.donnees import Lien, Ligne
from communs.core.rendu import carte as cartes
from communs.core.urls import Urls, ancre


@dataclass(frozen=True)
class LiensVersLeCommun(Urls):
    """Links from the centre's site to the pages of the commons: to its published address when known, else to the
    source file in the repository (readable there too); without either, no link (the text stays)."""

    commun: str | None = None
    depot: str | None = None
    branche: str = "main"

    def lien(self, de: str, vers: str, ancre: str = "") -> str:
        suffix = f"#{ancre}" if ancre else ""
        if self.commun:
            return self.commun.rstrip("/") + "/" + self.page(vers) + suffix
        if self.depot:
            folder = vers.split("/", 1)[0]
            path = vers if folder in genres.EXTERNAL_FOLDERS else f"{genres.CONTENT_DIR}/{vers}"
            return f"{self.depot.rstrip('/')}/blob/{self.branche}/{path}"
        return ""


@dataclass
class Nouvelle:
    item: Item
    titre: str
    date: str
    """ISO date (the `datetime` attribute, the feed)."""
    date_texte: str
    ancre: str
    identifiant: str
    """A stable identifier of the news item for the Atom feed (never the build's clock)."""
    image: Image | None


def nouvelles(arbre: Arbre, centre: Item) -> list[Nouvelle]:
    out = []
    for item in centres.nouvelles(arbre.project, centre):
        model = item.model
        assert isinstance(model, modeles.Actualite)
        ident = "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"communs-csc:actualite:{item.slug}"))
        out.append(
            Nouvelle(item, item.title, model.date.isoformat(), centres.date_fr(model.date), ancre(item.slug), ident, model.image)
        )
    return out


def accueil(arbre: Arbre, centre: Item, liens: LiensVersLeCommun) -> dict[str, Any]:
    """Everything `site_centre.html` shows but the rendered texts."""
    model = centres.modele_centre(centre)
    here = centre.src_uri
    vocab = arbre.project.vocabularies
    contenu = arbre.contenu_centre(centre)

    def links(items: list[Item]) -> list[Ligne]:
        return [[Lien(i.title, liens.lien(here, i.src_uri))] for i in items]

    listes = [
        {"titre": titre, "ancre": ancre(titre), "lignes": lignes}
        for titre, lignes in (
            ("Les solutions que nous avons portées", links(contenu.nees)),
            ("Les solutions que nous avons reprises", centres.reprises(contenu, here, liens, with_centre=False)),
            ("Nos fiches d'activité", links(contenu.fiches)),
            (
                "Les mots du numérique expliqués par nos enfants",
                centres.contributions(contenu, here, arbre.project, liens, False),
            ),
            ("Les rapports qui parlent de nous", links(contenu.rapports)),
        )
        if lignes
    ]
    carte = None
    if model.coordonnees is not None:
        point = cartes.Point(
            model.coordonnees.lat,
            model.coordonnees.lon,
            f"{centre.title} ({model.commune})",
            liens.lien("", here) or "#nous-trouver",  # the centre's page in the commons, else its own address
            model.commune,
        )
        drawn = cartes.carte([point], f"Carte : {centre.title} à {model.commune}", "carte-centre")
        if drawn is not None:
            carte = {"carte": drawn, "legende": f"{model.commune}. {cartes.credit()}.", "fond": drawn.fond}
    territoire = arbre.territoires.get(model.territoire)
    return {
        "nom": centre.title,
        "type": label(vocab, "types_centres", model.type),
        "commune": model.commune,
        "adresse": model.adresse,
        "code_postal": model.code_postal,
        "telephone": centres.telephone(model.telephone) if model.telephone else None,
        "site": Lien(centres.court(model.site), model.site) if model.site else None,
        "horaires": model.horaires,
        "logo": model.logo,
        "territoire": Lien(territoire.title, liens.lien(here, territoire.src_uri)) if territoire else None,
        "carte": carte,
        "listes": listes,
        "commun": Lien("Le commun des Centres Sociaux Connectés", liens.lien(here, "index.md")),
        "page_du_commun": Lien(f"{centre.title} dans le commun", liens.lien(here, here)),
    }
