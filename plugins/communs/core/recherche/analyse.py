"""Text as the search sees it: folded (no accent, no case, no punctuation), without stop words, with synonyms.

The browser does exactly the same to a query (assets/javascripts/communs-recherche.js, `plier` and
`Synonymes`): both sides must agree, or a word would be indexed under a form no query produces.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae"})
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_ACCENTS = re.compile("[\u0300-\u036f]")
"""Combining diacritical marks, as NFKD leaves them after a letter (the browser strips the same range)."""
MIN_LENGTH = 2
"""Shorter words (« l' », « d' », a lone letter) are never indexed nor searched."""


def plier(text: str) -> str:
    """« L'Écran du cœur » -> « l ecran du coeur »: lower case, ASCII letters and digits, single spaces.

    Accents go; any other character (punctuation, a letter outside a-z) separates words."""
    plain = _ACCENTS.sub("", unicodedata.normalize("NFKD", text.translate(_LIGATURES).lower()))
    return _NOT_WORD.sub(" ", plain).strip()


@cache
def mots_vides() -> frozenset[str]:
    """The stop words shipped with the package (data/mots-vides.txt), folded."""
    text = resources.files("communs").joinpath("data/mots-vides.txt").read_text(encoding="utf-8")
    words = (plier(line) for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return frozenset(word for word in words if word)


def mots(text: str) -> list[str]:
    """The words of a folded text that the search keeps."""
    vides = mots_vides()
    return [word for word in text.split() if len(word) >= MIN_LENGTH and word not in vides]


@dataclass
class Synonymes:
    """Groups of phrases that mean the same word (a lexicon term and its variants), each with one token.

    A text that contains a phrase of a group also gets the group's token; a query has the phrase replaced by the
    token. « wi-fi », « wifi » and « réseau sans fil » then find each other. A phrase may end with a plural s or x.
    """

    groupes: dict[str, str] = field(default_factory=dict)
    """Folded phrase -> token."""

    @classmethod
    def depuis(cls, groupes: Iterable[Iterable[str]]) -> Synonymes:
        """From groups of phrases, the first one naming the group. A phrase claimed by two groups is left out."""
        owners: dict[str, set[str]] = {}
        for group in groupes:
            phrases = [plier(p) for p in group]
            phrases = [p for p in phrases if p]
            if len(phrases) < 2:
                continue
            token = phrases[0].replace(" ", "")
            for phrase in phrases:
                owners.setdefault(phrase, set()).add(token)
        return cls({phrase: next(iter(tokens)) for phrase, tokens in sorted(owners.items()) if len(tokens) == 1})

    @cached_property
    def _motif(self) -> re.Pattern[str] | None:
        if not self.groupes:
            return None
        phrases = sorted(self.groupes, key=lambda p: (-len(p), p))
        return re.compile("(^| )(" + "|".join(re.escape(p) for p in phrases) + ")[sx]?(?= |$)")

    def enrichir(self, folded: str) -> str:
        """A folded text (single spaces) followed by the tokens of the groups it mentions (for the index)."""
        motif = self._motif
        if motif is None:
            return folded
        tokens = []
        for match in motif.finditer(folded):
            token = self.groupes[match.group(2)]
            if token != match.group(0).strip() and token not in tokens:
                tokens.append(token)
        return " ".join([folded, *tokens]) if tokens else folded

    def remplacer(self, folded: str) -> str:
        """A folded query with each phrase of a group replaced by the group's token."""
        motif = self._motif
        return folded if motif is None else motif.sub(lambda m: m.group(1) + self.groupes[m.group(2)], folded)

    def as_list(self) -> list[list[str]]:
        """[[phrase, token], …], longest phrase first, as the browser rebuilds the same pattern."""
        return [[p, self.groupes[p]] for p in sorted(self.groupes, key=lambda p: (-len(p), p))]
