"""An issue « Proposer une définition » turned into a lexicon file, or an explanation, in French, of what is missing.

GitHub writes the answers of an issue form in the issue's body as sections « ### Label », a blank line, the
value (« _No response_ » when left empty). The labels are read from the form itself
(.github/ISSUE_TEMPLATE/proposer-une-definition.yml), so the form can change its wording. The file is then
checked exactly like any file of the repository (models, references, privacy, plain words), and every problem
is said with the form's own label, so that the accompagnateur knows which answer to change in the issue.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from communs.core.contribution.controle_fichier import verifier
from communs.core.contribution.depot import FORMULAIRES, PROPOSER
from communs.core.contribution.reponses import champs as champs
from communs.core.contribution.reponses import lire as lire
from communs.core.contribution.reponses import one_line, unquote
from communs.core.domaine.lexique import Lexique, cle_de_mot
from communs.core.modele import codes, genres
from communs.core.modele.diagnostics import Diagnostic
from communs.core.modele.frontmatter import read_document
from communs.core.modele.projet import Project
from communs.core.modele.suggestions import closest, fold, slugify

FORMULAIRE = f"{FORMULAIRES}/{PROPOSER}"
_CHECKED = re.compile(r"^\s*[-*]\s*\[[xX]\]")
_SEPARATORS = re.compile(r"\s*(?:,|;|\s(?:et|&)\s)\s*", re.IGNORECASE)
_PUBLIC = "L'issue est publique : modifiez-la pour effacer cette information, même si le fichier n'est pas créé."
_CHAMPS_DU_FICHIER = {
    "terme": "mot",
    "variantes": "variantes",
    "categorie": "categorie",
    "definition": "definition",
    "exemple": "exemple",
    "mot_d_enfant": "mot_d_enfant",
}


@dataclass
class Traitement:
    """`chemin` and `texte` are set when the file can be written (there may still be warnings)."""

    chemin: str | None = None
    texte: str | None = None
    mot: str = ""
    erreurs: list[str] = field(default_factory=list)
    avertissements: list[str] = field(default_factory=list)


def _from_vocabulary(project: Project, name: str, answer: str) -> str | None:
    values = project.vocabularies.get(name, {})
    for slug, text in values.items():
        if fold(answer) in (fold(slug), fold(text)):
            return slug
    return None


def _centre(project: Project, answer: str) -> tuple[str | None, str | None]:
    """(slug, None) for a known centre, written by its name, another name or its file name; else (None, suggestion)."""
    names: dict[str, str] = {}
    for item in project.of_genre(genres.CENTRE.name):
        for name in (item.title, *item.aliases, item.slug):
            names.setdefault(fold(name), item.slug)
    key = fold(answer)
    if key in names:
        return names[key], None
    titles = {item.title: item.slug for item in project.of_genre(genres.CENTRE.name)}
    return None, closest(answer, list(titles), cutoff=0.5)


class _Lecture:
    """Collects the answers' problems, said with the form's labels."""

    def __init__(self, labels: dict[str, str]) -> None:
        self.labels = labels
        self.erreurs: list[str] = []
        self.champs: set[str] = set()
        """The answers already said to be wrong: the checks of the file do not repeat them."""

    def nom(self, ident: str) -> str:
        return f"« {self.labels.get(ident, ident)} »"

    def erreur(self, ident: str, text: str) -> None:
        self.erreurs.append(text)
        self.champs.add(ident)

    def manque(self, ident: str, why: str = "") -> None:
        self.erreur(ident, f"La réponse {self.nom(ident)} manque{why}.")


def _contributeurs(project: Project, answers: dict[str, str], lecture: _Lecture) -> list[dict[str, Any]]:
    prenoms = [p for p in _SEPARATORS.split(answers.get("prenoms", "")) if p.strip()]
    groupe = one_line(answers.get("groupe", ""))
    if not prenoms and not groupe:
        return []
    common: dict[str, Any] = {}
    age = answers.get("tranche_age", "")
    if not age:
        lecture.manque("tranche_age", " : elle est nécessaire dès que l'on donne des prénoms ou un groupe")
    else:
        slug = _from_vocabulary(project, "tranches_age", age)
        if slug is None:
            choices = ", ".join(project.vocabularies.get("tranches_age", {}).values())
            lecture.erreur("tranche_age", f"{lecture.nom('tranche_age')} : « {age} » n'est pas une tranche d'âge ({choices}).")
        common["tranche_age"] = slug or age
    centre = answers.get("centre", "")
    if centre:
        slug, suggestion = _centre(project, centre)
        if slug is None:
            hint = f" Vouliez-vous dire « {suggestion} » ?" if suggestion else ""
            lecture.erreur(
                "centre",
                f"{lecture.nom('centre')} : « {centre} » n'est pas dans l'annuaire du site (content/centres/).{hint}"
                " Écrivez le nom du centre tel qu'il apparaît sur le site, ou ajoutez d'abord le centre à l'annuaire.",
            )
        common["centre"] = slug or slugify(centre)
    annee = answers.get("annee", "")
    if annee:
        if re.fullmatch(r"\d{4}", annee.strip()):
            common["annee"] = int(annee.strip())
        else:
            lecture.erreur("annee", f"{lecture.nom('annee')} : « {annee} » n'est pas une année (par exemple 2026).")
    people: list[dict[str, Any]] = [{"prenom": one_line(p), **common} for p in prenoms]
    if groupe:
        people.append({"groupe": groupe, **common})
    return people


def _yaml(data: dict[str, Any]) -> str:
    """Front-matter in the repository's style: text in double quotes (JSON strings are valid YAML)."""
    lines = ["---"]
    for key, value in data.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{key}:")
            for person in value:
                for position, (sub, subvalue) in enumerate(person.items()):
                    prefix = "  - " if position == 0 else "    "
                    lines.append(f"{prefix}{sub}: {_scalar(subvalue, sub)}")
        elif isinstance(value, list):
            lines.append(f"{key}: [{', '.join(json.dumps(v, ensure_ascii=False) for v in value)}]")
        else:
            lines.append(f"{key}: {_scalar(value, key)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def _scalar(value: Any, key: str) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) or key in {"categorie", "statut", "tranche_age", "centre"}:
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _where(doc_lines: dict[tuple[str | int, ...], int], line: int) -> tuple[str | int, ...]:
    """The deepest key path written on `line`."""
    paths = [path for path, number in doc_lines.items() if number == line]
    return max(paths, key=len) if paths else ()


def _field_of(path: tuple[str | int, ...], person: dict[str, Any] | None) -> str:
    if not path:
        return ""
    if path[0] == "contributeurs":
        last = str(path[-1]) if len(path) >= 3 else ""
        if last == "prenom" or (not last and person and "prenom" in person):
            return "prenoms"
        return last or "groupe"
    return _CHAMPS_DU_FICHIER.get(str(path[0]), str(path[0]))


def proposer(body: str, project: Project, form_path: Path | None = None, jour: dt.date | None = None) -> Traitement:
    """The lexicon file an issue body describes, checked against `project` (the repository as it is)."""
    form_path = form_path or project.root / FORMULAIRE
    if not form_path.is_file():
        return Traitement(erreurs=[f"Le formulaire {FORMULAIRE} est introuvable : impossible de lire l'issue."])
    labels = champs(form_path)
    answers = lire(body, labels)
    lecture = _Lecture(labels)
    if not answers:
        lecture.erreurs.append(
            "Ce texte ne ressemble pas à une issue « Proposer une définition » : aucune rubrique « ### … » du "
            "formulaire n'y figure. Copiez le texte complet de l'issue."
        )
        return Traitement(erreurs=lecture.erreurs)
    mot = one_line(answers.get("mot", ""))
    definition = one_line(answers.get("definition", ""))
    for ident, value in (("mot", mot), ("definition", definition)):
        if not value:
            lecture.manque(ident)
    categorie = None
    if not answers.get("categorie"):
        lecture.manque("categorie")
    else:
        categorie = _from_vocabulary(project, "categories", answers["categorie"])
        if categorie is None:
            choices = ", ".join(project.vocabularies.get("categories", {}).values())
            lecture.erreur("categorie", f"{lecture.nom('categorie')} : « {answers['categorie']} » n'existe pas ({choices}).")
    if not answers.get("centre"):
        lecture.manque("centre")
    if "protection" in labels and not _CHECKED.search(answers.get("protection", "")):
        lecture.erreur(
            "protection",
            f"La case {lecture.nom('protection')} n'est pas cochée : relisez la proposition, retirez tout nom de "
            "famille, e-mail, téléphone, adresse ou date de naissance, puis cochez la case en modifiant l'issue.",
        )
    people = _contributeurs(project, answers, lecture)
    lexique = Lexique(project)
    existing = lexique.trouver(mot) if mot else None
    slug = slugify(mot)
    if existing is not None:
        lecture.erreur(
            "mot",
            f"Le mot « {mot} » a déjà sa page dans le lexique : {existing.path} (« {existing.title} »). "
            "Pour l'améliorer, modifiez ce fichier plutôt que d'en créer un second.",
        )
    elif slug and project.by_slug().get(slug):
        other = project.by_slug()[slug][0]
        lecture.erreur(
            "mot",
            f"Le nom de fichier « {slug}.md » est déjà pris par {other.path}. Choisissez un autre nom de fichier "
            f"(par exemple « {slug}-mot.md ») en créant la page.",
        )
    if not slug:
        return Traitement(mot=mot, erreurs=lecture.erreurs)
    data: dict[str, Any] = {"terme": mot, "ajoute_le": jour or dt.date.today()}
    variantes = [v for v in (one_line(x) for x in _SEPARATORS.split(answers.get("variantes", ""))) if v]
    variantes = [v for v in dict.fromkeys(variantes) if cle_de_mot(v) != cle_de_mot(mot)]
    if variantes:
        data["variantes"] = variantes
    if categorie:
        data["categorie"] = categorie
    if definition:
        data["definition"] = unquote(definition)
    for ident in ("exemple", "mot_d_enfant"):
        value = unquote(one_line(answers.get(ident, "")))
        if value:
            data[ident] = value
    if people:
        data["contributeurs"] = people
    data["statut"] = "publie"
    text = _yaml(data)
    path = f"{genres.TERME.folder}/{slug}.md"
    return _checked(project, path, text, lecture, people, mot)


def _checked(project: Project, path: str, text: str, lecture: _Lecture, people: list[dict[str, Any]], mot: str) -> Traitement:
    """Check the new file with every check of the repository; keep the problems of this file only, said with the
    form's labels, after those of the answers themselves (and without repeating them)."""
    doc, mine = verifier(project, genres.TERME, path, text)
    result = Traitement(mot=mot, erreurs=list(lecture.erreurs))
    for diagnostic in mine:
        ident, said = _said(diagnostic, doc.lines, lecture.labels, people)
        if ident in lecture.champs or (diagnostic.code == codes.CHAMP_OBLIGATOIRE and lecture.erreurs):
            continue
        (result.erreurs if diagnostic.is_error else result.avertissements).append(said)
    if not result.erreurs:
        result.chemin, result.texte = path, text
    return result


def _said(
    diagnostic: Diagnostic, doc_lines: dict[tuple[str | int, ...], int], labels: dict[str, str], people: list[dict[str, Any]]
) -> tuple[str, str]:
    """(the form's field, the problem said with its label)."""
    path = _where(doc_lines, diagnostic.line)
    person = people[path[1]] if len(path) > 1 and path[0] == "contributeurs" and isinstance(path[1], int) else None
    ident = _field_of(path, person) or "mot"
    where = f"« {labels[ident]} » : " if ident in labels else ""
    text = f"{where}{diagnostic.message} {diagnostic.fix}".strip() + f" ({diagnostic.code})"
    if diagnostic.code.startswith("CSC60"):
        text += " " + _PUBLIC
    return ident, text


def retirer_demande(root: Path, mot: str) -> str | None:
    """Remove the request for `mot` from content/lexique/demandes.yml; the text removed, or None."""
    path = root / genres.DEMANDES
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    doc = read_document(text.encode("utf-8"), genres.DEMANDES, front_matter=False)
    if not isinstance(doc.data, list):
        return None
    lines = text.split("\n")
    starts = [doc.lines[(i,)] for i in range(len(doc.data)) if (i,) in doc.lines]
    for index, entry in enumerate(doc.data):
        if not (isinstance(entry, dict) and cle_de_mot(str(entry.get("mot", ""))) == cle_de_mot(mot)):
            continue
        first = starts[index]
        last = starts[index + 1] - 1 if index + 1 < len(starts) else len(lines)
        while last > first and (not lines[last - 1].strip() or lines[last - 1].lstrip().startswith("#")):
            last -= 1
        removed = "\n".join(lines[first - 1 : last])
        path.write_text("\n".join(lines[: first - 1] + lines[last:]), encoding="utf-8")
        return removed
    return None
