"""An issue written with one of the repository's forms, turned into the files of a pull request, or into a comment
that says in French everything to fix. Nothing is written when something is wrong: a child's surname, e-mail,
phone, address or exact age never reaches a branch."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from communs.core.contribution import formulaires, proposition
from communs.core.contribution.depot import DEMANDER, FORMULAIRES, PROPOSER
from communs.core.domaine.lexique import Lexique, cle_de_mot
from communs.core.modele import genres
from communs.core.modele.projet import Project
from communs.core.modele.suggestions import fold

SOLUTION = "proposer-une-solution.yml"
FICHE = "proposer-une-fiche.yml"
GENRES = {SOLUTION: genres.PROTOTYPE, FICHE: genres.FICHE}
NOMS = {
    PROPOSER: "Proposer une définition",
    DEMANDER: "Demander un mot",
    SOLUTION: "Proposer une solution",
    FICHE: "Proposer une fiche d'activité",
}


@dataclass
class Traitement:
    formulaire: str = ""
    titre: str = ""
    """The pull request's title."""
    ecrits: dict[str, str] = field(default_factory=dict)
    """Repository path -> the file's new text."""
    retirer_demande: str = ""
    """A requested word to remove from content/lexique/demandes.yml (its definition arrives)."""
    erreurs: list[str] = field(default_factory=list)
    avertissements: list[str] = field(default_factory=list)


def reconnaitre(body: str, root: Path) -> str | None:
    """The form an issue was written with: the one whose questions are most answered in its body."""
    best, score = None, 0
    for name in NOMS:
        path = root / FORMULAIRES / name
        if not path.is_file():
            continue
        found = len(proposition.lire(body, proposition.champs(path)))
        if found > score:
            best, score = name, found
    return best


def traiter(body: str, project: Project, date: dt.date | None = None) -> Traitement:
    name = reconnaitre(body, project.root)
    if name is None:
        return Traitement(erreurs=["Cette issue n'a pas été écrite avec l'un des formulaires du dépôt : rien à faire."])
    form = project.root / FORMULAIRES / name
    if name == PROPOSER:
        result = proposition.proposer(body, project, form, date)
        done = Traitement(name, f"Lexique : {result.mot}", erreurs=result.erreurs, avertissements=result.avertissements)
        if result.chemin and result.texte:
            done.ecrits[result.chemin] = result.texte
            done.retirer_demande = result.mot
        return done
    if name == DEMANDER:
        return _demande(body, project, form, date or dt.date.today())
    genre = GENRES[name]
    fichier = formulaires.convertir(body, project, genre, form, date)
    done = Traitement(name, f"{genre.label} : {fichier.titre}", erreurs=fichier.erreurs, avertissements=fichier.avertissements)
    if fichier.chemin and fichier.texte:
        done.ecrits[fichier.chemin] = fichier.texte
    return done


def _demande(body: str, project: Project, form: Path, date: dt.date) -> Traitement:
    labels = proposition.champs(form)
    answers = proposition.lire(body, labels)
    mot = " ".join(answers.get("mot", "").split())
    done = Traitement(DEMANDER, f"Mot demandé : {mot}")
    if not mot:
        done.erreurs.append(f"La réponse « {labels.get('mot', 'mot')} » manque.")
    centre_answer = answers.get("centre", "")
    centre = _centre(project, centre_answer)
    if not centre_answer:
        done.erreurs.append(
            f"La réponse « {labels.get('centre', 'centre')} » manque : la liste des mots demandés dit dans quel centre "
            "le mot a été demandé (jamais le nom de la personne)."
        )
    elif centre is None:
        done.erreurs.append(
            f"« {labels.get('centre', 'centre')} » : « {centre_answer} » n'est pas dans l'annuaire du site "
            "(content/centres/). Écrivez le nom du centre tel qu'il apparaît sur le site."
        )
    if mot:
        existing = Lexique(project).trouver(mot)
        if existing is not None:
            done.erreurs.append(f"Le mot « {mot} » a déjà sa page dans le lexique : {existing.path} (« {existing.title} »).")
        if any(cle_de_mot(demande.mot) == cle_de_mot(mot) for _, demande in project.demandes):
            done.erreurs.append(f"Le mot « {mot} » est déjà dans la liste des mots demandés ({genres.DEMANDES}).")
    if done.erreurs or centre is None:
        return done
    path = project.root / genres.DEMANDES
    before = path.read_text(encoding="utf-8") if path.is_file() else ""
    block = f"- mot: {json.dumps(mot, ensure_ascii=False)}\n  demande_par: {centre}\n  date: {date.isoformat()}\n"
    done.ecrits[genres.DEMANDES] = (before.rstrip("\n") + "\n" if before.strip() else "") + block
    return done


def _centre(project: Project, answer: str) -> str | None:
    for item in project.of_genre(genres.CENTRE.name):
        if fold(answer) in {fold(name) for name in (item.title, *item.aliases, item.slug)}:
            return item.slug
    return None


def appliquer(traitement: Traitement, root: Path) -> list[str]:
    """Write the files; the repository paths changed."""
    changed = []
    for rel, text in traitement.ecrits.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        changed.append(rel)
    if traitement.retirer_demande and proposition.retirer_demande(root, traitement.retirer_demande):
        changed.append(genres.DEMANDES)
    return changed


def commentaire(traitement: Traitement) -> str:
    """The French comment left on the issue when nothing could be written."""
    form = NOMS.get(traitement.formulaire, "")
    lines = [
        "Merci pour votre proposition ! Elle ne peut pas encore devenir une page du site"
        + (f" (formulaire « {form} »)" if form else "")
        + ". Voici ce qu'il faut corriger :",
        "",
        *[f"- {problem}" for problem in traitement.erreurs],
        "",
        "Pour corriger : menu « … » en haut de l'issue, puis « Edit » (Modifier). La vérification recommence "
        "dès que l'issue est enregistrée.",
    ]
    return "\n".join(lines) + "\n"


def corps_pr(traitement: Traitement, numero: str) -> str:
    """The pull request's description: what was written, and the warnings to read before merging."""
    lines = [f"Proposition venue de l'issue #{numero} (formulaire « {NOMS.get(traitement.formulaire, '')} »).", ""]
    lines += [f"- `{path}`" for path in traitement.ecrits]
    if traitement.retirer_demande:
        lines.append(f"- « {traitement.retirer_demande} » retiré de `{genres.DEMANDES}` s'il y était demandé")
    if traitement.avertissements:
        lines += ["", "À relire avant de fusionner :", *[f"- {warning}" for warning in traitement.avertissements]]
    lines += ["", f"Fusionner cette demande ferme l'issue : closes #{numero}"]
    return "\n".join(lines) + "\n"
