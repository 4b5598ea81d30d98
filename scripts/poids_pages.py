"""HTML weight of a built site by page type: how many pages, how many over the limit, the mean and the heaviest.

    .venv/bin/python scripts/poids_pages.py /tmp/site [--limite 30]

A page's type is the first folder of its address (`prototypes`, `centres`, `territoires`…), with `…/pages/N/` (a
page of results) and `…/livret-*` (a printed booklet) told apart; the site's other files (SVG maps, scripts) are
summed apart. Exits with 1 when a page is over the limit, so that it can guard a build.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path


def type_de_page(relative: Path) -> str:
    parts = relative.parts[:-1]
    if not parts:
        return "(racine)"
    if "pages" in parts:
        return parts[0] + "/…/pages/N"
    if len(parts) >= 2 and parts[-1].startswith("livret"):
        return parts[0] + "/livret…"
    return parts[0] + ("/…" if len(parts) > 1 else "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--limite", type=float, default=30.0, help="limite par page, en Ko (par défaut : 30)")
    args = parser.parse_args()
    limit = args.limite * 1024
    sizes: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for path in sorted(args.site.rglob("*.html")):
        relative = path.relative_to(args.site)
        sizes[type_de_page(relative)].append((path.stat().st_size, relative.as_posix()))
    maps = [p.stat().st_size for p in args.site.rglob("*.svg") if "cartes" in p.parts]
    print(f"{'type':34} {'pages':>6} {'> limite':>8} {'moy. Ko':>8} {'max Ko':>8}  page la plus lourde")
    total, over = 0, 0
    for kind, rows in sorted(sizes.items(), key=lambda kv: -max(kv[1])[0]):
        n_over = sum(1 for size, _ in rows if size > limit)
        heaviest = max(rows)
        mean = sum(size for size, _ in rows) / len(rows)
        total, over = total + len(rows), over + n_over
        print(f"{kind:34} {len(rows):6} {n_over:8} {mean / 1024:8.1f} {heaviest[0] / 1024:8.1f}  {heaviest[1]}")
    every = [size for rows in sizes.values() for size, _ in rows]
    print(
        f"\n{total} pages, {over} au-delà de {args.limite:g} Ko ; moyenne {sum(every) / max(1, len(every)) / 1024:.1f} Ko, "
        f"max {max(every, default=0) / 1024:.1f} Ko ; fonds de carte : {len(maps)} fichier(s), {sum(maps) / 1024:.0f} Ko"
    )
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
