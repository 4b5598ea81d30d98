"""Typed models of the front-matter of each genre of content, with French field names.

Every model forbids unknown fields. Fields drawn from a controlled vocabulary carry a `Vocab`
marker, fields naming another item carry a `Ref` marker: the checks and the JSON Schemas read them.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from communs.core.modele.champs import (
    SLUG_PATTERN as SLUG_PATTERN,
)
from communs.core.modele.champs import (
    AjouteLe,
    Annee,
    Booleen,
    CentreRef,
    Domaine,
    Horaire,
    Image,
    Licence,
    PorteurRef,
    PrototypeRef,
    Public,
    TermeRef,
    TerritoireRef,
    Texte,
    Theme,
    Url,
    as_text,
)
from communs.core.modele.champs import (
    Chiffre as Chiffre,
)
from communs.core.modele.champs import (
    Essaimage as Essaimage,
)
from communs.core.modele.champs import (
    Lien as Lien,
)
from communs.core.modele.champs import (
    Livrable as Livrable,
)
from communs.core.modele.champs import (
    Ref as Ref,
)
from communs.core.modele.champs import (
    Source as Source,
)
from communs.core.modele.champs import (
    Strict as Strict,
)
from communs.core.modele.champs import (
    Vocab as Vocab,
)

STATUTS_CITES = frozenset({"deploye", "essaime"})
"""Statuses that claim lasting use or take-up: content drawn from the reports cites the sentence that shows it."""


class Proposition(Strict):
    """Who proposed a centre's own new sheet or solution: the centre and the year, never a person."""

    centre: CentreRef = Field(description="Le centre qui propose la fiche ou la solution.")
    annee: Annee = Field(description="L'année de la proposition.")


_ORIGINE = ConfigDict(json_schema_extra={"anyOf": [{"required": ["sources"]}, {"required": ["propose_par"]}]})
"""In the JSON Schema too: a report cited, or who proposed it."""


def _cite_or_proposed(sources: list[Source], propose_par: Proposition | None) -> None:
    """Content drawn from the network's reports cites them; a centre's own new content names who proposed it."""
    if not sources and propose_par is None:
        raise PydanticCustomError(
            "source_ou_proposition",
            "ni « sources » (le rapport d'où elle vient) ni « propose_par » (le centre qui la propose et l'année)",
            {},
        )


class Prototype(Strict):
    """Une solution inventée par un centre (un « prototype »)."""

    model_config = _ORIGINE

    titre: Texte = Field(description="Le nom de la solution.")
    ajoute_le: AjouteLe
    accroche: Texte | None = Field(None, description="Une ligne qui dit à quoi sert la solution.")
    resume: Texte = Field(description="Deux ou trois phrases pour décider si la solution vous concerne.")
    statut: Annotated[str, Vocab("statuts")] = Field(description="Où en est la solution.")
    statut_source: Source | None = Field(None, description="Le rapport qui montre où en est la solution.")
    domaines: Annotated[list[Domaine], Field(min_length=1)] = Field(description="Registres d'intervention.")
    themes: list[Theme] = Field(default_factory=list, description="Chantiers de capitalisation.")
    publics: list[Public] = Field(default_factory=list, description="Les publics visés.")
    porteur: PorteurRef | None = Field(None, description="Le centre ou le territoire qui l'a développée.")
    territoire: TerritoireRef | None = Field(None, description="Le territoire où elle est née.")
    annees: list[Annee] = Field(default_factory=list, description="Les années où elle a été développée ou animée.")
    essaimage: list[Essaimage] = Field(default_factory=list, description="Les centres qui l'ont reprise.")
    livrables: list[Livrable] = Field(default_factory=list)
    liens: list[Lien] = Field(default_factory=list)
    licence: Licence | None = Field(None, description="Identifiant SPDX de la licence, si elle est connue.")
    chiffres: list[Chiffre] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list, description="Les rapports du réseau d'où vient la solution.")
    propose_par: Proposition | None = Field(
        None, description="Pour une solution nouvelle d'un centre : le centre qui la propose et l'année."
    )
    alias: list[Texte] = Field(default_factory=list, description="Les autres noms de la solution.")
    image: Image | None = Field(None, description="Une image qui illustre l'élément (facultatif).")

    @model_validator(mode="after")
    def _origin(self) -> Prototype:
        _cite_or_proposed(self.sources, self.propose_par)
        if self.statut in STATUTS_CITES and self.statut_source is None and self.propose_par is None:
            raise PydanticCustomError(
                "statut_sans_source", "le statut « {statut} » ne cite pas le rapport qui le montre", {"statut": self.statut}
            )
        return self


