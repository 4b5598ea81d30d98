"""Links to the repository for people who do not use git: an issue form, or GitHub's editor with a file already filled.

The repository's address comes from the site's configuration (`repo_url` in mkdocs.yml); the branch from
`edit_uri` (« edit/main/ »). Nothing here makes a request: these are plain links the reader follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode

FORMULAIRES = ".github/ISSUE_TEMPLATE"
DEMANDER = "demander-un-mot.yml"
PROPOSER = "proposer-une-definition.yml"


@dataclass(frozen=True)
class Depot:
    url: str
    """The repository's web address, without a trailing slash."""
    branche: str = "main"

    @classmethod
    def depuis(cls, repo_url: str | None, edit_uri: str | None = None) -> Depot | None:
        """From mkdocs.yml's `repo_url` and `edit_uri`; None when the site names no repository."""
        if not repo_url:
            return None
        match = re.match(r"^/?(?:edit|blob)/([^/]+)/", edit_uri or "")
        return cls(repo_url.rstrip("/"), match.group(1) if match else "main")

    def nouvelle_issue(self, formulaire: str, titre: str = "", **champs: str) -> str:
        """A new issue from an issue form; GitHub fills the form's fields whose id is given in the query."""
        query = {"template": formulaire, **({"title": titre} if titre else {}), **{k: v for k, v in champs.items() if v}}
        return f"{self.url}/issues/new?{urlencode(query, quote_via=quote)}"

    def nouveau_fichier(self, dossier: str, nom: str, contenu: str) -> str:
        """GitHub's editor on a new file `dossier/nom`, already filled with `contenu`."""
        query = urlencode({"filename": nom, "value": contenu}, quote_via=quote)
        return f"{self.url}/new/{quote(self.branche)}/{quote(dossier)}?{query}"
