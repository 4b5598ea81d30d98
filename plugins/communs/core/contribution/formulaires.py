"""An issue form « Proposer une solution » or « Proposer une fiche d'activité » turned into a checked file.

The form's field ids are the model's field names (`propose_par__centre` for a field of a group) or the slug of
one of the genre's `##` sections. Each answer is read by what the model says its field holds (a vocabulary, a
reference, a number, a list), so a new model field only needs a new question in the form. Every problem is said
with the form's own label, so that the contributor knows which answer to change in the issue.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from communs.core.contribution.champs_des_modeles import BOOLEEN, GROUPE, NOMBRE, REFERENCE, VOCABULAIRE, Champ, champs
from communs.core.contribution.controle_fichier import verifier
from communs.core.contribution.reponses import lire
from communs.core.modele.diagnostics import Diagnostic
from communs.core.modele.genres import Genre
from communs.core.modele.projet import Project
from communs.core.modele.suggestions import closest, fold, slugify

PUBLIC = "L'issue est publique : modifiez-la pour effacer cette information."
_SEPARATEURS = re.compile(r"\s*[,;]\s*")
_PUCE = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_COCHE = re.compile(r"^\s*[-*]\s*\[[xX]\]", re.MULTILINE)
_OUI = {"oui": True, "yes": True, "vrai": True, "non": False, "no": False, "faux": False}


@dataclass(frozen=True)
class Question:
    ident: str
    libelle: str
    genre: str
    obligatoire: bool = False


def questions(form_path: Path) -> dict[str, Question]:
    data: Any = yaml.safe_load(form_path.read_text(encoding="utf-8"))
    out: dict[str, Question] = {}
    for element in data.get("body", []):
        if isinstance(element, dict) and element.get("id") and element.get("type") != "markdown":
            attributes = element.get("attributes") or {}
            required = bool((element.get("validations") or {}).get("required")) or any(
                isinstance(option, dict) and option.get("required") for option in attributes.get("options") or []
            )
            out[str(element["id"])] = Question(str(element["id"]), str(attributes.get("label")), str(element["type"]), required)
    return out


@dataclass
class Fichier:
    """`chemin` and `texte` are set when the file can be written (there may still be warnings)."""

    titre: str = ""
    chemin: str | None = None
    texte: str | None = None
    erreurs: list[str] = field(default_factory=list)
    avertissements: list[str] = field(default_factory=list)


class _Lecture:
    def __init__(self, project: Project, genre: Genre, questions: dict[str, Question]) -> None:
        self.project, self.genre, self.questions = project, genre, questions
        self.erreurs: list[str] = []

    def nom(self, ident: str) -> str:
        question = self.questions.get(ident)
        return f"« {question.libelle} »" if question else f"« {ident} »"

    def erreur(self, ident: str, text: str) -> None:
        self.erreurs.append(f"{self.nom(ident)} : {text}")

    def valeur(self, ident: str, champ: Champ, answer: str) -> Any:
        if champ.liste:
            parts = answer.split("\n") if champ.genre not in (VOCABULAIRE, REFERENCE) else _SEPARATEURS.split(answer)
            values = [self._une(ident, champ, _PUCE.sub("", p).strip()) for p in parts if _PUCE.sub("", p).strip()]
            return [v for v in values if v is not None]
        return self._une(ident, champ, " ".join(answer.split()))

    def _une(self, ident: str, champ: Champ, text: str) -> Any:
        if champ.genre == VOCABULAIRE:
            values = self.project.vocabularies.get(champ.vocabulaire, {})
            for slug, label in values.items():
                if fold(text) in (fold(slug), fold(label)):
                    return slug
            self.erreur(ident, f"« {text} » n'est pas un choix possible ({', '.join(values.values())}).")
            return None
        if champ.genre == REFERENCE:
            return self._reference(ident, champ, text)
        if champ.genre == NOMBRE:
            if re.fullmatch(r"\d+", text):
                return int(text)
            self.erreur(ident, f"« {text} » n'est pas un nombre entier (écrivez seulement les chiffres, par exemple 90).")
            return None
        if champ.genre == BOOLEEN:
            if fold(text) in _OUI:
                return _OUI[fold(text)]
            self.erreur(ident, f"« {text} » : répondez « Oui » ou « Non ».")
            return None
        return text

    def _reference(self, ident: str, champ: Champ, text: str) -> str | None:
        names: dict[str, str] = {}
        titles: list[str] = []
        for kind_name in champ.references:
            for item in self.project.of_genre(kind_name):
                titles.append(item.title)
                for name in (item.title, *item.aliases, item.slug):
                    names.setdefault(fold(name), item.slug)
        if fold(text) in names:
            return names[fold(text)]
        suggestion = closest(text, titles, cutoff=0.5)
        hint = f" Vouliez-vous dire « {suggestion} » ?" if suggestion else ""
        self.erreur(ident, f"« {text} » n'est pas sur le site.{hint} Écrivez le nom tel qu'il apparaît sur le site.")
        return None


def convertir(body: str, project: Project, genre: Genre, form_path: Path, jour: dt.date | None = None) -> Fichier:
    """The file of `genre` an issue body describes, checked against `project` (the repository as it is)."""
    asked = questions(form_path)
    answers = lire(body, {ident: q.libelle for ident, q in asked.items()})
    lecture = _Lecture(project, genre, asked)
    if not answers:
        form = form_path.name
        return Fichier(erreurs=[f"Ce texte ne ressemble pas à une issue du formulaire {form} : copiez le texte complet."])
    for ident, question in asked.items():
        if question.obligatoire and question.genre != "checkboxes" and not answers.get(ident):
            lecture.erreurs.append(f"La réponse {lecture.nom(ident)} manque.")
        if question.genre == "checkboxes" and question.obligatoire and not _COCHE.search(answers.get(ident, "")):
            lecture.erreurs.append(f"La case {lecture.nom(ident)} n'est pas cochée : relisez, puis cochez-la dans l'issue.")
    data: dict[str, Any] = {}
    for champ in champs(genre.model):
        if champ.genre == GROUPE and not champ.liste:
            group = {}
            for sub in champ.champs:
                ident = f"{champ.nom}__{sub.nom}"
                if answers.get(ident):
                    value = lecture.valeur(ident, sub, answers[ident])
                    if value not in (None, []):
                        group[sub.nom] = value
            if group:
                data[champ.nom] = group
        elif answers.get(champ.nom):
            value = lecture.valeur(champ.nom, champ, answers[champ.nom])
            if value not in (None, []):
                data[champ.nom] = value
    if "ajoute_le" in genre.model.model_fields and "ajoute_le" not in data:
        data = {**{k: v for k, v in data.items() if k == genre.title_field}, "ajoute_le": jour or dt.date.today()} | data
    titre = str(data.get(genre.title_field, ""))
    slug = slugify(titre)
    if slug and project.by_slug().get(slug):
        other = project.by_slug()[slug][0]
        lecture.erreurs.append(
            f"Le titre donne le nom de fichier « {slug}.md », déjà pris par {other.path} (« {other.title} ») : "
            "choisissez un titre plus précis, ou modifiez plutôt la page existante."
        )
    if lecture.erreurs or not slug:
        return Fichier(titre=titre, erreurs=lecture.erreurs)
    sections = [
        f"## {section}\n\n{answers[slugify(section)].strip()}\n" for section in genre.sections if answers.get(slugify(section))
    ]
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    text = f"---\n{front}---\n\n" + "\n".join(sections)
    path = f"{genre.folder}/{slug}.md"
    doc, found = verifier(project, genre, path, text)
    result = Fichier(titre=titre)
    for diagnostic in found:
        said = _dit(diagnostic, doc.lines, text, asked)
        (result.erreurs if diagnostic.is_error else result.avertissements).append(said)
    if not result.erreurs:
        result.chemin, result.texte = path, text
    return result


def _dit(diagnostic: Diagnostic, lines: dict[tuple[str | int, ...], int], text: str, asked: dict[str, Question]) -> str:
    """The problem said with the label of the form's question it comes from."""
    paths = [path for path, number in lines.items() if number == diagnostic.line]
    ident = ""
    if paths:
        path = max(paths, key=len)
        ident = "__".join(str(p) for p in path[:2] if isinstance(p, str)) if len(path) > 1 else str(path[0])
        ident = ident if ident in asked else str(path[0])
    else:
        section = ""
        for number, line in enumerate(text.split("\n"), start=1):
            if number > diagnostic.line:
                break
            if line.startswith("## "):
                section = slugify(line[3:])
        ident = section
    where = f"« {asked[ident].libelle} » : " if ident in asked else ""
    said = f"{where}{diagnostic.message} {diagnostic.fix}".strip() + f" ({diagnostic.code})"
    return said + (" " + PUBLIC if diagnostic.code.startswith("CSC60") else "")
