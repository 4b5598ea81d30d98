"""Build a site with Pelican: `python -m communs.adapters.pelican.construire RACINE SORTIE [options]`.

Messages go to the standard error as « NIVEAU: message » (the diagnostics in the core's French form); the exit code
is 1 when the content has errors (or warnings, with --strict)."""

from __future__ import annotations

import argparse
import gc
import json
import logging
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pelican import Pelican
from pelican.settings import read_settings

from communs.adapters.pelican.erreurs import ContenuInvalide
from communs.adapters.pelican.generateur import DERNIERS
from communs.adapters.pelican.parametres import parametres
from communs.adapters.pelican.serveur import Versions, serveur
from communs.core.modele import genres

RECHARGEMENT = "rechargement.js"
"""The theme's live reload script, served only by `--servir` (never written into the site)."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="communs-pelican", description="Construit le site avec Pelican.")
    parser.add_argument("racine", type=Path, help="racine du dépôt (content/, prototypes/, fiches/)")
    parser.add_argument("sortie", type=Path, help="dossier du site construit")
    parser.add_argument("--fichiers", action="store_true", help="pages en fichiers .html (copie hors ligne)")
    parser.add_argument("--strict", action="store_true", help="échoue aussi sur les avertissements du contenu")
    parser.add_argument("--sans-editeur", action="store_true", help="sans l'éditeur web (admin/), comme un corpus de mesure")
    parser.add_argument(
        "--servir", type=int, metavar="PORT", help="sert le site sur 127.0.0.1:PORT et le reconstruit à chaque modification"
    )
    parser.add_argument(
        "--reglages",
        help="réglages du site en JSON (nom, depot, edit_uri, site_url…) ; sans eux, ceux du pelicanconf.py de la racine",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s", stream=sys.stderr, force=True)
    conf = args.racine / "pelicanconf.py"
    if args.reglages is None and conf.is_file():
        base = parametres(args.racine, args.sortie)
        override = {key: base[key] for key in ("OUTPUT_PATH", "CACHE_PATH")}
        override |= {"COMMUNS_REPERTOIRES": not args.fichiers, "COMMUNS_STRICT": args.strict}
        if args.fichiers or args.sans_editeur:
            override["COMMUNS_EDITEUR"] = False  # the offline copy has no web editor: it needs the network
        settings = read_settings(str(conf), override=override)
    else:
        options = json.loads(args.reglages or "{}")
        if options.get("navigation"):
            options["navigation"] = [tuple(entry) for entry in options["navigation"]]
        settings = read_settings(
            override=parametres(args.racine, args.sortie, repertoires=not args.fichiers, strict=args.strict, **options)
        )
    if args.servir:
        return servir(settings, args.servir)
    return construire(settings)


def construire(settings: dict[str, Any]) -> int:
    try:
        Pelican(settings).run()
    except ContenuInvalide as exc:
        print(f"ERROR: {exc}", file=sys.stderr)
        return 1
    finally:
        gc.unfreeze()  # the build's façade, frozen when it was built (greffon.generateurs), may now be collected
    return 0


def servir(settings: dict[str, Any], port: int) -> int:
    """Build, serve the output, and build again after each change of the content or the theme: the page of a text
    saved below an unchanged front-matter is rewritten at once, then the build writes only what changed
    (reecriture.py) and Pelican's content cache reads again only the changed files; the open pages reload
    themselves (serveur.py, rechargement.js)."""
    from watchfiles import watch

    racine = Path(settings["COMMUNS_RACINE"])
    settings = read_settings(override={**settings, "COMMUNS_RECHARGEMENT": True})
    versions = Versions()
    construire(settings)
    versions.suivante()
    server = serveur(settings["OUTPUT_PATH"], port, versions, Path(settings["THEME"]) / RECHARGEMENT)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Site servi sur http://127.0.0.1:{port}/ ; Ctrl+C pour arrêter.", file=sys.stderr)
    folders = [racine / name for name in (genres.CONTENT_DIR, *genres.EXTERNAL_FOLDERS)] + [Path(settings["THEME"])]
    try:
        for changes in watch(*(str(f) for f in folders if f.is_dir())):
            print(f"Modifié : {', '.join(sorted(p for _, p in changes))}", file=sys.stderr)
            started = time.perf_counter()
            dernier = DERNIERS.pop(settings["OUTPUT_PATH"], None)
            if dernier is not None and dernier.reecrire({p for _, p in changes}):
                versions.suivante()  # the edited page first; the whole build follows
                print(f"Page réécrite en {time.perf_counter() - started:.2f} s.", file=sys.stderr)
            del dernier  # one façade in memory at a time
            construire(read_settings(override=dict(settings)))
            versions.suivante()
            print(f"Reconstruit en {time.perf_counter() - started:.2f} s.", file=sys.stderr)
    except KeyboardInterrupt:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
