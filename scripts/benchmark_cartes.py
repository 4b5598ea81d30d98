"""Benchmark of the preview cards (core/rendu/carte_sociale.py): the processor time of drawing one card, in this
process, and of drawing a batch with the second process.

    .venv/bin/python scripts/benchmark_cartes.py [--cartes 400] [--repetitions 3]

Titles of every length and four kinds, as a corpus has them. « un processus » is `dessiner` called in a loop (the
best of the repetitions, in milliseconds of processor time per card, and a digest of the bytes: two versions of the
code that draw the same cards give the same digest); « deux processus » draws the same cards cold into a temporary
cache as a build does (`Partage.commencer` then `fichiers`: the second process from the start of the list, this one
from its end), with the processor time of both processes and the wall time. Timings are printed, never asserted.
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import tempfile
import time
from pathlib import Path

from communs.core.pages.partage import NOM
from communs.core.rendu import carte_sociale

GENRES = ("Solution", "Fiche d'activité", "Terme du lexique", "Ressources du réseau")
DEBUT = "Un atelier de découverte du numérique pour les seniors du quartier, avec les familles et les bénévoles"


def cartes(nombre: int) -> list[tuple[str, str, str]]:
    """`nombre` cards (title, kind, site): titles of 2 to 16 words."""
    words = DEBUT.split()
    return [(f"{' '.join(words[: 2 + i % 15])} {i}", GENRES[i % len(GENRES)], NOM) for i in range(nombre)]


def un_processus(lot: list[tuple[str, str, str]], repetitions: int) -> tuple[float, str]:
    carte_sociale.dessiner(*lot[0])  # fonts and backgrounds loaded
    best, digest = float("inf"), ""
    for _ in range(repetitions):
        started, hashed = time.process_time(), hashlib.sha256()
        for card in lot:
            hashed.update(carte_sociale.dessiner(*card))
        best, digest = min(best, (time.process_time() - started) / len(lot)), hashed.hexdigest()[:16]
    return best * 1000, digest


def deux_processus(lot: list[tuple[str, str, str]]) -> tuple[float, float, float]:
    with tempfile.TemporaryDirectory(prefix="cartes-") as folder:
        cache = Path(folder)
        started, wall = time.process_time(), time.perf_counter()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        process = carte_sociale.en_arriere_plan(lot, cache)
        for card in reversed(lot):
            carte_sociale.dessiner_si_absente(cache, *card)
        if process is not None:
            process.wait()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        child = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        return (time.process_time() - started) * 1000 / len(lot), child * 1000 / len(lot), time.perf_counter() - wall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Mesure le dessin des cartes de partage.")
    parser.add_argument("--cartes", type=int, default=400, help="nombre de cartes (par défaut : 400)")
    parser.add_argument("--repetitions", type=int, default=3, help="répétitions (par défaut : 3)")
    args = parser.parse_args(argv)
    lot = cartes(args.cartes)
    per_card, digest = un_processus(lot, args.repetitions)
    print(f"un processus   : {per_card:.2f} ms de processeur par carte (empreinte des octets {digest})")
    here, there, wall = deux_processus(lot)
    print(
        f"deux processus : {here + there:.2f} ms de processeur par carte ({here:.2f} ici, {there:.2f} dans le second), "
        f"{wall:.2f} s de mur pour {len(lot)} cartes"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
