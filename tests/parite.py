"""What the parity tests compare between the MkDocs build and the Pelican build of the same content: the set of page
addresses, the main text of each page (the normalised HTML of its article), the search files byte for byte and the
content's diagnostics.

The article is the element the theme gives to the page's text: Material's `md-content__inner`, our Pelican theme's
`data-communs-article`. Both are reduced by the golden fingerprints' normaliser (tests/empreintes.py), after
dropping what belongs to the theme and not to the page: Material's « edit » button, its `md-*` classes and the
classes a theme gives to the core's buttons.

    .venv/bin/python -m tests.parite SITE_MKDOCS SITE_PELICAN   # the pages whose article differs, with a diff
"""

from __future__ import annotations

import difflib
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

from .empreintes import normalise

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
_DIAGNOSTIC = re.compile(r"^(ERROR|WARNING): (\S+:\d+: (?:erreur|avertissement) CSC\d+ : .*)$")


class _Article(HTMLParser):
    """The source of the first element marked as the article, its start and end tags excluded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.depth = 0
        self.start: tuple[int, int] | None = None
        self.end: tuple[int, int] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.end is not None or tag in VOID:
            return
        if self.start is None:
            values = dict(attrs)
            if "data-communs-article" in values or "md-content__inner" in (values.get("class") or "").split():
                self.start, self.depth = self.getpos(), 1
                self.start_text = self.get_starttag_text() or ""
            return
        self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self.start is None or self.end is not None or tag in VOID:
            return
        self.depth -= 1
        if self.depth == 0:
            self.end = self.getpos()


def _offset(text: str, position: tuple[int, int]) -> int:
    line, column = position
    lines = text.split("\n")
    return sum(len(lines[i]) + 1 for i in range(line - 1)) + column


THEME_CLASSES = frozenset({"communs-bouton"})
"""The classes a theme gives to the core's elements (core/rendu/templates/theme.html), Material's `md-*` aside."""
_EDIT = re.compile(r'<a [^>]*rel="edit"[^>]*>.*?</a>', re.S)
_MD_CLASS = re.compile(r'class="([^"]*)"')


def _sans_md(match: re.Match[str]) -> str:
    kept = [name for name in match.group(1).split() if not name.startswith("md-") and name not in THEME_CLASSES]
    return f'class="{" ".join(kept)}"' if kept else ""


def article(html: str) -> str:
    """The normalised main text of a built page."""
    parser = _Article()
    parser.feed(html)
    if parser.start is None or parser.end is None:
        return ""
    inner = html[_offset(html, parser.start) + len(parser.start_text) : _offset(html, parser.end)]
    inner = _MD_CLASS.sub(_sans_md, _EDIT.sub("", inner))
    return normalise(inner)


def pages(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*.html") if path.relative_to(site).parts[0] != "assets"}


def diagnostics(log: str) -> list[str]:
    """The content's diagnostics in a build's log, in their French form, in order."""
    return [m.group(2) for line in log.splitlines() if (m := _DIAGNOSTIC.match(line))]


def differences(mkdocs: Path, pelican: Path) -> dict[str, str]:
    """Page -> a unified diff of its article, for the pages whose main text differs."""
    out = {}
    for page in sorted(pages(mkdocs) & pages(pelican)):
        if page == "404.html":
            continue
        a = article((mkdocs / page).read_text(encoding="utf-8"))
        b = article((pelican / page).read_text(encoding="utf-8"))
        if a != b:
            diff = difflib.unified_diff(a.splitlines(), b.splitlines(), "mkdocs", "pelican", lineterm="", n=2)
            out[page] = "\n".join(diff)
    return out


if __name__ == "__main__":
    found = differences(Path(sys.argv[1]), Path(sys.argv[2]))
    for page, diff in found.items():
        print(f"== {page}\n{diff[:3000]}")
    print(f"{len(found)} page(s) différente(s)", file=sys.stderr)
