"""A test site with pictures, generated here with Pillow (never a photograph of a real person): the small test site
(tests/sites/mini) with a phone photo on its solution (GPS position, rotation flag, comment, the people's consent),
a transparent PNG on its sheet, and a second solution without a picture (its card shows a pictogram)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from PIL import Image

from .conftest import REPO, SITES

GPS_LAT = (50.0, 37.0, 12.0)
COMMENTAIRE = b"atelier des enfants du mercredi"
ALT_PHOTO = "Une borne numérique dans le hall d'un centre social"
ALT_DESSIN = "Un robot en carton dessiné sur fond transparent"
CREDIT = "Centre social de test"


def photo_de_telephone(width: int = 1600, height: int = 900) -> bytes:
    """A JPEG as a phone writes it: turned a quarter by its EXIF flag, with a GPS position, a maker, a comment."""
    picture = Image.new("RGB", (width, height), (200, 30, 30))
    picture.paste((30, 30, 200), (0, 0, width // 2, height))  # left half blue: shows where the left went
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x010F] = "Téléphone"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", GPS_LAT, "E", (3.0, 3.0, 40.0)
    out = io.BytesIO()
    picture.save(out, "JPEG", exif=exif, comment=COMMENTAIRE)
    return out.getvalue()


def png_transparent(width: int = 700, height: int = 400) -> bytes:
    picture = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    picture.paste((20, 120, 60, 255), (100, 50, 600, 350))
    out = io.BytesIO()
    picture.save(out, "PNG")
    return out.getvalue()


def _add(page: Path, block: str) -> None:
    page.write_text(page.read_text(encoding="utf-8").replace("---\n", "---\n" + block, 1), encoding="utf-8")


def site_illustre(target: Path, *, hors_ligne: bool = False) -> Path:
    """The project folder (with its mkdocs.yml) of the test site with pictures."""
    root = Path(shutil.copytree(SITES / "mini", target, ignore=shutil.ignore_patterns(".cache")))
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("../../../themes", str(REPO / "themes"))
    text += "extra_css:\n  - assets/communs.css\n"  # the shipped site's styles (links, footer)
    (root / "content" / "assets").mkdir(exist_ok=True)
    shutil.copyfile(REPO / "content" / "assets" / "communs.css", root / "content" / "assets" / "communs.css")
    if hors_ligne:
        text = text.replace("docs_dir: content\n", "docs_dir: content\nuse_directory_urls: false\n")
    config.write_text(text, encoding="utf-8")
    (root / "prototypes" / "images").mkdir()
    (root / "prototypes" / "images" / "borne.jpg").write_bytes(photo_de_telephone())
    solution = root / "prototypes" / "borne-test.md"
    sans_image = solution.read_text(encoding="utf-8").replace("titre: Borne de test", "titre: Borne sans image")
    (root / "prototypes" / "borne-sans-image.md").write_text(sans_image, encoding="utf-8")
    _add(
        solution,
        f"image:\n  fichier: images/borne.jpg\n  alt: {ALT_PHOTO}\n  legende: La borne, dans le hall\n"
        f"  credit: {CREDIT}\n  licence: CC-BY-SA-4.0\n  personnes: oui\n  autorisation: oui\n",
    )
    (root / "fiches" / "images").mkdir()
    (root / "fiches" / "images" / "robot.png").write_bytes(png_transparent())
    _add(root / "fiches" / "atelier-robots.md", f"image:\n  fichier: images/robot.png\n  alt: {ALT_DESSIN}\n")
    # Under content/, where an engine would copy every file: the original must still stay out of the site.
    (root / "content" / "centres" / "images").mkdir()
    (root / "content" / "centres" / "images" / "facade.jpg").write_bytes(photo_de_telephone(1200, 800))
    _add(
        root / "content" / "centres" / "centre-social-test.md",
        "image:\n  fichier: images/facade.jpg\n  alt: La façade du centre\n",
    )
    return root
