"""YAML that cannot blow up: anchors and aliases are refused and nesting is bounded before anything is built.

A « billion laughs » front-matter nests aliases so that building its values takes exponential time and
memory. The events of the YAML stream are read first, in one linear pass that builds nothing.

That pass costs as much as the parse itself, so a text is first read once more cheaply (`sans_risque`): with no
« & » nor « * » it can hold no anchor nor alias, and its nesting has a bound computed from its characters. Only a
text that this bound cannot clear is read event by event; the others go straight to the parser, read only once.
"""

from __future__ import annotations

import yaml

from communs.core.modele import codes

PROFONDEUR_MAX = 20
"""The deepest front-matter of the commons nests three levels (a list of blocks of fields)."""

Probleme = tuple[int, str, str, str]
"""(line, code, message, fix)."""


_DEBUT_DE_LIGNE = " \t-?:"
"""What may come before the first node of a line in block style: indentation and the « - », « ? », « : » indicators."""


def profondeur_max(text: str) -> int:
    """An upper bound of the nesting of `text` (without anchors), from its characters alone.

    A block collection starts on its line at most at the column of the line's first other character; down a chain
    of nested block collections the column grows, but for a list written at its key's column, so two levels at most
    per column. A flow mapping (« { ») counts one level wherever it is, a flow list (« [ ») two: one of its entries
    may be a one-pair mapping written without braces (« [a: b] »).
    """
    colonne = max((len(line) - len(line.lstrip(_DEBUT_DE_LIGNE)) for line in text.split("\n")), default=0)
    return 2 * (colonne + 1) + 2 * text.count("[") + text.count("{")


def sans_risque(text: str) -> bool:
    """True when `text` can hold no anchor, no alias and no nesting over `PROFONDEUR_MAX`: no need of `verifier`.

    A text with a tag (« ! ») is read event by event too: a tag may stand before a collection on its line.
    """
    return "&" not in text and "*" not in text and "!" not in text and profondeur_max(text) <= PROFONDEUR_MAX


def verifier(text: str, first_line: int, loader: type[yaml.SafeLoader]) -> Probleme | None:
    """The first alias, anchor or too deep nesting of `text`, or None (syntax errors are left to the parser)."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            line = first_line + (event.start_mark.line if event.start_mark else 0)
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return (
                    line,
                    codes.YAML_ALIAS,
                    "Un « & » ou un « * » en début de valeur est lu comme une ancre ou un alias YAML, que le site refuse.",
                    "Écrivez la valeur en entier, entre guillemets si elle commence par « & » ou « * ».",
                )
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > PROFONDEUR_MAX:
                    return (
                        line,
                        codes.YAML_TROP_PROFOND,
                        f"L'en-tête imbrique plus de {PROFONDEUR_MAX} niveaux de listes ou de champs.",
                        "Un en-tête n'a que quelques niveaux : reprenez le modèle de content/_modeles/.",
                    )
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None
    return None
