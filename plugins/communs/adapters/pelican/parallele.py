"""The Markdown of many source files converted by two processes at once: Python-Markdown is the largest cost of
Pelican's side of a cold build (about a quarter of it), and each file's HTML depends on that file alone. A second
process, forked when the build has one thread (never under `make serve-pelican`, whose server runs in a thread),
converts every other file; the texts come back in the order of the files, so the pages are the same bytes as when
one process converts them all."""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Sequence
from typing import Any

from communs.adapters.pelican.lecteur import LecteurCommuns
from communs.core.modele.frontmatter import Document
from communs.core.site import processeurs

SEUIL = 200
"""From this many files to convert, a second process converts half of them (below, its start costs more)."""

_LECTEUR: LecteurCommuns | None = None
_DOCUMENTS: Sequence[Document] = ()
"""What the forked process converts, set just before it is forked (nothing is sent to it but the files' numbers)."""


def _convertir(numeros: range) -> list[tuple[str, dict[str, Any]]]:
    assert _LECTEUR is not None
    return [_LECTEUR.convertir(_DOCUMENTS[i]) for i in numeros]


def _deux_processus() -> bool:
    forking = "fork" in multiprocessing.get_all_start_methods()
    return processeurs() >= 2 and forking and threading.active_count() == 1


def convertir(lecteur: LecteurCommuns, documents: Sequence[Document]) -> list[tuple[str, dict[str, Any]]]:
    """The HTML and Pelican's metadata of each document, in their order."""
    if len(documents) < SEUIL or not _deux_processus():
        return [lecteur.convertir(doc) for doc in documents]
    global _LECTEUR, _DOCUMENTS
    _LECTEUR, _DOCUMENTS = lecteur, documents
    try:
        with multiprocessing.get_context("fork").Pool(1) as pool:
            impairs = pool.apply_async(_convertir, (range(1, len(documents), 2),))
            pairs = _convertir(range(0, len(documents), 2))
            autres = impairs.get()
    finally:
        _LECTEUR, _DOCUMENTS = None, ()
    converted: list[tuple[str, dict[str, Any]]] = []
    for i in range(len(documents)):
        converted.append(pairs[i // 2] if i % 2 == 0 else autres[i // 2])
    return converted
