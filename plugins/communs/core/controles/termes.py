"""The lexicon as a whole: one name designates one term, the generated pages keep their names, and a requested
word leaves demandes.yml once it has its page."""

from __future__ import annotations

from communs.core.domaine.lexique import RESERVES, Lexique, cle_de_mot, terme
from communs.core.modele import codes, genres
from communs.core.modele.diagnostics import Severity
from communs.core.modele.projet import Item, Project


def check(project: Project) -> None:
    lexique = Lexique(project)
    _reserved(project)
    _shared_names(project, lexique)
    _answered_requests(project, lexique)


def _reserved(project: Project) -> None:
    for item in project.of_genre(genres.TERME.name):
        if item.slug in RESERVES and item.slug != "index":
            project.collector.add(
                item.path,
                1,
                codes.NOM_FICHIER,
                f"« {item.slug} » est le nom d'une page générée du lexique (lexique/{item.slug}/).",
                f"Renommez le fichier, par exemple « {item.slug}-mot.md » ou d'après le mot lui-même.",
            )


def _shared_names(project: Project, lexique: Lexique) -> None:
    owners: dict[str, Item] = {}
    for item in lexique.termes:
        model = terme(item)
        for position, name in enumerate((item.title, *model.variantes)):
            key = cle_de_mot(name)
            owner = owners.setdefault(key, item)
            if owner is item:
                continue
            line = item.doc.line_of(("terme",) if position == 0 else ("variantes", position - 1))
            project.collector.add(
                item.path,
                line,
                codes.NOM_DE_TERME_PARTAGE,
                f"« {name} » désigne déjà le terme « {owner.title} » ({owner.path}) : le glossaire ne saurait pas "
                "vers lequel mener.",
                "Gardez ce nom dans un seul des deux fichiers, et reliez les deux termes par « voir_aussi ».",
                Severity.AVERTISSEMENT,
            )


def _answered_requests(project: Project, lexique: Lexique) -> None:
    doc = project.demandes_doc
    if doc is None:
        return
    for demande in lexique.demandes():
        found = lexique.trouver(demande.modele.mot)
        if found is None:
            continue
        project.collector.add(
            doc.path,
            doc.line_of((demande.position, "mot")),
            codes.DEMANDE_DEJA_DEFINIE,
            f"Le mot demandé « {demande.modele.mot} » a déjà sa page : {found.path}.",
            "Retirez cette demande de la liste (de « - mot: » jusqu'à la demande suivante).",
            Severity.AVERTISSEMENT,
        )
