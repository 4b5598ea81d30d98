"""Fingerprints of a built site, to prove that a refactoring leaves every page as it was.

Each HTML page is reduced to a normalised token stream (tags with sorted attributes, text with entities decoded and
whitespace collapsed), so that two renderings of the same document compare equal whether a fragment came from
Markdown or from a Jinja template; every other file is compared byte for byte.

    .venv/bin/python -m tests.empreintes --ecrire   # after a deliberate change of the pages: rewrite the golden files
    .venv/bin/python -m tests.empreintes --montrer SITE PAGE   # the normalised form of one built page, to diff by hand
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
GOLDEN = HERE / "golden" / "pages"
IGNORED = frozenset({"sitemap.xml", "sitemap.xml.gz"})
_SPACE = re.compile(r"\s+")


class _Normaliser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        shown = " ".join(f'{name}="{_SPACE.sub(" ", value or "").strip()}"' for name, value in sorted(attrs))
        self.tokens.append(f"<{tag}{' ' + shown if shown else ''}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.tokens.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        text = _SPACE.sub(" ", data).strip()
        if text:
            self.tokens.append(text)

    def handle_comment(self, data: str) -> None:
        return None


def normalise(html: str) -> str:
    parser = _Normaliser()
    parser.feed(html)
    parser.close()
    return "\n".join(parser.tokens)


def empreintes(site: Path) -> dict[str, str]:
    """Path in the site -> sha256 of its normalised content."""
    out: dict[str, str] = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.name in IGNORED:
            continue
        rel = path.relative_to(site).as_posix()
        data = path.read_bytes()
        if path.suffix == ".html":
            data = normalise(data.decode("utf-8")).encode("utf-8")
        out[rel] = hashlib.sha256(data).hexdigest()
    return out


SITES: dict[str, tuple[Path, str]] = {
    "contenu": (REPO, "mkdocs.yml"),
    "hors-ligne": (REPO, "mkdocs-hors-ligne.yml"),
    **{name: (REPO / "tests" / "sites" / name, "mkdocs.yml") for name in ("lexique", "mini", "recherche", "territoires")},
}


def build(name: str, target: Path) -> Path:
    from tests.conftest import build_site

    project, config = SITES[name]
    result = build_site(project, target, config_name=config)
    if result.failed:
        raise RuntimeError(result.log)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ecrire", action="store_true", help="rewrite tests/golden/pages/*.json")
    parser.add_argument("--montrer", nargs=2, metavar=("SITE", "PAGE"))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        if args.montrer:
            site, page = args.montrer
            built = build(site, Path(tmp) / site)
            print(normalise((built / page).read_text(encoding="utf-8")))
            return 0
        if args.ecrire:
            GOLDEN.mkdir(parents=True, exist_ok=True)
            for name in SITES:
                prints = empreintes(build(name, Path(tmp) / name))
                (GOLDEN / f"{name}.json").write_text(json.dumps(prints, indent=1, sort_keys=True) + "\n", encoding="utf-8")
                print(f"{name}: {len(prints)} fichiers")
            return 0
    parser.print_help()
    return 1


if __name__ == "__main__":
    sys.exit(main())
