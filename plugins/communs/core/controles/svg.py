"""SVG pictures are documents that can run scripts when opened: only inert drawings are published.

An SVG file of the content is read as XML (no DTD, no entity, no external resource) and refused when it
holds a script, a foreign object, an event attribute (on…), a link to anything but a relative address or
an inline frame of another document: the Content-Security-Policy of the pages does not cover a picture
opened on its own.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from communs.core.modele import codes, genres
from communs.core.modele import lecture_sure as fichiers
from communs.core.modele.projet import Project

_INTERDITES = frozenset({"script", "foreignobject", "iframe", "embed", "object", "handler", "listener"})
_LIENS = frozenset({"href", "src", "action", "formaction", "data"})
_FIX = "Exportez le dessin sans script ni lien (« SVG simple »), ou utilisez une image PNG."


def check(project: Project) -> None:
    for uri in sorted(project.assets):
        if not uri.lower().endswith(".svg"):
            continue
        rel = uri if uri.startswith(genres.EXTERNAL_FOLDERS) else f"{genres.CONTENT_DIR}/{uri}"
        problem = probleme(project.root / rel)
        if problem:
            project.collector.add(rel, 1, codes.HTML_DANGEREUX, f"Cette image SVG contient {problem}.", _FIX)


def probleme(path: Path) -> str | None:
    """What makes the SVG at `path` unsafe, or None."""
    try:
        size = path.stat(follow_symlinks=False).st_size
        if size > fichiers.LIMITE_OCTETS:
            return f"plus de {fichiers.LIMITE_OCTETS // 1000} Ko de dessin"
        text = path.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return None
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        return "une déclaration <!DOCTYPE> ou <!ENTITY>, que le site refuse"
    try:
        root = ET.fromstring(text)
    except ET.ParseError:
        return "du XML illisible"
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1].lower() if isinstance(element.tag, str) else ""
        if name in _INTERDITES:
            return f"un élément <{name}>"
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                return f"un attribut « {local} » qui exécute du code"
            folded = "".join(char for char in value if ord(char) > 0x20).lower()
            if local in _LIENS and (":" in folded.split("/", 1)[0] or folded.startswith("//")):
                return f"un lien « {value[:60]} » vers une autre adresse que le site"
    return None
