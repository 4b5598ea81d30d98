"""Le site du commun construit par Pelican, le second moteur (« make pelican », « make serve-pelican »).

Pelican 4.12 et ses dépendances sont épinglés dans requirements-pelican.txt (environnement .venv-pelican).
Les réglages reprennent ceux de mkdocs.yml ; le greffon et le thème sont ceux du paquet communs."""

from pathlib import Path

from communs.adapters.pelican.reglages import parametres

# Mêmes réglages que mkdocs.yml : dépôt (liens « modifier cette page »), mots jamais reliés par le glossaire.
globals().update(
    parametres(
        Path(__file__).resolve().parent,
        Path(__file__).resolve().parent / "site-pelican",
        depot="https://github.com/centres-sociaux-connectes/communs",
        edit_uri="edit/main/",
        glossaire_exclus=[
            "lien", "données", "programme", "alerte", "clé", "libre", "mobile", "portable", "box", "hybride",
            "statut", "post", "poster", "store",
        ],
    )
)
