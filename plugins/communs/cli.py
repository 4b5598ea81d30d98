"""Command line: `communs verifier` checks the content without building the site."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from communs import commandes
from communs.core.controles import verification
from communs.core.modele import codes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="communs", description="Outils du commun des Centres Sociaux Connectés.")
    sub = parser.add_subparsers(dest="commande", required=True)
    verifier = sub.add_parser("verifier", help="vérifie le contenu sans construire le site")
    verifier.add_argument("--racine", type=Path, default=Path.cwd(), help="racine du dépôt (par défaut : le dossier courant)")
    verifier.add_argument("--format", choices=("texte", "github", "json"), default="texte", help="forme des messages")
    verifier.add_argument(
        "--strict", action="store_true", help="échoue aussi sur les avertissements, comme mkdocs build --strict"
    )
    verifier.add_argument("fichiers", nargs="*", help="ne signale que les problèmes de ces fichiers (tout est relu)")
    commandes.ajouter(sub)
    sch = sub.add_parser("schemas", help="régénère les schémas JSON de content/donnees/schemas/")
    sch.add_argument("--racine", type=Path, default=Path.cwd())
    sch.add_argument("--verifier", action="store_true", help="échoue si les schémas ne sont pas à jour, sans les écrire")
    sub.add_parser("codes", help="liste les codes de diagnostic")
    centre = sub.add_parser("site-centre", help="écrit le site d'une page d'un centre, avec ses actualités")
    centre.add_argument("centre", help="nom de fichier du centre (sans .md), dans content/centres/")
    centre.add_argument("--racine", type=Path, default=Path.cwd())
    centre.add_argument("--sortie", type=Path, help="dossier du site (par défaut : sites-centres/<centre>/)")
    centre.add_argument("--commun", help="adresse publiée du commun (par défaut : site_url de mkdocs.yml)")
    centre.add_argument("--adresse", help="adresse publiée du site du centre, pour le flux Atom")
    args = parser.parse_args(argv)
    if args.commande == "verifier":
        return _verifier(args.racine.resolve(), args.format, args.strict, args.fichiers)
    if args.commande == "site-centre":
        from communs import site_centre

        sortie = args.sortie or Path("sites-centres") / args.centre
        return site_centre.construire(args.racine.resolve(), args.centre, sortie, commun=args.commun, adresse=args.adresse)
    if args.commande in commandes.COMMANDES:
        return commandes.lancer(args)
    if args.commande == "schemas":
        return _schemas(args.racine.resolve(), args.verifier)
    for code, description in codes.DESCRIPTIONS.items():
        print(f"{code}  {description}")
    return 0


def _verifier(root: Path, fmt: str, strict: bool, only: Sequence[str] = ()) -> int:
    started = time.perf_counter()
    project = verification.run(root, memoriser=False)  # one check, no later load to spare
    items = project.collector.items
    if only:
        wanted = {_relative(root, name) for name in only}
        items = [d for d in items if d.path in wanted]
    if fmt == "json":
        print(json.dumps([d.as_dict() for d in items], ensure_ascii=False, indent=2))
    else:
        for diagnostic in items:
            print(diagnostic.github() if fmt == "github" else diagnostic.human())
    errors = sum(1 for d in items if d.is_error)
    warnings = len(items) - errors
    if fmt == "texte":
        files = len(project.items) + len(project.pages)
        elapsed = time.perf_counter() - started
        print(
            f"{files} fichiers vérifiés en {elapsed:.2f} s : {errors} erreur(s), {warnings} avertissement(s).",
            file=sys.stderr,
        )
    return 1 if errors or (strict and warnings) else 0


def _schemas(root: Path, only_check: bool) -> int:
    from communs.core.modele import schemas  # only for this command: `communs verifier` starts sooner

    if only_check:
        stale = schemas.stale(root)
        for path in stale:
            print(f"{path} : schéma absent ou pas à jour ; lancez « communs schemas ».")
        return 1 if stale else 0
    for written in schemas.write(root):
        print(written.relative_to(root).as_posix())
    return 0


def _relative(root: Path, name: str) -> str:
    path = Path(name)
    return (path.resolve().relative_to(root) if path.is_absolute() else path).as_posix()
