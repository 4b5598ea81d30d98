"""The configuration of the web editor (Decap CMS, served at /admin/), generated from the models and vocabularies.

One collection per genre a person contributes; each model field becomes a widget: a select with the French labels
of its vocabulary, a relation to the collection it names, a list or a group of fields, with the field's
description as hint. Nothing here is written by hand twice: a new model field gets its widget at the next build.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from communs.core.contribution import champs_des_modeles as ch
from communs.core.contribution.champs_des_modeles import Champ
from communs.core.modele import genres, modeles
from communs.core.modele.genres import Genre
from communs.core.modele.projet import Project

DOSSIER = "admin"
MEDIAS = "content/assets/televersements"
BRANCHE = "main"
LOCAL = "http://localhost:8081/api/v1"
COLLECTIONS: dict[str, str] = {
    genres.PROTOTYPE.name: "solutions",
    genres.FICHE.name: "fiches",
    genres.TERME.name: "lexique",
    genres.CENTRE.name: "centres",
    genres.TERRITOIRE.name: "territoires",
    genres.RAPPORT.name: "rapports",
    genres.ACTUALITE.name: "actualites",
}
DEMANDES = "demandes"
PROTECTION = (
    "Protection des enfants : pour chaque enfant, seulement son prénom (ou le nom du groupe), sa tranche d'âge, "
    "son centre et l'année. Jamais de nom de famille (même une initiale), d'e-mail, de téléphone, d'adresse, "
    "de date de naissance ni d'âge exact. La vérification refuse la proposition qui en contient."
)
_AIDES = {
    ("terme", "contributeurs"): PROTECTION,
    ("prototype", "propose_par"): "Pour une solution créée par votre centre. Sinon, citez le rapport dans « Sources ».",
    ("fiche", "propose_par"): "Pour une fiche créée par votre centre. Sinon, citez le rapport dans « Sources ».",
}
_CORPS = {
    genres.TERME.name: "Explication plus longue, facultative.",
    genres.RAPPORT.name: "Le résumé du rapport, avec vos mots.",
}


def configuration(
    project: Project,
    depot_url: str | None,
    *,
    site_url: str | None = None,
    authentification: str | None = None,
    local: str = LOCAL,
) -> dict[str, Any]:
    """Decap's config.yml as data. Without a repository, only the local backend (decap-server) is offered."""
    repo = _repo(depot_url)
    backend: dict[str, Any]
    if repo:
        backend = {"name": "github", "repo": repo, "branch": BRANCHE, "open_authoring": True}
        if authentification:
            backend["base_url"] = authentification.rstrip("/")
    else:
        backend = {"name": "proxy", "proxy_url": local, "branch": BRANCHE}
    config: dict[str, Any] = {
        "locale": "fr",
        "backend": backend,
        "local_backend": {"url": local},
        "publish_mode": "editorial_workflow",
        "media_folder": MEDIAS,
        "public_folder": "/" + MEDIAS.removeprefix(genres.CONTENT_DIR + "/"),
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
    }
    if site_url:
        config["site_url"] = config["display_url"] = site_url
    config["collections"] = [_collection(project, genre) for genre in genres.GENRES] + [_demandes(project)]
    return config


def texte(config: dict[str, Any]) -> str:
    head = "# Généré à chaque construction depuis les modèles et les vocabulaires (communs.core.contribution.decap).\n"
    return head + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=120)


def _repo(url: str | None) -> str:
    match = re.match(r"^https://github\.com/([^/\s]+/[^/\s]+?)(?:\.git)?/?$", url or "")
    return match.group(1) if match else ""


def _collection(project: Project, genre: Genre) -> dict[str, Any]:
    fields = [_widget(project, genre, champ) for champ in ch.champs(genre.model)]
    body = "\n\n".join(f"## {section}\n\n" for section in genre.sections).strip()
    fields.append(
        {
            "name": "body",
            "label": "Texte de la page",
            "widget": "markdown",
            "required": bool(genre.sections),
            "hint": "Gardez les titres : " + ", ".join(genre.sections) + "." if genre.sections else _CORPS.get(genre.name, ""),
            **({"default": body + "\n"} if body else {}),
        }
    )
    collection: dict[str, Any] = {
        "name": COLLECTIONS[genre.name],
        "label": genre.plural,
        "label_singular": genre.label if genre is not genres.TERME else "Mot du lexique",
        "description": (genre.model.__doc__ or "").strip(),
        "folder": genre.folder,
        "create": True,
        "extension": "md",
        "format": "frontmatter",
        "identifier_field": genre.title_field,
        "slug": "{{slug}}",
        "summary": "{{" + genre.title_field + "}}",
        "fields": fields,
    }
    if genre is genres.RAPPORT:
        collection["media_folder"] = ""
        collection["public_folder"] = ""
    return collection


