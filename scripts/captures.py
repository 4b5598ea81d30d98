"""Captures d'écran des pages principales du site, sur ordinateur (1280 px) et sur téléphone (390 px).

    .venv/bin/python scripts/captures.py DOSSIER [--site site/]

Construit le site s'il manque (make build), le sert sur 127.0.0.1 et écrit dans DOSSIER (hors du dépôt) une image
par page et par écran : accueil, catalogue des solutions, une solution, une fiche, un territoire. Utilise le Chromium
de Debian, comme les tests navigateur.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import subprocess
import sys
import threading
from pathlib import Path

from navigateur import CHROMIUM_FLAGS, ServeurSilencieux
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
PAGES = {
    "accueil": "",
    "catalogue-solutions": "prototypes/",
    "solution": "prototypes/le-numerique-a-mon-service/",
    "fiche": "fiches/malle-d-alie-coder-sans-ecran/",
    "territoire": "territoires/boulonnais/",
}
ECRANS = {"ordinateur": (1280, 900), "telephone": (390, 844)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Captures d'écran du site, sur ordinateur et sur téléphone.")
    parser.add_argument("dossier", type=Path, help="où écrire les images (hors du dépôt)")
    parser.add_argument("--site", type=Path, default=REPO / "site", help="le site construit (par défaut : site/)")
    parser.add_argument("--page-entiere", action="store_true", help="toute la page, pas seulement le premier écran")
    args = parser.parse_args(argv)
    dest: Path = args.dossier.resolve()
    if dest == REPO or REPO in dest.parents:
        print("Choisissez un dossier hors du dépôt.", file=sys.stderr)
        return 2
    if not (args.site / "index.html").is_file():
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=REPO, check=True)
    chromium = shutil.which("chromium")
    if chromium is None:
        print("Chromium est introuvable (paquet Debian chromium).", file=sys.stderr)
        return 2
    dest.mkdir(parents=True, exist_ok=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(ServeurSilencieux, directory=str(args.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
            for ecran, (width, height) in ECRANS.items():
                page = browser.new_page(viewport={"width": width, "height": height})
                for nom, chemin in PAGES.items():
                    page.goto(base + chemin)
                    image = dest / f"{nom}-{ecran}.png"
                    page.screenshot(path=str(image), full_page=args.page_entiere)
                    print(image)
                page.close()
            browser.close()
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
