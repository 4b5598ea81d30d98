"""Front-matter fields shown in the body of an item's page: the lead (accroche, résumé) before the text, the figures
and the recommendations after it. Plain data here; `chapeau.html` and `suite.html` render it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from communs.core.modele import modeles
from communs.core.modele.projet import Item, Project
from communs.core.pages.donnees import Fort, Lien, Ligne
from communs.core.urls import Urls, ancre


@dataclass
class Bloc:
    titre: str
    lignes: list[Ligne] = field(default_factory=list)
    numerotee: bool = False

    @property
    def ancre(self) -> str:
        return ancre(self.titre)


def chapeau(item: Item) -> dict[str, Any] | None:
    """The lead, before the body: what the item is, in two or three sentences."""
    accroche, resume = getattr(item.model, "accroche", None), getattr(item.model, "resume", None)
    if not accroche and not resume:
        return None
    return {"accroche": accroche, "resume": resume}


def _source(source: modeles.Source | None, here: str, project: Project, urls: Urls) -> Ligne:
    if source is None:
        return []
    report = project.find("rapport", source.rapport)
    name: Lien | str = Lien(report.title, urls.lien(here, report.src_uri)) if report else source.rapport
    return [" — source : ", name, f", p. {source.page}" if source.page else ""]


def _chiffres(chiffres: list[modeles.Chiffre], here: str, project: Project, urls: Urls) -> list[Ligne]:
    lines: list[Ligne] = []
    for chiffre in chiffres:
        year = f" ({chiffre.annee})" if chiffre.annee else ""
        lines.append([Fort(str(chiffre.valeur)), f" {chiffre.libelle}{year}", *_source(chiffre.source, here, project, urls)])
    return lines


def suite(item: Item, project: Project, urls: Urls) -> list[Bloc]:
    """What comes after the body: figures and recommendations."""
    model, here = item.model, item.src_uri
    blocs: list[Bloc] = []
    if isinstance(model, modeles.Prototype) and model.chiffres:
        blocs.append(Bloc("En chiffres", _chiffres(model.chiffres, here, project, urls)))
    if isinstance(model, modeles.Rapport):
        if model.chiffres_cles:
            blocs.append(Bloc("Chiffres clés", _chiffres(model.chiffres_cles, here, project, urls)))
        if model.preconisations:
            blocs.append(Bloc("Préconisations", [[p] for p in model.preconisations], numerotee=True))
    return blocs
