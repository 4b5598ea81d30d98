"""The fields of a genre's model, described once for every contribution tool (scaffold, issue forms, web editor).

Each field says its French label, its help (the model's description), whether it is required, and what it holds:
text, a whole number, yes/no, a date, a value of a controlled vocabulary, a reference to other items, or a group
of fields. The tools read this description and never copy the modeles.
"""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
from dataclasses import dataclass
from typing import Any

import annotated_types
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from communs.core.modele.modeles import Ref, Vocab

TEXTE, NOMBRE, BOOLEEN, DATE, VOCABULAIRE, REFERENCE, GROUPE = (
    "texte",
    "nombre",
    "booleen",
    "date",
    "vocabulaire",
    "reference",
    "groupe",
)

LONGS = frozenset({"resume", "definition", "exemple", "mot_d_enfant", "note", "accroche"})
"""Text fields written in a few sentences rather than a few words."""

LIBELLES: dict[str, str] = {
    "titre": "Titre",
    "accroche": "Accroche",
    "resume": "Résumé",
    "statut": "Statut",
    "domaines": "Registres d'intervention",
    "themes": "Chantiers de capitalisation",
    "publics": "Publics",
    "porteur": "Porteur",
    "territoire": "Territoire",
    "annees": "Années",
    "essaimage": "Essaimage",
    "centre": "Centre",
    "annee": "Année",
    "note": "Précision",
    "livrables": "Livrables",
    "type": "Type",
    "url": "Adresse web",
    "fichier": "Fichier",
    "liens": "Liens",
    "licence": "Licence",
    "chiffres": "Chiffres",
    "valeur": "Valeur",
    "libelle": "Ce que compte le nombre",
    "source": "Source",
    "sources": "Sources (rapports du réseau)",
    "rapport": "Rapport",
    "page": "Page",
    "lignes": "Lignes",
    "alias": "Autres noms",
    "propose_par": "Proposé par",
    "objectifs": "Objectifs",
    "age_min": "Âge minimum",
    "age_max": "Âge maximum",
    "duree_minutes": "Durée (en minutes)",
    "participants": "Nombre de participants",
    "min": "Minimum",
    "max": "Maximum",
    "niveau": "Niveau",
    "materiel": "Matériel",
    "sans_ecran": "Sans écran",
    "prototype": "Solution utilisée",
    "terme": "Le mot",
    "variantes": "Autres façons de l'écrire",
    "categorie": "Catégorie",
    "definition": "Définition",
    "exemple": "Exemple",
    "mot_d_enfant": "Avec les mots d'un enfant",
    "voir_aussi": "Voir aussi",
    "contributeurs": "Écrit par",
    "prenom": "Prénom (seul)",
    "groupe": "Ou nom du groupe",
    "tranche_age": "Tranche d'âge",
    "mot": "Le mot demandé",
    "demande_par": "Demandé par (centre)",
    "date": "Date",
    "pris_en_charge_par": "Pris en charge par (centre)",
    "periode": "Période",
    "debut": "Début",
    "fin": "Fin",
    "auteurs": "Auteurs",
    "commanditaires": "Commanditaires",
    "territoires": "Territoires",
    "chiffres_cles": "Chiffres clés",
    "preconisations": "Préconisations",
    "prototypes": "Solutions documentées",
    "nom": "Nom",
    "parent": "Territoire parent",
    "departements": "Départements",
    "coordination": "Centre coordinateur",
    "adresse": "Adresse",
    "code_postal": "Code postal",
    "commune": "Commune",
    "telephone": "Téléphone",
    "site": "Site web",
    "gestionnaire": "Gestionnaire",
    "coordonnees": "Coordonnées sur la carte",
    "lat": "Latitude",
    "lon": "Longitude",
    "labellise": "Labellisé",
    "image": "Image",
    "logo": "Logo",
    "alt": "Ce que montre l'image (en mots simples)",
    "legende": "Légende",
    "credit": "Crédit (auteur ou source)",
    "personnes": "On reconnaît des personnes",
    "autorisation": "Autorisation de diffusion signée",
}


@dataclass(frozen=True)
class Champ:
    nom: str
    libelle: str
    aide: str
    obligatoire: bool
    genre: str
    liste: bool = False
    vocabulaire: str = ""
    references: tuple[str, ...] = ()
    mini: float | None = None
    maxi: float | None = None
    entier: bool = True
    champs: tuple[Champ, ...] = ()
    """The fields of a group (genre GROUPE)."""

    @property
    def long(self) -> bool:
        return self.genre == TEXTE and self.nom in LONGS


def libelle(nom: str) -> str:
    return LIBELLES.get(nom, nom.replace("_", " ").capitalize())


@functools.cache
def champs(model: type[BaseModel]) -> tuple[Champ, ...]:
    """Every field of `model`, in the model's order."""
    return tuple(_champ(name, info) for name, info in model.model_fields.items())


def _champ(name: str, info: FieldInfo) -> Champ:
    found = _Found()
    found.read(info.annotation, tuple(info.metadata))
    return Champ(
        nom=name,
        libelle=libelle(name),
        aide=info.description or "",
        obligatoire=info.is_required(),
        genre=found.genre(),
        liste=found.liste,
        vocabulaire=found.vocab,
        references=found.refs,
        mini=found.mini,
        maxi=found.maxi,
        entier=float not in found.bases,
        champs=champs(found.model) if found.model is not None else (),
    )


class _Found:
    """What an annotation holds, once `Optional`, `Annotated` and `list` are looked through."""

    def __init__(self) -> None:
        self.liste = False
        self.vocab = ""
        self.refs: tuple[str, ...] = ()
        self.mini: float | None = None
        self.maxi: float | None = None
        self.model: type[BaseModel] | None = None
        self.bases: set[Any] = set()

    def read(self, annotation: Any, metadata: tuple[Any, ...]) -> None:
        for meta in metadata:
            self._meta(meta)
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if origin is typing.Annotated:
            self.read(args[0], tuple(args[1:]))
        elif origin in (typing.Union, types.UnionType):
            for arg in args:
                if arg is not type(None):
                    self.read(arg, ())
        elif origin is list:
            self.liste = True
            self.read(args[0], ())
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            self.model = annotation
        else:
            self.bases.add(annotation)

    def _meta(self, meta: Any) -> None:
        if isinstance(meta, FieldInfo):
            for inner in meta.metadata:
                self._meta(inner)
        elif isinstance(meta, Vocab):
            self.vocab = meta.name
        elif isinstance(meta, Ref):
            self.refs = meta.genres
        elif isinstance(meta, annotated_types.Ge):
            self.mini = float(typing.cast(Any, meta.ge))
        elif isinstance(meta, annotated_types.Le):
            self.maxi = float(typing.cast(Any, meta.le))

    def genre(self) -> str:
        if self.model is not None:
            return GROUPE
        if self.vocab:
            return VOCABULAIRE
        if self.refs:
            return REFERENCE
        if self.bases == {bool}:
            return BOOLEEN
        if self.bases and self.bases <= {int, float}:
            return NOMBRE
        if self.bases == {dt.date}:
            return DATE
        return TEXTE
