"""Pictures made safe and light for the web, with Pillow: every metadata removed (EXIF and its GPS position, XMP,
IPTC, comments, ICC profile), the orientation applied, a few widths in WebP with a JPEG fallback (PNG when the picture
has transparency). Outputs are cached by content: an unchanged picture is never processed twice.

The limits (checked before any decoding of pixels) and the refusals are the check's: controles/photos.py.
Nothing here knows the engine nor the page: `traiter` gives bytes by name.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from PIL import Image, ImageOps

from communs.core.controles.photos import LARGEUR_MIN as LARGEUR_MIN
from communs.core.controles.photos import OCTETS_MAX as OCTETS_MAX
from communs.core.controles.photos import PIXELS_MAX as PIXELS_MAX
from communs.core.controles.photos import ImageRefusee as ImageRefusee
from communs.core.controles.photos import examiner

LARGEURS = (320, 640, 1280)
QUALITE = 80
WEBP_METHODE = 2
"""WebP's effort (0 to 6): 2 is three times faster than 4 for files about 1 % bigger (measured by
scripts/benchmark_images.py)."""
VERSION = 2
"""Part of the cache key: raise it when the processing changes."""


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


def _propre(picture: Image.Image) -> Image.Image:
    """The pixels alone, turned upright: a new image carries none of the source's metadata. A large JPEG is decoded
    at a reduced scale that still covers the largest width (Pillow's draft mode: much faster for a phone's photo)."""
    if picture.format == "JPEG":
        picture.draft("RGB", (LARGEURS[-1], LARGEURS[-1]))
    upright = ImageOps.exif_transpose(picture)
    transparent = upright.mode in {"RGBA", "LA", "PA"} or (upright.mode == "P" and "transparency" in upright.info)
    clean = upright.convert("RGBA" if transparent else "RGB")
    return Image.frombytes(clean.mode, clean.size, clean.tobytes())


def _encoder(picture: Image.Image, format_: str) -> bytes:
    out = io.BytesIO()
    if format_ == "JPEG":
        picture.save(out, "JPEG", quality=QUALITE, progressive=True)
    elif format_ == "PNG":
        picture.save(out, "PNG", optimize=True)
    else:
        picture.save(out, "WEBP", quality=QUALITE, method=WEBP_METHODE)
    return out.getvalue()


def sans_metadonnees(data: bytes) -> bytes:
    """The same picture, upright and without any metadata, in its own format (PNG for a GIF): for a copy published
    under its own name (a centre's own site)."""
    source = examiner(data)
    picture = _propre(source)
    format_ = {"JPEG": "JPEG", "WEBP": "WEBP"}.get(source.format or "", "PNG")
    return _encoder(picture.convert("RGB") if format_ == "JPEG" else picture, format_)


def cle(data: bytes) -> str:
    """The cache key of a picture: its content and the version of the processing."""
    return hashlib.sha256(data + f"|{VERSION}|{LARGEURS}|{QUALITE}|{WEBP_METHODE}".encode()).hexdigest()[:20]


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
    resized = picture
    for width in reversed(widths):  # each width made from the one above it: much less work than from the original
        height = round(picture.height * width / picture.width)
        if width != resized.width:
            resized = resized.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        for format_, found in (("WEBP", webp), (fallback, repli)):
            extension = {"WEBP": "webp", "JPEG": "jpg", "PNG": "png"}[format_]
            name = f"{base}-{width}.{extension}"
            files[name] = _encoder(resized, format_)
            found.insert(0, Variante(name, width, height, f"image/{extension.replace('jpg', 'jpeg')}"))
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
