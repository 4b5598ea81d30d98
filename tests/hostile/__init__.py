"""Hostile input as a contributor might send it: small sites written into a temporary folder."""

from __future__ import annotations

from pathlib import Path

from ..conftest import REPO

VECTEURS = Path(__file__).parent / "vecteurs-xss.txt"

MKDOCS_YML = """\
site_name: Site hostile
docs_dir: content
theme:
  name: material
  custom_dir: {themes}
  language: fr
  font: false
plugins:
  - communs
markdown_extensions:
  - attr_list
  - toc:
      permalink: false
  - admonition
  - pymdownx.details
validation:
  nav:
    omitted_files: ignore
"""

TERRITOIRE = """\
---
nom: Hauts-de-France
type: region
---

La région.
"""

CENTRE = """\
---
nom: Centre social de test
type: centre-social
commune: Lille
territoire: hauts-de-france
---

Un centre.
"""


def vecteurs() -> list[str]:
    """The known XSS vectors, one a line (« \\n » stands for a line break inside a vector)."""
    lines = VECTEURS.read_text(encoding="utf-8").splitlines()
    return [line.replace("\\n", "\n") for line in lines if line and not line.startswith("# ")]


def site(root: Path, files: dict[str, str | bytes]) -> Path:
    """A small project in `root`: mkdocs.yml, a home page, a territory and a centre, then `files`."""
    base: dict[str, str | bytes] = {
        "mkdocs.yml": MKDOCS_YML.format(themes=(REPO / "themes").as_posix()),
        "content/index.md": "# Accueil\n\nLe site de test.\n",
        "content/territoires/hauts-de-france.md": TERRITOIRE,
        "content/centres/centre-social-test.md": CENTRE,
    }
    for name, text in {**base, **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return root


def pages_xss() -> dict[str, str]:
    """One page of content/ per vector, the vector on line 3."""
    return {f"content/xss/vecteur-{n:02d}.md": f"# Vecteur {n}\n\n{v}\n\nFin.\n" for n, v in enumerate(vecteurs(), 1)}
