"""Plain words: a lexicon definition of more than 40 words, or with a sentence of more than 20 words, is a warning
that names the file, the line of the sentence and its first words."""

from __future__ import annotations

import re

from communs.core.modele import codes, genres
from communs.core.modele.diagnostics import Severity
from communs.core.modele.frontmatter import Document
from communs.core.modele.modeles import Terme
from communs.core.modele.projet import Project

MOTS_PAR_DEFINITION = 40
MOTS_PAR_PHRASE = 20
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«\"(]?\s?[A-ZÀ-ÖØ-Þ0-9])")
_WORD = re.compile(r"[\w'’-]*\w[\w'’-]*")


def mots(text: str) -> list[str]:
    """The words of a text: « l'écran » is one word, punctuation is none."""
    return _WORD.findall(text)


def phrases(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(" ".join(text.split())) if s.strip()]


def debut(sentence: str, count: int = 8) -> str:
    words = sentence.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def ligne_de(doc: Document, key: str, sentence: str) -> int:
    """The line where `sentence` starts, within the value of `key` (which may run over several lines)."""
    start = doc.line_of((key,))
    lines = doc.text.split("\n")
    probe = " ".join(sentence.split()[:3])
    for number in range(start, len(lines) + 1):
        line = lines[number - 1]
        if number > start and re.match(r"^[A-Za-z_]+\s*:", line):
            break
        if probe and probe in " ".join(line.split()):
            return number
    return start


def check(project: Project) -> None:
    add = project.collector.add
    for item in project.of_genre(genres.TERME.name):
        model = item.model
        if not isinstance(model, Terme):
            continue
        count = len(mots(model.definition))
        if count > MOTS_PAR_DEFINITION:
            add(
                item.path,
                item.doc.line_of(("definition",)),
                codes.DEFINITION_LONGUE,
                f"La définition compte {count} mots : au-delà de {MOTS_PAR_DEFINITION}, elle devient difficile à lire.",
                "Gardez l'essentiel en 40 mots au plus ; les détails peuvent aller dans le texte sous l'en-tête.",
                Severity.AVERTISSEMENT,
            )
        for sentence in phrases(model.definition):
            length = len(mots(sentence))
            if length > MOTS_PAR_PHRASE:
                add(
                    item.path,
                    ligne_de(item.doc, "definition", sentence),
                    codes.PHRASE_LONGUE,
                    f"Une phrase de la définition compte {length} mots (20 au plus) : « {debut(sentence)} ».",
                    "Coupez-la en deux phrases plus courtes, avec des mots simples.",
                    Severity.AVERTISSEMENT,
                )
