"""Read a content file: its text, its YAML front-matter with the line of every key, its body.

MkDocs silently drops front-matter that is not valid YAML; this reader reports it instead, with
the line, and never raises at a contributor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from communs.core.modele import codes, yaml_borne
from communs.core.modele.diagnostics import Diagnostic

Path_ = tuple[str | int, ...]
FENCE = "---"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


@dataclass
class Document:
    """A content file once read. `lines` maps a key path such as ("essaimage", 0, "centre") to its line."""

    path: str
    text: str = ""
    data: Any = None
    lines: dict[Path_, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    has_front_matter: bool = False
    readable: bool = True
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def line_of(self, path: Path_) -> int:
        """The line of a key path, or of its nearest parent, or of the opening fence."""
        for end in range(len(path), 0, -1):
            line = self.lines.get(tuple(path[:end]))
            if line:
                return line
        return 1

    def problem(self, line: int, code: str, message: str, fix: str = "") -> None:
        self.diagnostics.append(Diagnostic(self.path, line, code, message, fix))


def decode(raw: bytes, doc: Document) -> str | None:
    """Decode UTF-8 (with or without BOM), normalise line endings; report binary content."""
    if b"\x00" in raw[:8192]:
        doc.problem(
            1,
            codes.FICHIER_BINAIRE,
            "Ce fichier est binaire (image, document de traitement de texte…), pas du texte Markdown.",
            "Enregistrez-le en texte brut (.md, UTF-8) ou placez-le dans un dossier images/.",
        )
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        doc.problem(
            line,
            codes.FICHIER_BINAIRE,
            "Ce fichier n'est pas en UTF-8 (caractère illisible à cette ligne).",
            "Réenregistrez-le en UTF-8 (dans votre éditeur : « Enregistrer avec l'encodage UTF-8 »).",
        )
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_document(raw: bytes, path: str, *, front_matter: bool | None = True) -> Document:
    """Read a Markdown file with front-matter: required (True), optional (None) or a whole YAML file (False)."""
    doc = Document(path=path)
    text = decode(raw, doc)
    if text is None:
        doc.readable = False
        return doc
    doc.text = text
    if not text.strip():
        doc.problem(
            1,
            codes.FICHIER_VIDE,
            "Le fichier est vide.",
            "Partez du modèle de content/_modeles/ ou supprimez ce fichier.",
        )
        return doc
    if front_matter is False:
        doc.has_front_matter = True
        doc.data = parse_yaml(text, first_line=1, doc=doc)
        return doc
    lines = text.split("\n")
    if lines[0].strip() != FENCE:
        doc.body = text
        if front_matter is None:
            return doc
        doc.problem(
            1,
            codes.ENTETE_ABSENTE,
            "Le fichier ne commence pas par un en-tête YAML entre deux lignes « --- ».",
            "Ajoutez en première ligne « --- », les champs, puis une ligne « --- » (voir content/_modeles/).",
        )
        return doc
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in (FENCE, "...")), None)
    if end is None:
        doc.problem(
            1,
            codes.ENTETE_NON_FERMEE,
            "L'en-tête YAML ouvert par « --- » à la ligne 1 n'est jamais fermé.",
            "Ajoutez une ligne « --- » après le dernier champ de l'en-tête.",
        )
        return doc
    doc.has_front_matter = True
    doc.body = "\n".join(lines[end + 1 :])
    doc.body_line = end + 2
    doc.data = parse_yaml("\n".join(lines[1:end]), first_line=2, doc=doc)
    if doc.data is None:
        doc.data = {} if not doc.diagnostics else None
    if doc.data is not None and not isinstance(doc.data, dict):
        doc.problem(
            2,
            codes.ENTETE_PAS_DICTIONNAIRE,
            "L'en-tête doit être une suite de lignes « champ: valeur », pas une liste ni un texte seul.",
            "Écrivez chaque champ sur sa ligne, par exemple « titre: Mon titre ».",
        )
        doc.data = None
    return doc


_YAML_PROBLEMS: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed", "un « : » apparaît là où il n'est pas permis"),
    ("could not find expected ':'", "il manque « : » après un nom de champ"),
    ("did not find expected key", "l'indentation ne correspond à aucun champ"),
    ("expected <block end>", "l'indentation n'est pas cohérente"),
    ("found unexpected end of stream", "des guillemets ne sont jamais fermés"),
    ("did not find expected ',' or ']'", "un crochet « [ » n'est jamais fermé"),
    ("did not find expected ',' or '}'", "une accolade « { » n'est jamais fermée"),
    ("found undefined alias", "un « * » est lu comme un alias YAML"),
    ("found character '%' that cannot start any token", "un « % » ne peut pas commencer une valeur"),
    ("found character '@' that cannot start any token", "un « @ » ne peut pas commencer une valeur"),
    ("found character '`' that cannot start any token", "un « ` » ne peut pas commencer une valeur"),
    ("block sequence entries are not allowed", "un tiret « - » de liste est mal placé"),
)


def _tab_lines(text: str, first_line: int) -> list[int]:
    if "\t" not in text:
        return []  # nearly always: no line to look at
    return [first_line + i for i, line in enumerate(text.split("\n")) if "\t" in line[: len(line) - len(line.lstrip())]]


_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's loader when PyYAML was built with it (ten times faster), else the pure-Python one; both give marks."""
_ETIQUETTES: dict[str, str] = {}
"""Short plain scalar -> its tag (`_resoudre`): field names and short values repeat from file to file."""
ETIQUETTES_MAX = 10_000
_resoudre_base = cast(Callable[[yaml.SafeLoader, type[Node], str, tuple[bool, bool]], str], _Base.resolve)
_RESOLUS: dict[str | None, object] = _Base.yaml_implicit_resolvers
_PREMIERS = frozenset(_RESOLUS) if None not in _RESOLUS else None
"""The first characters of a plain scalar that an implicit resolver looks at (None: every one, a wildcard resolver)."""


