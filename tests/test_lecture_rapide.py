"""The cold check reads each front-matter once: the cheap bound that lets a text skip the event-by-event guard never
lets through what the guard refuses, and the one-off check gives the same diagnostics as a memorised load."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from communs.core.controles import verification
from communs.core.modele import codes, projet, yaml_borne
from communs.core.modele.frontmatter import read_document

CAS_INVALIDES = Path(__file__).parent / "cas-invalides"


def _profondeur(text: str) -> int:
    depth = deepest = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            deepest = max(deepest, depth)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    return deepest


NESTED = [
    "titre: Un titre\nannees:\n- 2019\n- 2020\n",
    "- - - - - a\n",
    "a:\n- b:\n  - c:\n    - d:\n      - e\n",
    "a:\n  b:\n    c:\n      d:\n        e: f\n",
    "? - a\n  - b\n: - c\n",
    "a: [b: [c: [d: [e: f]]]]\n",
    "a: {b: {c: [d, {e: [f]}]}}\n",
    "-  - a\n",
    "- a: b\n  c:\n  - - d\n    - e: f\n",
    "a:\n- - - b: c\n      d:\n      - e\n",
]


@pytest.mark.parametrize("text", NESTED)
def test_the_bound_is_never_below_the_real_nesting(text: str) -> None:
    assert yaml_borne.profondeur_max(text) >= _profondeur(text)


@pytest.mark.parametrize("levels", [4, 8, 10, 11, 15, 25])
def test_the_bound_holds_for_lists_of_lists_and_maps_of_lists(levels: int) -> None:
    block = "".join(f"{'  ' * i}- k{i}:\n" for i in range(levels)) + f"{'  ' * levels}- fin\n"
    flow = "a: " + "[b: " * levels + "c" + "]" * levels + "\n"
    for text in (block, flow, "- " * levels + "fin\n"):
        assert yaml_borne.profondeur_max(text) >= _profondeur(text)


def test_an_ordinary_front_matter_skips_the_event_guard() -> None:
    text = "titre: Atelier\nannees:\n- 2019\nessaimage:\n- centre: la-ruche\n  annee: 2020\ntags: [a, b]\n"
    assert yaml_borne.sans_risque(text)


@pytest.mark.parametrize(
    "text",
    ["a: &x b\nc: *x\n", "a: b & c\n", "a: !!str b\n", "a: " + "[" * 11 + "]" * 11 + "\n", "- " * 12 + "fin\n"],
)
def test_anchors_aliases_tags_and_deep_texts_go_through_the_event_guard(text: str) -> None:
    assert not yaml_borne.sans_risque(text)


def test_an_ampersand_in_a_plain_text_is_still_read() -> None:
    doc = read_document(b"---\ntitre: Jeux & loisirs\n---\n\nTexte.\n", "content/x.md")
    assert doc.data == {"titre": "Jeux & loisirs"} and not doc.diagnostics


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a: &x b\n", codes.YAML_ALIAS),
        ("a: *x\n", codes.YAML_ALIAS),
        ("a: " + "[" * 21 + "]" * 21 + "\n", codes.YAML_TROP_PROFOND),
        ("".join(f"{'  ' * i}k{i}:\n" for i in range(22)) + "  " * 22 + "fin\n", codes.YAML_TROP_PROFOND),
    ],
)
def test_hostile_front_matter_is_still_refused(text: str, code: str) -> None:
    doc = read_document(f"---\n{text}---\n".encode(), "content/x.md")
    assert doc.data is None and [d.code for d in doc.diagnostics] == [code]


def test_texts_keep_their_values_and_other_scalars_their_types() -> None:
    doc = read_document(b"---\ntitre: '2019'\nannee: 2019\nle: 2020-03-16\nvrai: true\nrien: ~\n---\n", "x.md")
    assert doc.data is not None
    assert [type(doc.data[k]).__name__ for k in ("titre", "annee", "le", "vrai", "rien")] == [
        "str",
        "int",
        "date",
        "bool",
        "NoneType",
    ]


def test_the_one_off_check_says_what_the_memorised_one_says() -> None:
    once = verification.run(CAS_INVALIDES, memoriser=False).collector.items
    kept = verification.run(CAS_INVALIDES).collector.items
    assert [d.as_dict() for d in once] == [d.as_dict() for d in kept]


def test_the_one_off_check_leaves_the_memory_alone() -> None:
    verification.run(CAS_INVALIDES)
    before = dict(projet._MEMOIRE)
    verification.run(CAS_INVALIDES, memoriser=False)
    assert before == projet._MEMOIRE


_DEUX_PROCESSUS = """
import pickle, sys
from pathlib import Path
from communs.core.controles import verification
from communs.core.modele import lecture_parallele, projet

cases = Path(sys.argv[1])


def state(project):
    items = [(i.path, i.doc, i.model) for i in project.items]
    return [d.as_dict() for d in project.collector.items], items, project.exclus


alone = state(verification.run(cases, memoriser=False))
kept = state(verification.run(cases))
memory = {key: pickle.loads(copy) for key, copy in projet._MEMOIRE.items()}
lecture_parallele.SEUIL = 0
if not lecture_parallele._deux_processus():
    sys.exit("un seul processus")
assert state(verification.run(cases, memoriser=False)) == alone
projet._MEMOIRE.clear()
assert state(verification.run(cases)) == kept
assert {key: pickle.loads(copy) for key, copy in projet._MEMOIRE.items()} == memory
print("deux processus")
"""


def test_two_processes_read_what_one_reads() -> None:
    """Every file of the invalid cases read by two processes (however few they are), for a one-off check and for a
    cold build's load (the memory empty): the same items in the same order, the same documents, models and
    diagnostics, the same memory, as when one process reads them all. In a process of its own: the tests' servers
    run in threads, and the second process is forked only from a process with one thread."""
    result = subprocess.run(
        [sys.executable, "-c", _DEUX_PROCESSUS, str(CAS_INVALIDES)], capture_output=True, text=True, check=False, timeout=600
    )
    if "un seul processus" in result.stderr:
        pytest.skip("one processor, or no fork on this system: the files are read by one process")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "deux processus"
