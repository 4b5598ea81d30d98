"""The picture pipeline of the core, on pictures generated here: metadata gone (read back with Pillow), orientation
applied, the widths made in WebP with a fallback, the cache by content, and each bad picture refused in French."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from communs.core.controles import photos
from communs.core.rendu import images
from PIL import Image


def _jpeg_with_gps_and_rotation(width: int = 1600, height: int = 900) -> bytes:
    picture = Image.new("RGB", (width, height), (200, 30, 30))
    picture.paste((30, 30, 200), (0, 0, width // 2, height))  # left half blue: shows where the left went
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: the camera was turned a quarter
    exif[0x010F] = "Téléphone"  # maker
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (50.0, 37.0, 12.0), "E", (3.0, 3.0, 40.0)
    out = io.BytesIO()
    picture.save(out, "JPEG", exif=exif, comment=b"atelier des enfants")
    return out.getvalue()


def _png(width: int, height: int, mode: str = "RGBA") -> bytes:
    out = io.BytesIO()
    Image.new(mode, (width, height), (0, 120, 0, 100) if mode == "RGBA" else (0, 120, 0)).save(out, "PNG")
    return out.getvalue()


def _read(data: bytes) -> Image.Image:
    picture = Image.open(io.BytesIO(data))
    picture.load()
    return picture


def test_a_phone_photo_loses_its_gps_and_every_metadata_and_stands_upright() -> None:
    result, files = images.traiter(_jpeg_with_gps_and_rotation(), "photos/atelier")
    assert [v.largeur for v in result.webp] == [320, 640, 900]
    assert result.largeur == 900 and result.hauteur == 1600, "turned a quarter: now taller than wide"
    assert {v.type for v in result.webp} == {"image/webp"} and {v.type for v in result.repli} == {"image/jpeg"}
    for name, data in files.items():
        picture = _read(data)
        assert not picture.getexif(), name
        assert not {"exif", "xmp", "icc_profile", "comment", "XML:com.adobe.xmp"} & set(picture.info), name
        assert b"GPS" not in data and b"atelier des enfants" not in data and "Téléphone".encode() not in data
        assert picture.height > picture.width, name
    top = _read(files["photos/atelier-320.jpg"]).convert("RGB")
    red, _, blue = top.getpixel((160, 10))  # type: ignore[misc]
    assert blue > red, "the left half (blue) is now at the top"


def test_a_transparent_png_keeps_its_transparency_in_a_png_fallback() -> None:
    result, files = images.traiter(_png(700, 400), "logo")
    assert [v.chemin for v in result.repli] == ["logo-320.png", "logo-640.png", "logo-700.png"]
    assert _read(files["logo-640.png"]).mode == "RGBA"
    assert _read(files["logo-640.webp"]).mode == "RGBA"
    assert images.srcset(result.webp) == "logo-320.webp 320w, logo-640.webp 640w, logo-700.webp 700w"


def test_an_unchanged_picture_is_never_processed_twice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _png(400, 300, "RGB")
    first, files = images.traiter(data, "a", tmp_path)
    monkeypatch.setattr(images, "_propre", lambda picture: pytest.fail("processed again"))
    again, same = images.traiter(data, "b", tmp_path)
    assert [v.chemin for v in again.webp] == ["b-320.webp", "b-400.webp"]
    assert sorted(same.values()) == sorted(files.values())
    assert again.largeur == first.largeur and again.hauteur == first.hauteur


def _gif_anime() -> bytes:
    frames = [Image.new("RGB", (400, 300), color) for color in ((255, 0, 0), (0, 0, 255))]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:])
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"\xff\xd8\xff\xe0 pas vraiment une image", "pas une image lisible"),
        (_png(200, 600, "RGB"), "moins de 320 pixels"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "pas une image lisible"),
        (_gif_anime(), "animée"),
        (b"\x00" * (images.OCTETS_MAX + 1), "Mo"),
    ],
    ids=["corrompue", "trop-petite", "svg", "gif-anime", "trop-lourde"],
)
def test_each_bad_picture_is_refused_with_a_french_fix(data: bytes, said: str) -> None:
    with pytest.raises(images.ImageRefusee) as refused:
        images.traiter(data, "x")
    assert said in refused.value.message and refused.value.correction


def test_a_huge_picture_is_refused_before_its_pixels_are_decoded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(photos, "PIXELS_MAX", 1_000_000)
    with pytest.raises(images.ImageRefusee, match="mégapixels"):
        images.traiter(_png(1500, 1000, "RGB"), "x")


def test_a_copy_under_its_own_name_keeps_its_format_and_loses_its_metadata() -> None:
    """A centre's own site publishes its news' pictures under their names: cleaned the same way."""
    data = images.sans_metadonnees(_jpeg_with_gps_and_rotation())
    picture = _read(data)
    assert picture.format == "JPEG" and picture.size == (900, 1600)
    assert not picture.getexif() and b"GPS" not in data and b"atelier des enfants" not in data
    assert _read(images.sans_metadonnees(_png(700, 400))).format == "PNG"
