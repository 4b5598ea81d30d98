"""Le site du commun construit par Pelican, le second moteur (« make pelican », « make serve-pelican »).

Pelican 4.12 et ses dépendances sont épinglés dans requirements-pelican.txt (environnement .venv-pelican).
Les réglages reprennent ceux de mkdocs.yml ; le greffon et le thème sont ceux du paquet communs."""

import os
from pathlib import Path

from communs.adapters.pelican.parametres import parametres

# Mêmes réglages que mkdocs.yml : adresses du site et du dépôt données par l'environnement (COMMUNS_SITE_URL,
# COMMUNS_DEPOT_URL ; sans elles, aucun lien vers un dépôt), éditeur web dans admin/, mots jamais reliés par le glossaire.
globals().update(
    parametres(
        Path(__file__).resolve().parent,
        Path(__file__).resolve().parent / "site-pelican",
        depot=os.environ.get("COMMUNS_DEPOT_URL") or None,
        site_url=os.environ.get("COMMUNS_SITE_URL") or None,
        edit_uri="edit/main/",
        editeur=True,
        editeur_auth=os.environ.get("COMMUNS_EDITEUR_AUTH") or None,
        glossaire_exclus=[
            "lien", "données", "programme", "alerte", "clé", "libre", "mobile", "portable", "box", "hybride",
            "statut", "post", "poster", "store",
        ],
    )
)
