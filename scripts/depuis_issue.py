"""Turn an issue written with one of the repository's forms into a pull request, or into a comment that says what to fix.

Run by .github/workflows/depuis-une-issue.yml, and by hand the same way:

    gh issue view 42 --json body -q .body | .venv/bin/python scripts/depuis_issue.py --issue 42 -
    .venv/bin/python scripts/depuis_issue.py --issue 42 corps.md --essai

The forms: « Proposer une définition », « Demander un mot », « Proposer une solution », « Proposer une fiche
d'activité ». The files are checked like any file of the repository; when something is wrong, nothing is
written or pushed: the issue gets a comment, in French, with everything to fix. With --essai, the git and gh
commands are printed instead of run (the files are still written, under --racine).
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from communs.core.contribution import issues
from communs.core.modele import projet

BOT = ("github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com")


class _Shell:
    def __init__(self, root: Path, essai: bool) -> None:
        self.root, self.essai = root, essai

    def run(self, *command: str, stdin: str | None = None) -> str:
        if self.essai:
            print("$ " + " ".join(command) + (f" <<'FIN'\n{stdin}FIN" if stdin is not None else ""))
            return ""
        done = subprocess.run(command, cwd=self.root, input=stdin, capture_output=True, text=True, check=True)
        return done.stdout.strip()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="depuis_issue", description="Fait d'une issue de formulaire une demande de fusion.")
    parser.add_argument("corps", help="le texte de l'issue, dans un fichier, ou « - » pour l'entrée standard")
    parser.add_argument("--issue", required=True, help="le numéro de l'issue")
    parser.add_argument("--date", help="date de l'issue, AAAA-MM-JJ (par défaut : aujourd'hui)")
    parser.add_argument("--racine", type=Path, default=Path.cwd(), help="racine du dépôt (par défaut : le dossier courant)")
    parser.add_argument("--base", default="main", help="la branche visée par la demande de fusion")
    parser.add_argument("--essai", action="store_true", help="affiche les commandes git et gh au lieu de les lancer")
    args = parser.parse_args(argv)
    root = args.racine.resolve()
    body = sys.stdin.read() if args.corps == "-" else Path(args.corps).read_text(encoding="utf-8")
    date = dt.date.fromisoformat(args.date[:10]) if args.date else None
    shell = _Shell(root, args.essai)
    result = issues.traiter(body, projet.load(root), date)
    if result.erreurs:
        print(f"L'issue #{args.issue} ne donne pas encore de fichier ; commentaire laissé sur l'issue.", file=sys.stderr)
        shell.run("gh", "issue", "comment", args.issue, "--body-file", "-", stdin=issues.commentaire(result))
        return 0
    branch = f"contribution/issue-{args.issue}"
    shell.run("git", "switch", "-C", branch)
    changed = issues.appliquer(result, root)
    for path in changed:
        print(f"Fichier écrit : {path}")
    shell.run("git", "add", "--", *changed)
    name, email = BOT
    shell.run(
        "git", "-c", f"user.name={name}", "-c", f"user.email={email}", "commit", "-m", f"{result.titre} (issue #{args.issue})"
    )
    shell.run("gh", "auth", "setup-git")
    shell.run("git", "push", "--force", "origin", branch)
    existing = shell.run("gh", "pr", "list", "--head", branch, "--state", "open", "--json", "url", "--jq", ".[0].url")
    body_pr = issues.corps_pr(result, args.issue)
    if existing:
        shell.run("gh", "pr", "edit", existing, "--body-file", "-", stdin=body_pr)
        return 0
    url = shell.run(
        "gh", "pr", "create", "--base", args.base, "--head", branch, "--title", result.titre, "--body-file", "-", stdin=body_pr
    )
    message = (
        f"Merci ! Votre proposition est devenue une demande de fusion : {url or '(lien)'}\n"
        "Une personne du réseau la relit avant de la publier. Modifier l'issue met la demande à jour.\n"
    )
    shell.run("gh", "issue", "comment", args.issue, "--body-file", "-", stdin=message)
    return 0


if __name__ == "__main__":
    sys.exit(main())