class Participants(Strict):
    min: Annotated[int, Field(ge=1)] | None = None
    max: Annotated[int, Field(ge=1)] | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Participants:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise PydanticCustomError("incoherence", "le minimum de participants dépasse le maximum", {"champ": "max"})
        return self


class Fiche(Strict):
    """Une fiche d'activité qu'un animateur peut reprendre."""

    model_config = _ORIGINE

    titre: Texte
    ajoute_le: AjouteLe
    resume: Texte
    objectifs: list[Texte] = Field(default_factory=list)
    publics: list[Public] = Field(default_factory=list)
    age_min: Annotated[int, Field(ge=0, le=120)] | None = Field(None, description="Âge minimum, en années.")
    age_max: Annotated[int, Field(ge=0, le=120)] | None = Field(None, description="Âge maximum, en années.")
    duree_minutes: Annotated[int, Field(ge=5, le=8 * 60)] = Field(
        description="Durée prévue en minutes (un repère pour préparer l'activité : 60 pour une heure environ)."
    )
    participants: Participants = Field(description="Taille du groupe conseillée : {min: 4, max: 10}.")
    niveau: Annotated[str, Vocab("niveaux")] | None = None
    materiel: Annotated[list[Annotated[str, Vocab("materiel")]], Field(min_length=1)] = Field(
        description="Le matériel, dans la liste courte du vocabulaire « materiel »."
    )
    materiel_detail: list[Texte] = Field(default_factory=list, description="Le détail du matériel, en clair.")
    sans_ecran: Booleen | None = Field(None, description="true si l'activité se fait sans écran.")
    domaines: list[Domaine] = Field(default_factory=list)
    prototype: PrototypeRef | None = Field(None, description="La solution que l'activité utilise.")
    porteur: PorteurRef | None = None
    territoire: TerritoireRef | None = None
    licence: Licence | None = None
    sources: list[Source] = Field(default_factory=list, description="Les rapports du réseau d'où vient l'activité.")
    propose_par: Proposition | None = Field(
        None, description="Pour une fiche nouvelle d'un centre : le centre qui la propose et l'année."
    )
    image: Image | None = Field(None, description="Une image qui illustre l'élément (facultatif).")

    @model_validator(mode="after")
    def _ages(self) -> Fiche:
        _cite_or_proposed(self.sources, self.propose_par)
        if not self.publics and self.age_min is None and self.age_max is None:
            raise PydanticCustomError(
                "incoherence", "une fiche donne ses publics ou sa tranche d'âge (age_min, age_max)", {"champ": "publics"}
            )
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            raise PydanticCustomError(
                "incoherence",
                "l'âge minimum ({mini} ans) dépasse l'âge maximum ({maxi} ans)",
                {"champ": "age_max", "mini": self.age_min, "maxi": self.age_max},
            )
        return self


class Contributeur(Strict):
    """Un contributeur du lexique : un prénom OU un groupe, une tranche d'âge, un centre. Jamais plus."""

    prenom: Texte | None = Field(None, description="Le prénom seul, sans nom de famille.")
    groupe: Texte | None = Field(None, description="Ou bien un nom de groupe (« les CM2 du centre »).")
    tranche_age: Annotated[str, Vocab("tranches_age")]
    centre: CentreRef
    annee: Annee | None = None

    @model_validator(mode="after")
    def _one_name(self) -> Contributeur:
        if (self.prenom is None) == (self.groupe is None):
            raise PydanticCustomError(
                "incoherence",
                "un contributeur a soit un prénom, soit un groupe (un seul des deux)",
                {"champ": "prenom"},
            )
        return self


