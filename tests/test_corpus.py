"""The benchmark's corpus generator: a small corpus is valid, complete, deterministic and builds (no timings here)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from communs.core.controles import verification
from communs.core.modele import genres
from communs.core.site import Site
from communs.core.urls import Urls

from .conftest import REPO, Build, build_site


def _load_corpus() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus", REPO / "scripts" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("corpus", module)
    spec.loader.exec_module(module)
    return module


corpus = _load_corpus()


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus") / "communs"
    corpus.generate(root, 30)
    return root


def test_no_diagnostic_and_every_kind(small: Path) -> None:
    project = verification.run(small)
    assert [d.human() for d in project.collector.items] == []
    present = {item.genre.name for item in project.items}
    assert present == {genre.name for genre in genres.GENRES}
    assert len(project.items) == 30 + 1  # and one news item (corpus.NEWS_PER)
    assert project.demandes


def test_a_corpus_past_the_word_bank_has_no_diagnostic_either(tmp_path: Path) -> None:
    """Past the bank of words, terms repeat with a context: their names must stay unique (CSC703, CSC704)."""
    root = tmp_path / "communs"
    corpus.generate(root, 400)
    project = verification.run(root)
    assert len(project.of_genre("terme")) > len(corpus.TERMS)
    assert [d.human() for d in project.collector.items] == []


def test_territories_form_a_tree_under_the_region(small: Path) -> None:
    project = verification.run(small)
    parents = {i.slug: getattr(i.model, "parent", None) for i in project.of_genre("territoire")}
    assert [slug for slug, parent in parents.items() if parent is None] == ["hauts-de-france"]
    assert all(parent in parents for parent in parents.values() if parent is not None)


def test_same_seed_same_bytes(small: Path, tmp_path: Path) -> None:
    again = tmp_path / "encore"
    corpus.generate(again, 30)
    files = sorted(p.relative_to(small) for p in small.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert all((small / f).read_bytes() == (again / f).read_bytes() for f in files)


def test_refuses_a_folder_it_did_not_make(tmp_path: Path) -> None:
    (tmp_path / "a-garder.md").write_text("à garder\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        corpus.generate(tmp_path, 30, replace=True)
    assert (tmp_path / "a-garder.md").is_file()


@pytest.mark.parametrize("n", [10, 30, 100, 1000, 5000])
def test_split_adds_up(n: int) -> None:
    counts = corpus.counts(n)
    assert sum(counts.values()) == n
    assert min(counts.values()) >= 1
    if n == 1000:
        assert counts == {"prototype": 350, "fiche": 300, "terme": 250, "centre": 50, "territoire": 30, "rapport": 20}


def test_plain_variant_has_the_same_pages(small: Path, tmp_path: Path) -> None:
    plain = tmp_path / "simple"
    corpus.generate_plain(small, plain)
    project = verification.run(small)
    ours = {item.src_uri for item in project.items} | {project.site_uri(p.path) for p in project.pages}
    ours |= set(Site(small, Urls()).plan.generees)
    assert {p.relative_to(plain / "docs").as_posix() for p in (plain / "docs").rglob("*.md")} == ours
    config = (plain / "mkdocs.yml").read_text(encoding="utf-8")
    assert "communs" not in config.split("plugins:", 1)[1]
    assert "navigation.prune" in config


def test_builds_strict(small: Path, tmp_path: Path) -> None:
    result: Build = build_site(small, tmp_path / "site")
    assert not result.failed, result.log
    assert (tmp_path / "site" / "prototypes" / "index.html").is_file()
