#!/usr/bin/env python3
"""Inventory: every solution and centre named in the source notes, and whether the content has it.

    python scripts/inventaire.py                 # Markdown summary, then the list of what is missing
    python scripts/inventaire.py --tout          # every name, with where it was found

The notes (../shared/sources/notes/*.notes.md) list the solutions and the structures of each report in tables
and bullet lists. The script reads the names from the sections about solutions and about centres, then looks
for each one among the titles and aliases of the content (fold: case, accents and punctuation ignored; a name
also matches when one contains the other). `scripts/inventaire.yml` holds the human part: names the content
gives under another title (`correspondances`), and the gaps left on purpose, each with its reason (`ecarts`);
both win over an automatic match (a partner whose name contains a territory's name is not that territory).
A name found nowhere and not explained is « manquant »: the exit code is then 1.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from communs.core.modele import projet
from communs.core.modele.suggestions import fold

RACINE = Path(__file__).resolve().parent.parent
NOTES = RACINE.parent / "shared" / "sources" / "notes"
DECISIONS = Path(__file__).resolve().with_suffix(".yml")

SECTIONS = {
    "solution": re.compile(r"prototype|solution|tool", re.IGNORECASE),
    "centre": re.compile(r"centres? sociaux|structures|and centres|partner centres|essaimage centres|tiers-lieux", re.IGNORECASE),
}
GENRES = {"solution": ("prototype",), "centre": ("centre", "territoire")}
SKIPPED = re.compile(r"model for|verification", re.IGNORECASE)
"""Sections about the notes themselves, not about solutions."""
ONE_PROTOTYPE = re.compile(r"^Prototype \d+\s*:\s*(.+)$")
NAME_COLUMN = re.compile(r"name|item|tool|prototype|centre|structure", re.IGNORECASE)
MIN_CONTAINED = 5
"""A name matches a title that contains it (or the reverse) only from this many characters."""


@dataclass(frozen=True)
class Mention:
    genre: str
    names: tuple[str, ...]
    notes: str
    line: int

    @property
    def label(self) -> str:
        return " / ".join(self.names)


@dataclass
class Verdict:
    mention: Mention
    status: str
    """trouve, correspondance, ecart or manquant."""
    detail: str = ""


def _clean(text: str) -> str:
    text = re.sub(r"[«»\"*`]", "", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" .:;,–-")


def _names(cell: str) -> tuple[str, ...]:
    bold = re.findall(r"\*\*(.+?)\*\*", cell)
    parts = bold if bold else [re.split(r" / |\(|: | — ", cell)[0]]
    out: list[str] = []
    for part in parts:
        out.extend(_clean(p) for p in re.split(r";", part))
    return tuple(n for n in out if len(n) > 1)


def _sections(text: str) -> Iterator[tuple[str, list[tuple[int, str]]]]:
    heading: str | None = None
    lines: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        match = re.match(r"^#{2,4}\s+(.*)", line)
        if match:
            if heading is not None:
                yield heading, lines
            heading, lines = match.group(1), []
        else:
            lines.append((number, line))
    if heading is not None:
        yield heading, lines


def mentions(notes_dir: Path) -> list[Mention]:
    """Every name of a solution or a structure in the notes' sections about them."""
    found: list[Mention] = []
    for path in sorted(notes_dir.glob("*.notes.md")):
        source = path.name[:3]
        for heading, lines in _sections(path.read_text(encoding="utf-8")):
            genre = next((k for k, pattern in SECTIONS.items() if pattern.search(heading)), None)
            if genre is None or SKIPPED.search(heading):
                continue
            single = ONE_PROTOTYPE.match(heading)
            if single:
                # « Prototype 3: "chill" »: the section describes one solution field by field.
                found.append(Mention(genre, _names(single.group(1)), source, lines[0][0] - 1 if lines else 0))
                continue
            column: int | None = None
            for number, line in lines:
                if line.startswith("|"):
                    cells = [c.strip() for c in line.strip().strip("|").split("|")]
                    if column is None:
                        column = next((i for i, h in enumerate(cells) if NAME_COLUMN.search(h)), 1 if cells[0] == "#" else 0)
                        continue
                    if set(line) <= set("|-: "):
                        continue
                    if column < len(cells) and _names(cells[column]):
                        found.append(Mention(genre, _names(cells[column]), source, number))
                    continue
                column = None
                bullet = re.match(r"^\s*[-*]\s+(.*)", line)
                if bullet and _names(bullet.group(1)):
                    found.append(Mention(genre, _names(bullet.group(1)), source, number))
    return found


