"""YAML that cannot blow up: anchors and aliases are refused and nesting is bounded before anything is built.

A « billion laughs » front-matter nests aliases so that building its values takes exponential time and
memory. The events of the YAML stream are read first, in one linear pass that builds nothing.
"""

from __future__ import annotations

import yaml

from communs.core.modele import codes

PROFONDEUR_MAX = 20
"""The deepest front-matter of the commons nests three levels (a list of blocks of fields)."""

Probleme = tuple[int, str, str, str]
"""(line, code, message, fix)."""


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
