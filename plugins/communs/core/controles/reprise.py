"""The checks of a repository checked again by the same process (`mkdocs serve` after a save): what did not change is
not checked again.

A check's diagnostics depend on the file it reports on and on what every page may take from the others: every
front-matter, which files exist, the vocabularies (`projet.empreinte`, « the context »). While the context is the
same as at the previous check of this process:

- a check that reads only the context (`ENTETES`) gives the same diagnostics: they are taken again;
- a check that also reads each text below its front-matter (`PAR_FICHIER`) runs again on the files whose text
  changed only (`seuls`); the others keep their diagnostics;
- any other check (one that reads files on the disk: pictures, drawings, the files a front-matter names) runs again.

Another context (a front-matter edited, a file added or removed, another repository) runs every check. Only the last
check's results are kept. Diagnostics are frozen values: the same objects are given again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

from communs.core.controles import corps, mots_simples, nommage, references, securite, termes, vie_privee, vie_privee_partout
from communs.core.modele.diagnostics import Collector, Diagnostic
from communs.core.modele.frontmatter import Document
from communs.core.modele.projet import Project, empreinte

Controle = Callable[[Project], None]
ControleParFichier = Callable[[Project, Collection[str] | None], None]

ENTETES: frozenset[Controle] = frozenset({nommage.check, references.check, vie_privee.check, mots_simples.check, termes.check})
"""Checks that read nothing but the context."""
PAR_FICHIER: dict[Controle, ControleParFichier] = {
    corps.check: corps.check,
    securite.check: securite.check,
    vie_privee_partout.check: vie_privee_partout.check,
}
"""Checks whose diagnostics on a file come from that file and the context, able to check only some files."""


@dataclass
class _Resultat:
    """What one check gave: its diagnostics and the files it left out, by file."""

    diagnostics: dict[str, list[Diagnostic]] = field(default_factory=dict)
    exclus: set[str] = field(default_factory=set)


@dataclass
class _Verification:
    contexte: str
    textes: dict[str, str]
    """File -> digest of its whole text."""
    resultats: dict[Controle, _Resultat] = field(default_factory=dict)


_DERNIERE: list[_Verification] = []
"""The last check of this process (at most one)."""


def _documents(project: Project) -> list[Document]:
    docs = [item.doc for item in project.items] + project.pages
    return docs + ([project.demandes_doc] if project.demandes_doc is not None else [])


def _textes(project: Project) -> dict[str, str]:
    return {doc.path: hashlib.sha256(f"{doc.readable}:{doc.text}".encode()).hexdigest() for doc in _documents(project)}


def _contexte(project: Project) -> str:
    return hashlib.sha256(f"{project.root}\0{empreinte(project)}".encode()).hexdigest()


def verifier(project: Project, checks: Sequence[Controle]) -> None:
    """Run `checks` on `project`, taking again what the previous check of this process found that still holds."""
    last = _DERNIERE.pop() if _DERNIERE else None
    current = _Verification(_contexte(project), _textes(project))
    same = last is not None and last.contexte == current.contexte
    changed = {path for path, digest in current.textes.items() if last is None or last.textes.get(path) != digest}
    for check in checks:
        known = last.resultats.get(check) if same and last is not None else None
        if known is not None and check in ENTETES:
            result = known
        elif known is not None and check in PAR_FICHIER:
            result = _en_partie(project, PAR_FICHIER[check], changed, known)
        else:
            result = _executer(project, check)
        current.resultats[check] = result
        for diagnostics in result.diagnostics.values():
            project.collector.extend(diagnostics)
        project.exclus.update(result.exclus)
    _DERNIERE.append(current)


def _executer(project: Project, check: Callable[[Project], None]) -> _Resultat:
    """Run `check` alone on `project`: its diagnostics and the files it left out, by file."""
    collector, exclus = project.collector, set(project.exclus)
    project.collector = Collector()
    try:
        check(project)
        result = _Resultat(exclus=project.exclus - exclus)
        for diagnostic in project.collector.items:
            result.diagnostics.setdefault(diagnostic.path, []).append(diagnostic)
    finally:
        project.collector = collector
    return result


def _en_partie(project: Project, check: ControleParFichier, changed: set[str], known: _Resultat) -> _Resultat:
    """`known`, but for the files of `changed`, checked again."""
    fresh = _executer(project, lambda p: check(p, changed)) if changed else _Resultat()
    result = _Resultat(exclus=fresh.exclus | {path for path in known.exclus if path not in changed})
    result.diagnostics = {path: found for path, found in known.diagnostics.items() if path not in changed}
    result.diagnostics.update(fresh.diagnostics)
    return result


def oublier() -> None:
    """Forget the last check (tests)."""
    _DERNIERE.clear()
