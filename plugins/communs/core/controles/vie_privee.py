"""Contributors to the lexicon are children: never more than a first name or a group, an age band, a centre.

Refused in `prenom` and `groupe`: an e-mail, a phone number, a postal address, a birth date, an exact age,
a surname (« Prénom Nom », an initial, two first names in one block). Refused in the child's own words
(`mot_d_enfant`): an e-mail, a phone number, an address, a birth date.
"""

from __future__ import annotations

import re

from communs.core.modele import codes, genres
from communs.core.modele.modeles import Terme
from communs.core.modele.projet import Project
from communs.core.modele.suggestions import fold

EMAIL_COMPLETE = re.compile(r"[^\s@]+@[^\s@]+\.[a-z]{2,}", re.IGNORECASE)
EMAIL = re.compile(EMAIL_COMPLETE.pattern + "|@", re.IGNORECASE)
"""In a name, even a lone « @ »; in the child's words, only a whole address (« on tape un @ » is fine)."""
PHONE = re.compile(r"(?:\+33|0)\s*[1-9](?:[\s.-]*\d){8}|\d(?:[\s.-]*\d){7,}")
_MONTHS = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
BIRTH_DATE = re.compile(
    r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{1,2}-\d{1,2}\b"
    rf"|\b\d{{1,2}}(?:er)?\s+(?:{_MONTHS})\s+\d{{4}}\b"
    r"|\bn[ée]e?s?\s+(?:le|en)\b|\bnaissance\b",
    re.IGNORECASE,
)
_STREET = (
    r"rue|avenue|av\.|boulevard|bd|impasse|all[ée]e|chemin|route|place|quai|cours|square|r[ée]sidence|lotissement"
    r"|cit[ée]|b[âa]timent|appartement|appt|lieu-dit"
)
ADDRESS = re.compile(
    rf"\b\d{{1,4}}\s*(?:bis|ter)?\s*,?\s+(?:{_STREET})\b"
    r"|\b(?:rue|avenue|boulevard|impasse|all[ée]e|r[ée]sidence|lotissement|b[âa]timent|appartement)\s+(?:de\s|du\s|des\s|d['’]|la\s|le\s|les\s|[A-ZÀ-Ý0-9])"
    r"|\b\d{5}\b",
    re.IGNORECASE,
)
AGE = re.compile(r"(?<![\d\-–])(?<!à )\b\d{1,2}\s*ans\b", re.IGNORECASE)
FULL_NAME = re.compile(r"^[A-ZÀ-Ý][\w'’-]+\s+[A-ZÀ-Ý][\w'’.-]+")
SEVERAL = re.compile(r",|;|\s(?:et|&)\s", re.IGNORECASE)
GROUP_WORDS = frozenset(
    {
        *("les", "la", "le", "l", "groupe", "atelier", "ateliers", "club", "classe", "equipe", "section"),
        *("jeunes", "enfants", "ados", "seniors", "cp", "ce1", "ce2", "cm1", "cm2", "accueil", "centre"),
        *("promo", "promotion", "college", "ecole", "mercredi", "mercredis"),
    }
)
"""First words of a group's name (folded): « Les CM2 du centre », « Atelier du mercredi »."""

Probleme = tuple[str, str, str]
"""(code, message, fix)."""


def _common(value: str, who: str, email: re.Pattern[str] = EMAIL) -> Probleme | None:
    """What must never be published anywhere about a child: e-mail, birth date, phone, address."""
    if email.search(value):
        return (
            codes.CONTRIBUTEUR_EMAIL,
            f"{who} contient une adresse e-mail : elle ne doit jamais être publiée.",
            "Retirez l'adresse ; gardez seulement le prénom ou le nom du groupe.",
        )
    if BIRTH_DATE.search(value):
        return (
            codes.CONTRIBUTEUR_NAISSANCE,
            f"{who} contient une date de naissance : elle ne doit jamais être publiée.",
            "Retirez la date ; indiquez seulement la tranche d'âge dans « tranche_age ».",
        )
    if PHONE.search(value):
        return (
            codes.CONTRIBUTEUR_TELEPHONE,
            f"{who} contient un numéro de téléphone : il ne doit jamais être publié.",
            "Retirez le numéro ; gardez seulement le prénom ou le nom du groupe.",
        )
    if ADDRESS.search(value):
        return (
            codes.CONTRIBUTEUR_ADRESSE,
            f"{who} contient une adresse postale : elle ne doit jamais être publiée.",
            "Retirez l'adresse ; le champ « centre » suffit à dire d'où vient la contribution.",
        )
    return None


def probleme(value: str, field: str) -> Probleme | None:
    """The first problem of a contributor's `prenom` or `groupe`, or of the child's words (`mot_d_enfant`)."""
    if field == "mot_d_enfant":
        return _common(value, "La phrase de l'enfant", EMAIL_COMPLETE)
    found = _common(value, "Le prénom ou le groupe d'un contributeur")
    if found:
        return found
    if AGE.search(value):
        return (
            codes.CONTRIBUTEUR_AGE,
            f"« {value} » donne l'âge exact d'un contributeur : seule sa tranche d'âge est publiée.",
            "Retirez l'âge ; indiquez la tranche d'âge dans « tranche_age » (par exemple 9-11-ans).",
        )
    if field == "prenom":
        if SEVERAL.search(value):
            return (
                codes.CONTRIBUTEUR_NOM,
                f"« {value} » nomme plusieurs personnes : un contributeur, c'est un seul prénom.",
                "Écrivez un bloc « - prenom: » par enfant, ou un nom de groupe dans « groupe ».",
            )
        if FULL_NAME.match(value) or len(value.split()) > 1:
            first = value.split()[0]
            return (
                codes.CONTRIBUTEUR_NOM,
                f"« {value} » ressemble à un prénom suivi d'un nom : seul le prénom est publié.",
                f"Écrivez « prenom: {first} », ou un nom de groupe dans « groupe ».",
            )
    if field == "groupe" and _looks_like_a_person(value):
        return (
            codes.CONTRIBUTEUR_NOM,
            f"« {value} » ressemble à un prénom suivi d'un nom de famille, pas à un nom de groupe.",
            "Écrivez un nom de groupe comme « les CM2 du centre », ou le prénom seul dans « prenom ».",
        )
    return None


def _looks_like_a_person(value: str) -> bool:
    """« Inès Martin », « Famille Durand »: two or three capitalised words, none of them a usual group word."""
    words = value.split()
    if not 2 <= len(words) <= 3:
        return False
    if fold(words[0]) in GROUP_WORDS:
        return False
    return all(w[:1].isupper() and w.replace("-", "").replace("'", "").replace("’", "").isalpha() for w in words)


def check(project: Project) -> None:
    add = project.collector.add
    for item in project.of_genre(genres.TERME.name):
        model = item.model
        if not isinstance(model, Terme):
            continue
        for position, person in enumerate(model.contributeurs):
            for field in ("prenom", "groupe"):
                value = getattr(person, field)
                found = probleme(value, field) if value else None
                if found:
                    add(item.path, item.doc.line_of(("contributeurs", position, field)), *found)
        if model.mot_d_enfant:
            found = probleme(model.mot_d_enfant, "mot_d_enfant")
            if found:
                add(item.path, item.doc.line_of(("mot_d_enfant",)), *found)
