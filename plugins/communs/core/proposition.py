"""An issue « Proposer une définition » turned into a lexicon file, or an explanation, in French, of what is missing.

GitHub writes the answers of an issue form in the issue's body as sections « ### Label », a blank line, the
value (« _No response_ » when left empty). The labels are read from the form itself
(.github/ISSUE_TEMPLATE/proposer-une-definition.yml), so the form can change its wording. The file is then
checked exactly like any file of the repository (models, references, privacy, plain words), and every problem
is said with the form's own label, so that the accompagnateur knows which answer to change in the issue.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import codes, kinds
from .contribution.verification import verifier
from .depot import FORMULAIRES, PROPOSER
from .diagnostics import Diagnostic
from .frontmatter import read_document
from .lexique import Lexique, cle
from .project import Project
from .suggest import closest, fold, slugify

FORMULAIRE = f"{FORMULAIRES}/{PROPOSER}"
SANS_REPONSE = {"_no response_", "_aucune réponse_", "none", "aucun", "aucune"}
_HEADING = re.compile(r"^###\s+(.+?)\s*$")
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
class Resultat:
    """`chemin` and `texte` are set when the file can be written (there may still be warnings)."""

    chemin: str | None = None
    texte: str | None = None
    mot: str = ""
    erreurs: list[str] = field(default_factory=list)
    avertissements: list[str] = field(default_factory=list)


def champs(form_path: Path) -> dict[str, str]:
    """Field id -> label, from the issue form."""
    data: Any = yaml.safe_load(form_path.read_text(encoding="utf-8"))
    return {
        str(element["id"]): str(element["attributes"]["label"])
        for element in data.get("body", [])
        if isinstance(element, dict) and element.get("id") and element.get("type") != "markdown"
    }


def lire(body: str, labels: dict[str, str]) -> dict[str, str]:
    """Field id -> answer (empty when not answered) of an issue body; sections of unknown labels are ignored."""
    by_label = {fold(text): ident for ident, text in labels.items()}
    answers: dict[str, list[str]] = {}
    current: str | None = None
    for line in body.replace("\r\n", "\n").split("\n"):
        heading = _HEADING.match(line)
        if heading:
            current = by_label.get(fold(heading.group(1)))
            if current is not None:
                answers[current] = []
            continue
        if current is not None:
            answers[current].append(line)
    out: dict[str, str] = {}
    for ident, lines in answers.items():
        value = "\n".join(lines).strip()
        out[ident] = "" if value.lower() in SANS_REPONSE else value
    return out


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _unquote(text: str) -> str:
    text = text.strip()
    for opening, closing in (("«", "»"), ('"', '"'), ("“", "”")):
        if text.startswith(opening) and text.endswith(closing) and len(text) > 1:
            return text[len(opening) : -len(closing)].strip()
    return text


def _from_vocabulary(project: Project, name: str, answer: str) -> str | None:
    values = project.vocabularies.get(name, {})
    for slug, text in values.items():
        if fold(answer) in (fold(slug), fold(text)):
            return slug
    return None


def _centre(project: Project, answer: str) -> tuple[str | None, str | None]:
    """(slug, None) for a known centre, written by its name, another name or its file name; else (None, suggestion)."""
    names: dict[str, str] = {}
    for item in project.of_kind(kinds.CENTRE.name):
        for name in (item.title, *item.aliases, item.slug):
            names.setdefault(fold(name), item.slug)
    key = fold(answer)
    if key in names:
        return names[key], None
    titles = {item.title: item.slug for item in project.of_kind(kinds.CENTRE.name)}
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
    groupe = _one_line(answers.get("groupe", ""))
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
    people: list[dict[str, Any]] = [{"prenom": _one_line(p), **common} for p in prenoms]
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


def proposer(body: str, project: Project, form_path: Path | None = None) -> Resultat:
    """The lexicon file an issue body describes, checked against `project` (the repository as it is)."""
    form_path = form_path or project.root / FORMULAIRE
    if not form_path.is_file():
        return Resultat(erreurs=[f"Le formulaire {FORMULAIRE} est introuvable : impossible de lire l'issue."])
    labels = champs(form_path)
    answers = lire(body, labels)
    lecture = _Lecture(labels)
    if not answers:
        lecture.erreurs.append(
            "Ce texte ne ressemble pas à une issue « Proposer une définition » : aucune rubrique « ### … » du "
            "formulaire n'y figure. Copiez le texte complet de l'issue."
        )
        return Resultat(erreurs=lecture.erreurs)
    mot = _one_line(answers.get("mot", ""))
    definition = _one_line(answers.get("definition", ""))
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
        return Resultat(mot=mot, erreurs=lecture.erreurs)
    data: dict[str, Any] = {"terme": mot}
    variantes = [v for v in (_one_line(x) for x in _SEPARATORS.split(answers.get("variantes", ""))) if v]
    variantes = [v for v in dict.fromkeys(variantes) if cle(v) != cle(mot)]
    if variantes:
        data["variantes"] = variantes
    if categorie:
        data["categorie"] = categorie
    if definition:
        data["definition"] = _unquote(definition)
    for ident in ("exemple", "mot_d_enfant"):
        value = _unquote(_one_line(answers.get(ident, "")))
        if value:
            data[ident] = value
    if people:
        data["contributeurs"] = people
    data["statut"] = "publie"
    text = _yaml(data)
    path = f"{kinds.TERME.folder}/{slug}.md"
    return _checked(project, path, text, lecture, people, mot)


def _checked(project: Project, path: str, text: str, lecture: _Lecture, people: list[dict[str, Any]], mot: str) -> Resultat:
    """Check the new file with every check of the repository; keep the problems of this file only, said with the
    form's labels, after those of the answers themselves (and without repeating them)."""
    doc, mine = verifier(project, kinds.TERME, path, text)
    result = Resultat(mot=mot, erreurs=list(lecture.erreurs))
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
    path = root / kinds.DEMANDES
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    doc = read_document(text.encode("utf-8"), kinds.DEMANDES, front_matter=False)
    if not isinstance(doc.data, list):
        return None
    lines = text.split("\n")
    starts = [doc.lines[(i,)] for i in range(len(doc.data)) if (i,) in doc.lines]
    for index, entry in enumerate(doc.data):
        if not (isinstance(entry, dict) and cle(str(entry.get("mot", ""))) == cle(mot)):
            continue
        first = starts[index]
        last = starts[index + 1] - 1 if index + 1 < len(starts) else len(lines)
        while last > first and (not lines[last - 1].strip() or lines[last - 1].lstrip().startswith("#")):
            last -= 1
        removed = "\n".join(lines[first - 1 : last])
        path.write_text("\n".join(lines[: first - 1] + lines[last:]), encoding="utf-8")
        return removed
    return None
