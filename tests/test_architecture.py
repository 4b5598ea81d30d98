"""The layers of the package: the core needs no engine, nothing imports upwards, modules stay short."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from .conftest import REPO, SITES

PACKAGE = REPO / "plugins" / "communs"
CORE = PACKAGE / "core"

# Every page's data, built by the façade in a fresh interpreter where the engines' modules cannot be imported.
BLOCKED_RUN = r"""
import importlib.abc, sys
from pathlib import Path

BLOCKED = ("mkdocs", "material", "pymdownx", "pelican")

class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ImportError(f"blocked: {name}")
        return None

sys.meta_path.insert(0, Block())
from communs.core.site import Site
from communs.core.urls import Urls

for root in sys.argv[1:]:
    for urls in (Urls(), Urls(repertoires=False)):
        site = Site(Path(root), urls)
        plan = site.plan
        assert plan.generees, root
        parts = [site.parties(site.projet.site_uri(item.path)) for item in site.projet.items]
        for uri, page in plan.generees.items():
            assert page.html.strip(), uri
        for item, part in zip(site.projet.items, parts):
            if part is not None:
                site.finir(site.projet.site_uri(item.path), "<p>Texte</p>")
        assert site.fichiers(), root
        site.navigation()
        print(root, len(plan.generees), sum(p is not None for p in parts))
loaded = sorted(m for m in sys.modules if m.split(".")[0] in BLOCKED)
assert not loaded, loaded
"""


def test_the_core_builds_every_page_without_any_engine() -> None:
    roots = [str(REPO), *(str(SITES / name) for name in ("mini", "lexique", "territoires", "recherche"))]
    result = subprocess.run([sys.executable, "-c", BLOCKED_RUN, *roots], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 2 * len(roots)


LAYERS = ["modele", "domaine", "controles", "recherche", "contribution", "rendu", "pages", "site"]
"""From the bottom up: a module may import its own layer and the layers before it, never one after it."""


def _layer(module: str) -> int | None:
    parts = module.split(".")
    if parts[:2] != ["communs", "core"] or len(parts) < 3:
        return None
    name = parts[2]
    if name == "urls":
        return 0
    return LAYERS.index(name) if name in LAYERS else None


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
    return found


def test_nothing_in_the_core_imports_upwards_or_an_adapter() -> None:
    wrong = []
    for path in sorted(CORE.rglob("*.py")):
        module = "communs." + path.relative_to(PACKAGE.parent).with_suffix("").as_posix().replace("/", ".")
        own = _layer(module.removesuffix(".__init__"))
        for imported in _imports(path):
            if imported.startswith(("communs.adapters", "communs.cli", "mkdocs", "material", "pymdownx")):
                wrong.append(f"{module} → {imported}")
            target = _layer(imported)
            if own is not None and target is not None and target > own and not (own == 0 and target == 0):
                wrong.append(f"{module} → {imported}")
    assert wrong == []


def test_modules_stay_short_and_names_are_unique() -> None:
    paths = [p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py"]
    long = {p.relative_to(PACKAGE).as_posix(): n for p in paths if (n := len(p.read_text(encoding="utf-8").splitlines())) > 320}
    assert long == {}
    names = [p.name for p in paths if p.name not in {"plugin.py"}]
    assert sorted({n for n in names if names.count(n) > 1}) == []


def test_the_mkdocs_plugin_only_wires() -> None:
    plugin = PACKAGE / "adapters" / "mkdocs" / "plugin.py"
    assert len(plugin.read_text(encoding="utf-8").splitlines()) <= 120
    tree = ast.parse(plugin.read_text(encoding="utf-8"))
    modules = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and (n.module or "").startswith("communs.core")}
    assert modules <= {"communs.core.site", "communs.core.urls", "communs.core.contribution.depot", "communs.core.modele"}


def test_the_pelican_plugin_only_wires() -> None:
    """The Pelican adapter asks the façade; it takes no decision about content (same rule as the MkDocs plugin)."""
    folder = PACKAGE / "adapters" / "pelican"
    allowed = {
        "communs.core.site",
        "communs.core.urls",
        "communs.core.contribution.depot",
        "communs.core.modele",
        "communs.core.modele.frontmatter",
        "communs.core.pages.donnees",
    }
    for path in folder.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        core = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and (n.module or "").startswith("communs.core")}
        assert core <= allowed, (path.name, core - allowed)
    assert len((folder / "greffon.py").read_text(encoding="utf-8").splitlines()) <= 120
