"""The preview card of a page for social networks and messaging apps (Open Graph `og:image`): a 1200 × 630 PNG drawn
with Pillow, in the network's colours, with the page's kind, its title and the site's name.

The font is DejaVu Sans, shipped by Debian (fonts-dejavu-core); where it is missing, Pillow's own default font, which
has no accents: the text then loses its accents rather than show empty boxes. No network. Cards are cached by content
(title, kind, site, font, version): an unchanged page never draws its card twice, and two builds give the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import unicodedata
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

LARGEUR, HAUTEUR = 1200, 630
FOND = (40, 53, 147)
"""Indigo, the site's primary colour (Material's indigo 800)."""
BANDE = (255, 193, 7)
"""A warm accent band, as the network's printed reports use."""
TEXTE = (255, 255, 255)
_BLANC, _DISCRET, _BANDE = 239, 180, 255
"""Palette indices: white text, the discreet text (three quarters of the way to white), the band."""
VERSION = 3
"""Part of the cache key: raise it when the drawing or its encoding changes."""
_COMPRESSION = 3
"""zlib level of the PNG: twice as fast as Pillow's default 6 on these flat cards, for about a fifth more bytes
(a card is fetched once by a network's preview, never by a reader of the page)."""
_MARGE = 80
_LIGNES_MAX = 4


DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
_GRAS, _NORMAL = DEJAVU / "DejaVuSans-Bold.ttf", DEJAVU / "DejaVuSans.ttf"


def police_disponible() -> str:
    """The name of the font the cards are drawn with (part of the cache key)."""
    return "dejavu" if _GRAS.is_file() and _NORMAL.is_file() else "pillow"


@cache
def _police(taille: int, gras: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    if police_disponible() == "dejavu":
        return ImageFont.truetype(str(_GRAS if gras else _NORMAL), taille)
    return ImageFont.load_default(size=taille)


def _ecrire(texte: str) -> str:
    """The text as the font can draw it: without accents when only Pillow's default font is there."""
    if police_disponible() == "dejavu":
        return texte
    return unicodedata.normalize("NFKD", texte).encode("ascii", "ignore").decode("ascii")


def _lignes(texte: str, police: ImageFont.FreeTypeFont | ImageFont.ImageFont, largeur: int) -> list[str]:
    """The title cut into lines that fit, at most `_LIGNES_MAX`, the last one ending with « … » if cut."""
    lines: list[str] = []
    current = ""
    for word in texte.split():
        candidate = f"{current} {word}".strip()
        if police.getlength(candidate) <= largeur or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > _LIGNES_MAX:
        last = lines[_LIGNES_MAX - 1]
        while last and police.getlength(last + " …") > largeur:
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        lines = [*lines[: _LIGNES_MAX - 1], last + " …"]
    return lines


@cache
def _palette() -> tuple[int, ...]:
    """Indices 0 to `_BLANC`: from the background to white (the text's antialiasing); `_BANDE`: the band."""
    colours = [tuple(round(f + (t - f) * i / _BLANC) for f, t in zip(FOND, TEXTE, strict=True)) for i in range(_BLANC + 1)]
    colours += [FOND] * (_BANDE - _BLANC - 1) + [BANDE]
    return tuple(value for colour in colours for value in colour)


def dessiner(titre: str, genre: str, site: str) -> bytes:
    """The PNG of the card, drawn in shades (one byte per pixel) then given the palette: a few milliseconds."""
    shades = Image.new("L", (LARGEUR, HAUTEUR), 0)
    draw = ImageDraw.Draw(shades)
    draw.rectangle((0, HAUTEUR - 24, LARGEUR, HAUTEUR), fill=_BANDE)
    draw.text((_MARGE, 70), _ecrire(genre.upper()), font=_police(36), fill=_DISCRET)
    size = 64 if len(titre) < 60 else 54
    font = _police(size, gras=True)
    y = 140
    for line in _lignes(_ecrire(titre), font, LARGEUR - 2 * _MARGE):
        draw.text((_MARGE, y), line, font=font, fill=_BLANC)
        y += int(size * 1.2)
    draw.text((_MARGE, HAUTEUR - 100), _ecrire(site), font=_police(32), fill=_DISCRET)
    picture = Image.frombytes("P", shades.size, shades.tobytes())
    picture.putpalette(_palette())
    out = io.BytesIO()
    picture.save(out, "PNG", compress_level=_COMPRESSION)
    return out.getvalue()


def cle(titre: str, genre: str, site: str) -> str:
    return hashlib.sha256(f"{VERSION}|{police_disponible()}|{titre}|{genre}|{site}".encode()).hexdigest()[:20]


def carte(titre: str, genre: str, site: str, dossier: Path | None = None) -> tuple[str, bytes]:
    """The card's key (its name) and its bytes, read from the cache `dossier` when it was already drawn."""
    key = cle(titre, genre, site)
    cached = dossier / f"{key}.png" if dossier is not None else None
    if cached is not None and cached.is_file():
        return key, cached.read_bytes()
    data = dessiner(titre, genre, site)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(data)
    return key, data