class Terme(Strict):
    """Un mot du lexique « Quand les enfants deviennent profs »."""

    terme: Texte
    ajoute_le: AjouteLe
    variantes: list[Texte] = Field(default_factory=list, description="Autres écritures et synonymes.")
    categorie: Annotated[str, Vocab("categories")]
    definition: Texte = Field(description="En mots simples : 40 mots au plus, des phrases de 20 mots au plus.")
    exemple: Texte | None = None
    mot_d_enfant: Texte | None = Field(None, description="La définition telle qu'un enfant l'a dite.")
    voir_aussi: list[TermeRef] = Field(default_factory=list)
    contributeurs: list[Contributeur] = Field(default_factory=list)
    statut: Annotated[str, Vocab("statuts_termes")]
    sources: list[Source] = Field(default_factory=list)


class Demande(Strict):
    """Un mot demandé, dans content/lexique/demandes.yml."""

    mot: Texte
    demande_par: CentreRef
    date: dt.date
    pris_en_charge_par: CentreRef | None = None


class Periode(Strict):
    debut: Annee
    fin: Annee

    @model_validator(mode="after")
    def _ordered(self) -> Periode:
        if self.debut > self.fin:
            raise PydanticCustomError("incoherence", "la période commence après sa fin", {"champ": "fin"})
        return self


class Rapport(Strict):
    """Un rapport de capitalisation du réseau."""

    titre: Texte
    type: Annotated[str, Vocab("types_rapports")]
    periode: Periode
    date: dt.date | None = None
    auteurs: list[Texte] = Field(default_factory=list)
    commanditaires: list[Texte] = Field(default_factory=list)
    territoires: list[TerritoireRef] = Field(default_factory=list)
    fichier: Texte | None = Field(None, description="Chemin du document dans le dépôt, relatif à ce fichier.")
    url: Url | None = None
    resume: Texte
    chiffres_cles: list[Chiffre] = Field(default_factory=list)
    preconisations: list[Texte] = Field(default_factory=list)
    prototypes: list[PrototypeRef] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    image: Image | None = Field(None, description="Une image qui illustre l'élément (facultatif).")


class Territoire(Strict):
    """Un territoire du réseau : région, département, assemblée territoriale, versant…"""

    nom: Texte
    type: Annotated[str, Vocab("types_territoires")]
    parent: TerritoireRef | None = Field(None, description="Le territoire qui le contient (absent pour la région).")
    alias: list[Texte] = Field(default_factory=list)
    departements: list[Annotated[str, BeforeValidator(as_text), Field(pattern=r"^\d{2}$")]] = Field(default_factory=list)
    coordination: CentreRef | None = Field(None, description="Le centre qui porte la coordination.")
    sources: list[Source] = Field(default_factory=list)

    @model_validator(mode="after")
    def _parent(self) -> Territoire:
        if self.parent is None and self.type != "region":
            raise PydanticCustomError("incoherence", "seule une région n'a pas de territoire parent", {"champ": "parent"})
        return self


class Coordonnees(Strict):
    lat: Annotated[float, Field(ge=41, le=52)]
    lon: Annotated[float, Field(ge=-6, le=10)]


class Centre(Strict):
    """Un centre social ou une structure du réseau."""

    nom: Texte
    type: Annotated[str, Vocab("types_centres")]
    adresse: Texte | None = None
    code_postal: Annotated[str, BeforeValidator(as_text), Field(pattern=r"^\d{5}$")] | None = None
    commune: Texte
    telephone: Annotated[str, Field(pattern=r"^0[1-9]( \d\d){4}$")] | None = Field(
        None, description="Numéro public de la structure, au format « 03 20 00 00 00 »."
    )
    site: Url | None = None
    territoire: TerritoireRef
    gestionnaire: Texte | None = Field(None, description="L'association gestionnaire.")
    coordonnees: Coordonnees | None = None
    labellise: Booleen | None = None
    horaires: list[Horaire] = Field(default_factory=list, description="Les heures d'ouverture au public.")
    logo: Image | None = None
    image: Image | None = Field(None, description="Une image qui illustre l'élément (facultatif).")
    alias: list[Texte] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)


class Actualite(Strict):
    """Une actualité d'un centre, publiée sur son site et sur sa page du commun."""

    titre: Texte
    date: dt.date = Field(description="Date de l'actualité, au format AAAA-MM-JJ.")
    centre: CentreRef
    image: Image | None = Field(None, description="Une image de l'actualité (facultatif).")
