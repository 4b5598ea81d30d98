"""`communs nouveau <genre> "Titre"`: a new file in the right folder, written from the genre's model.

The required fields come first, each with « À COMPLÉTER » and a comment that says what to write; the optional
fields follow as comments, ready to be uncommented. The body has the genre's expected `##` sections. A centre's
own new sheet or solution says who proposed it (`propose_par`), so it needs no report to pass the check.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from communs.core.contribution.champs_des_modeles import BOOLEEN, GROUPE, NOMBRE, REFERENCE, TEXTE, VOCABULAIRE, Champ, champs
from communs.core.modele import genres, vocabulaires
from communs.core.modele.genres import Genre
from communs.core.modele.projet import Project
from communs.core.modele.suggestions import fold, slugify

A_COMPLETER = "À COMPLÉTER"
GENRES: dict[str, Genre] = {
    "solution": genres.PROTOTYPE,
    "prototype": genres.PROTOTYPE,
    "fiche": genres.FICHE,
    "terme": genres.TERME,
    "mot": genres.TERME,
    "rapport": genres.RAPPORT,
    "territoire": genres.TERRITOIRE,
    "centre": genres.CENTRE,
    "actualite": genres.ACTUALITE,
}
PROPOSES = frozenset({genres.PROTOTYPE.name, genres.FICHE.name})
"""Genres a centre creates itself: they name who proposed them instead of citing a report."""
_VALEURS_PAR_DEFAUT = {"statut": {"terme": "publie", "prototype": "prototype"}}
_REFERENCES = {"centre": "content/centres/", "territoire": "content/territoires/", "prototype": "prototypes/"}


@dataclass
class Nouveau:
    chemin: str = ""
    texte: str = ""
    erreur: str = ""
    a_remplir: list[str] = field(default_factory=list)
    """What is left to fill, one line each: « ligne 5 : resume — … »."""


def creer(project: Project, genre: str, titre: str, *, centre: str = "", annee: int | None = None) -> Nouveau:
    """The new file of genre `genre` titled `titre`, or why it cannot be created."""
    cible = GENRES.get(fold(genre).replace(" ", "-"))
    if cible is None:
        return Nouveau(erreur=f"« {genre} » n'est pas un genre connu. Genres possibles : {', '.join(sorted(GENRES))}.")
    titre = " ".join(titre.split())
    slug = slugify(titre)
    if not slug:
        return Nouveau(erreur="Le titre est vide : écrivez-le entre guillemets, par exemple « Atelier tablette ».")
    path = f"{cible.folder}/{slug}.md"
    taken = project.by_slug().get(slug)
    if taken or (project.root / path).exists():
        other = taken[0].path if taken else path
        return Nouveau(
            erreur=f"Le nom « {slug} » est déjà pris par {other} : deux éléments ne peuvent pas avoir le même nom. "
            "Choisissez un titre plus précis (par exemple avec le nom du centre ou du public)."
        )
    writer = _Ecriture(cible, project.vocabularies, centre, annee or dt.date.today().year)
    text = writer.document(titre)
    todo: list[str] = []
    section = ""
    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith("## "):
            section = line[3:]
        if A_COMPLETER in line and not line.lstrip().startswith("#"):
            what = f"la section « {section} »" if section else f"le champ « {line.split(':')[0].strip()} »"
            todo.append(f"ligne {number} : {what}")
    return Nouveau(chemin=path, texte=text, a_remplir=todo)


class _Ecriture:
    def __init__(self, genre: Genre, vocab: vocabulaires.Vocabularies, centre: str, annee: int) -> None:
        self.genre, self.vocab, self.centre, self.annee = genre, vocab, centre, annee
        self.lines: list[str] = []

    def document(self, titre: str) -> str:
        label = self.genre.label.lower() if self.genre is not genres.TERME else "mot du lexique"
        self.lines = [
            "---",
            f"# Nouvelle page : {label}. Remplacez chaque valeur écrite en capitales par la vraie valeur.",
            "# Les champs facultatifs sont en commentaire : retirez le « # » du début de ligne pour en remplir un.",
            f"# Le modèle commenté : {genres.TEMPLATES_DIR}/{self.genre.template}.",
        ]
        fields = champs(self.genre.model)
        for champ in fields:
            if champ.nom == self.genre.title_field:
                self.lines.append(f"{champ.nom}: {json.dumps(titre, ensure_ascii=False)}")
            elif champ.obligatoire or self._proposition(champ):
                self._field(champ, "", commented=False)
        for champ in fields:
            if not (champ.obligatoire or champ.nom == self.genre.title_field or self._proposition(champ)):
                self._field(champ, "", commented=True)
        self.lines.append("---")
        self.lines.append("")
        for section in self.genre.sections:
            self.lines += [f"## {section}", "", f"{A_COMPLETER} : {_SECTION_HINTS.get(section, 'le texte de cette partie.')}", ""]
        if not self.genre.sections:
            self.lines += [f"{A_COMPLETER} : une description en quelques phrases (ou retirez cette ligne).", ""]
        return "\n".join(self.lines).rstrip() + "\n"

    def _proposition(self, champ: Champ) -> bool:
        return champ.nom == "propose_par" and self.genre.name in PROPOSES

    def _field(self, champ: Champ, indent: str, *, commented: bool) -> None:
        mark = "# " if commented else ""
        help_line = self._help(champ)
        if help_line and not commented:
            self.lines.append(f"{indent}# {help_line}")
        if champ.genre == GROUPE:
            self.lines.append(f"{indent}{mark}{champ.nom}:")
            subs = [sub for sub in champ.champs if sub.obligatoire or commented] or list(champ.champs)
            for position, sub in enumerate(subs):
                prefix = ("- " if position == 0 else "  ") if champ.liste else ""
                note = "" if sub.obligatoire else "  # facultatif"
                value = "…" if commented else self._value(sub)
                self.lines.append(f"{indent}{mark}  {prefix}{sub.nom}: {value}{note}")
            return
        value = "…" if commented else self._value(champ)
        value = f"[{value}]" if champ.liste else value
        suffix = f"  # {help_line}" if commented and help_line else ""
        self.lines.append(f"{indent}{mark}{champ.nom}: {value}{suffix}")

    def _value(self, champ: Champ) -> str:
        if champ.nom == "annee" and champ.genre == NOMBRE:
            return str(self.annee)
        if champ.nom == "ajoute_le":
            return dt.date.today().isoformat()
        if champ.nom == "centre" and self.centre:
            return self.centre
        default = _VALEURS_PAR_DEFAUT.get(champ.nom, {}).get(self.genre.name)
        if default:
            return default
        if champ.genre == BOOLEEN:
            return "non"
        return f'"{A_COMPLETER}"' if champ.genre == TEXTE and not champ.liste else A_COMPLETER

    def _help(self, champ: Champ) -> str:
        parts = ["Obligatoire." if champ.obligatoire or self._proposition(champ) else "Facultatif."]
        if champ.aide:
            parts.append(champ.aide)
        if champ.genre == VOCABULAIRE:
            parts.append("Valeurs : " + ", ".join(self.vocab.get(champ.vocabulaire, {})) + ".")
        elif champ.genre == REFERENCE:
            places = " ou ".join(_REFERENCES.get(k, f"les {k}s") for k in champ.references)
            parts.append(f"Nom de fichier (sans .md) dans {places}.")
        elif champ.genre == NOMBRE:
            parts.append("Un nombre, sans guillemets.")
        return " ".join(parts)


_SECTION_HINTS = {
    "Déroulé": "les étapes dans l'ordre, en liste numérotée (« 1. », « 2. »…), une action par étape.",
    "Variantes": "d'autres façons de mener l'activité, en liste à puces.",
    "Conseils": "ce qu'il faut savoir avant de se lancer, en liste à puces.",
    "Besoin": "le besoin des habitants ou du centre auquel la solution répond.",
    "Présentation": "ce qu'est la solution, en quelques phrases.",
    "À quoi ça sert ?": "ce que la solution change pour ceux qui l'utilisent.",
    "Animation de la solution": "comment on la fait vivre : qui anime, avec quel matériel, combien de temps.",
    "Améliorations": "ce qui reste à améliorer, ce que vous feriez autrement.",
}


def ecrire(project: Project, nouveau: Nouveau) -> Path:
    target = project.root / nouveau.chemin
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as handle:
        handle.write(nouveau.texte)
    return target
