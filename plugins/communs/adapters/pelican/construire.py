"""Build a site with Pelican: `python -m communs.adapters.pelican.construire RACINE SORTIE [options]`.

Messages go to the standard error as « NIVEAU: message » (the diagnostics in the core's French form); the exit code
is 1 when the content has errors (or warnings, with --strict)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

from communs.adapters.pelican.greffon import ContenuInvalide
from communs.adapters.pelican.reglages import parametres


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="communs-pelican", description="Construit le site avec Pelican.")
    parser.add_argument("racine", type=Path, help="racine du dépôt (content/, prototypes/, fiches/)")
    parser.add_argument("sortie", type=Path, help="dossier du site construit")
    parser.add_argument("--fichiers", action="store_true", help="pages en fichiers .html (copie hors ligne)")
    parser.add_argument("--strict", action="store_true", help="échoue aussi sur les avertissements du contenu")
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
        settings = read_settings(str(conf), override=override)
    else:
        options = json.loads(args.reglages or "{}")
        if options.get("navigation"):
            options["navigation"] = [tuple(entry) for entry in options["navigation"]]
        settings = read_settings(
            override=parametres(args.racine, args.sortie, repertoires=not args.fichiers, strict=args.strict, **options)
        )
    try:
        Pelican(settings).run()
    except ContenuInvalide as exc:
        print(f"ERROR: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