def _index(root: Path) -> dict[str, list[tuple[str, str]]]:
    """Genre name -> [(folded title or alias, slug)]."""
    loaded = projet.load(root)
    index: dict[str, list[tuple[str, str]]] = {}
    for item in loaded.items:
        for name in [item.title, *item.aliases, item.slug.replace("-", " ")]:
            index.setdefault(item.genre.name, []).append((fold(name), item.slug))
    return index


def _match(names: tuple[str, ...], candidates: list[tuple[str, str]]) -> str | None:
    for name in names:
        key = fold(name)
        if not key:
            continue
        for title, slug in candidates:
            if key == title:
                return slug
        for title, slug in candidates:
            if len(key) >= MIN_CONTAINED and len(title) >= MIN_CONTAINED and (key in title or title in key):
                return slug
    return None


def _decisions(path: Path) -> tuple[dict[str, str], list[dict[str, Any]]]:
    if not path.is_file():
        return {}, []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    pairs = {fold(str(k)): str(v) for k, v in (data.get("correspondances") or {}).items()}
    return pairs, list(data.get("ecarts") or [])


def _explained(mention: Mention, gaps: list[dict[str, Any]]) -> str | None:
    keys = {fold(n) for n in mention.names}
    for gap in gaps:
        if "nom" in gap and fold(str(gap["nom"])) in keys:
            return str(gap["raison"])
        if "lignes" in gap and str(gap.get("notes")) == mention.notes:
            first, _, last = str(gap["lignes"]).partition("-")
            if int(first) <= mention.line <= int(last or first):
                return str(gap["raison"])
    return None


def inventory(root: Path, notes_dir: Path, decisions: Path) -> list[Verdict]:
    index = _index(root)
    pairs, gaps = _decisions(decisions)
    verdicts = []
    for mention in mentions(notes_dir):
        candidates = [c for genre in GENRES[mention.genre] for c in index.get(genre, [])]
        slug = _match(mention.names, candidates)
        mapped = next((pairs[fold(n)] for n in mention.names if fold(n) in pairs), None)
        named_reason = _explained(mention, [g for g in gaps if "nom" in g])
        reason = named_reason or _explained(mention, gaps)
        # A human decision (a mapping, or a gap given by name) wins over an automatic match.
        if mapped:
            verdicts.append(Verdict(mention, "correspondance", mapped))
        elif named_reason:
            verdicts.append(Verdict(mention, "ecart", named_reason))
        elif slug:
            verdicts.append(Verdict(mention, "trouve", slug))
        elif reason:
            verdicts.append(Verdict(mention, "ecart", reason))
        else:
            verdicts.append(Verdict(mention, "manquant"))
    return verdicts


def report(verdicts: list[Verdict], everything: bool) -> str:
    statuses = ("trouve", "correspondance", "ecart", "manquant")
    labels = {"trouve": "trouvés", "correspondance": "sous un autre nom", "ecart": "écarts expliqués", "manquant": "manquants"}
    lines = ["| Notes | Genre | Mentions | " + " | ".join(labels[s] for s in statuses) + " |", "|---|---|---|---|---|---|---|"]
    groups = sorted({(v.mention.notes, v.mention.genre) for v in verdicts})
    for notes, genre in groups:
        mine = [v for v in verdicts if (v.mention.notes, v.mention.genre) == (notes, genre)]
        counts = [str(sum(v.status == s for v in mine)) for s in statuses]
        lines.append(f"| {notes} | {genre} | {len(mine)} | " + " | ".join(counts) + " |")
    totals = [str(sum(v.status == s for v in verdicts)) for s in statuses]
    lines.append(f"| **total** | | {len(verdicts)} | " + " | ".join(totals) + " |")
    shown = verdicts if everything else [v for v in verdicts if v.status == "manquant"]
    if shown:
        lines += ["", "Détail :" if everything else "Manquants (ni dans le contenu, ni expliqués dans scripts/inventaire.yml) :"]
        for v in shown:
            where = f"notes {v.mention.notes}, ligne {v.mention.line}"
            lines.append(
                f"- [{v.status}] {v.mention.genre} « {v.mention.label} » ({where})" + (f" → {v.detail}" if v.detail else "")
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--racine", type=Path, default=RACINE)
    parser.add_argument("--notes", type=Path, default=NOTES)
    parser.add_argument("--decisions", type=Path, default=DECISIONS)
    parser.add_argument("--tout", action="store_true", help="lister chaque nom, pas seulement les manquants")
    args = parser.parse_args(argv)
    if not args.notes.is_dir():
        print(f"Notes introuvables : {args.notes}", file=sys.stderr)
        return 2
    verdicts = inventory(args.racine, args.notes, args.decisions)
    print(report(verdicts, args.tout))
    return 1 if any(v.status == "manquant" for v in verdicts) else 0


if __name__ == "__main__":
    sys.exit(main())
