"""The pictures of the front-matters (`image` of every kind, a centre's `logo`): where the file is, whether it can be
published, whether it is described in words, whether the people it shows agreed.

Where pictures live: in a folder `images/` next to the file that cites them (content/centres/images/,
prototypes/images/…); `fichier` is relative to the citing file and never leaves the repository.

Limits, checked before any pixel is decoded (then a reduced decoding catches a truncated file):
- formats JPEG, PNG, WebP and fixed GIF; SVG is refused for a picture (a drawing can carry a script, and a photo
  of a workshop is never a drawing: the site draws its own pictograms);
- at most `OCTETS_MAX` (15 Mo) and `PIXELS_MAX` (40 mégapixels), at least `LARGEUR_MIN` (320) pixels wide once
  turned upright; no animation.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from communs.core.controles import svg
from communs.core.modele import codes
from communs.core.modele.champs import Image
from communs.core.modele.projet import Item, Project

if TYPE_CHECKING:
    from PIL import Image as Pil

LARGEUR_MIN = 320
OCTETS_MAX = 15 * 1024 * 1024
"""15 Mo: a phone's photo weighs 2 to 8 Mo."""
PIXELS_MAX = 40_000_000
"""40 mégapixels: above that, decoding alone could take too much memory."""
FORMATS = frozenset({"JPEG", "PNG", "WEBP", "GIF"})
EXTENSIONS = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif"})
CHAMPS = ("image", "logo")
"""The front-matter fields that hold a picture."""
_ORIENTATION = 0x0112
"""The EXIF tag of the orientation: 5 to 8 turn the picture a quarter."""
_REDUIRE = "Réduisez-la (par exemple à 2 000 pixels de large) avant de l'ajouter."
_NOM_DE_FICHIER = re.compile(
    r"\.(jpe?g|png|webp|gif|svg|heic)$|^(img|dsc|dscn|pxl|photo|image|capture|screenshot|sans titre|untitled)[\s_.-]*\d*$"
)


class ImageRefusee(ValueError):
    """A picture that cannot be published: its code, what is wrong and what to do instead (in French)."""

    def __init__(self, code: str, message: str, correction: str) -> None:
        super().__init__(message)
        self.code, self.message, self.correction = code, message, correction


def examiner(data: bytes) -> Pil.Image:
    """Open a picture, refusing what cannot or must not be published; the pixels are not decoded yet."""
    from PIL import Image as Pil  # only here: a check of a commons without pictures starts sooner
    from PIL import UnidentifiedImageError

    if len(data) > OCTETS_MAX:
        raise ImageRefusee(
            codes.IMAGE_TROP_GRANDE,
            f"L'image pèse {len(data) // (1024 * 1024)} Mo, plus que la limite de {OCTETS_MAX // (1024 * 1024)} Mo.",
            _REDUIRE,
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Pil.DecompressionBombWarning)
            picture = Pil.open(io.BytesIO(data))
    except (Pil.DecompressionBombError, Pil.DecompressionBombWarning) as error:
        raise ImageRefusee(codes.IMAGE_TROP_GRANDE, "L'image a bien trop de pixels pour être publiée.", _REDUIRE) from error
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise ImageRefusee(
            codes.IMAGE_ILLISIBLE, "Le fichier n'est pas une image lisible.", "Enregistrez-la de nouveau en JPEG ou en PNG."
        ) from error
    if picture.format not in FORMATS:
        raise ImageRefusee(
            codes.IMAGE_ILLISIBLE, f"Le format {picture.format} n'est pas accepté.", "Enregistrez l'image en JPEG ou en PNG."
        )
    width, height = picture.size
    if width * height > PIXELS_MAX:
        raise ImageRefusee(
            codes.IMAGE_TROP_GRANDE,
            f"L'image fait {width} × {height} pixels, au-delà de {PIXELS_MAX // 1_000_000} mégapixels.",
            _REDUIRE,
        )
    if getattr(picture, "is_animated", False):
        raise ImageRefusee(
            codes.IMAGE_ANIMEE, "Une image animée n'est pas acceptée.", "Gardez une seule image fixe, en PNG ou en JPEG."
        )
    upright_width = height if picture.getexif().get(_ORIENTATION) in {5, 6, 7, 8} else width
    if upright_width < LARGEUR_MIN:
        raise ImageRefusee(
            codes.IMAGE_TROP_PETITE,
            f"L'image fait {upright_width} pixels de large, moins de {LARGEUR_MIN} pixels : elle serait floue.",
            f"Prenez une image d'au moins {LARGEUR_MIN} pixels de large.",
        )
    return picture


def verifier(data: bytes) -> None:
    """`examiner`, then a reduced decoding of the pixels (a truncated or corrupt file fails here)."""
    picture = examiner(data)
    try:
        picture.draft("RGB", (LARGEUR_MIN, LARGEUR_MIN))
        picture.load()
    except Exception as error:  # any failure of a decoder on a hostile file means « unreadable »
        raise ImageRefusee(
            codes.IMAGE_ILLISIBLE,
            "L'image est abîmée : ses pixels ne se lisent pas jusqu'au bout.",
            "Enregistrez-la de nouveau en JPEG ou en PNG depuis l'original.",
        ) from error


_VERDICTS: dict[tuple[str, int, int, int], tuple[str, str, str] | None] = {}
"""What `verifier` said of each picture already seen in this process, by the sha256 of its bytes and the limits it
was held to: a live server
re-checks the project at every save, and decoding every picture again would cost more than the rest of the check."""
_VERDICTS_MAX = 4096


