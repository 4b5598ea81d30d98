"""The items' files read, parsed and validated, by two processes at once when there are many: reading the files and
their YAML front-matter is most of a cold check, and of the start of a cold build; each file's item depends on that
file alone.

A second process, forked when this one has a single thread (never under a server, whose requests run in threads),
reads the files with this one, each taking the next ones in turn; what it found comes back in the order of the
files, so the items and the diagnostics are the same as when one process reads them all.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from communs.core.modele import complexite, lecture_sure
from communs.core.modele.diagnostics import Collector, Diagnostic
from communs.core.modele.frontmatter import Document, read_document
from communs.core.modele.genres import Genre
from communs.core.modele.validation import validate

SEUIL = 400
"""From this many files, a second process reads half of them (below, starting it costs more than it saves)."""

Tache = tuple[Genre, Path, str]
"""A file to read: its genre, its path on the disk, its path from the repository's root."""
Cle = tuple[str, str, bytes]
"""(genre, path, sha256 of the bytes): the key of an item in the memory of the loads (projet._MEMOIRE)."""
Lu = tuple[list[Diagnostic], Document | None, BaseModel | None]
"""What reading one file gives: the problems of the file itself (too big), its document (None: not read), its model."""
LuMemorise = tuple[list[Diagnostic], Cle | None, bytes, tuple[Document, BaseModel | None] | None]
"""The same for the memory: the key (None: not read), the document and model pickled, and themselves (None when
they come from the second process: the pickled copy is what it sends)."""

R = TypeVar("R")

_TACHES: Sequence[Tache] = ()
_FAIRE: Callable[[Tache], Any] | None = None
_ENVOI: Callable[[Any], Any] | None = None
"""What the forked process does, set just before it is forked (nothing is sent to it but the files' numbers)."""


def lire(genre: Genre, rel_root: str, raw: bytes) -> tuple[Document, BaseModel | None]:
    """The document of a file's bytes and its model (None when invalid: the problems are in the document, with the
    body's cost of layout, `complexite`)."""
    doc = read_document(raw, rel_root)
    model = None
    if isinstance(doc.data, dict):
        model, problems = validate(doc, genre.model)
        doc.diagnostics.extend(sans_redite(doc, problems))
    if doc.readable and (costly := complexite.verifier(doc)) is not None:
        doc.diagnostics.append(costly)  # here, by whichever process reads the file
    return doc, model


def sans_redite(doc: Document, problems: list[Diagnostic]) -> list[Diagnostic]:
    """Model errors on a line whose value could not even be read (an impossible date) repeat it: drop them."""
    unreadable = {d.line for d in doc.diagnostics}
    return [p for p in problems if p.line not in unreadable]


def lu(tache: Tache) -> Lu:
    genre, path, rel_root = tache
    collector = Collector()
    raw = lecture_sure.lire(path, rel_root, collector)
    if raw is None:
        return collector.items, None, None
    return (collector.items, *lire(genre, rel_root, raw))


def lu_memorise(tache: Tache) -> LuMemorise:
    genre, path, rel_root = tache
    collector = Collector()
    raw = lecture_sure.lire(path, rel_root, collector)
    if raw is None:
        return collector.items, None, b"", None
    item = lire(genre, rel_root, raw)
    copy = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
    return collector.items, (genre.name, rel_root, hashlib.sha256(raw).digest()), copy, item


def sans_objets(lu: LuMemorise) -> LuMemorise:
    """What the second process sends of a file read for the memory: its pickled copy, not the objects again."""
    return lu[0], lu[1], lu[2], None


def processeurs() -> int:
    """The processors this process may run on."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


def deux_processus() -> bool:
    """Whether a second, forked process may share the work: fork exists, two processors, and one thread (forked, another
    thread's locks would stay locked in the child)."""
    import multiprocessing  # only here: a small check starts sooner without it

    forking = "fork" in multiprocessing.get_all_start_methods()
    return forking and threading.active_count() == 1 and processeurs() >= 2


PAQUET = 32
"""Files taken at once by either process: both take the next ones until none is left, so that they end together
(the second one also pickles what it found, at each batch; with a fixed half each, this one waited for that)."""

_SUIVANT: list[Any] = []
"""The number of the next file to take, in memory shared by both processes (set just before the fork)."""


def _prendre(total: int) -> range:
    """The next `PAQUET` files to read (an empty range: none left)."""
    suivant = _SUIVANT[0]
    with suivant.get_lock():
        debut = suivant.value
        suivant.value = debut + PAQUET
    return range(debut, min(debut + PAQUET, total))


def _faire() -> list[tuple[int, bytes]]:
    """In the second process: the files it took, read, by batch: the first number, what was found (pickled).
    Sent once at the end: read back by another thread while this one reads, they slowed it down more than they cost."""
    assert _FAIRE is not None
    paquets: list[tuple[int, bytes]] = []
    while numeros := _prendre(len(_TACHES)):
        done = [_FAIRE(_TACHES[i]) for i in numeros]
        sent = done if _ENVOI is None else [_ENVOI(result) for result in done]
        paquets.append((numeros.start, pickle.dumps(sent, protocol=pickle.HIGHEST_PROTOCOL)))
    return paquets


def en_deux(taches: Sequence[Tache], faire: Callable[[Tache], R], envoi: Callable[[R], R] | None = None) -> list[R]:
    """`faire` of each file, in their order; the second process's results go through `envoi` before they are sent."""
    if len(taches) < SEUIL or not deux_processus():
        return [faire(tache) for tache in taches]
    import multiprocessing

    global _TACHES, _FAIRE, _ENVOI
    context = multiprocessing.get_context("fork")
    _TACHES, _FAIRE, _ENVOI = taches, faire, envoi
    _SUIVANT.append(context.Value("q", 0))
    results: list[Any] = [None] * len(taches)
    try:
        with context.Pool(1) as pool:
            autres = pool.apply_async(_faire)
            while numeros := _prendre(len(taches)):
                results[numeros.start : numeros.stop] = [faire(taches[i]) for i in numeros]
            for debut, faits in autres.get():
                found = pickle.loads(faits)
                results[debut : debut + len(found)] = found
    finally:
        _TACHES, _FAIRE, _ENVOI = (), None, None
        _SUIVANT.clear()
    return results
