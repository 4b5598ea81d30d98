"""Pelican's build made incremental with the rule of the MkDocs build (`adapters/mkdocs/incremental.py`): when all that
pages take from other files (`Site.empreinte`), the settings, the theme and the code are the same as at the last build
of the output folder, a page is written again only when what it is made of changed (its text for a page built from
a file, its HTML for a generated page); otherwise the folder is emptied and every page written. The state of the last
build lives in Pelican's cache folder, so `make serve-pelican` and a second `make pelican` both use it."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from stat import S_ISREG
from typing import Any

from pelican.utils import clean_output_dir

from communs.core.site import Site

ETAT = "communs-pages.json"
"""The file, in Pelican's cache folder, of the last complete build: its digest and each page's."""
CODE = Path(__file__).resolve().parents[2]
"""The package `communs` (core and adapters): a build by another version of it writes every page."""
_REGLAGES = ("SITENAME", "THEME", "THEME_STATIC_DIR", "THEME_STATIC_PATHS", "OUTPUT_PATH", "COMMUNS_NAV")


def _dossiers(digest: Any, dossiers: Iterable[Path]) -> None:
    for folder in dossiers:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if "__pycache__" in path.parts:
                continue
            info = path.stat()  # one call for the kind, the time and the size
            if S_ISREG(info.st_mode):
                digest.update(f"{path}:{info.st_mtime_ns}:{info.st_size}".encode())


def empreinte(site: Site, settings: dict[str, Any]) -> str:
    """What every page of this build may depend on besides its own text: the front-matters, the settings, the theme,
    the shared scripts and styles and the code."""
    digest = hashlib.sha256(site.empreinte().encode())
    simples = {k: v for k, v in settings.items() if k in _REGLAGES or (k.startswith("COMMUNS_") and _simple(v))}
    digest.update(json.dumps(simples, sort_keys=True).encode())
    _dossiers(digest, [Path(settings["THEME"]), *(Path(p) for p in settings.get("THEME_STATIC_PATHS", [])), CODE])
    return digest.hexdigest()


def _simple(value: Any) -> bool:
    """Whether a setting is plain data (the façade and the documents of this run are not settings)."""
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return False
    return True


def cle(*parts: str) -> str:
    """The digest of what one page is made of."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


class Etat:
    """The pages of the last complete build of an output folder, and those this build writes."""

    def __init__(self, settings: dict[str, Any], site: Site) -> None:
        self.fichier = Path(settings["CACHE_PATH"]) / ETAT
        self.sortie = Path(settings["OUTPUT_PATH"])
        self.empreinte = empreinte(site, settings)
        self.pages: dict[str, str] = {}
        self.avant: dict[str, str] = {}
        try:
            ancien = json.loads(self.fichier.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            ancien = {}
        if isinstance(ancien, dict) and ancien.get("empreinte") == self.empreinte and self.sortie.is_dir():
            self.avant = dict(ancien.get("pages", {}))
        self.fichier.unlink(missing_ok=True)  # a build that stops halfway leaves no state: the next one writes all
        if not self.avant and self.sortie.is_dir() and not _contient(self.sortie, Path(settings["PATH"])):
            clean_output_dir(str(self.sortie), settings.get("OUTPUT_RETENTION", []))

    @property
    def complet(self) -> bool:
        """Whether every page is written (no usable previous build)."""
        return not self.avant

    def a_ecrire(self, fichier: str, cle_: str) -> bool:
        """Whether the page at `fichier` (site path) must be written: what it is made of changed, or its file is gone."""
        self.pages[fichier] = cle_
        return self.avant.get(fichier) != cle_ or not (self.sortie / fichier).is_file()

    def enregistrer(self) -> None:
        """The build is complete: the next one may keep its pages."""
        self.fichier.parent.mkdir(parents=True, exist_ok=True)
        self.fichier.write_text(json.dumps({"empreinte": self.empreinte, "pages": self.pages}), encoding="utf-8")


def _contient(dossier: Path, racine: Path) -> bool:
    """Whether emptying `dossier` would delete the repository (an output folder that is the root or one of its parents)."""
    dossier, racine = dossier.resolve(), racine.resolve()
    return dossier == racine or dossier in racine.parents
