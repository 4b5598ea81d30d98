"""Turn an issue « Proposer une définition » into a lexicon file of content/lexique/.

    gh issue view 42 --json body -q .body | .venv/bin/python scripts/terme_depuis_issue.py -
    .venv/bin/python scripts/terme_depuis_issue.py corps-de-l-issue.txt

The file is checked like any file of the repository. When something is missing or must not be published,
nothing is written: the script says in French which answer of the form to change, and exits with code 1.
When the word was requested in content/lexique/demandes.yml, its request is removed from that list.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from communs.core.contribution import proposition
from communs.core.modele import projet


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="terme_depuis_issue",
        description="Fait d'une issue « Proposer une définition » un fichier du lexique (content/lexique/).",
    )
    parser.add_argument("issue", help="le texte de l'issue, dans un fichier, ou « - » pour le lire sur l'entrée standard")
    parser.add_argument("--racine", type=Path, default=Path.cwd(), help="racine du dépôt (par défaut : le dossier courant)")
    parser.add_argument("--formulaire", type=Path, help=f"le formulaire d'issue (par défaut : {proposition.FORMULAIRE})")
    parser.add_argument("--afficher", action="store_true", help="affiche le fichier au lieu de l'écrire")
    parser.add_argument(
        "--date", help="date de l'issue, AAAA-MM-JJ : le jour où le mot entre au lexique (par défaut : aujourd'hui)"
    )
    parser.add_argument("--garder-demande", action="store_true", help="ne retire pas le mot de content/lexique/demandes.yml")
    args = parser.parse_args(argv)
    root = args.racine.resolve()
    body = sys.stdin.read() if args.issue == "-" else Path(args.issue).read_text(encoding="utf-8")
    jour = dt.date.fromisoformat(args.date[:10]) if args.date else None
    result = proposition.proposer(body, projet.load(root), args.formulaire, jour)
    if result.erreurs:
        print(f"La proposition « {result.mot or '?'} » ne peut pas encore devenir une page du lexique :", file=sys.stderr)
        for problem in result.erreurs:
            print(f"- {problem}", file=sys.stderr)
        print("Corrigez l'issue (menu « … » puis « Edit »), puis relancez ce script.", file=sys.stderr)
        return 1
    assert result.chemin is not None and result.texte is not None
    for warning in result.avertissements:
        print(f"Attention : {warning}", file=sys.stderr)
    if args.afficher:
        sys.stdout.write(result.texte)
        return 0
    target = root / result.chemin
    target.write_text(result.texte, encoding="utf-8")
    print(f"Fichier écrit : {result.chemin}")
    if not args.garder_demande and proposition.retirer_demande(root, result.mot):
        print(f"Demande retirée de content/lexique/demandes.yml : « {result.mot} ».")
    print("Relisez-le, lancez « make verifier », puis proposez-le par une demande de fusion (pull request).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
