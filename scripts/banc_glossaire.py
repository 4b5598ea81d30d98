"""Benchmark of the glossary on generated corpora: the shipped lexicon, pages made of paragraphs of the shipped
solutions, sheets and reports, 100, 1,000 and 5,000 pages. Times are printed, never asserted by a test.

    .venv/bin/python scripts/banc_glossaire.py [--tailles 100 1000 5000] [--termes 0]

`--termes N` adds N made-up terms (with two variants each) to the lexicon, to see how the one regular
expression of the site grows with the lexicon.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from communs.core.domaine.lexique import Lexique
from communs.core.modele import modeles, projet
from communs.core.modele.projet import Item
from communs.core.rendu.glossaire import Glossaire
from communs.core.urls import Urls


def _paragraphs(loaded: projet.Project) -> list[str]:
    found: list[str] = []
    for item in loaded.items:
        if item.genre.name in ("prototype", "fiche", "rapport"):
            for block in re.split(r"\n\s*\n", item.doc.body):
                text = " ".join(block.split())
                if len(text) > 80 and not text.startswith(("#", "|", "<")):
                    found.append(f"<p>{text}</p>")
    return found


_SYLLABES = ["ba", "ché", "di", "fo", "gra", "lu", "mé", "ni", "po", "ré", "sa", "ti", "vou", "zé", "cla", "tran"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABES) for _ in range(rng.randint(2, 4)))


def _made_up_terms(loaded: projet.Project, count: int) -> None:
    """`count` terms with two variants each, made of random syllables (no shared beginning on purpose)."""
    rng = random.Random(7)
    template = next(i for i in loaded.items if isinstance(i.model, modeles.Terme))
    for number in range(count):
        model = modeles.Terme.model_validate(
            {
                "terme": _word(rng).capitalize(),
                "variantes": [_word(rng), f"{_word(rng)} {_word(rng)}"],
                "categorie": "notions",
                "definition": "Un mot inventé pour le banc d'essai.",
                "statut": "publie",
            }
        )
        loaded.items.append(Item(template.genre, f"mot-invente-{number}", template.doc, model))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Banc d'essai du glossaire sur des corpus générés.")
    parser.add_argument("--racine", type=Path, default=Path.cwd())
    parser.add_argument("--tailles", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--termes", type=int, default=0, help="termes inventés ajoutés au lexique")
    args = parser.parse_args(argv)
    loaded = projet.load(args.racine.resolve())
    _made_up_terms(loaded, args.termes)
    started = time.perf_counter()
    glossaire = Glossaire(Lexique(loaded))
    built = time.perf_counter() - started
    assert glossaire.regex is not None
    size = len(glossaire.regex.pattern)
    print(f"lexique : {len(glossaire.entrees)} termes, {len(glossaire.noms)} noms ; expression de {size} caractères")
    print(f"construction de l'expression : {built * 1000:.0f} ms (une fois par site)")
    paragraphs = _paragraphs(loaded)
    rng = random.Random(5)
    for size in args.tailles:
        pages = ["\n".join(rng.choice(paragraphs) for _ in range(12)) for _ in range(size)]
        durations, links = [], 0
        started = time.perf_counter()
        for page in pages:
            one = time.perf_counter()
            result = glossaire.lier(page, "prototypes/page.md", Urls())
            durations.append(time.perf_counter() - one)
            links += len(result.liens)
        total = time.perf_counter() - started
        average = sum(len(p) for p in pages) / len(pages) / 1024
        print(
            f"{size:>6} pages ({average:.1f} Ko de HTML chacune) : {total:.2f} s, "
            f"médiane {statistics.median(durations) * 1000:.2f} ms/page, "
            f"max {max(durations) * 1000:.1f} ms, {links / size:.1f} liens/page"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
