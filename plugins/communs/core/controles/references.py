"""Controlled vocabularies, references between items, territory parents, referenced files."""

from __future__ import annotations

from pathlib import PurePosixPath

from pydantic import BaseModel

from communs.core.controles import partiel
from communs.core.modele import codes, genres
from communs.core.modele import lecture_sure as fichiers
from communs.core.modele.frontmatter import Document
from communs.core.modele.marqueurs import marked_values
from communs.core.modele.modeles import Ref, Vocab
from communs.core.modele.projet import Item, Project
from communs.core.modele.suggestions import closest, fold
from communs.core.modele.validation import field_label

_KIND_WORDS = {
    "prototype": "une solution",
    "fiche": "une fiche d'activité",
    "terme": "un terme du lexique",
    "rapport": "un rapport",
    "territoire": "un territoire",
    "centre": "un centre",
}


def check(project: Project) -> None:
    index = project.by_slug()
    names = _names(project)
    for item in project.items:
        if item.model is not None:
            _check_model(project, item.doc, item.model, index, names)
        elif (partial := partiel.modele_partiel(item.doc.data, item.genre.model)) is not None:
            _check_model(project, item.doc, partial, index, names)  # every error at once
    if project.demandes_doc is not None:
        for position, demande in project.demandes:
            _check_model(project, project.demandes_doc, demande, index, names, prefix=(position,))
    _check_cycles(project)


def check_fichiers(project: Project) -> None:
    """The files the front-matters name, as they are on the disk now (read again at every check: reprise.py)."""
    for item in project.items:
        if item.model is not None:
            _check_files(project, item)


def _names(project: Project) -> dict[str, dict[str, str]]:
    """For each genre, folded title or alias -> slug: to suggest the slug when a name was written."""
    names: dict[str, dict[str, str]] = {}
    for item in project.items:
        table = names.setdefault(item.genre.name, {})
        for name in (item.title, *item.aliases):
            table.setdefault(fold(name), item.slug)
    return names


def _check_model(
    project: Project,
    doc: Document,
    model: BaseModel,
    index: dict[str, list[Item]],
    names: dict[str, dict[str, str]],
    prefix: tuple[int, ...] = (),
) -> None:
    add = project.collector.add
    for path, marker, value in marked_values(model):
        if isinstance(marker, Vocab):
            allowed = project.vocabularies.get(marker.name, {})
            if value not in allowed:
                line, label = doc.line_of((*prefix, *path)), field_label(path)
                match = closest(value, list(allowed) + list(allowed.values()))
                slug = match if match in allowed else next((k for k, v in allowed.items() if v == match), None)
                add(
                    doc.path,
                    line,
                    codes.HORS_VOCABULAIRE,
                    f"« {value} » n'est pas une valeur possible de « {label} ».",
                    f"Vouliez-vous dire « {slug} » ?" if slug else f"Valeurs possibles : {', '.join(allowed)}.",
                )
            continue
        assert isinstance(marker, Ref)
        targets = index.get(value, [])
        if any(t.genre.name in marker.genres for t in targets):
            continue
        line, label = doc.line_of((*prefix, *path)), field_label(path)  # only for a problem: most values are right
        wanted = " ou ".join(_KIND_WORDS[k] for k in marker.genres)
        if targets:
            add(
                doc.path,
                line,
                codes.REFERENCE_MAUVAIS_TYPE,
                f"« {value} » est {_KIND_WORDS[targets[0].genre.name]} ({targets[0].path}), or « {label} » attend {wanted}.",
                "Indiquez le nom de fichier d'un élément du bon type.",
            )
            continue
        candidates = [i.slug for i in project.items if i.genre.name in marker.genres]
        suggestion = next((names.get(k, {}).get(fold(value)) for k in marker.genres if fold(value) in names.get(k, {})), None)
        suggestion = suggestion or closest(value, candidates)
        folders = ", ".join(genres.BY_NAME[k].folder + "/" for k in marker.genres)
        add(
            doc.path,
            line,
            codes.REFERENCE_INCONNUE,
            f"« {label} » nomme « {value} », qui n'existe pas dans {folders}.",
            f"Vouliez-vous dire « {suggestion} » ?"
            if suggestion
            else f"Créez le fichier {value}.md dans {folders} ou corrigez le nom.",
        )


def _check_files(project: Project, item: Item) -> None:
    model = item.model
    declared: list[tuple[tuple[str | int, ...], str]] = []
    fichier = getattr(model, "fichier", None)
    if isinstance(fichier, str):
        declared.append((("fichier",), fichier))
    for position, livrable in enumerate(getattr(model, "livrables", []) or []):
        if livrable.fichier:
            declared.append((("livrables", position, "fichier"), livrable.fichier))
    for path, target in declared:
        if not fichiers.dans_le_depot(project.root, project.root / PurePosixPath(item.path).parent / target):
            project.collector.add(
                item.path,
                item.doc.line_of(path),
                codes.HORS_DEPOT,
                f"Le chemin « {target} » sort du dépôt, entre dans un dossier caché ou passe par un lien symbolique.",
                "Ajoutez le fichier au dépôt, à côté de cette fiche (par exemple documents/…), et écrivez ce chemin.",
            )
            continue
        resolved = (project.root / PurePosixPath(item.path).parent / target).resolve()
        if not resolved.is_file():
            project.collector.add(
                item.path,
                item.doc.line_of(path),
                codes.FICHIER_INTROUVABLE,
                f"Le fichier « {target} » est introuvable.",
                "Vérifiez le chemin, relatif à ce fichier, et que le fichier a bien été ajouté au dépôt.",
            )


def _check_cycles(project: Project) -> None:
    parents = {
        item.slug: (item, getattr(item.model, "parent", None))
        for item in project.of_genre(genres.TERRITOIRE.name)
        if item.model is not None
    }
    reported: set[str] = set()
    for start in parents:
        seen: list[str] = []
        current: str | None = start
        while current in parents and current not in seen:
            seen.append(current)
            current = parents[current][1]
        if current in seen and start == current and start not in reported:
            loop = seen[seen.index(current) :]
            reported.update(loop)
            item = parents[start][0]
            project.collector.add(
                item.path,
                item.doc.line_of(("parent",)),
                codes.PARENT_CIRCULAIRE,
                f"Les territoires parents tournent en rond : {' → '.join([*loop, loop[0]])}.",
                "Un territoire ne peut pas être contenu dans lui-même : corrigez l'un des « parent ».",
            )
