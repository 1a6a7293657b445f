"""Read a YAML-fronted Markdown file safely, keeping the line of every front-matter value.

Rules: UTF-8 only (BOM and CRLF allowed); the file starts with a `---` line and the header ends with
`---` or `...`; YAML is read by libyaml's safe loader, and custom tags, anchors, aliases, merge keys,
duplicate keys and non-text keys are errors. Dates stay text (validated later against the schema),
decimal numbers become `Decimal` so money adds up to the haléř.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

from portal.content.problems import FILE, HEADER, Problem

try:  # libyaml is about seven times faster; the pure-Python loader behaves the same.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 1_000_000
MAX_HEADER_BYTES = 64 * 1024
MAX_DEPTH = 8            # nesting of lists and fields in the header; the schema needs 3
MAX_NUMBER_CHARS = 20    # a number longer than this is a typo, and converting it could take minutes
MAX_INTEGER_DIGITS = 15  # 999 bilionů: more than any amount or count a project has

# Characters that are invisible or break XML, terminals and PDF text: C0/C1 controls (but tab and line
# breaks), DEL, Unicode non-characters, and bidirectional overrides that make text read differently.
INVISIBLE = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[{INVISIBLE}]")
# YAML 1.1 number forms that surprise people: 0100 is octal 64, 1:40 is sexagesimal 100.
_ODD_INT = re.compile(r"^[-+]?(0[0-9_]+|0[xob].*|.*_.*|.*:.*)$", re.IGNORECASE)
_DEPTH_HINT = re.compile(rf"[\[{{]|^ {{{2 * MAX_DEPTH},}}|- +-|\? ", re.MULTILINE)
_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_FENCE = re.compile(r"^(---|\.\.\.)[ \t]*$")

Path_ = tuple[str | int, ...]
_ALLOWED = "v hlavičce jsou povoleny jen texty, čísla, seznamy a pole"

# PyYAML's English problems, in Czech, with what to do about them.
_YAML_PROBLEMS = [
    ("mapping values are not allowed", "dvojtečka na nečekaném místě; hodnotu, která obsahuje dvojtečku, dejte do uvozovek"),
    ("could not find expected ':'", "za názvem pole chybí dvojtečka, nebo je špatně odsazený řádek"),
    ("cannot start any token", "tabulátor nebo nepovolený znak; odsazujte pouze mezerami"),
    ("expected <block end>", "nesprávné odsazení; položky na stejné úrovni musí začínat ve stejném sloupci"),
    ("expected ',' or ']'", "neukončený seznam; chybí ']' nebo čárka mezi položkami"),
    ("expected ',' or '}'", "neukončený slovník; chybí '}' nebo čárka mezi položkami"),
    ("found unexpected end of stream", "neukončené uvozovky nebo závorka"),
    ("found unknown escape character", "neplatná sekvence se zpětným lomítkem v uvozovkách; použijte jednoduché uvozovky"),
    ("expected a single document", "hlavička obsahuje více dokumentů YAML"),
    ("found undefined alias", "odkazy (aliasy) YAML nejsou povoleny"),
    ("expected alphabetic or numeric character", "znak '&' nebo '*' na začátku hodnoty; hodnotu dejte do uvozovek"),
    ("did not find expected key", "nesprávné odsazení nebo chybějící '-' u položky seznamu"),
    ("did not find expected '-' indicator", "nesprávné odsazení položky seznamu"),
    ("found character that cannot start any token", "nepovolený znak na začátku hodnoty; hodnotu dejte do uvozovek"),
    ("found a tab character", "tabulátor v odsazení; odsazujte pouze mezerami"),
    ("did not find expected node content", "chybí hodnota nebo stojí na nečekaném místě; hodnotu dejte do uvozovek"),
    ("found unexpected ':'", "dvojtečka na nečekaném místě; hodnotu, která obsahuje dvojtečku, dejte do uvozovek"),
    ("block sequence entries are not allowed", "pomlčka '-' na nečekaném místě; každou položku seznamu pište na samostatný řádek pod název pole"),
    ("did not find expected comment or line break", "za hodnotou v uvozovkách nesmí na řádku nic dalšího následovat; dejte do uvozovek celý text"),
    ("did not find expected <document start>", "hlavička obsahuje více dokumentů YAML"),
    ("found unexpected document indicator", "řádek '---' nebo '...' uvnitř hlavičky; hlavičku ukončuje jen jeden řádek '---'"),
    ("undefined tag handle", "nepovolený typ YAML (značka '!'); hodnotu začínající '!' dejte do uvozovek"),
    ("directive", "direktivy YAML ('%…') nejsou v hlavičce povoleny"),
    ("found unknown escape character", "neplatná sekvence se zpětným lomítkem v uvozovkách; použijte jednoduché uvozovky"),
    ("found unexpected end of stream", "neukončené uvozovky nebo závorka"),
]
_GENERIC_YAML_PROBLEM = "zápisu nelze porozumět; zkontrolujte na tomto řádku odsazení (jen mezery), dvojtečku za názvem pole a uvozovky"


@dataclass
class Source:
    """A parsed file: front-matter data, the line of every value, the Markdown body, and problems."""

    path: str
    meta: dict | None = None
    lines: dict[Path_, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    problems: list[Problem] = field(default_factory=list)
    # Values that could not be read: already reported, so the schema check stays quiet about them.
    broken: set[Path_] = field(default_factory=set)

    def line(self, path: Path_) -> int:
        """Line of a value, or of its nearest parent that has one (the header's first line at worst)."""
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


def read_source(file: Path, rel: str) -> Source:
    """Read and parse one file; every problem is collected, nothing is raised."""
    size = file.stat().st_size
    if size > MAX_FILE_BYTES:
        return Source(rel, problems=[Problem(rel, 1, FILE, f"soubor je příliš velký ({size // 1024} kB); největší povolená velikost je {MAX_FILE_BYTES // 1000} kB, rozdělte text nebo zmenšete přílohy")])
    return parse_source(file.read_bytes(), rel)


def parse_source(raw: bytes, rel: str) -> Source:
    """Parse the bytes of a YAML-fronted Markdown file."""
    src = Source(rel)
    text = _decode(raw, src)
    if text is None:
        return src
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _without_controls(text, src)
    lines = text.split("\n")
    if not lines or not _FENCE.match(lines[0]) or lines[0].startswith("..."):
        src.problems.append(Problem(rel, 1, HEADER, "soubor musí začínat hlavičkou: první řádek '---', pak pole 'název: hodnota' a nakonec opět řádek '---'"))
        return src
    end = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i])), None)
    if end is None:
        src.problems.append(Problem(rel, 1, HEADER, "hlavička není ukončena; za posledním polem chybí řádek '---'"))
        return src
    header = "\n".join(lines[1:end])
    src.body = "\n".join(lines[end + 1 :])
    src.body_line = end + 2
    if len(header.encode("utf-8")) > MAX_HEADER_BYTES:
        src.problems.append(Problem(rel, 2, HEADER, f"hlavička je příliš dlouhá; největší povolená délka je {MAX_HEADER_BYTES // 1024} kB, dlouhé texty patří do těla stránky"))
        return src
    _parse_header(header, src, offset=2)  # the header's first line is the file's second line
    return src


