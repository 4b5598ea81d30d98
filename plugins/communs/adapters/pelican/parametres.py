"""Pelican's settings for the commons: our reader, generator and theme, Pelican's own pages and feeds turned off,
the content cache on. `pelicanconf.py` at the repository root calls `parametres`; so do the tests and the benchmark."""

from __future__ import annotations

from pathlib import Path
from typing import Any

DEPOT = Path(__file__).resolve().parents[4]
"""The repository of the package's sources (an editable install): its themes/assets/ holds the scripts and styles both
builds share (search, facets, glossary)."""
THEME = DEPOT / "themes" / "pelican"
"""Our Pelican theme, beside Material's overrides in themes/ (the MkDocs adapter leaves its files out of that site)."""
NAVIGATION: list[tuple[str, str]] = [
    ("Accueil", "index.md"),
    ("Solutions", "prototypes/index.md"),
    ("Fiches d'activité", "fiches/index.md"),
    ("Lexique", "lexique/index.md"),
    ("Rapports", "rapports/index.md"),
    ("Territoires", "territoires/index.md"),
    ("Centres", "centres/index.md"),
    ("Données ouvertes", "donnees/index.md"),
    ("Contribuer", "contribuer.md"),
]


def parametres(
    racine: Path,
    sortie: Path,
    *,
    nom: str = "Le commun des Centres Sociaux Connectés",
    repertoires: bool = True,
    strict: bool = True,
    depot: str | None = None,
    edit_uri: str | None = None,
    site_url: str | None = None,
    glossaire_exclus: list[str] | None = None,
    navigation: list[tuple[str, str]] | None = None,
    vocabulaires: str | None = None,
    theme: Path | None = None,
    cache: Path | None = None,
    ressources: Path | None = None,
    editeur: bool = False,
    editeur_auth: str | None = None,
) -> dict[str, Any]:
    racine = racine.resolve()
    edit = None
    if depot:
        edit = depot.rstrip("/") + "/" + (edit_uri or "edit/main/").strip("/")
    return {
        "PATH": str(racine),
        "OUTPUT_PATH": str(sortie.resolve()),
        "SITENAME": nom,
        "SITEURL": "",
        "DEFAULT_LANG": "fr",
        "TIMEZONE": "Europe/Paris",
        "THEME": str((theme or THEME).resolve()),
        "THEME_STATIC_DIR": "assets",
        "THEME_STATIC_PATHS": ["static", str(ressources or _ressources(racine))],
        "PLUGINS": ["communs.adapters.pelican.greffon"],
        "ARTICLE_PATHS": [],
        "PAGE_PATHS": [],
        "STATIC_PATHS": [],
        "DIRECT_TEMPLATES": [],
        "FEED_ALL_ATOM": None,
        "CATEGORY_FEED_ATOM": None,
        "TRANSLATION_FEED_ATOM": None,
        "AUTHOR_FEED_ATOM": None,
        "AUTHOR_FEED_RSS": None,
        "ARTICLE_SAVE_AS": "",
        "PAGE_SAVE_AS": "",
        "CATEGORY_SAVE_AS": "",
        "TAG_SAVE_AS": "",
        "AUTHOR_SAVE_AS": "",
        "DELETE_OUTPUT_DIRECTORY": False,
        "CACHE_CONTENT": True,
        "LOAD_CONTENT_CACHE": True,
        "CONTENT_CACHING_LAYER": "reader",
        "CACHE_PATH": str((cache or sortie.resolve().parent / (sortie.name + ".cache")).resolve()),
        "CHECK_MODIFIED_METHOD": "mtime",
        "COMMUNS_RACINE": str(racine),
        "COMMUNS_REPERTOIRES": repertoires,
        "COMMUNS_STRICT": strict,
        "COMMUNS_DEPOT": depot,
        "COMMUNS_EDIT_URI": edit_uri,
        "COMMUNS_EDITION": edit,
        "COMMUNS_SITE_URL": site_url,
        "COMMUNS_GLOSSAIRE_EXCLUS": list(glossaire_exclus or []),
        "COMMUNS_NAV": list(navigation or NAVIGATION),
        "COMMUNS_VOCABULAIRES": vocabulaires,
        "COMMUNS_EDITEUR": editeur,
        "COMMUNS_EDITEUR_AUTH": editeur_auth,
        "COMMUNS_RECHARGEMENT": False,
    }


def _ressources(racine: Path) -> Path:
    """The shared scripts and styles: the site's own themes/assets/, else those of the package's repository."""
    own = racine / "themes" / "assets"
    return own if own.is_dir() else DEPOT / "themes" / "assets"