def _demandes(project: Project) -> dict[str, Any]:
    """The requested words: one file, a list at its root."""
    entry = [_widget(project, None, champ) for champ in ch.champs(modeles.Demande)]
    return {
        "name": DEMANDES,
        "label": "Mots demandés",
        "files": [
            {
                "name": "demandes",
                "label": "Les mots demandés pour le lexique",
                "file": genres.DEMANDES,
                "format": "yml",
                "fields": [
                    {
                        "name": "demandes",
                        "label": "Mots demandés",
                        "label_singular": "mot demandé",
                        "widget": "list",
                        "root": True,
                        "summary": "{{fields.mot}}",
                        "hint": "Jamais le nom de la personne qui demande : seulement son centre.",
                        "fields": entry,
                    }
                ],
            }
        ],
    }


_IMAGE = {"widget": "image", "choose_url": False, "media_folder": "images", "public_folder": "images"}


def _widget(project: Project, genre: Genre | None, champ: Champ) -> dict[str, Any]:
    widget: dict[str, Any] = {"name": champ.nom, "label": champ.libelle, "required": champ.obligatoire}
    hint = _AIDES.get((genre.name if genre else "", champ.nom), champ.aide)
    if hint:
        widget["hint"] = hint
    if champ.genre == ch.GROUPE:
        widget["widget"] = "list" if champ.liste else "object"
        widget["fields"] = [_widget(project, None, sub) for sub in champ.champs]
        if champ.nom in {"image", "logo"}:  # a picture: uploaded into images/ next to the entry, cited relative to it
            widget["fields"][0].update(_IMAGE)
            for sub in widget["fields"]:  # Decap validates an empty optional object's required fields: the check
                sub["required"] = False  # says instead what a picture lacks, once one is given
        if champ.liste:
            widget["summary"] = "{{fields." + champ.champs[0].nom + "}}"
        else:
            widget["collapsed"] = False
        if genre is genres.TERME and champ.nom == "contributeurs":
            widget["label_singular"] = "contributeur"
        return widget
    if genre is genres.RAPPORT and champ.nom == "fichier":
        widget.update({"widget": "file", "choose_url": False})  # the report's PDF, stored next to its page
        return widget
    widget.update(_simple(project, champ))
    if champ.liste and widget["widget"] not in {"select", "relation"}:
        inner = {k: v for k, v in widget.items() if k not in {"required", "hint"}}
        widget = {
            "name": champ.nom,
            "label": champ.libelle,
            "required": champ.obligatoire,
            "widget": "list",
            "field": inner,
            **({"hint": hint} if hint else {}),
        }
    elif champ.liste:
        widget["multiple"] = True
    return widget


def _simple(project: Project, champ: Champ) -> dict[str, Any]:
    if champ.genre == ch.VOCABULAIRE:
        values = project.vocabularies.get(champ.vocabulaire, {})
        return {"widget": "select", "options": [{"label": text, "value": slug} for slug, text in values.items()]}
    if champ.genre == ch.REFERENCE and len(champ.references) == 1:
        target = genres.BY_NAME[champ.references[0]]
        return {
            "widget": "relation",
            "collection": COLLECTIONS[target.name],
            "value_field": "{{slug}}",
            "search_fields": [target.title_field],
            "display_fields": [target.title_field],
        }
    if champ.genre == ch.REFERENCE:
        options = [
            {"label": f"{item.title} ({item.genre.label.lower()})", "value": item.slug}
            for name in champ.references
            for item in sorted(project.of_genre(name), key=lambda i: i.title)
        ]
        return {"widget": "select", "options": options}
    if champ.genre == ch.NOMBRE:
        number: dict[str, Any] = {"widget": "number", "value_type": "int" if champ.entier else "float"}
        if champ.mini is not None:
            number["min"] = int(champ.mini) if champ.entier else champ.mini
        if champ.maxi is not None:
            number["max"] = int(champ.maxi) if champ.entier else champ.maxi
        return number
    if champ.genre == ch.BOOLEEN:
        return {"widget": "boolean"}
    if champ.genre == ch.DATE:
        day = {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "DD/MM/YYYY", "time_format": False}
        return {**day, "default": "{{now}}"} if champ.nom == "ajoute_le" else day
    if champ.nom == "prenom":
        return {"widget": "string", "pattern": [r"^[^@0-9]*$", "Le prénom seul : ni chiffre, ni e-mail."]}
    return {"widget": "text" if champ.long else "string"}


PAQUET = "node_modules/decap-cms/dist"
"""Where npm puts Decap's bundle (package-lock.json pins it); the build copies it into the site's admin/."""

PAGE = """<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>Éditeur du commun des Centres Sociaux Connectés</title>
</head>
<body>
  <noscript>
    L'éditeur a besoin de JavaScript. Sans lui, proposez votre ajout avec un formulaire :
    voir la page « Contribuer » du site.
  </noscript>
  <script src="decap-cms.js"></script>
</body>
</html>
"""


def fichiers(config: dict[str, Any]) -> dict[str, str]:
    """The editor's own pages, by their path in the site."""
    return {f"{DOSSIER}/index.html": PAGE, f"{DOSSIER}/config.yml": texte(config)}


def paquet(root: Path) -> dict[str, Path]:
    """Decap's bundle (the main script and the chunks it loads), by their path in the site; empty when not installed."""
    folder = root / PAQUET
    if not (folder / "decap-cms.js").is_file():
        return {}
    return {f"{DOSSIER}/{path.name}": path for path in sorted(folder.glob("*decap-cms.js"))}
