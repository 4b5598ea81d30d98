"""The search index, built with the `lunr` package and lunr's French stemmer, without any download.

lunr's own French support (`lunr.languages.get_nltk_builder`) asks NLTK to download its stop-word list; here the
builder gets our stop words (data/mots-vides.txt) and the Snowball French stemmer of NLTK, which needs no data.
The browser rebuilds the same lunr index from what is kept here: each term's postings, term frequencies and
field lengths (see `fichiers`), and computes the same scores as lunr's builder.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from communs.core.modele.projet import Project
from communs.core.recherche.analyse import Synonymes, mots, plier
from communs.core.recherche.documents import PageIndexee

CHAMPS: tuple[tuple[str, int], ...] = (("titre", 10), ("mots", 4), ("texte", 1))
"""Indexed fields and their boost: a word of the title weighs ten times a word of the summary."""

_PIPELINE_LABEL = "communs-racine-fr"


@cache
def _stemmer() -> Callable[[str], str]:
    from lunr.languages.stemmer import get_language_stemmer

    stem: Callable[[str], str] = get_language_stemmer("fr").stem
    return cache(stem)


def racine(word: str) -> str:
    """The French stem of a folded word, as lunr.fr.js computes it in the browser."""
    return _stemmer()(word)


@dataclass
class Index:
    entrees: list[PageIndexee]
    synonymes: Synonymes
    termes: list[str] = field(default_factory=list)
    """Every stem, sorted: a term's number is its place here."""
    postes: dict[str, dict[str, list[tuple[int, int]]]] = field(default_factory=dict)
    """Term -> field -> [(document number, term frequency)], documents in order."""
    longueurs: dict[str, list[int]] = field(default_factory=dict)
    """Field -> number of indexed words of each document in that field."""
    formes: dict[str, set[str]] = field(default_factory=dict)
    """Term -> the words of the pages that give it (other than the term itself), for typos."""


def synonymes(project: Project) -> Synonymes:
    """A lexicon term and its variants are synonyms: « wifi », « wi-fi », « réseau sans fil »."""
    groups = []
    for item in project.of_genre("terme"):
        if item.model is not None:
            groups.append([str(getattr(item.model, "terme", "")), *getattr(item.model, "variantes", [])])
    return Synonymes.depuis(groups)


def normaliser(text: str, syn: Synonymes) -> str:
    """What lunr indexes for a field: folded text with its synonym tokens, stop words and short words removed."""
    return " ".join(mots(syn.enrichir(plier(text))))


def _stem_token(token: Any, i: int | None = None, tokens: Any = None) -> Any:
    return token.update(lambda text, metadata=None: racine(text))


def _builder() -> Any:
    """A lunr builder with our fields and our French pipeline (no stop-word download: they are removed before)."""
    from lunr.builder import Builder
    from lunr.pipeline import Pipeline

    if _PIPELINE_LABEL not in Pipeline.registered_functions:
        Pipeline.register_function(_stem_token, _PIPELINE_LABEL)
    builder = Builder()
    builder.pipeline.add(_stem_token)
    builder.search_pipeline.add(_stem_token)
    builder.ref("id")
    for name, boost in CHAMPS:
        builder.field(name, boost=boost)
    return builder


def _documents(entrees: Iterable[PageIndexee], syn: Synonymes) -> Iterator[dict[str, str]]:
    for number, entree in enumerate(entrees):
        yield {"id": str(number), **{name: normaliser(str(getattr(entree, name)), syn) for name, _ in CHAMPS}}


_SEPARATEURS = re.compile("[ \t\n\r\f\v\xa0-]+")
"""Where lunr's tokenizer cuts a field (`lunr.tokenizer.SEPARATOR_CHARS`)."""


def _termes(texte: str) -> list[str]:
    """The terms lunr's builder indexes for a field: its tokens (lower case, cut as `_SEPARATEURS`), each stemmed by
    our pipeline, which keeps every token."""
    return [racine(token) for token in _SEPARATEURS.split(texte.lower()) if token]


def construire(entrees: list[PageIndexee], syn: Synonymes) -> Index:
    """What lunr's builder counts (each term's postings and frequencies, each field's lengths), counted here without
    its objects for every token and the positions it would keep; `lunr_index` builds the same documents with lunr,
    and the tests check that both agree."""
    index = Index(entrees, syn)
    forms: dict[str, set[str]] = {}
    postes: dict[str, dict[str, list[tuple[int, int]]]] = {}
    index.longueurs = {name: [] for name, _ in CHAMPS}
    for number, doc in enumerate(_documents(entrees, syn)):
        for name, _ in CHAMPS:
            for word in doc[name].split():
                stem = racine(word)
                if stem != word:
                    forms.setdefault(stem, set()).add(word)
            terms = _termes(doc[name])
            index.longueurs[name].append(len(terms))
            for term, frequency in Counter(terms).items():
                if term not in postes:
                    postes[term] = {field: [] for field, _ in CHAMPS}
                postes[term][name].append((number, frequency))
    index.termes = sorted(postes)
    index.postes = {term: postes[term] for term in index.termes}
    index.formes = {term: forms[term] for term in index.termes if term in forms}
    return index


def lunr_index(entrees: Iterable[PageIndexee], syn: Synonymes) -> Any:
    """The same documents in a complete `lunr.Index`: the browser must rebuild exactly this (see the tests)."""
    builder = _builder()
    for doc in _documents(entrees, syn):
        builder.add(doc)
    return builder.build()
