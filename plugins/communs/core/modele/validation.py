"""Turn the front-matter of a document into a typed model, or into French diagnostics."""

from __future__ import annotations

import types
import typing
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from communs.core.modele import codes
from communs.core.modele.diagnostics import Diagnostic
from communs.core.modele.frontmatter import Document, Path_
from communs.core.modele.suggestions import did_you_mean

M = typing.TypeVar("M", bound=BaseModel)

_TYPES: dict[str, str] = {
    "string_type": "du texte",
    "int_type": "un nombre entier",
    "int_parsing": "un nombre entier",
    "int_from_float": "un nombre entier",
    "float_type": "un nombre",
    "float_parsing": "un nombre",
    "bool_type": "oui ou non (true ou false)",
    "bool_parsing": "oui ou non (true ou false)",
    "list_type": "une liste",
    "dict_type": "une suite de champs",
    "model_type": "une suite de champs",
    "model_attributes_type": "une suite de champs",
    "date_type": "une date AAAA-MM-JJ",
    "date_parsing": "une date AAAA-MM-JJ",
    "date_from_datetime_parsing": "une date AAAA-MM-JJ",
    "date_from_datetime_inexact": "une date AAAA-MM-JJ sans heure",
}

_LIST_EXAMPLE = "Écrivez une liste, par exemple « {champ}: [valeur1, valeur2] » ou une ligne « - valeur » par élément."


def field_label(loc: Path_) -> str:
    parts = [f"n°{p + 1}" if isinstance(p, int) else str(p) for p in loc]
    return " › ".join(parts)


def validate(doc: Document, model: type[M], *, loc_prefix: Path_ = ()) -> tuple[M | None, list[Diagnostic]]:
    """Validate `doc.data` (or the part at `loc_prefix`) against `model`."""
    data: Any = doc.data
    for part in loc_prefix:
        data = data[part]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, [_diagnostic(doc, model, loc_prefix, err) for err in exc.errors(include_url=False)]


def _diagnostic(doc: Document, model: type[BaseModel], prefix: Path_, err: ErrorDetails) -> Diagnostic:
    error_type = err["type"]
    loc = _data_loc(doc.data, prefix, err["loc"], error_type)
    ctx = err.get("ctx") or {}
    full = (*prefix, *loc)
    name = str(loc[-1]) if loc else ""
    label = field_label(loc)
    line = doc.line_of(full)
    given = err.get("input")

    if error_type == "missing":
        parent_line = doc.line_of(full[:-1]) if len(full) > 1 else 1
        return Diagnostic(
            doc.path,
            parent_line,
            codes.CHAMP_OBLIGATOIRE,
            f"Le champ obligatoire « {label} » manque.",
            f"Ajoutez une ligne « {name}: … » (voir le modèle dans content/_modeles/).",
        )
    if error_type == "extra_forbidden":
        allowed = allowed_fields(model, loc[:-1])
        hint = did_you_mean(name, allowed)
        return Diagnostic(
            doc.path,
            line,
            codes.CHAMP_INCONNU,
            f"Le champ « {label} » n'existe pas pour ce type de fiche.",
            hint or f"Champs possibles : {', '.join(sorted(allowed))}.",
        )
    if error_type == "source_ou_proposition":
        return Diagnostic(
            doc.path,
            doc.line_of(full) if full else 1,
            codes.CHAMP_OBLIGATOIRE,
            f"Il manque l'origine : {err['msg']}.",
            "Citez le rapport dans « sources » ; pour une création de votre centre, écrivez plutôt "
            "« propose_par: » avec « centre: » (nom de fichier du centre) et « annee: ».",
        )
    if error_type == "statut_sans_source":
        return Diagnostic(
            doc.path,
            doc.line_of((*prefix, "statut")),
            codes.STATUT_SANS_SOURCE,
            f"Le statut « {ctx.get('statut')} » n'est pas appuyé par une source.",
            "Ajoutez « statut_source: » avec « rapport: », « lignes: » et « citation: » (la phrase du rapport qui "
            "montre que la solution est déployée ou reprise), ou choisissez un statut que les rapports appuient.",
        )
    if error_type == "incoherence":
        champ = ctx.get("champ")
        target = (*full, champ) if champ else full
        return Diagnostic(
            doc.path,
            doc.line_of(target),
            codes.INCOHERENCE,
            f"Valeurs incohérentes{' dans « ' + label + ' »' if label else ''} : {err['msg']}.",
            "Corrigez l'une des deux valeurs.",
        )
    if error_type in _TYPES:
        expected = _TYPES[error_type]
        fix = _LIST_EXAMPLE.format(champ=name) if error_type == "list_type" else f"Écrivez {expected}."
        return Diagnostic(
            doc.path,
            line,
            codes.TYPE_INVALIDE,
            f"« {label} » doit être {expected}, pas « {_show(given)} ».",
            fix,
        )
    return Diagnostic(
        doc.path,
        line,
        codes.VALEUR_INVALIDE,
        _value_message(error_type, label, given, ctx, err["msg"]),
        _value_fix(error_type, ctx),
    )


