"""The contribution commands of `communs`: `nouveau` (a new file from the model) and `editeur` (the web editor's
configuration). Kept apart from cli.py so that the checking commands stay short."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from communs.core.modele import projet


def ajouter(sub: Any) -> None:
    """Declare the contribution sub-commands on `sub` (argparse's sub-parsers)."""
    new = sub.add_parser(
        "nouveau",
        help="crée le fichier d'une nouvelle solution, fiche, mot… à remplir",
        description="Écrit le fichier dans le bon dossier, avec les champs du modèle et les sections attendues.",
    )
    new.add_argument("genre", help="solution, fiche, terme, rapport, territoire ou centre")
    new.add_argument("titre", help="le titre, entre guillemets (il donne le nom du fichier)")
    new.add_argument("--centre", default="", help="pour une solution ou une fiche : le centre qui la propose (nom de fichier)")
    new.add_argument("--annee", type=int, help="l'année de la proposition (par défaut : cette année)")
    new.add_argument("--racine", type=Path, default=Path.cwd(), help="racine du dépôt (par défaut : le dossier courant)")


def _nouveau(args: argparse.Namespace) -> int:
    from communs.core.contribution import nouveau  # only for this command: `communs verifier` starts sooner

    project = projet.load(args.racine.resolve())
    result = nouveau.creer(project, args.genre, args.titre, centre=args.centre, annee=args.annee)
    if result.erreur:
        print(result.erreur, file=sys.stderr)
        return 1
    nouveau.ecrire(project, result)
    print(f"Fichier créé : {result.chemin}")
    if result.a_remplir:
        print("Il reste à remplir (remplacez chaque « À COMPLÉTER ») :")
        for line in result.a_remplir:
            print(f"  - {line}")
    print("Puis vérifiez avec « make verifier » (ou « communs verifier ») et proposez le fichier.")
    return 0


COMMANDES: dict[str, Callable[[argparse.Namespace], int]] = {"nouveau": _nouveau}


def lancer(args: argparse.Namespace) -> int:
    return COMMANDES[args.commande](args)
