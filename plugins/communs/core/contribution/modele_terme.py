"""A new lexicon file for GitHub's editor: the template content/_modeles/terme.md, its long comments replaced by a
short reminder, with the word (and the status) already written. The contributor replaces each « À COMPLÉTER »."""

from __future__ import annotations

import json
from pathlib import Path

from communs.core.modele import genres

MODELE = f"{genres.TEMPLATES_DIR}/terme.md"
A_COMPLETER = "À COMPLÉTER"
RAPPEL = (
    "# Remplacez chaque « À COMPLÉTER » ; supprimez la ligne d'un champ facultatif que vous ne connaissez pas.",
    "# Contributeurs : un prénom seul OU un nom de groupe, la tranche d'âge, le centre, l'année.",
    "# Jamais de nom de famille, d'e-mail, de téléphone, d'adresse ni de date de naissance.",
    "# Le modèle commenté et ses explications : content/_modeles/terme.md et content/_modeles/README.md.",
)


def modele(root: Path) -> str | None:
    path = root / MODELE
    return path.read_text(encoding="utf-8") if path.is_file() else None


def rempli(template: str, mot: str = "") -> str:
    """The template without its comment lines, with `terme` (when a word is given) and `statut` filled."""
    lines = template.replace("\r\n", "\n").split("\n")
    out: list[str] = []
    fences = 0
    for line in lines:
        stripped = line.strip()
        if stripped == "---":
            fences += 1
            out.append(line)
            if fences == 1:
                out.extend(RAPPEL)
            continue
        if fences == 1 and (not stripped or stripped.startswith("#")):
            continue
        if fences == 1 and mot and line.startswith("terme:"):
            line = f"terme: {json.dumps(mot, ensure_ascii=False)}"
        elif fences == 1 and line.startswith("statut:"):
            line = "statut: publie"
        out.append(line)
    return "\n".join(out).rstrip() + "\n"