def parse_yaml_file(file: Path, rel: str) -> Source:
    """Parse a plain YAML data file (such as the vocabularies) with the same safe rules."""
    src = Source(rel)
    text = _decode(file.read_bytes(), src)
    if text is not None:
        _parse_header(_without_controls(text.replace("\r\n", "\n"), src), src, offset=1)
    return src


def _without_controls(text: str, src: Source) -> str:
    """Report every line with an invisible control character, and go on checking the text without them."""
    if not _CONTROL.search(text):
        return text
    lines = text.split("\n")
    fenced = bool(lines and _FENCE.match(lines[0]))  # a Markdown file; a data file (vocabularies) is all header
    end = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i])), 0) if fenced else len(lines)
    for i, line in enumerate(lines):
        found = _CONTROL.search(line)
        if found:
            where = HEADER if (0 < i < end or not fenced) else "text"
            src.problems.append(Problem(src.path, i + 1, where, f"neviditelný řídicí znak U+{ord(found[0]):04X} není povolen (často vznikne kopírováním z jiného programu); smažte ho a okolní text napište znovu"))
    return _CONTROL.sub("", text)


def _decode(raw: bytes, src: Source) -> str | None:
    """UTF-8 text without BOM, or None with a problem naming the line of the first bad byte."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        src.problems.append(Problem(src.path, 1, FILE, "soubor je v kódování UTF-16; uložte jej jako UTF-8"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        src.problems.append(Problem(src.path, line, FILE, f"soubor není v kódování UTF-8 (neplatný bajt 0x{raw[exc.start]:02X}); uložte jej jako UTF-8"))
        return None
    return text.removeprefix("\ufeff")


def _parse_header(header: str, src: Source, offset: int) -> None:
    """Compose YAML into nodes and convert them to plain data with line numbers (offset: first line)."""
    for i, line in enumerate(header.split("\n")):
        if re.match(r"^\s*(- )?[\w.-]+:\u00a0|^\u00a0", line):
            src.problems.append(Problem(src.path, i + offset, HEADER, "neviditelná pevná mezera (často z Wordu) místo obyčejné mezery; smažte mezeru za dvojtečkou či na začátku řádku a napište ji znovu"))
    if src.problems and any(p.message.startswith("neviditelná pevná mezera") for p in src.problems):
        return
    if _DEPTH_HINT.search(header) and _too_deep(header, src, offset):
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
        src.problems.append(_yaml_problem(exc, src.path, offset, header.split("\n")))
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
    meta = _Converter(src, offset, loader).convert(node, ())
    src.meta = meta if isinstance(meta, dict) else None  # a mapping node converts to a dict, or None with a problem


def _too_deep(header: str, src: Source, offset: int) -> bool:
    """Nesting deeper than MAX_DEPTH is an error found by a flat token scan (composing it could crash the parser)."""
    depth = 0
    try:
        for token in yaml.scan(header, Loader=_Loader):
            if isinstance(token, (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken, yaml.FlowMappingStartToken,
                                  yaml.FlowSequenceStartToken)):
                depth += 1
                if depth > MAX_DEPTH:
                    src.problems.append(Problem(src.path, token.start_mark.line + offset, HEADER, f"příliš hluboké vnoření (více než {MAX_DEPTH} úrovní seznamů a polí); hlavička potřebuje nejvýše 3"))
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
        src.problems.append(_yaml_problem(exc, src.path, offset, header.split("\n")))
        return []


def _yaml_problem(exc: yaml.MarkedYAMLError, path: str, offset: int, header_lines: list[str]) -> Problem:
    """A YAML syntax error in Czech, at the line where it is (where an unclosed bracket opened)."""
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark and mark and mark.line >= len(header_lines) - 1:  # noticed only at the end of the header
        mark = exc.context_mark
    line = (mark.line + offset) if mark else 1
    raw = f"{exc.context or ''} {exc.problem or ''}"
    czech = next((cz for en, cz in _YAML_PROBLEMS if en in raw), _GENERIC_YAML_PROBLEM)
    if "could not find expected ':'" in raw and exc.context_mark:  # the key without its colon, not the line after it
        line = exc.context_mark.line + offset
    elif "mapping values are not allowed" in raw and mark is not None:
        previous = _previous_line(header_lines, mark.line)
        if previous is not None and ":" not in header_lines[previous]:
            line, czech = previous + offset, "za názvem pole chybí dvojtečka ('název: hodnota')"
    return Problem(path, line, HEADER, f"chyba zápisu YAML: {czech}")


def _previous_line(lines: list[str], index: int) -> int | None:
    """The nearest non-blank line before a line of the header."""
    for i in range(min(index, len(lines)) - 1, -1, -1):
        if lines[i].strip() and not lines[i].lstrip().startswith("#"):
            return i
    return None


class _Converter:
    """Turns composed YAML nodes into dicts, lists and scalars while recording line numbers."""

    def __init__(self, src: Source, offset: int, loader: _Loader) -> None:
        self.src, self.offset, self.loader = src, offset, loader
        self.seen: set[int] = set()

    def problem(self, node: yaml.Node, field: str, message: str, path: Path_ | None = None) -> None:
        if path is not None:
            self.src.broken.add(path)
        self.src.problems.append(Problem(self.src.path, node.start_mark.line + self.offset, field, message))

    def convert(self, node: yaml.Node, path: Path_) -> object:
        if id(node) in self.seen:  # the composer shares one node for every alias: never expand it
            self.problem(node, _dotted(path), "odkazy YAML (aliasy '*') nejsou povoleny; hodnotu napište celou", path)
            return None
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _TAG + "seq":
                self.problem(node, _dotted(path), f"nepovolený typ YAML '{_tag(node.tag)}'; " + _ALLOWED, path)
                return None
            out = []
            for i, item in enumerate(node.value):
                self.src.lines[path + (i,)] = item.start_mark.line + self.offset
                out.append(self.convert(item, path + (i,)))
            return out
        assert isinstance(node, yaml.ScalarNode)  # the composer makes only scalar, sequence and mapping nodes
        return self.scalar(node, path)

    def mapping(self, node: yaml.MappingNode, path: Path_) -> dict | None:
        if node.tag != _TAG + "map":
            self.problem(node, _dotted(path), f"nepovolený typ YAML '{_tag(node.tag)}'; " + _ALLOWED, path)
            return None
        out: dict[str, object] = {}
        previous: yaml.Node | None = None
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + self.offset
            if (node.flow_style and isinstance(key_node, yaml.ScalarNode) and key_node.value.isdigit() and _empty(value_node)
                    and isinstance(previous, yaml.ScalarNode) and previous.value.replace(".", "").isdigit()):
                # '{amount: 800000,00}': the decimal comma split the number and '00' became a key of its own.
                whole = f"{previous.value},{key_node.value}"
                self.problem(key_node, _dotted(path) or HEADER, f"čárka uvnitř {{…}} rozdělila číslo '{whole}'; desetinnou čárku pište jako tečku: {previous.value}.{key_node.value}", path)
                continue
            previous = value_node
            if key_node.tag == _TAG + "merge":
                self.problem(key_node, _dotted(path) or HEADER, "slučovací klíč '<<' není povolen; napište pole celá")
                continue
            key = self.scalar(key_node, path) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                self.problem(key_node, _dotted(path) or HEADER, f"název pole musí být text, ne {_shown_key(key_node)}")
                continue
            if key in out:
                first = self.src.lines[path + (key,)]
                self.problem(key_node, _dotted(path + (key,)), f"pole je uvedeno dvakrát (poprvé na řádku {first}); ponechte jen jedno")
                continue
            self.src.lines[path + (key,)] = line
            if node.flow_style and _empty(value_node):
                # '{name: Spolek, z.s.}': the comma split the value and 'z.s.' became a key of its own.
                self.problem(key_node, _dotted(path) or HEADER, f"čárka uvnitř {{…}} odděluje pole, takže '{key}' se čte jako další pole; text, který obsahuje čárku, dejte do uvozovek, např. \"Spolek, {key}\"", path)
                continue
            out[key] = self.convert(value_node, path + (key,))
        return out

    def scalar(self, node: yaml.ScalarNode, path: Path_) -> object:
        if node.tag not in _SCALAR_TAGS:
            self.problem(node, _dotted(path) or HEADER, f"nepovolený typ YAML '{_tag(node.tag)}'; " + _ALLOWED, path)
            return None
        if node.tag.endswith(":timestamp"):  # dates stay text; the schema checks their form
            return node.value
        if node.tag.endswith((":int", ":float")):
            problem = _number_problem(node.value, node.tag.endswith(":int"))
            if problem:
                self.problem(node, _dotted(path), problem, path)
                return None
        if node.tag.endswith(":float"):
            try:
                value = Decimal(node.value.replace("_", ""))
            except InvalidOperation:
                value = None
            if value is None or not value.is_finite():
                self.problem(node, _dotted(path), f"neplatné číslo '{node.value}'; pište číslice s desetinnou tečkou, např. 1234.50", path)
                return None
            return value
        try:
            return self.loader.construct_object(node)
        except (yaml.YAMLError, ValueError):  # e.g. an int too odd for the constructor
            self.problem(node, _dotted(path), f"hodnotu {node.value[:30]!r} nelze přečíst; je-li to text, dejte ji do uvozovek", path)
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


def _dotted(path: Path_) -> str:
    """A field path as editors read it: funding.sources[1].amount."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


dotted = _dotted
