"""The pictures of the items as the pages show them: each `image` processed once (rendu/images.py, cached by content),
published under `medias/` with a name taken from its content, described for the templates relative to the page that
shows it. A picture the check refused is not published: its item shows its pictogram, as an item without a picture.

The original files are never published (they may carry a GPS position): `originaux` lists them for the engines.
"""

from __future__ import annotations

import hashlib
import posixpath
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from communs.core.controles import photos
from communs.core.modele.champs import Image
from communs.core.modele.projet import Item, Project
from communs.core.rendu import images
from communs.core.urls import Urls

DOSSIER = "medias"
"""Where the processed pictures are published, at the site's root."""
TAILLES_PAGE = "(min-width: 60em) 40rem, 100vw"
"""The width the picture takes on an item's page: the text column on a screen, the whole width on a phone."""
TAILLES_CARTE = "6rem"


@dataclass(frozen=True)
class Illustree:
    image: Image
    traitee: images.Traitee


def relatif(urls: Urls, de: str, fichier: str) -> str:
    """The address of the site file `fichier` from the page built from `de`."""
    page = urls.page(de)
    base = page if page.endswith("/") or not page else posixpath.dirname(page) + "/"
    return posixpath.relpath(fichier, base.rstrip("/") or ".")


class Illustrations:
    def __init__(self, projet: Project, cache: Path | None) -> None:
        self.projet, self.cache = projet, cache

    @cached_property
    def originaux(self) -> frozenset[str]:
        """The repository paths of every picture cited by a front-matter: never published as they are."""
        found = set()
        for item in self.projet.items:
            for _, image in photos.images(item):
                path = photos.chemin(item, image)
                if path is not None:
                    found.add(path)
        return frozenset(found)

    @cached_property
    def signature(self) -> str:
        """Size and time of change of every cited picture: a picture saved again under the same name changes the
        pages that show it (their addresses carry its content) without changing any front-matter."""
        found = []
        for path in sorted(self.originaux):
            try:
                stat = (self.projet.root / path).lstat()
            except OSError:
                continue
            found.append((path, stat.st_size, stat.st_mtime_ns))
        return hashlib.sha256(repr(found).encode()).hexdigest()

    @cached_property
    def _originaux_absolus(self) -> frozenset[Path]:
        return frozenset((self.projet.root / path).absolute() for path in self.originaux)

    def original(self, chemin: Path) -> bool:
        """Whether the file `chemin` (as an engine found it) is the original of a picture: never published."""
        return chemin.absolute() in self._originaux_absolus

    @cached_property
    def _traitees(self) -> tuple[dict[str, Illustree], dict[str, bytes]]:
        refused = {(d.path, d.line) for d in self.projet.collector.items if d.is_error}
        done: dict[str, Illustree] = {}
        files: dict[str, bytes] = {}
        for item in self.projet.items:
            image = getattr(item.model, "image", None)
            if not isinstance(image, Image) or (item.path, item.doc.line_of(("image", "fichier"))) in refused:
                continue
            if (item.path, item.doc.line_of(("image", "personnes"))) in refused:
                continue  # people without their consent: never published, whatever the build's strictness
            path = photos.chemin(item, image)
            if path is None or not (self.projet.root / path).is_file():
                continue
            data = (self.projet.root / path).read_bytes()
            try:
                result, made = images.traiter(data, f"{DOSSIER}/{images.cle(data)}", self.cache)
            except (photos.ImageRefusee, OSError):
                continue
            done[item.path] = Illustree(image, result)
            files.update(made)
        return done, files

    def fichiers(self) -> dict[str, bytes]:
        """The processed pictures, by site path."""
        return self._traitees[1]

    def de(self, item: Item) -> Illustree | None:
        return self._traitees[0].get(item.path)

    def donnees(self, item: Item, de: str, urls: Urls, *, carte: bool = False) -> dict[str, Any] | None:
        """What `_images.html` needs to show the picture of `item` on the page built from `de`, or None."""
        found = self.de(item)
        if found is None:
            return None
        done, image = found.traitee, found.image

        def srcset(variantes: list[images.Variante]) -> str:
            return ", ".join(f"{relatif(urls, de, v.chemin)} {v.largeur}w" for v in variantes)

        middle = done.repli[min(1, len(done.repli) - 1)]
        return {
            "webp": srcset(done.webp),
            "repli": srcset(done.repli),
            "src": relatif(urls, de, middle.chemin),
            "type_repli": done.repli[0].type,
            "largeur": done.largeur,
            "hauteur": done.hauteur,
            "tailles": TAILLES_CARTE if carte else TAILLES_PAGE,
            "alt": image.alt,
            "legende": image.legende,
            "credit": image.credit,
            "licence": image.licence,
            "paresseuse": carte,
        }
