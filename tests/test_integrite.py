"""Integrity of the output, read from the HTML: every internal link and anchor resolves; two builds are identical."""

from __future__ import annotations

import filecmp
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from .conftest import REPO, Build, build_site


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.ids.add(str(values[name]))
        if tag in {"a", "link"} and values.get("href"):
            self.links.append(str(values["href"]))
        if tag in {"script", "img", "source"} and values.get("src"):
            self.links.append(str(values["src"]))


def _parse(path: Path, cache: dict[Path, _Page]) -> _Page:
    if path not in cache:
        parser = _Page()
        parser.feed(path.read_text(encoding="utf-8"))
        cache[path] = parser
    return cache[path]


def broken_links(site: Path) -> list[str]:
    """« page -> link (reason) » for every internal link whose file or anchor does not exist."""
    cache: dict[Path, _Page] = {}
    broken = []
    for page in sorted(site.rglob("*.html")):
        if page.relative_to(site) == Path("404.html"):
            continue  # Served at any address by the web server: its links are absolute on purpose.
        for link in _parse(page, cache).links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "tel:")):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            where = f"{page.relative_to(site)} -> {link}"
            if not target.is_file():
                broken.append(f"{where} (fichier absent)")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _parse(target, cache).ids:
                broken.append(f"{where} (ancre absente)")
    return broken


def test_no_broken_internal_link_or_anchor(shipped_site: Build) -> None:
    assert not shipped_site.failed, shipped_site.log
    assert broken_links(shipped_site.site) == []


def test_broken_link_detector_sees_a_missing_page_and_anchor(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<h2 id="ici">Ici</h2><a href="../b/">b</a><a href="#la">x</a><a href="#ici">ok</a>'
    )
    assert broken_links(tmp_path) == ["a/index.html -> ../b/ (fichier absent)", "a/index.html -> #la (ancre absente)"]


def test_offline_copy_has_no_broken_link(tmp_path: Path) -> None:
    result = build_site(REPO, tmp_path / "hors-ligne", config_name="mkdocs-hors-ligne.yml")
    assert not result.failed, result.log
    assert broken_links(tmp_path / "hors-ligne") == []


def _differences(left: Path, right: Path) -> list[str]:
    found: list[str] = []

    def walk(cmp: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(f"{prefix}{name} (d'un seul côté)" for name in cmp.left_only + cmp.right_only)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found.extend(f"{prefix}{name}" for name in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return sorted(found)


def test_two_builds_of_the_same_content_are_identical(
    shipped_site: Build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    again = build_site(REPO, tmp_path / "encore")
    assert not again.failed, again.log
    assert _differences(shipped_site.site, again.site) == []
