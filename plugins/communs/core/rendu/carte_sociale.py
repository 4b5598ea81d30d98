"""The preview card of a page for social networks and messaging apps (Open Graph `og:image`): a 1200 × 630 PNG drawn
with Pillow, in the network's colours, with the page's kind, its title and the site's name.

The font is DejaVu Sans, shipped by Debian (fonts-dejavu-core); where it is missing, Pillow's own default font, which
has no accents: the text then loses its accents rather than show empty boxes. No network. Cards are cached by content
(title, kind, site, font, version): an unchanged page never draws its card twice, and two builds give the same bytes.

A cold build has thousands of cards to draw (a few milliseconds each, most of it Pillow's PNG encoding): a second
process (`en_arriere_plan`) draws them into the cache from the start of the list while the build draws from its end;
each card is written whole under its name, so whoever draws it, the bytes are the same.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Sequence
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
SEUIL = 48
"""From this many cards to draw, a second process draws with the build (below, its start costs more than it saves)."""


def processeurs() -> int:
    """The processors the build may use (asked only by the build: the drawing process need not load the models)."""
    from communs.core.modele.lecture_parallele import processeurs as combien

    return combien()


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


@cache
def _fond(genre: str, site: str) -> Image.Image:
    """What every card of one kind shares, drawn once per build: the background, the band, the kind and the site's
    name, in shades (one byte per pixel). The title never reaches their rows, so a card is this plus its title."""
    shades = Image.new("L", (LARGEUR, HAUTEUR), 0)
    draw = ImageDraw.Draw(shades)
    draw.rectangle((0, HAUTEUR - 24, LARGEUR, HAUTEUR), fill=_BANDE)
    draw.text((_MARGE, 70), _ecrire(genre.upper()), font=_police(36), fill=_DISCRET)
    draw.text((_MARGE, HAUTEUR - 100), _ecrire(site), font=_police(32), fill=_DISCRET)
    return shades


def dessiner(titre: str, genre: str, site: str) -> bytes:
    """The PNG of the card: the title drawn in shades on a copy of its kind's background, then the shades given the
    palette (the same bytes as drawing the whole card: the parts never overlap)."""
    shades = _fond(genre, site).copy()
    draw = ImageDraw.Draw(shades)
    size = 64 if len(titre) < 60 else 54
    font = _police(size, gras=True)
    y = 140
    for line in _lignes(_ecrire(titre), font, LARGEUR - 2 * _MARGE):
        draw.text((_MARGE, y), line, font=font, fill=_BLANC)
        y += int(size * 1.2)
    shades.putpalette(_palette())  # the shades become the palette's indices: no copy of the pixels
    out = io.BytesIO()
    shades.save(out, "PNG", compress_level=_COMPRESSION)
    return out.getvalue()


def cle(titre: str, genre: str, site: str) -> str:
    return hashlib.sha256(f"{VERSION}|{police_disponible()}|{titre}|{genre}|{site}".encode()).hexdigest()[:20]


def chemin(dossier: Path, titre: str, genre: str, site: str) -> Path:
    """Where the cache `dossier` keeps a card."""
    return dossier / f"{cle(titre, genre, site)}.png"


def carte(titre: str, genre: str, site: str, dossier: Path | None = None) -> tuple[str, bytes]:
    """The card's key (its name) and its bytes, read from the cache `dossier` when it was already drawn."""
    key = cle(titre, genre, site)
    cached = dossier / f"{key}.png" if dossier is not None else None
    if cached is not None and cached.is_file():
        return key, cached.read_bytes()
    data = dessiner(titre, genre, site)
    if cached is not None:
        _garder(cached, data)
    return key, data


def dessiner_si_absente(dossier: Path, titre: str, genre: str, site: str) -> None:
    """Draw a card into the cache `dossier` unless it is there."""
    cached = chemin(dossier, titre, genre, site)
    if not cached.is_file():
        _garder(cached, dessiner(titre, genre, site))


def _garder(cached: Path, data: bytes) -> None:
    """Write a card whole under its name (renamed once written): a reader never sees half of it."""
    cached.parent.mkdir(parents=True, exist_ok=True)
    partial = cached.with_name(f".{cached.name}.{os.getpid()}")
    partial.write_bytes(data)
    partial.replace(cached)


def en_arriere_plan(cartes: Sequence[tuple[str, str, str]], dossier: Path) -> subprocess.Popen[bytes] | None:
    """Start a second process that draws `cartes` (title, kind, site) not yet in the cache `dossier`, in this order,
    skipping those already there; None when there are few, with a single processor, or if it cannot start (the build
    then draws every card itself). The list reaches it through a temporary file, not a pipe: no thread of this process
    waits to feed it, and a process the build forks later holds no end of a pipe that would keep it waiting."""
    if len(cartes) < SEUIL or processeurs() < 2:
        return None
    package = Path(__file__).resolve().parents[3]  # the folder holding `communs`
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(package), os.environ.get("PYTHONPATH")]))}
    try:
        with tempfile.TemporaryFile() as liste:
            liste.write(json.dumps(list(cartes)).encode())
            liste.seek(0)
            return subprocess.Popen(
                [sys.executable, "-m", __name__, str(dossier)],
                stdin=liste,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=env,
            )
    except OSError:
        return None


def _dessiner_tout(argv: list[str]) -> int:
    """The second process: the cards given on the standard input, drawn into the cache folder `argv[0]`."""
    dossier = Path(argv[0])
    cartes = json.loads(sys.stdin.buffer.read())
    for titre, genre, site in cartes:
        dessiner_si_absente(dossier, titre, genre, site)
    return 0


if __name__ == "__main__":
    sys.exit(_dessiner_tout(sys.argv[1:]))