def _data_loc(data: Any, prefix: Path_, loc: tuple[str | int, ...], error_type: str) -> Path_:
    """The error's location as keys of the data: pydantic adds union branches ('int', 'str'…) to it."""
    for part in prefix:
        data = data[part]
    kept: list[str | int] = []
    for position, part in enumerate(loc):
        last = position == len(loc) - 1
        if _has(data, part):
            kept.append(part)
            data = data[part]
        elif last and error_type in {"missing", "extra_forbidden"} and isinstance(data, dict):
            kept.append(part)
    return tuple(kept)


def _has(data: Any, part: str | int) -> bool:
    if isinstance(data, dict):
        return part in data
    return isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "une suite de champs"
    if isinstance(value, list):
        return "une liste"
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _value_message(error_type: str, label: str, given: Any, ctx: dict[str, Any], msg: str) -> str:
    shown = _show(given)
    if error_type == "string_pattern_mismatch":
        return f"« {label} » a une forme inattendue : « {shown} »."
    if error_type in {"greater_than_equal", "greater_than"}:
        return f"« {label} » vaut {shown}, c'est trop petit (minimum {ctx.get('ge', ctx.get('gt'))})."
    if error_type in {"less_than_equal", "less_than"}:
        return f"« {label} » vaut {shown}, c'est trop grand (maximum {ctx.get('le', ctx.get('lt'))})."
    if error_type == "string_too_short":
        return f"« {label} » est vide."
    if error_type == "too_short":
        return f"« {label} » doit contenir au moins {ctx.get('min_length', 1)} élément."
    if error_type == "date_implausible":
        return f"« {label} » : {msg}."
    if error_type == "url_invalide":
        return f"« {label} » : {msg}."
    return f"« {label} » a une valeur invalide : « {shown} »."


def _value_fix(error_type: str, ctx: dict[str, Any]) -> str:
    if error_type == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if "a-z0-9" in pattern:
            return "Écrivez le nom du fichier visé, sans .md : minuscules, chiffres et tirets (ex. « croissant-sud »)."
        if "( \\d\\d){4}" in pattern:
            return "Écrivez le numéro sous la forme « 03 20 00 00 00 »."
        if "\\d{5}" in pattern:
            return 'Écrivez les cinq chiffres du code postal entre guillemets, par exemple « "59000" ».'
        if "\\d+(-\\d+)?" in pattern:
            return "Écrivez un numéro de ligne ou un intervalle, par exemple « 706-777 »."
        if "\\d{2}" in pattern:
            return 'Écrivez le numéro du département sur deux chiffres, par exemple « "59" ».'
    if error_type == "url_invalide":
        return "Écrivez l'adresse complète, qui commence par https://."
    if error_type in {"string_too_short", "too_short"}:
        return "Remplissez ce champ ou retirez la ligne s'il est facultatif."
    return "Corrigez la valeur (voir le modèle dans content/_modeles/)."


def allowed_fields(model: type[BaseModel], loc: Sequence[str | int]) -> list[str]:
    """The field names of the (nested) model found at `loc`."""
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return []
        if isinstance(part, int):
            continue
        info = current.model_fields.get(str(part))
        current = _model_in(info.annotation) if info else None
    return list(current.model_fields) if current else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found:
                return found
    return None
