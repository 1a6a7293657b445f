"""The YAML header of a content file as plain data with the line of every value, by libyaml's safe loader.

Custom tags, anchors, aliases, merge keys, duplicate keys, non-text keys, odd YAML 1.1 numbers and nesting deeper
than MAX_DEPTH are problems; dates stay text and decimal numbers become `Decimal`.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import yaml

from portal.content.problems import HEADER, Problem
from portal.content.source import Path_, Source, dotted
from portal.content.yaml_problems import yaml_problem

try:  # libyaml is about seven times faster; the pure-Python loader behaves the same.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 8            # nesting of lists and fields in the header; the schema needs 3
SAFE_DEPTH = 400         # composing a header nested at most this deep is safe (libyaml's composer recurses per level)
MAX_NUMBER_CHARS = 20    # a number longer than this is a typo, and converting it could take minutes
MAX_INTEGER_DIGITS = 15  # 999 bilionů: more than any amount or count a project has

# YAML 1.1 number forms that surprise people: 0100 is octal 64, 1:40 is sexagesimal 100.
_ODD_INT = re.compile(r"^[-+]?(0[0-9_]+|0[xob].*|.*_.*|.*:.*)$", re.IGNORECASE)
_TAG = "tag:yaml.org,2002:"
_STR = _TAG + "str"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_NBSP = re.compile(r"^\s*(- )?[\w.-]+:\u00a0|^\u00a0")  # a no-break space after a field's colon or at a line's start
_ALLOWED = "v hlavičce jsou povoleny jen texty, čísla, seznamy a pole"


def parse_header(header: str, src: Source, offset: int) -> None:
    """Compose YAML into nodes and convert them to plain data with line numbers (offset: first line)."""
    if "\u00a0" in header:  # the line-by-line search below is a tenth of the parsing, and most headers have none
        for i, line in enumerate(header.split("\n")):
            if _NBSP.match(line):
                src.problems.append(Problem(src.path, i + offset, HEADER, "neviditelná pevná mezera (často z Wordu) místo obyčejné mezery; smažte mezeru za dvojtečkou či na začátku řádku a napište ji znovu"))
        if src.problems and any(p.message.startswith("neviditelná pevná mezera") for p in src.problems):
            return
    if _depth_bound(header) > SAFE_DEPTH and _too_deep(header, src, offset):
        return
    if "&" in header:
        for event in _events(header, src, offset):
            anchor = getattr(event, "anchor", None)
            if anchor:
                what = f"odkaz YAML '*{anchor}'" if isinstance(event, yaml.AliasEvent) else f"kotva YAML '&{anchor}'"
                src.problems.append(Problem(src.path, event.start_mark.line + offset, HEADER, f"{what} není povolen(a); kotvy a odkazy nejsou v hlavičce povoleny, hodnotu napište celou"))
        if src.problems:
            return
    loader = _Loader(header)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        src.problems.append(yaml_problem(exc, src.path, offset, header.split("\n")))
        return
    finally:
        loader.dispose()
    if node is None:
        src.problems.append(Problem(src.path, 1, HEADER, "hlavička je prázdná; uveďte alespoň povinná pole"))
        return
    if not isinstance(node, yaml.MappingNode):
        src.problems.append(Problem(src.path, node.start_mark.line + offset, HEADER, "hlavička musí obsahovat pole ve tvaru 'název: hodnota'"))
        return
    src.lines[()] = 1
    try:
        meta = _Converter(src, offset, loader).convert(node, ())
    except _TooDeep as deep:
        src.problems.append(_depth_problem(src, deep.line))
        return
    src.meta = meta if isinstance(meta, dict) else None  # a mapping node converts to a dict, or None with a problem


def _depth_bound(header: str) -> int:
    """A bound no header's nesting exceeds: every level needs a bracket, a deeper indentation, a '- ', '? ' or ':'.

    Counting characters is C-speed; only a header whose bound passes SAFE_DEPTH gets the token scan below
    before it is composed (the converter reports nesting past MAX_DEPTH in every other header).
    """
    indent = max((len(line) - len(line.lstrip(" ")) for line in header.split("\n")), default=0)
    return (header.count("[") + header.count("{") + 2 * (indent + 1) + 2 * header.count("- ") + 2 * header.count("? ")
            + header.count(":"))


class _TooDeep(Exception):
    """Nesting past MAX_DEPTH, found while converting: the header is refused at that line."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def _depth_problem(src: Source, line: int) -> Problem:
    return Problem(src.path, line, HEADER, f"příliš hluboké vnoření (více než {MAX_DEPTH} úrovní seznamů a polí); hlavička potřebuje nejvýše 3")


