"""Benchmark of the pictures: the MkDocs build of a generated corpus with 1,000 pictures, cold then cached.

    .venv/bin/python scripts/benchmark_images.py [--images 1000] [--elements 1600] [--garder DIR] [--pelican]

scripts/corpus.py writes the corpus (its behaviour unchanged); this script then gives a picture to the first
`--images` solutions and activity sheets: a JPEG of 2400 × 1800 pixels as a phone writes it (GPS position, rotation
flag), each one different (seeded noise), cited with its `alt`. Each measure is one `mkdocs build --strict` in a fresh
subprocess (wall time, peak resident memory from `os.wait4`):

- sans images, à froid : the corpus without pictures, no cache (the preview cards of every page are drawn);
- sans images, en cache : the same again (cards read from the cache);
- avec images, à froid : the pictures added, no cache (every picture checked, processed into 3 widths × 2 formats,
  every card drawn);
- avec images, en cache : the same again (pictures and cards read from the cache, the check still reads every file).

`--pelican` measures the same four with Pelican (its own environment, .venv-pelican). Timings are printed, never
asserted: speed is measured here, not in the tests.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import corpus
from PIL import Image

REPO = Path(__file__).resolve().parent.parent
PELICAN_PYTHON = REPO / ".venv-pelican" / "bin" / "python"
CACHE = ".cache"


@dataclass
class Mesure:
    nom: str
    secondes: float
    memoire_mo: float
    code: int
    medias: int
    octets: int


def photo(rng: random.Random, numero: int) -> bytes:
    """A phone-like JPEG of 2400 × 1800 pixels: smooth shapes that compress as a photo does, a GPS position and a
    rotation flag; each one different."""
    width, height = 2400, 1800
    channels = [
        Image.effect_noise((48, 36), 50 + numero % 40).resize((width, height), Image.Resampling.BICUBIC),
        Image.linear_gradient("L").rotate(rng.randrange(360)).resize((width, height)),
        Image.new("L", (width, height), rng.randrange(256)),
    ]
    rng.shuffle(channels)
    picture = Image.merge("RGB", channels)
    exif = Image.Exif()
    exif[0x0112] = rng.choice((1, 6, 8))
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (50.0, float(rng.randrange(60)), 12.0), "E", (3.0, 3.0, 40.0)
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=88, exif=exif)
    return out.getvalue()


def ajouter_images(project: Path, nombre: int, seed: int) -> int:
    """Give a picture to the first `nombre` solutions and sheets of the corpus; how many got one."""
    rng = random.Random(seed)
    pages = sorted((project / "prototypes").glob("*.md")) + sorted((project / "fiches").glob("*.md"))
    pages = [p for p in pages if p.name != "index.md"][:nombre]
    for numero, page in enumerate(pages):
        folder = page.parent / "images"
        folder.mkdir(exist_ok=True)
        (folder / f"{page.stem}.jpg").write_bytes(photo(rng, numero))
        block = f"image:\n  fichier: images/{page.stem}.jpg\n  alt: Un atelier numérique dans un centre social, vue {numero}\n"
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("---\n", "---\n" + block, 1), encoding="utf-8")
    return len(pages)


def mesurer(nom: str, command: list[str], cwd: Path, site: Path, log: Path) -> Mesure:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    shutil.rmtree(site, ignore_errors=True)
    with log.open("wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
    medias = [p for p in (site / "medias").rglob("*") if p.is_file()] if (site / "medias").is_dir() else []
    return Mesure(
        nom,
        elapsed,
        usage.ru_maxrss / 1024,
        os.waitstatus_to_exitcode(status),
        len(medias),
        sum(p.stat().st_size for p in medias),
    )


def construire(moteur: str, project: Path, site: Path) -> list[str]:
    if moteur == "pelican":
        command = [str(PELICAN_PYTHON), "-m", "communs.adapters.pelican.construire", str(project), str(site)]
        return [*command, "--strict", "--sans-editeur"]
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)]


def serie(moteur: str, pristine: Path, root: Path, images: int, seed: int) -> list[Mesure]:
    site, logs, project = root / f"site-{moteur}", root / "journaux", root / f"corpus-{moteur}"
    logs.mkdir(exist_ok=True)
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(pristine, project)
    if moteur == "pelican":
        shutil.copyfile(REPO / "pelicanconf.py", project / "pelicanconf.py")

    def run(name: str) -> Mesure:
        found = mesurer(name, construire(moteur, project, site), project, site, logs / f"{moteur}-{len(done)}.log")
        if found.code != 0:
            print(f"{moteur} « {name} » a échoué : voir {logs}", file=sys.stderr)
        return found

    done: list[Mesure] = []
    shutil.rmtree(project / CACHE, ignore_errors=True)
    done.append(run("sans images, à froid"))
    done.append(run("sans images, en cache"))
    ajouter_images(project, images, seed)
    shutil.rmtree(project / CACHE, ignore_errors=True)
    done.append(run("avec images, à froid"))
    done.append(run("avec images, en cache"))
    return done


def rapport(moteur: str, mesures: list[Mesure], images: int) -> str:
    lines = [
        f"### {moteur} — {images} images",
        "",
        "| mesure | temps (s) | mémoire max (Mo) | fichiers sous medias/ | poids de medias/ (Mo) |",
        "|---|---:|---:|---:|---:|",
    ]
    for m in mesures:
        lines.append(f"| {m.nom} | {m.secondes:.1f} | {m.memoire_mo:.0f} | {m.medias} | {m.octets / 1e6:.1f} |")
    cold = mesures[2].secondes - mesures[0].secondes
    warm = mesures[3].secondes - mesures[1].secondes
    lines += [
        "",
        f"Images à froid : {cold:.1f} s de plus que sans images, soit {1000 * cold / images:.0f} ms par image.",
        f"Images en cache : {warm:.1f} s de plus que sans images, soit {1000 * warm / images:.1f} ms par image.",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Mesure la construction avec 1 000 images, à froid puis en cache.")
    parser.add_argument("--images", type=int, default=1000)
    parser.add_argument("--elements", type=int, default=1600, help="taille du corpus (assez de solutions et de fiches)")
    parser.add_argument("--graine", type=int, default=0)
    parser.add_argument("--garder", type=Path, help="dossier de travail gardé après la mesure")
    parser.add_argument("--pelican", action="store_true", help="mesure aussi Pelican (.venv-pelican)")
    args = parser.parse_args(argv)
    root = args.garder or Path(tempfile.mkdtemp(prefix="banc-images-"))
    root.mkdir(parents=True, exist_ok=True)
    try:
        pristine = root / "corpus"
        corpus.generate(pristine, args.elements, args.graine, replace=True)
        start = time.perf_counter()
        reports = []
        engines = ["mkdocs", *(["pelican"] * args.pelican)]
        for moteur in engines:
            found = serie(moteur, pristine, root, args.images, args.graine)
            reports.append(rapport(moteur, found, args.images))
        print(f"Corpus de {args.elements} éléments, {args.images} images JPEG de 2400 × 1800 pixels (graine {args.graine}).")
        print(f"Mesuré en {time.perf_counter() - start:.0f} s.\n")
        print("\n\n".join(reports))
    finally:
        if args.garder is None:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