def _resoudre(loader: yaml.SafeLoader, kind: type[Node], value: str, implicit: tuple[bool, bool]) -> str:
    """The tag of a node, as the safe loader resolves it. For a plain scalar, the first implicit resolver whose pattern
    matches its text, among those of its first character: none, for most texts (a text); else the same for the same
    text (the loader has no path resolver), kept for the next files when short."""
    if kind is not ScalarNode or not implicit[0]:
        return _resoudre_base(loader, kind, value, implicit)
    if _PREMIERS is not None and value[:1] not in _PREMIERS:
        return _Base.DEFAULT_SCALAR_TAG
    if len(value) > 40:
        return _resoudre_base(loader, kind, value, implicit)
    tag = _ETIQUETTES.get(value)
    if tag is None:
        tag = _resoudre_base(loader, kind, value, implicit)
        if len(_ETIQUETTES) < ETIQUETTES_MAX:
            _ETIQUETTES[value] = tag
    return tag


_Loader: type[yaml.SafeLoader] = type("_Chargeur", (_Base,), {"resolve": _resoudre})
"""The loader, each plain scalar's tag kept: resolving them was a tenth of reading a front-matter."""
_STR_TAG = "tag:yaml.org,2002:str"


def parse_yaml(text: str, *, first_line: int, doc: Document) -> Any:
    """Parse YAML, recording the line of each key; report every problem on `doc`."""
    tabs = _tab_lines(text, first_line)
    for line in tabs:
        doc.problem(
            line,
            codes.YAML_TABULATION,
            "Une tabulation sert d'indentation : le YAML n'accepte que des espaces.",
            "Remplacez la tabulation par deux espaces.",
        )
    bounded = None if yaml_borne.sans_risque(text) else yaml_borne.verifier(text, first_line, _Loader)
    if bounded is not None:
        doc.problem(*bounded)
        return None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        return _build(node, (), loader, doc, first_line)
    except yaml.MarkedYAMLError as exc:
        if tabs:
            return None
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        problem = str(exc.problem or "")
        said = next((fr for en, fr in _YAML_PROBLEMS if en in problem), None)
        if "\t" in problem or "'\\t'" in problem:
            doc.problem(
                line,
                codes.YAML_TABULATION,
                "Une tabulation sépare des éléments du YAML.",
                "Remplacez-la par des espaces.",
            )
            return None
        doc.problem(
            line,
            codes.YAML_INVALIDE,
            f"L'en-tête YAML ne se lit pas : {said or problem or 'erreur de syntaxe'}.",
            "Vérifiez l'indentation (espaces seulement) et mettez entre guillemets une valeur qui contient « : » ou « # ».",
        )
        return None
    except yaml.YAMLError as exc:
        doc.problem(first_line, codes.YAML_INVALIDE, f"L'en-tête YAML ne se lit pas ({exc}).", "Vérifiez sa syntaxe.")
        return None
    finally:
        loader.dispose()


def _build(node: Node, path: Path_, loader: yaml.SafeLoader, doc: Document, first_line: int) -> Any:
    if isinstance(node, MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node, loader, doc, first_line) if isinstance(key_node, ScalarNode) else str(key_node.value)
            if not isinstance(key, (str, int)):
                key = str(key)
            line = first_line + key_node.start_mark.line
            if key in result:
                doc.problem(
                    line,
                    codes.CLE_DUPLIQUEE,
                    f"Le champ « {key} » est écrit deux fois ; seule la dernière valeur serait gardée.",
                    f"Gardez une seule ligne « {key}: » (pour plusieurs valeurs, écrivez une liste).",
                )
            here = (*path, key)
            doc.lines[here] = line
            if value_node.tag == _STR_TAG and type(value_node) is ScalarNode:
                result[key] = value_node.value  # most values are texts: no call for them
            else:
                result[key] = _build(value_node, here, loader, doc, first_line)
        return result
    if isinstance(node, SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            here = (*path, index)
            doc.lines[here] = first_line + item.start_mark.line
            if item.tag == _STR_TAG and type(item) is ScalarNode:
                items.append(item.value)
            else:
                items.append(_build(item, here, loader, doc, first_line))
        return items
    return _scalar(node, loader, doc, first_line)


def _scalar(node: Node, loader: yaml.SafeLoader, doc: Document, first_line: int) -> Any:
    if node.tag == _STR_TAG:
        return node.value  # what the safe constructor gives for a text, without its dispatch
    try:
        value = loader.construct_object(node, deep=True)
    except (ValueError, OverflowError, yaml.constructor.ConstructorError):
        line = first_line + node.start_mark.line
        if node.tag == _TIMESTAMP_TAG:
            doc.problem(
                line,
                codes.DATE_IMPOSSIBLE,
                f"La date « {node.value} » n'existe pas au calendrier.",
                "Écrivez une date réelle au format AAAA-MM-JJ, par exemple 2020-03-16.",
            )
        else:
            doc.problem(line, codes.YAML_INVALIDE, f"La valeur « {node.value} » ne se lit pas.", "Mettez-la entre guillemets.")
        return str(node.value)
    return value