def _too_deep(header: str, src: Source, offset: int) -> bool:
    """Nesting deeper than MAX_DEPTH is an error found by a flat token scan (composing it could crash the parser)."""
    depth = 0
    try:
        for token in yaml.scan(header, Loader=_Loader):
            if isinstance(token, (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken, yaml.FlowMappingStartToken,
                                  yaml.FlowSequenceStartToken)):
                depth += 1
                if depth > MAX_DEPTH:
                    src.problems.append(_depth_problem(src, token.start_mark.line + offset))
                    return True
            elif isinstance(token, (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)):
                depth -= 1
    except yaml.MarkedYAMLError:
        return False  # the composer reports the syntax error with its line
    return False


def _events(header: str, src: Source, offset: int) -> list:
    """All YAML events of the header (used only to find anchors), or none after a syntax error."""
    try:
        return list(yaml.parse(header, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        src.problems.append(yaml_problem(exc, src.path, offset, header.split("\n")))
        return []


class _Converter:
    """Turns composed YAML nodes into dicts, lists and scalars while recording line numbers."""

    def __init__(self, src: Source, offset: int, loader: _Loader) -> None:
        self.src, self.offset, self.loader = src, offset, loader
        self.seen: set[int] = set()

    def problem(self, node: yaml.Node, field: str, message: str, path: Path_ | None = None) -> None:
        if path is not None:
            self.src.broken.add(path)
        self.src.problems.append(Problem(self.src.path, node.start_mark.line + self.offset, field, message))

    def convert(self, node: yaml.Node, path: Path_, depth: int = 1) -> object:
        if depth > MAX_DEPTH and isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            raise _TooDeep(node.start_mark.line + self.offset)
        if id(node) in self.seen:  # the composer shares one node for every alias: never expand it
            self.problem(node, dotted(path), "odkazy YAML (aliasy '*') nejsou povoleny; hodnotu napište celou", path)
            return None
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _TAG + "seq":
                self.problem(node, dotted(path), f"nepovolený typ YAML '{_tag(node.tag)}'; " + _ALLOWED, path)
                return None
            out = []
            for i, item in enumerate(node.value):
                self.src.lines[path + (i,)] = item.start_mark.line + self.offset
                out.append(self.convert(item, path + (i,), depth + 1))
            return out
        assert isinstance(node, yaml.ScalarNode)  # the composer makes only scalar, sequence and mapping nodes
        return self.scalar(node, path)

    def mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict | None:
        if node.tag != _TAG + "map":
            self.problem(node, dotted(path), f"nepovolený typ YAML '{_tag(node.tag)}'; " + _ALLOWED, path)
            return None
        out: dict[str, object] = {}
        previous: yaml.Node | None = None
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + self.offset
            if (node.flow_style and isinstance(key_node, yaml.ScalarNode) and key_node.value.isdigit() and _empty(value_node)
                    and isinstance(previous, yaml.ScalarNode) and previous.value.replace(".", "").isdigit()):
                # '{amount: 800000,00}': the decimal comma split the number and '00' became a key of its own.
                whole = f"{previous.value},{key_node.value}"
                self.problem(key_node, dotted(path) or HEADER, f"čárka uvnitř {{…}} rozdělila číslo '{whole}'; desetinnou čárku pište jako tečku: {previous.value}.{key_node.value}", path)
                continue
            previous = value_node
            if key_node.tag == _TAG + "merge":
                self.problem(key_node, dotted(path) or HEADER, "slučovací klíč '<<' není povolen; napište pole celá")
                continue
            key = self.scalar(key_node, path) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                self.problem(key_node, dotted(path) or HEADER, f"název pole musí být text, ne {_shown_key(key_node)}")
                continue
            if key in out:
                first = self.src.lines[path + (key,)]
                self.problem(key_node, dotted(path + (key,)), f"pole je uvedeno dvakrát (poprvé na řádku {first}); ponechte jen jedno")
                continue
            self.src.lines[path + (key,)] = line
            if node.flow_style and _empty(value_node):
                # '{name: Spolek, z.s.}': the comma split the value and 'z.s.' became a key of its own.
                self.problem(key_node, dotted(path) or HEADER, f"čárka uvnitř {{…}} odděluje pole, takže '{key}' se čte jako další pole; text, který obsahuje čárku, dejte do uvozovek, např. \"Spolek, {key}\"", path)
                continue
            out[key] = self.convert(value_node, path + (key,), depth + 1)
        return out

    def scalar(self, node: yaml.ScalarNode, path: Path_) -> object:
        if node.tag == _STR:  # most values: the constructor would only return the text
            return node.value
        if node.tag not in _SCALAR_TAGS:
            self.problem(node, dotted(path) or HEADER, f"nepovolený typ YAML '{_tag(node.tag)}'; " + _ALLOWED, path)
            return None
        if node.tag.endswith(":timestamp"):  # dates stay text; the schema checks their form
            return node.value
        if node.tag.endswith((":int", ":float")):
            problem = _number_problem(node.value, node.tag.endswith(":int"))
            if problem:
                self.problem(node, dotted(path), problem, path)
                return None
        if node.tag.endswith(":float"):
            try:
                value = Decimal(node.value.replace("_", ""))
            except InvalidOperation:
                value = None
            if value is None or not value.is_finite():
                self.problem(node, dotted(path), f"neplatné číslo '{node.value}'; pište číslice s desetinnou tečkou, např. 1234.50", path)
                return None
            return value
        try:
            return self.loader.construct_object(node)
        except (yaml.YAMLError, ValueError):  # e.g. an int too odd for the constructor
            self.problem(node, dotted(path), f"hodnotu {node.value[:30]!r} nelze přečíst; je-li to text, dejte ji do uvozovek", path)
            return None


def _number_problem(text: str, integer: bool) -> str | None:
    """Why a number as written is refused: too long, too large, an exponent, or a YAML 1.1 octal/sexagesimal form."""
    plain = text.lstrip("+-")
    if len(text) > MAX_NUMBER_CHARS or len(plain.split(".")[0].lstrip("0")) > MAX_INTEGER_DIGITS:
        return f"číslo '{text[:30]}{'…' if len(text) > 30 else ''}' je příliš velké nebo dlouhé; nejvýše {MAX_INTEGER_DIGITS} číslic před desetinnou tečkou"
    if integer and _ODD_INT.match(text):
        if ":" in text:
            return f"'{text}' se v YAML čte jako číslo v šedesátkové soustavě; je-li to čas nebo poměr, dejte hodnotu do uvozovek: \"{text}\""
        if "_" in text:
            return f"'{text}' obsahuje podtržítko; napište číslo bez oddělovačů, např. {text.replace('_', '')}"
        if plain[:2].lower() in ("0x", "0o", "0b"):
            return f"'{text}' je zápis v jiné než desítkové soustavě; napište číslo desítkově"
        return f"'{text}' začíná nulou a YAML ho čte jako osmičkové číslo; napište ho bez úvodních nul ({plain.lstrip('0') or '0'}), nebo ho dejte do uvozovek"
    if not integer and (("e" in text.lower() and not text.lower().lstrip("+-.").startswith(("inf", "nan"))) or ":" in text):
        return f"'{text}' je zápis s exponentem nebo dvojtečkou; napište číslo celé s desetinnou tečkou, např. 1234.50"
    return None


def _empty(node: yaml.Node) -> bool:
    """A value left out entirely ('{a: 1, b}' gives b such a value)."""
    return isinstance(node, yaml.ScalarNode) and node.tag == _TAG + "null" and node.value == ""


def _tag(tag: str) -> str:
    """A YAML tag as written in the file: '!!python/object' rather than the long form."""
    return "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag


def _shown_key(node: yaml.Node) -> str:
    return f"'{node.value}'" if isinstance(node, yaml.ScalarNode) else "seznam ani slovník"
