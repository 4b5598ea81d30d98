"""The items of each genre as a table of open data: one row per item, the columns declared once per genre.

A column drawn from a vocabulary is followed by the French labels of its codes (« domaines_libelles »); a column
naming other items is followed by the addresses of their pages (« porteur_pages »), absolute when the site's address
is known, relative to the site's root otherwise. The lexicon's contributors are left out on purpose: a table is copied,
merged and kept elsewhere, where a child's first name, age band and centre would no longer be protected by anything.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from communs.core.modele import genres
from communs.core.modele.genres import Genre
from communs.core.modele.projet import Item, Project
from communs.core.modele.vocabulaires import label
from communs.core.pages.illustrations import Illustrations
from communs.core.urls import Urls

SEPARATEUR = "|"
"""Between the values of a list in a CSV cell (codes, slugs and years never hold it)."""

Getter = Callable[[Any], Any]


@dataclass(frozen=True)
class Colonne:
    nom: str
    type: str
    """A Table Schema type: string, integer, number, boolean or date."""
    description: str
    valeur: Getter
    liste: bool = False
    vocabulaire: str | None = None
    references: tuple[str, ...] = ()


def _champ(name: str) -> Getter:
    return lambda model: getattr(model, name, None)


def _sous(name: str, sub: str) -> Getter:
    return lambda model: getattr(getattr(model, name, None), sub, None)


def _texte(nom: str, description: str) -> Colonne:
    return Colonne(nom, "string", description, _champ(nom))


def _vocab(nom: str, vocabulaire: str, description: str, liste: bool = False) -> Colonne:
    return Colonne(nom, "string", description, _champ(nom), liste, vocabulaire)


def _ref(nom: str, cibles: tuple[str, ...], description: str, liste: bool = False, valeur: Getter | None = None) -> Colonne:
    return Colonne(nom, "string", description, valeur or _champ(nom), liste, references=cibles)


_SOURCES = _ref(
    "sources", ("rapport",), "Les rapports du réseau d'où vient l'élément.", True, lambda m: [s.rapport for s in m.sources]
)
_PROPOSE = (
    _ref("propose_par", ("centre",), "Le centre qui a proposé l'élément.", valeur=_sous("propose_par", "centre")),
    Colonne("propose_en", "integer", "L'année de la proposition.", _sous("propose_par", "annee")),
)
_LICENCE = _vocab("licence", "licences", "Identifiant SPDX de la licence de la solution ou de la fiche elle-même.")
_PORTEUR = _ref("porteur", ("centre", "territoire"), "Le centre ou le territoire qui la porte.")
_TERRITOIRE = _ref("territoire", ("territoire",), "Le territoire où elle est née.")

COLONNES: dict[str, tuple[Colonne, ...]] = {
    "prototype": (
        _texte("accroche", "Une ligne qui dit à quoi sert la solution."),
        _texte("resume", "Le résumé de la solution."),
        _vocab("statut", "statuts", "Où en est la solution."),
        _vocab("domaines", "domaines", "Registres d'intervention.", True),
        _vocab("themes", "themes", "Chantiers de capitalisation.", True),
        _vocab("publics", "publics", "Les publics visés.", True),
        _PORTEUR,
        _TERRITOIRE,
        Colonne("annees", "string", "Les années où elle a été développée ou animée.", _champ("annees"), True),
        _ref("essaimage", ("centre",), "Les centres qui l'ont reprise.", True, lambda m: [e.centre for e in m.essaimage]),
        _LICENCE,
        _SOURCES,
        *_PROPOSE,
    ),
    "fiche": (
        _texte("resume", "Le résumé de l'activité."),
        _vocab("publics", "publics", "Les publics visés.", True),
        Colonne("age_min", "integer", "Âge minimum, en années.", _champ("age_min")),
        Colonne("age_max", "integer", "Âge maximum, en années.", _champ("age_max")),
        Colonne("duree_minutes", "integer", "Durée, en minutes.", _champ("duree_minutes")),
        Colonne("participants_min", "integer", "Nombre minimum de participants.", _sous("participants", "min")),
        Colonne("participants_max", "integer", "Nombre maximum de participants.", _sous("participants", "max")),
        _vocab("niveau", "niveaux", "Le niveau demandé."),
        Colonne("sans_ecran", "boolean", "Vrai si l'activité se fait sans écran.", _champ("sans_ecran")),
        _vocab("domaines", "domaines", "Registres d'intervention.", True),
        _ref("prototype", ("prototype",), "La solution que l'activité utilise."),
        _PORTEUR,
        _TERRITOIRE,
        _LICENCE,
        _SOURCES,
        *_PROPOSE,
    ),
    "terme": (
        _texte("definition", "La définition, en mots simples."),
        Colonne("variantes", "string", "Autres écritures et synonymes.", _champ("variantes"), True),
        _vocab("categorie", "categories", "La catégorie du mot."),
        _texte("exemple", "Un exemple d'emploi."),
        _texte("mot_d_enfant", "La définition telle qu'un enfant l'a dite."),
        _ref("voir_aussi", ("terme",), "Les mots voisins.", True),
        _vocab("statut", "statuts_termes", "Où en est la définition."),
    ),
    "rapport": (
        _vocab("type", "types_rapports", "La nature du rapport."),
        Colonne("periode_debut", "integer", "Première année couverte.", _sous("periode", "debut")),
        Colonne("periode_fin", "integer", "Dernière année couverte.", _sous("periode", "fin")),
        Colonne("date", "date", "Date de publication.", _champ("date")),
        Colonne("auteurs", "string", "Les auteurs (des structures).", _champ("auteurs"), True),
        Colonne("commanditaires", "string", "Les commanditaires.", _champ("commanditaires"), True),
        _ref("territoires", ("territoire",), "Les territoires concernés.", True),
        _texte("url", "L'adresse du document en ligne."),
        _texte("resume", "Le résumé du rapport."),
        _ref("prototypes", ("prototype",), "Les solutions que le rapport documente.", True),
    ),
    "territoire": (
        _vocab("type", "types_territoires", "La nature du territoire."),
        _ref("parent", ("territoire",), "Le territoire qui le contient."),
        Colonne("departements", "string", "Les numéros de départements.", _champ("departements"), True),
        _ref("coordination", ("centre",), "Le centre qui porte la coordination."),
        Colonne("alias", "string", "Les autres noms du territoire.", _champ("alias"), True),
    ),
    "centre": (
        _vocab("type", "types_centres", "La nature de la structure."),
        _texte("adresse", "L'adresse postale."),
        _texte("code_postal", "Le code postal."),
        _texte("commune", "La commune."),
        _texte("telephone", "Le numéro public de la structure."),
        _texte("site", "Le site web de la structure."),
        _ref("territoire", ("territoire",), "Le territoire du centre."),
        _texte("gestionnaire", "L'association gestionnaire."),
        Colonne("latitude", "number", "Latitude (WGS 84).", _sous("coordonnees", "lat")),
        Colonne("longitude", "number", "Longitude (WGS 84).", _sous("coordonnees", "lon")),
        Colonne("labellise", "boolean", "Vrai si le centre est labellisé.", _champ("labellise")),
    ),
    "actualite": (
        Colonne("date", "date", "Date de l'actualité.", _champ("date")),
        _ref("centre", ("centre",), "Le centre qui publie l'actualité."),
    ),
}

ILLUSTREES = frozenset({"prototype", "fiche", "rapport", "centre", "actualite"})
"""The genres whose items may have a picture (`image`): their tables end with the columns of `IMAGE`."""
IMAGE = (
    ("image", "L'adresse de l'image publiée (la plus grande largeur), si l'élément en a une."),
    ("image_description", "Ce que montre l'image, en mots (son texte de remplacement)."),
    ("image_credit", "L'auteur de l'image ou sa source."),
    ("image_licence", "Identifiant SPDX de la licence de l'image, si elle est connue."),
)

COMMUNES = (
    ("identifiant", "Le nom du fichier, sans extension : il ne change pas."),
    ("titre", "Le titre, le terme ou le nom."),
    ("page", "L'adresse de sa page dans le site."),
)


@dataclass(frozen=True)
class Champ:
    """A column of the published table, as Table Schema describes it."""

    nom: str
    type: str
    description: str
    liste: bool = False


def champs(genre: Genre) -> list[Champ]:
    found = [Champ(nom, "string", description) for nom, description in COMMUNES]
    for col in COLONNES[genre.name]:
        found.append(Champ(col.nom, col.type, col.description, col.liste))
        if col.vocabulaire:
            found.append(Champ(f"{col.nom}_libelles", "string", f"Libellés français de « {col.nom} ».", col.liste))
        if col.references:
            found.append(Champ(f"{col.nom}_pages", "string", f"Adresses des pages de « {col.nom} ».", col.liste))
    if genre.name in ILLUSTREES:
        found += [Champ(nom, "string", description) for nom, description in IMAGE]
    return found


class Tables:
    """Rows of every genre, with addresses computed by the site's URL policy."""

    def __init__(self, project: Project, urls: Urls, site_url: str | None, illustrations: Illustrations | None = None) -> None:
        self.project, self.urls, self.site_url, self.illustrations = project, urls, site_url, illustrations

    def adresse(self, src_uri: str) -> str:
        return self.urls.absolue(self.site_url, src_uri) or self.urls.page(src_uri)

    def _image(self, item: Item) -> dict[str, Any]:
        """The columns of the picture the page shows; empty for a picture the check refused (never published)."""
        found = self.illustrations.de(item) if self.illustrations else None
        if found is None:
            return {nom: None for nom, _ in IMAGE}
        chemin = found.traitee.repli[-1].chemin
        adresse = self.site_url.rstrip("/") + "/" + chemin if self.site_url else chemin
        image = found.image
        return {"image": adresse, "image_description": image.alt, "image_credit": image.credit, "image_licence": image.licence}

    def elements(self, genre: Genre) -> list[Item]:
        found = [item for item in self.project.of_genre(genre.name) if item.doc.readable and item.model is not None]
        return sorted(found, key=lambda item: item.slug)

    def lignes(self, genre: Genre) -> list[dict[str, Any]]:
        """One dictionary per item: lists stay lists, absent values are None."""
        return [self.ligne(item) for item in self.elements(genre)]

    def ligne(self, item: Item) -> dict[str, Any]:
        model = item.model
        assert isinstance(model, BaseModel)
        row: dict[str, Any] = {"identifiant": item.slug, "titre": item.title, "page": self.adresse(item.src_uri)}
        for col in COLONNES[item.genre.name]:
            value = col.valeur(model)
            values = list(value or []) if col.liste else [] if value is None else [value]
            row[col.nom] = values if col.liste else value
            if col.vocabulaire:
                labels = [label(self.project.vocabularies, col.vocabulaire, str(v)) for v in values]
                row[f"{col.nom}_libelles"] = labels if col.liste else (labels[0] if labels else None)
            if col.references:
                addresses = [self._reference(col.references, str(v)) for v in values]
                row[f"{col.nom}_pages"] = addresses if col.liste else (addresses[0] if addresses else None)
        if item.genre.name in ILLUSTREES:
            row.update(self._image(item))
        return row

    def _reference(self, names: tuple[str, ...], slug: str) -> str:
        for name in names:
            target = self.project.find(name, slug)
            if target is not None:
                return self.adresse(target.src_uri)
        return ""


GENRES_PUBLIES = genres.GENRES
