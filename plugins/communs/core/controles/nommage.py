"""File names are slugs (lower-case ASCII kebab-case) and every slug is unique across genres."""

from __future__ import annotations

import re

from communs.core.modele import codes
from communs.core.modele.modeles import SLUG_PATTERN
from communs.core.modele.projet import Project
from communs.core.modele.suggestions import slugify

_SLUG = re.compile(SLUG_PATTERN)


def check(project: Project) -> None:
    add = project.collector.add
    for item in project.items:
        if not _SLUG.match(item.slug):
            add(
                item.path,
                1,
                codes.NOM_FICHIER,
                f"Le nom de fichier « {item.slug}.md » doit être en minuscules, sans accent ni espace, avec des tirets.",
                f"Renommez-le « {slugify(item.slug) or 'nom-du-fichier'}.md ».",
            )
        if item.slug == "index":
            add(
                item.path,
                1,
                codes.NOM_FICHIER,
                "« index » est réservé à la page de catalogue, générée automatiquement.",
                "Donnez au fichier le nom de l'élément, par exemple « malle-d-alie.md ».",
            )
    for slug, items in project.by_slug().items():
        if len(items) < 2:
            continue
        first = items[0]
        for other in items[1:]:
            add(
                other.path,
                1,
                codes.SLUG_DUPLIQUE,
                f"Le nom « {slug} » est déjà pris par {first.path} : deux éléments ne peuvent pas partager une adresse.",
                f"Renommez ce fichier, par exemple « {slug}-{other.genre.name}.md ».",
            )
    for path, reason in project.stray:
        if reason == "extension":
            add(
                path,
                1,
                codes.NOM_FICHIER,
                "Ce fichier n'est ni une page Markdown (.md) ni une image : il ne serait pas publié.",
                "Renommez-le en .md s'il s'agit d'une page, ou retirez-le.",
            )
        else:
            add(
                path,
                1,
                codes.NOM_FICHIER,
                "Les pages de ce dossier doivent être directement dedans, pas dans un sous-dossier.",
                "Déplacez le fichier d'un niveau vers le haut.",
            )
