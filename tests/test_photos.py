"""The check of the pictures of the front-matter, on pictures generated here (never a photograph of a real person):
each bad file gives its code on the line of the field, with a French fix; a good one gives nothing."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from communs.core.controles import photos, verification
from communs.core.modele import codes
from PIL import Image

from .conftest import SITES

SOLUTION = "prototypes/borne-test.md"


def png(width: int = 800, height: int = 500, mode: str = "RGB") -> bytes:
    out = io.BytesIO()
    Image.new(mode, (width, height), (40, 90, 160, 120) if mode == "RGBA" else (40, 90, 160)).save(out, "PNG")
    return out.getvalue()


def jpeg(width: int = 800, height: int = 500) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 40)).save(out, "JPEG")
    return out.getvalue()


def gif_anime() -> bytes:
    frames = [Image.new("RGB", (400, 300), color) for color in ((255, 0, 0), (0, 0, 255))]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:])
    return out.getvalue()


def with_picture(root: Path, fichier: str, data: bytes | None, extra: str = "") -> None:
    """The test site's solution given a picture (its bytes written next to it, when given)."""
    page = root / SOLUTION
    block = f"image:\n  fichier: {fichier}\n  alt: Une borne numérique dans le hall d'un centre\n{extra}"
    page.write_text(page.read_text(encoding="utf-8").replace("---\n", "---\n" + block, 1), encoding="utf-8")
    if data is not None:
        (root / "prototypes" / "images").mkdir(exist_ok=True)
        (root / "prototypes" / fichier).write_bytes(data)


@pytest.fixture
def racine(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SITES / "mini", tmp_path / "mini"))


def found(root: Path) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in verification.run(root).collector.items if d.path == SOLUTION]


def test_a_good_picture_with_consent_gives_no_diagnostic(racine: Path) -> None:
    with_picture(racine, "images/borne.jpg", jpeg(), "  personnes: oui\n  autorisation: oui\n  legende: Une borne\n")
    assert found(racine) == []


@pytest.mark.parametrize(
    ("fichier", "make", "code"),
    [
        ("images/petite.png", lambda: png(200, 600), codes.IMAGE_TROP_PETITE),
        ("images/anime.gif", gif_anime, codes.IMAGE_ANIMEE),
        ("images/abimee.jpg", lambda: jpeg()[:400], codes.IMAGE_ILLISIBLE),
        ("images/texte.jpg", lambda: b"pas une image", codes.IMAGE_ILLISIBLE),
        ("images/dessin.bmp", png, codes.IMAGE_ILLISIBLE),
        ("images/absente.png", lambda: None, codes.FICHIER_INTROUVABLE),
        ("/etc/hostname", lambda: None, codes.HORS_DEPOT),
        ("https://exemple.fr/photo.jpg", lambda: None, codes.HORS_DEPOT),
    ],
    ids=["trop-petite", "gif-anime", "tronquee", "texte", "format", "absente", "absolu", "adresse-web"],
)
def test_each_bad_picture_is_reported_on_the_line_of_its_file(
    racine: Path, fichier: str, make: Callable[[], bytes | None], code: str
) -> None:
    with_picture(racine, fichier, make())
    assert (code, 3) in found(racine)


def test_a_huge_picture_is_too_large_in_pixels_and_in_bytes(racine: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with_picture(racine, "images/immense.png", png(1500, 1000))
    monkeypatch.setattr(photos, "PIXELS_MAX", 1_000_000)
    assert (codes.IMAGE_TROP_GRANDE, 3) in found(racine)
    monkeypatch.setattr(photos, "OCTETS_MAX", 1000)
    assert (codes.IMAGE_TROP_GRANDE, 3) in found(racine)


def test_a_picture_is_decoded_once_per_content_whatever_the_number_of_checks(
    racine: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A live server checks the project at every save: the same bytes keep their verdict, new bytes get a new one."""
    decoded: list[int] = []
    real = photos.verifier
    monkeypatch.setattr(photos, "verifier", lambda data: (decoded.append(len(data)), real(data))[1])
    with_picture(racine, "images/seule.png", png(640, 480))
    assert found(racine) == [] and found(racine) == []
    assert len(decoded) == 1
    (racine / "prototypes" / "images" / "seule.png").write_bytes(png(200, 480))
    assert found(racine) == [(codes.IMAGE_TROP_PETITE, 3)]
    assert len(decoded) == 2


def test_a_picture_reached_through_a_symbolic_link_is_never_read(racine: Path, tmp_path: Path) -> None:
    (tmp_path / "ailleurs.png").write_bytes(png())
    (racine / "prototypes" / "images").mkdir()
    (racine / "prototypes" / "images" / "lien.png").symlink_to(tmp_path / "ailleurs.png")
    with_picture(racine, "images/lien.png", None)
    assert (codes.LIEN_SYMBOLIQUE, 3) in found(racine)


def test_people_without_consent_is_a_privacy_error_on_the_line_of_personnes(racine: Path) -> None:
    with_picture(racine, "images/groupe.jpg", jpeg(), "  personnes: oui\n")
    assert found(racine) == [(codes.PERSONNES_SANS_AUTORISATION, 5)]


@pytest.mark.parametrize("alt", ["IMG_2034.jpg", "borne.jpg", "photo", "DSC0042", "Logo", "   "])
def test_an_alt_that_is_a_file_name_or_a_single_word_is_refused(racine: Path, alt: str) -> None:
    with_picture(racine, "images/borne.jpg", jpeg())
    page = racine / SOLUTION
    page.write_text(page.read_text(encoding="utf-8").replace("Une borne numérique dans le hall d'un centre", f"'{alt}'"))
    assert [code for code, _ in found(racine)] in ([codes.IMAGE_ALT], [codes.VALEUR_INVALIDE], [codes.CHAMP_OBLIGATOIRE])


def test_the_web_editor_uploads_a_picture_into_images_next_to_the_entry(racine: Path) -> None:
    from communs.core.contribution import decap

    config = decap.configuration(verification.run(racine), None)
    for collection in (c for c in config["collections"] if c["name"] in {"solutions", "fiches", "centres"}):
        image = next(f for f in collection["fields"] if f["name"] == "image")
        fields = {f["name"]: f for f in image["fields"]}
        assert fields["fichier"]["widget"] == "image" and fields["fichier"]["media_folder"] == "images"
        assert fields["personnes"]["widget"] == "boolean" and "simples" in fields["alt"]["hint"]
        assert not any(f["required"] for f in fields.values()), "Decap would refuse to save an entry without picture"
