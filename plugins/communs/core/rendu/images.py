"""Pictures made safe and light for the web, with Pillow: every metadata removed (EXIF and its GPS position, XMP,
IPTC, comments, ICC profile), the orientation applied, a few widths in WebP with a JPEG fallback (PNG when the picture
has transparency). Outputs are cached by content: an unchanged picture is never processed twice.

Limits (checked before any decoding of pixels): at most `OCTETS_MAX` bytes and `PIXELS_MAX` pixels, at least
`LARGEUR_MIN` pixels wide; no animation. Nothing here knows the engine nor the page: `traiter` gives bytes by name.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

LARGEURS = (320, 640, 1280)
LARGEUR_MIN = 320
OCTETS_MAX = 15 * 1024 * 1024
"""15 Mo: a phone's photo weighs 2 to 8 Mo."""
PIXELS_MAX = 40_000_000
"""40 mégapixels: above that, decoding alone could take too much memory."""
FORMATS = frozenset({"JPEG", "PNG", "WEBP", "GIF"})
QUALITE = 80
_ORIENTATION = 0x0112
"""The EXIF tag of the orientation: 5 to 8 turn the picture a quarter."""
VERSION = 1
"""Part of the cache key: raise it when the processing changes."""


class ImageRefusee(ValueError):
    """A picture that cannot be published, with what to do instead (in French)."""

    def __init__(self, message: str, correction: str) -> None:
        super().__init__(message)
        self.message, self.correction = message, correction


@dataclass(frozen=True)
class Variante:
    chemin: str
    largeur: int
    hauteur: int
    type: str
    """The media type: image/webp, image/jpeg or image/png."""


@dataclass(frozen=True)
class Traitee:
    largeur: int
    hauteur: int
    webp: list[Variante]
    repli: list[Variante]
    """The same widths in JPEG (or PNG when transparent), for browsers without WebP."""


def examiner(data: bytes) -> Image.Image:
    """Open a picture, refusing what cannot or must not be published; the pixels are not decoded yet."""
    if len(data) > OCTETS_MAX:
        raise ImageRefusee(
            f"L'image pèse {len(data) // (1024 * 1024)} Mo, plus que la limite de {OCTETS_MAX // (1024 * 1024)} Mo.",
            "Réduisez-la (par exemple à 2 000 pixels de large) avant de l'ajouter.",
        )
    try:
        picture = Image.open(io.BytesIO(data))
    except (UnidentifiedImageError, OSError) as error:
        raise ImageRefusee("Le fichier n'est pas une image lisible.", "Enregistrez-la de nouveau en JPEG ou en PNG.") from error
    if picture.format not in FORMATS:
        raise ImageRefusee(f"Le format {picture.format} n'est pas accepté.", "Enregistrez l'image en JPEG ou en PNG.")
    width, height = picture.size
    if width * height > PIXELS_MAX:
        raise ImageRefusee(
            f"L'image fait {width} × {height} pixels, au-delà de {PIXELS_MAX // 1_000_000} mégapixels.",
            "Réduisez-la (par exemple à 2 000 pixels de large) avant de l'ajouter.",
        )
    if getattr(picture, "is_animated", False):
        raise ImageRefusee("Une image animée n'est pas acceptée.", "Gardez une seule image fixe, en PNG ou en JPEG.")
    upright_width = height if picture.getexif().get(_ORIENTATION) in {5, 6, 7, 8} else width
    if upright_width < LARGEUR_MIN:
        raise ImageRefusee(
            f"L'image fait moins de {LARGEUR_MIN} pixels de large : elle serait floue.",
            f"Prenez une image d'au moins {LARGEUR_MIN} pixels de large.",
        )
    return picture


def _propre(picture: Image.Image) -> Image.Image:
    """The pixels alone, turned upright: a new image carries none of the source's metadata."""
    upright = ImageOps.exif_transpose(picture)
    transparent = upright.mode in {"RGBA", "LA", "PA"} or (upright.mode == "P" and "transparency" in upright.info)
    clean = upright.convert("RGBA" if transparent else "RGB")
    return Image.frombytes(clean.mode, clean.size, clean.tobytes())


def _encoder(picture: Image.Image, format_: str) -> bytes:
    out = io.BytesIO()
    if format_ == "JPEG":
        picture.save(out, "JPEG", quality=QUALITE, optimize=True, progressive=True)
    elif format_ == "PNG":
        picture.save(out, "PNG", optimize=True)
    else:
        picture.save(out, "WEBP", quality=QUALITE, method=4)
    return out.getvalue()


def cle(data: bytes) -> str:
    """The cache key of a picture: its content and the version of the processing."""
    return hashlib.sha256(data + f"|{VERSION}|{LARGEURS}|{QUALITE}".encode()).hexdigest()[:20]


def traiter(data: bytes, base: str, cache: Path | None = None) -> tuple[Traitee, dict[str, bytes]]:
    """The published files of a picture, named « base-640.webp »…, and how to describe them in a page."""
    key = cle(data)
    if cache is not None and (cache / key / "traitee.json").is_file():
        return _lire(cache / key, base)
    picture = _propre(examiner(data))
    fallback = "PNG" if picture.mode == "RGBA" else "JPEG"
    widths = sorted({w for w in LARGEURS if w < picture.width} | {min(picture.width, LARGEURS[-1])})
    files: dict[str, bytes] = {}
    webp: list[Variante] = []
    repli: list[Variante] = []
    for width in widths:
        height = round(picture.height * width / picture.width)
        resized = picture if width == picture.width else picture.resize((width, height), Image.Resampling.LANCZOS)
        for format_, found in (("WEBP", webp), (fallback, repli)):
            extension = {"WEBP": "webp", "JPEG": "jpg", "PNG": "png"}[format_]
            name = f"{base}-{width}.{extension}"
            files[name] = _encoder(resized, format_)
            found.append(Variante(name, width, height, f"image/{extension.replace('jpg', 'jpeg')}"))
    result = Traitee(widths[-1], webp[-1].hauteur, webp, repli)
    if cache is not None:
        _ecrire(cache / key, base, result, files)
    return result, files


def _ecrire(folder: Path, base: str, result: Traitee, files: dict[str, bytes]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (folder / name.removeprefix(base)).write_bytes(content)
    (folder / "traitee.json").write_text(json.dumps(asdict(result) | {"base": base}), encoding="utf-8")


def _lire(folder: Path, base: str) -> tuple[Traitee, dict[str, bytes]]:
    data = json.loads((folder / "traitee.json").read_text(encoding="utf-8"))
    old = data["base"]

    def variantes(rows: list[dict[str, object]]) -> list[Variante]:
        return [Variante(**{**row, "chemin": base + str(row["chemin"]).removeprefix(old)}) for row in rows]  # type: ignore[arg-type]

    result = Traitee(data["largeur"], data["hauteur"], variantes(data["webp"]), variantes(data["repli"]))
    files = {v.chemin: (folder / v.chemin.removeprefix(base)).read_bytes() for v in result.webp + result.repli}
    return result, files


def srcset(variantes: list[Variante], prefixe: str = "") -> str:
    """The `srcset` attribute of a <source> or an <img>: every width of one format."""
    return ", ".join(f"{prefixe}{v.chemin} {v.largeur}w" for v in variantes)
