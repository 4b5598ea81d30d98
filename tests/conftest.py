"""Shared helpers: the repository root and a real MkDocs build into a temporary folder."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

REPO = Path(__file__).resolve().parent.parent
CAS_INVALIDES = REPO / "tests" / "cas-invalides"
SITES = REPO / "tests" / "sites"


@dataclass
class Build:
    site: Path
    failed: bool
    log: str

    def page(self, url: str) -> str:
        return (self.site / url / "index.html").read_text(encoding="utf-8")


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname}: {record.getMessage()}")


def build_site(project: Path, site_dir: Path, *, strict: bool = True, config_name: str = "mkdocs.yml") -> Build:
    """Build `project` (a folder with mkdocs.yml) into `site_dir`, as `mkdocs build --strict` would."""
    capture = _Capture()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(capture)
    try:
        config = load_config(config_file=str(project / config_name), site_dir=str(site_dir), strict=strict)
        failed = False
        try:
            build(config)
        except Abort:
            failed = True
    finally:
        logger.removeHandler(capture)
    return Build(site_dir, failed, "\n".join(capture.lines))


def copy_project(source: Path, target: Path) -> Path:
    shutil.copytree(
        source, target, ignore=shutil.ignore_patterns("site", ".venv", "__pycache__", ".git", "tests", "node_modules")
    )
    return target


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Build]:
    """The shipped content built once with --strict."""
    yield build_site(REPO, tmp_path_factory.mktemp("site"))