def verifier_une_fois(data: bytes) -> None:
    """`verifier`, remembered by content: the same bytes get the same verdict without being decoded again."""
    key = (hashlib.sha256(data).hexdigest(), OCTETS_MAX, PIXELS_MAX, LARGEUR_MIN)
    if key not in _VERDICTS:
        try:
            verifier(data)
            _VERDICTS[key] = None
        except ImageRefusee as refus:
            _VERDICTS[key] = (refus.code, refus.message, refus.correction)
        if len(_VERDICTS) > _VERDICTS_MAX:
            del _VERDICTS[next(iter(_VERDICTS))]
    verdict = _VERDICTS[key]
    if verdict is not None:
        raise ImageRefusee(*verdict)


def images(item: Item) -> Iterator[tuple[str, Image]]:
    """The pictures of an item: (field, picture)."""
    for champ in CHAMPS:
        image = getattr(item.model, champ, None)
        if isinstance(image, Image):
            yield champ, image


def chemin(item: Item, image: Image) -> str | None:
    """The repository path of a picture, or None when `fichier` leaves the repository or enters a hidden folder."""
    if "://" in image.fichier or "\\" in image.fichier or image.fichier.startswith("/"):
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(item.path), image.fichier))
    if path == ".." or path.startswith("../") or any(part.startswith(".") for part in path.split("/")):
        return None
    return path


def _par_un_lien(root: Path, rel: str) -> bool:
    current = root
    for part in rel.split("/"):
        current = current / part
        if current.is_symlink():
            return True
    return False


def alt_insuffisant(image: Image) -> str | None:
    """Why the words of `alt` do not describe the picture, or None."""
    words = image.alt.strip().lower()
    name = posixpath.basename(image.fichier).lower()
    if words in {name, posixpath.splitext(name)[0]} or _NOM_DE_FICHIER.search(words):
        return "n'est que le nom d'un fichier"
    if len(re.findall(r"[^\W\d_]{2,}", words)) < 2:
        return "est trop court pour dire ce que montre l'image"
    return None


def check(project: Project) -> None:
    for item in project.items:
        for champ, image in images(item):
            _picture(project, item, champ, image)


def _picture(project: Project, item: Item, champ: str, image: Image) -> None:
    def add(key: str, code: str, message: str, fix: str) -> None:
        project.collector.add(item.path, item.doc.line_of((champ, key)), code, message, fix)

    if image.personnes and not image.autorisation:
        add(
            "personnes",
            codes.PERSONNES_SANS_AUTORISATION,
            f"L'image « {image.fichier} » montre des personnes, sans leur autorisation de diffusion déclarée.",
            "Ne publiez une photo de personnes reconnaissables (enfants surtout) qu'avec l'autorisation signée de chacune "
            "ou de ses parents, puis écrivez « autorisation: oui » ; sinon choisissez une image sans personne reconnaissable.",
        )
    if why := alt_insuffisant(image):
        add(
            "alt",
            codes.IMAGE_ALT,
            f"Le texte de remplacement « {image.alt} » {why}.",
            "Décrivez en quelques mots simples ce que montre l'image, par exemple « Deux seniors devant une tablette ».",
        )
    rel = chemin(item, image)
    if rel is None:
        add(
            "fichier",
            codes.HORS_DEPOT,
            f"Le chemin « {image.fichier} » de l'image sort du dépôt ou n'est pas un chemin de fichier.",
            "Rangez l'image dans un dossier images/ à côté de ce fichier et écrivez images/nom-de-l-image.jpg.",
        )
        return
    if _par_un_lien(project.root, rel):
        add(
            "fichier",
            codes.LIEN_SYMBOLIQUE,
            f"L'image « {image.fichier} » passe par un lien symbolique : elle n'est ni lue ni publiée.",
            "Copiez la vraie image dans le dépôt à la place du lien.",
        )
        return
    path = project.root / rel
    if not path.is_file():
        add(
            "fichier",
            codes.FICHIER_INTROUVABLE,
            f"L'image « {image.fichier} » de « {champ} » est introuvable.",
            "Vérifiez l'orthographe et le chemin (relatif à ce fichier), et que l'image est dans le dépôt.",
        )
        return
    extension = path.suffix.lower()
    if extension == ".svg":
        problem = svg.probleme(path)
        if problem:
            add(
                "fichier",
                codes.HTML_DANGEREUX,
                f"L'image SVG « {image.fichier} » contient {problem} : elle pourrait exécuter du code.",
                "Utilisez une photo ou une image en PNG ou en JPEG.",
            )
        else:
            add(
                "fichier",
                codes.IMAGE_SVG,
                f"L'image « {image.fichier} » est un dessin SVG : le site n'accepte que des images JPEG, PNG ou WebP.",
                "Exportez le dessin en PNG (au moins 320 pixels de large) et citez ce fichier.",
            )
        return
    if extension not in EXTENSIONS:
        add(
            "fichier",
            codes.IMAGE_ILLISIBLE,
            f"Le format de « {image.fichier} » n'est pas accepté.",
            "Enregistrez l'image en JPEG (photo) ou en PNG (dessin, logo).",
        )
        return
    try:
        if path.stat().st_size > OCTETS_MAX:
            raise ImageRefusee(
                codes.IMAGE_TROP_GRANDE, f"L'image pèse plus que la limite de {OCTETS_MAX // (1024 * 1024)} Mo.", _REDUIRE
            )
        verifier_une_fois(path.read_bytes())
    except ImageRefusee as refus:
        add("fichier", refus.code, f"« {image.fichier} » : {refus.message}", refus.correction)
