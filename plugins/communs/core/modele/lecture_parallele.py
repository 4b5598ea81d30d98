"""Content files read by two processes at once, for a one-off check (`communs verifier`): reading the files and
their YAML front-matter is most of a cold check, and each file's document depends on that file alone.

A second process, forked when this one has a single thread (never under a server, whose requests run in threads),
reads every other file; the documents come back in the order of the files, so the check finds the same diagnostics
as when one process reads them all. The models are validated afterwards by the first process: a validated model
costs more to send back than to make.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path

from communs.core.modele import lecture_sure
from communs.core.modele.diagnostics import Collector, Diagnostic
from communs.core.modele.frontmatter import Document, read_document

SEUIL = 400
"""From this many files, a second process reads half of them (below, starting it costs more than it saves)."""

Lecture = tuple[list[Diagnostic], Document | None]
"""What reading one file gives: the problems of the file itself (too big), and its document (None: not read)."""

_FICHIERS: Sequence[tuple[Path, str]] = ()
"""What the forked process reads, set just before it is forked (nothing is sent to it but the files' numbers)."""


def lire(path: Path, rel: str) -> Lecture:
    """One file: `path` on the disk, `rel` its path from the repository's root."""
    collector = Collector()
    raw = lecture_sure.lire(path, rel, collector)
    return collector.items, None if raw is None else read_document(raw, rel)


def _lire(numeros: range) -> list[Lecture]:
    return [lire(*_FICHIERS[i]) for i in numeros]


def processeurs() -> int:
    """The processors this process may run on."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


def _deux_processus() -> bool:
    import multiprocessing  # only here: a small check starts sooner without it

    forking = "fork" in multiprocessing.get_all_start_methods()
    return forking and threading.active_count() == 1 and processeurs() >= 2


def tout_lire(fichiers: Sequence[tuple[Path, str]]) -> list[Lecture]:
    """Each file (path, rel) read, in their order."""
    if len(fichiers) < SEUIL or not _deux_processus():
        return [lire(path, rel) for path, rel in fichiers]
    import multiprocessing

    global _FICHIERS
    _FICHIERS = fichiers
    try:
        with multiprocessing.get_context("fork").Pool(1) as pool:
            impairs = pool.apply_async(_lire, (range(1, len(fichiers), 2),))
            pairs = _lire(range(0, len(fichiers), 2))
            autres = impairs.get()
    finally:
        _FICHIERS = ()
    return [pairs[i // 2] if i % 2 == 0 else autres[i // 2] for i in range(len(fichiers))]
