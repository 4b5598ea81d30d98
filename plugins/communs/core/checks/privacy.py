"""Contributors to the lexicon are children: never more than a first name or a group, an age band, a centre."""

from __future__ import annotations

import re

from .. import codes, kinds
from ..models import Terme
from ..project import Project

EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[a-z]{2,}|@", re.IGNORECASE)
PHONE = re.compile(r"(?:\+33|0)\s*[1-9](?:[\s.-]*\d){8}|\d(?:[\s.-]*\d){7,}")
BIRTH_DATE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{1,2}-\d{1,2}\b|\bn[ée]e? le\b", re.IGNORECASE)
FULL_NAME = re.compile(r"^[A-ZÀ-Ý][\w'’-]+\s+[A-ZÀ-Ý][\w'’.-]+")


def check(project: Project) -> None:
    add = project.collector.add
    for item in project.of_kind(kinds.TERME.name):
        if not isinstance(item.model, Terme):
            continue
        for position, person in enumerate(item.model.contributeurs):
            for field in ("prenom", "groupe"):
                value = getattr(person, field)
                if not value:
                    continue
                line = item.doc.line_of(("contributeurs", position, field))
                if EMAIL.search(value):
                    add(
                        item.path,
                        line,
                        codes.CONTRIBUTEUR_EMAIL,
                        "Un contributeur a une adresse e-mail : elle ne doit jamais être publiée.",
                        "Retirez l'adresse ; gardez seulement le prénom ou le nom du groupe.",
                    )
                elif BIRTH_DATE.search(value):
                    add(
                        item.path,
                        line,
                        codes.CONTRIBUTEUR_NAISSANCE,
                        "Un contributeur a une date de naissance : elle ne doit jamais être publiée.",
                        "Retirez la date ; indiquez seulement la tranche d'âge dans « tranche_age ».",
                    )
                elif PHONE.search(value):
                    add(
                        item.path,
                        line,
                        codes.CONTRIBUTEUR_TELEPHONE,
                        "Un contributeur a un numéro de téléphone : il ne doit jamais être publié.",
                        "Retirez le numéro ; gardez seulement le prénom ou le nom du groupe.",
                    )
                elif field == "prenom" and (FULL_NAME.match(value) or len(value.split()) > 1):
                    first = value.split()[0]
                    add(
                        item.path,
                        line,
                        codes.CONTRIBUTEUR_NOM,
                        f"« {value} » ressemble à un prénom suivi d'un nom : seul le prénom est publié.",
                        f"Écrivez « prenom: {first} », ou un nom de groupe dans « groupe ».",
                    )
