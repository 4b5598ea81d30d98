"""A forked process that does one piece of a build and sends back its result, pickled, through a pipe: the one way the
core (the checks that read every text, `controles/verification_partagee.py`; the search files made while the plan
is, `pages/hors_plan.py`) and the engines' adapters (MkDocs reading and rendering every other page,
`adapters/mkdocs/peuplement.py`; Pelican converting every other text, `adapters/pelican/parallele.py`) hand work to a
second process, when `lecture_parallele.deux_processus()` allows it. (Reading the files and Pelican's pages, which both
processes take by turns from a shared counter, use `multiprocessing` instead: `lecture_parallele.en_deux`,
`parallele.ecrire`.)

- The objects made before the fork are kept out of the cycle collector's way (`gc.freeze`) in the child, first thing:
  a collection there would write in every object it shares with the build, and so copy the build's memory. The build's
  own collector is left as it was (what it had frozen, a one-off check's reading, stays frozen).
- The child ends with `os._exit`: neither the engine's exit handlers nor its buffered output run a second time.
- A child that ends without answering (it failed, was killed, or its result could not be pickled) answers None: the
  caller then does the work itself.
"""

from __future__ import annotations

import gc
import os
import pickle
from collections.abc import Callable
from typing import Any


class Fourche:
    """A forked process that sends back `travail()`, then does `ensuite` (its exit code says whether that went well)
    and ends."""

    def __init__(self, travail: Callable[[], object], ensuite: Callable[[], None] | None = None) -> None:
        lecture, ecriture = os.pipe()
        pid = os.fork()
        if pid == 0:
            _enfant(lecture, ecriture, travail, ensuite)
        os.close(ecriture)
        self.pid, self._lecture = pid, lecture
        self.repondu = False
        """Whether it sent its result (what failed after that was `ensuite`)."""
        self._code: int | None = None

    def reponse(self) -> Any:
        """What the process sent, read once; None if it ended without a whole answer."""
        try:
            with os.fdopen(self._lecture, "rb") as entree:
                found = pickle.load(entree)
        except (EOFError, pickle.UnpicklingError):
            return None
        self.repondu = True
        return found

    def attendre(self) -> int:
        """The process's exit code, once it has ended (0: its work and `ensuite` done)."""
        if self._code is None:
            self._code = os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])
        return self._code

    def resultat(self) -> Any:
        """What it sent if it ended well, else None."""
        found = self.reponse()
        return found if self.attendre() == 0 else None


def _enfant(lecture: int, ecriture: int, travail: Callable[[], object], ensuite: Callable[[], None] | None) -> None:
    gc.freeze()
    code = 1
    try:
        os.close(lecture)
        with os.fdopen(ecriture, "wb") as sortie:
            pickle.dump(travail(), sortie, protocol=pickle.HIGHEST_PROTOCOL)
        if ensuite is not None:
            ensuite()
        code = 0
    finally:
        os._exit(code)
