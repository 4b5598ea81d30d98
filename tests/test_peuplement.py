"""A cold `mkdocs build` reads and renders its pages in two processes (adapters/mkdocs/peuplement.py): the site is
the same, byte for byte, as when one process makes every page, and what the child logs reaches MkDocs (`--strict`)."""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal

import pytest
from communs.adapters.mkdocs import peuplement
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from .test_corpus import corpus
from .test_incremental import fichiers


@pytest.fixture
def fourches(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Two processes from the first page on, whatever the machine and pytest's threads; the number of children forked
    by each build."""
    forked: list[int] = []
    fork: Callable[..., Any] = peuplement.Fourche

    def counted(*args: Any) -> Any:
        forked.append(1)
        return fork(*args)

    monkeypatch.setattr(peuplement, "SEUIL", 1)
    # Whatever the machine; and the servers of the browser tests run in threads of this process, idle, where a
    # `mkdocs build` has none.
    monkeypatch.setattr(peuplement, "deux_processus", lambda: True)
    monkeypatch.setattr(peuplement, "Fourche", counted)
    yield forked
    peuplement.commande("serve", False)


def _construire(project: Path, site: Path, command: Literal["build", "serve"], *, strict: bool = False) -> None:
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=strict)
    config.plugins.on_startup(command=command, dirty=False)
    build(config)


@pytest.fixture(scope="module")
def projet(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    project = tmp_path_factory.mktemp("peuplement") / "communs"
    corpus.generate(project, 60)
    yield project
    shutil.rmtree(project, ignore_errors=True)


def test_two_processes_make_the_same_site_as_one(projet: Path, tmp_path: Path, fourches: list[int]) -> None:
    _construire(projet, tmp_path / "un", "serve")  # `mkdocs serve` never forks
    assert fourches == []
    _construire(projet, tmp_path / "deux", "build")
    assert len(fourches) == 2, "one child reads every other page, another renders every other page"
    got, expected = fichiers(tmp_path / "deux"), fichiers(tmp_path / "un")
    assert sorted(got) == sorted(expected)
    assert [name for name in expected if got[name] != expected[name]] == []
    assert len([name for name in got if name.endswith(".html")]) > 50


def _casser(project: Path) -> list[str]:
    """Links to a missing page in several sources, read by either process; the names of the edited sources."""
    sources = sorted((project / "prototypes").glob("*.md"))[:6]
    for source in sources:
        source.write_text(source.read_text(encoding="utf-8") + "\nVoir [la page absente](absente.md).\n", encoding="utf-8")
    return [source.stem for source in sources]


def test_what_the_children_log_reaches_mkdocs_in_the_order_of_one_process(
    tmp_path: Path, fourches: list[int], caplog: pytest.LogCaptureFixture
) -> None:
    project = tmp_path / "communs"
    corpus.generate(project, 40)
    broken = _casser(project)
    logs: dict[str, list[str]] = {}
    commands: tuple[Literal["serve", "build"], ...] = ("serve", "build")
    for command in commands:
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            _construire(project, tmp_path / command, command)
        logs[command] = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(fourches) == 2
    assert logs["build"] == logs["serve"]
    assert sum(1 for message in logs["build"] if "contains a link 'absente.md'" in message) == len(broken)
    with pytest.raises(Abort):  # the warnings of both processes count for --strict
        _construire(project, tmp_path / "strict", "build", strict=True)


def test_a_child_that_ends_without_answering_leaves_its_pages_to_the_parent(
    projet: Path, tmp_path: Path, fourches: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed, or a page's state that cannot be pickled: the parent reads and renders the child's pages itself."""
    parent = os.getpid()

    def dying(function: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any) -> Any:
            if os.getpid() != parent:
                raise RuntimeError("le processus enfant s'arrête")
            return function(*args)

        return run

    monkeypatch.setattr(peuplement, "_lire_enfant", dying(peuplement._lire_enfant))
    monkeypatch.setattr(peuplement, "_rendre_enfant", dying(peuplement._rendre_enfant))
    _construire(projet, tmp_path / "un", "serve")
    _construire(projet, tmp_path / "deux", "build")
    assert len(fourches) == 2
    got, expected = fichiers(tmp_path / "deux"), fichiers(tmp_path / "un")
    assert [name for name in sorted(set(got) | set(expected)) if got.get(name) != expected.get(name)] == []
