"""A forked process hands back its result, or None when it ends without one; its exit code tells whether what it did
after answering went well (core/modele/fourche.py, used by the search files made beside the plan and by MkDocs' two
processes)."""

from __future__ import annotations

import os

from communs.core.modele.fourche import Fourche


def test_the_result_of_the_child_comes_back() -> None:
    grand = list(range(200_000))  # more than a pipe holds: the child writes while the parent reads
    enfant = Fourche(lambda: {"somme": sum(grand), "pid": os.getpid()})
    found = enfant.resultat()
    assert found["somme"] == sum(grand)
    assert found["pid"] != os.getpid(), "the work was done in another process"
    assert enfant.repondu and enfant.attendre() == 0


def _echoue() -> object:
    raise RuntimeError("cassé")


def test_a_child_that_fails_answers_none() -> None:
    enfant = Fourche(_echoue)
    assert enfant.resultat() is None
    assert not enfant.repondu
    assert enfant.attendre() == 1


def test_a_result_that_cannot_be_pickled_answers_none() -> None:
    enfant = Fourche(lambda: lambda: None)
    assert enfant.reponse() is None
    assert enfant.attendre() == 1


def test_what_fails_after_the_answer_shows_in_the_exit_code(tmp_path: os.PathLike[str]) -> None:
    trace = os.path.join(tmp_path, "ensuite")

    def ensuite() -> None:
        with open(trace, "w", encoding="utf-8") as out:
            out.write("fait")
        raise OSError("disque plein")

    enfant = Fourche(lambda: 42, ensuite)
    assert enfant.reponse() == 42
    assert enfant.repondu
    assert enfant.attendre() == 1
    with open(trace, encoding="utf-8") as done:
        assert done.read() == "fait", "`ensuite` ran in the child after it answered"
