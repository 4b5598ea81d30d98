"""Shared helpers: the repository root and a real MkDocs build into a temporary folder."""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

REPO = Path(__file__).resolve().parent.parent
CAS_INVALIDES = REPO / "tests" / "cas-invalides"
SITES = REPO / "tests" / "sites"
PELICAN_PYTHON = REPO / ".venv-pelican" / "bin" / "python"


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


def _pelican_settings(project: Path, config_name: str) -> str | None:
    """The settings of a test site for Pelican, from its mkdocs.yml (the shipped site has its pelicanconf.py)."""
    if (project / "pelicanconf.py").is_file() and config_name == "mkdocs.yml":
        return None
    config = yaml.safe_load((project / config_name).read_text(encoding="utf-8"))
    plugins = config.get("plugins", [])
    entries = [plugins] if isinstance(plugins, dict) else [p for p in plugins if isinstance(p, dict)]
    plugin = next((p["communs"] for p in entries if "communs" in p), None) or {}
    nav = [next(iter(entry.items())) for entry in config.get("nav", []) if isinstance(entry, dict)]
    settings = {
        "nom": config["site_name"],
        "depot": config.get("repo_url"),
        "edit_uri": config.get("edit_uri"),
        "site_url": config.get("site_url"),
        "glossaire_exclus": plugin.get("glossaire_exclus", []),
        "navigation": nav or None,
        "vocabulaires": str(project / plugin["vocabulaires"]) if plugin.get("vocabulaires") else None,
        "editeur": bool(plugin.get("editeur", False)),
    }
    return json.dumps(settings)


def build_pelican(project: Path, site_dir: Path, *, strict: bool = True, fichiers: bool = False) -> Build:
    """Build `project` with Pelican, in its own environment (.venv-pelican: see the Makefile), into `site_dir`."""
    if not PELICAN_PYTHON.is_file():
        pytest.fail("Pelican est introuvable : « make test » crée .venv-pelican (requirements-pelican.txt).")
    command = [str(PELICAN_PYTHON), "-m", "communs.adapters.pelican.construire", str(project), str(site_dir)]
    command += ["--strict"] * strict + ["--fichiers"] * fichiers
    settings = _pelican_settings(project, "mkdocs.yml")
    if settings is not None:
        command += ["--reglages", settings]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    return Build(site_dir, result.returncode != 0, result.stderr)


def copy_project(source: Path, target: Path) -> Path:
    shutil.copytree(
        source,
        target,
        ignore=shutil.ignore_patterns(
            "site",
            ".venv",
            ".venv-pelican",
            "site-pelican*",
            "sites-centres",
            "hors-ligne",
            "hors-ligne-pelican*",
            "__pycache__",
            ".git",
            ".cache",
            "tests",
            "node_modules",
        ),
    )
    return target


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Build]:
    """The shipped content built once with --strict."""
    yield build_site(REPO, tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def shipped_pelican(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Build]:
    """The shipped content built once by Pelican, strict."""
    yield build_pelican(REPO, tmp_path_factory.mktemp("pelican") / "site")
