"""Checking a document against the one schema: the portal's formats, and jsonschema's errors said in Czech.

Each error becomes one Problem at its field's line, with what was expected, what came and the closest valid
value; the messages come from the shared table (portal.content.messages), as the proposal form's do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import fastjsonschema

from portal.content.frontmatter import dotted
from portal.content.messages import did_you_mean, message
from portal.content.model import PartialDate
from portal.content.problems import MISSING, Problem
from portal.content.schema import schema_for
from portal.content.vocabulary import Vocabulary
from portal.content.weburl import is_web_url as _is_web_url
from portal.czech.text import shown, suggest

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

    from portal.content.documents import Document

# ---------------------------------------------------------------------------------------------
# Formats
# ---------------------------------------------------------------------------------------------

EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


def is_email(value: object) -> bool:
    """An e-mail address is name@domain.tld without spaces."""
    return not isinstance(value, str) or bool(EMAIL.match(value))


def is_web_url(value: object) -> bool:
    """A link is an http(s) URL with a host; other schemes (javascript:, data:, file:) are refused."""
    return not isinstance(value, str) or _is_web_url(value)


def is_partial_date(value: object) -> bool:
    """A date is ISO 8601: YYYY-MM-DD, or YYYY-MM or YYYY when the day or month is not known."""
    return not isinstance(value, str) or date_range(value) is not None


_CZECH_DATE = re.compile(r"^\s*(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})\s*$")
_CZECH_MONTH = re.compile(r"^\s*(\d{1,2})\s*[./]\s*(\d{4})\s*$")


def iso_date(value: str) -> str | None:
    """A date written the Czech way ('1. 3. 2021', '3/2021') in the ISO form the schema wants, if it is a real date."""
    m = _CZECH_DATE.match(value)
    candidate = f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}" if m else None
    if candidate is None and (m := _CZECH_MONTH.match(value)):
        candidate = f"{m[2]}-{int(m[1]):02d}"
    return candidate if candidate and date_range(candidate) else None


def date_range(value: str) -> tuple[date, date] | None:
    """First and last day that a (partial) ISO date stands for, or None if it is not a real date."""
    parsed = PartialDate.parse(value)
    return None if parsed is None else (parsed.first, parsed.last)


# ---------------------------------------------------------------------------------------------
# Schema errors in Czech
# ---------------------------------------------------------------------------------------------

TYPE_NAMES = {"string": "text", "number": "číslo", "integer": "celé číslo", "array": "seznam",
          "object": "skupina polí 'název: hodnota'", "boolean": "true nebo false", "null": "prázdná hodnota"}


def _kind_of(value: object) -> str:
    if value is None:
        return "prázdná hodnota"
    if isinstance(value, bool):
        return "logická hodnota"
    if isinstance(value, (int, Decimal, float)):
        return "číslo"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "seznam"
    return "skupina polí"


def _type_hint(expected: str, value: object) -> str:
    """What to write instead, for the mistakes editors make most."""
    if expected == "string" and isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return f"; dejte hodnotu do uvozovek: \"{value}\""
    if expected == "string" and isinstance(value, bool):
        return "; hodnoty jako yes/no/on/off dejte do uvozovek"
    if expected == "number" and isinstance(value, str):
        cleaned = value.replace("\u00a0", "").replace(" ", "").replace("Kč", "").rstrip(".-")
        if re.match(r"^\d{1,3}(\.\d{3})+(,\d+)?$", cleaned):  # 1.200.000 or 1.200.000,50: dots group thousands
            cleaned = cleaned.replace(".", "")
        cleaned = cleaned.replace(",", ".")
        try:
            return message("number_hint", number=Decimal(cleaned))
        except ArithmeticError:
            return ""
    if expected == "object" and isinstance(value, str) and (m := re.match(r"^([A-Za-z_]+) +(\S.*)$", value)):
        return message("colon_hint", key=m[1], value=m[2])  # 'name "Spolek"' on the line under 'organisation:'
    if expected == "array" and isinstance(value, (str, int, Decimal)):
        return f"; napište seznam, např. [{value}]"
    return ""


def _expected(schema: dict) -> str:
    return schema.get("x-expected") or TYPE_NAMES.get(schema.get("type", ""), "")


def _missing(error: ValidationError) -> Iterator[tuple[tuple, str]]:
    """Every required field that is missing, each with its own message (not only the first)."""
    path = tuple(error.absolute_path)
    for missing in [k for k in error.validator_value if k not in error.instance]:
        sub = error.schema["properties"].get(missing, {})
        hint = sub.get("x-example")
        example = message("missing_example", key=missing, example=hint) if isinstance(hint, (str, int)) else (
            message("missing_expected", expected=sub["x-expected"]) if sub.get("x-expected") else "")
        yield path + (missing,), message("missing", title=sub.get("title", missing), example=example)


def _translate(error: ValidationError, vocab: Vocabulary) -> tuple[tuple, str] | None:
    """(field path, Czech message) for one jsonschema error; None for errors reported otherwise."""
    path = tuple(error.absolute_path)
    value, schema, kind = error.instance, error.schema, error.validator
    if kind == "additionalProperties":
        return None  # reported per key by _unknown_keys, with each key's own line
    if kind == "type":
        expected = error.validator_value
        if value is None:
            return path, message("empty", expected=_expected(schema))
        return path, message("type", expected=TYPE_NAMES.get(expected, expected), kind=_kind_of(value), value=shown(value), hint=_type_hint(expected, value))
    if kind == "enum" and value is None:
        return None  # the type error already says the field is empty
    if kind == "enum":
        section = schema.get("x-vocabulary")
        labels = vocab.labels(section) if section else {}
        choices = ", ".join(map(str, error.validator_value))
        what = f"neznámá hodnota {shown(value)}"
        return path, f"{what}; očekáváno jedno z: {choices}{did_you_mean(suggest(value, error.validator_value, labels))}"
    if kind in ("pattern", "format"):
        if kind == "pattern" and schema.get("format") == "uri" and not is_web_url(value):
            return None  # the format error says it better
        if kind == "pattern" and "x-reference" in schema:
            return None  # rule_references_exist names the document meant
        hint = did_you_mean(iso_date(value)) if schema.get("format") == "partial-date" and isinstance(value, str) else ""
        return path, message("invalid", value=shown(value), expected=_expected(schema), hint=hint)
    if kind in ("minimum", "exclusiveMinimum"):
        return path, message(kind, value=shown(value), limit=error.validator_value)
    if kind == "minLength":
        return path, message("empty", expected=_expected(schema))
    if kind == "maxLength":
        return path, message("maxLength", length=len(value), limit=error.validator_value)
    if kind == "minItems":
        if schema.get("x-expected"):  # a list that must not be empty says what belongs in it
            return path, message("minItems_expected", expected=schema["x-expected"])
        return path, message("minItems")
    if kind == "minProperties":
        return path, message("minProperties")
    if kind == "uniqueItems":
        seen: set[str] = set()
        dupes = []
        for v in value:
            if repr(v) in seen:
                dupes.append(v)
            seen.add(repr(v))
        return path, message("uniqueItems", value=shown(dupes[0]) if dupes else "").replace("  ", " ")
    return path, f"neplatná hodnota {shown(value)} ({error.message})"


def _unknown_keys(meta: Any, schema: dict, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every key the schema does not know, with the closest known key."""
    if isinstance(meta, dict) and schema.get("type") == "object":
        props = schema.get("properties", {})
        for key, value in meta.items():
            if key in TEMPLATE_KEYS:
                yield path + (key,), "šablony (Jinja) se v příspěvcích nezpracovávají a pole nastavení stránky nejsou povolena; pole odstraňte"
            elif key not in props:
                yield path + (key,), f"neznámé pole; povolená pole jsou: {', '.join(props)}{did_you_mean(suggest(key, props))}"
            else:
                yield from _unknown_keys(value, props[key], path + (key,))
    elif isinstance(meta, list) and schema.get("type") == "array":
        for i, item in enumerate(meta):
            yield from _unknown_keys(item, schema.get("items", {}), path + (i,))


# Page settings of MkDocs and mkdocs-macros that a contributed file could try to set.
TEMPLATE_KEYS = {"render_macros", "template", "hide", "search", "status", "ignore_macros"}

# The portal's formats, for both validators.
FORMATS = {"email": is_email, "uri": is_web_url, "partial-date": is_partial_date}

# Per kind, for the current vocabulary: its schema, fastjsonschema's compiled test and jsonschema's validator.
_COMPILED: dict[tuple[str, str, int], Any] = {}


def _for_vocabulary(what: str, kind: str, vocab: Vocabulary, make: Any) -> Any:
    """make() once per kind and vocabulary; a new vocabulary (a rebuild of `mkdocs serve`) drops the old ones."""
    key = (what, kind, id(vocab))
    if key not in _COMPILED:
        for stale in [k for k in _COMPILED if k[2] != id(vocab)]:
            del _COMPILED[stale]
        _COMPILED[key] = make()
    return _COMPILED[key]


def kind_schema(kind: str, vocab: Vocabulary) -> dict[str, Any]:
    """The kind's schema with the vocabulary's codes, made once."""
    return _for_vocabulary("schema", kind, vocab, lambda: schema_for(kind, vocab))


def validator_for(kind: str, vocab: Vocabulary) -> Draft202012Validator:
    """jsonschema's validator of the kind, which says what is wrong and where; imported only when a file is invalid."""
    def make() -> Draft202012Validator:
        from jsonschema import Draft202012Validator, FormatChecker  # 50 ms of a check's start, needed for errors only

        checker = FormatChecker(formats=())
        for name, check in FORMATS.items():
            checker.checks(name)(check)
        return Draft202012Validator(kind_schema(kind, vocab), format_checker=checker)
    return _for_vocabulary("validator", kind, vocab, make)


def is_valid(kind: str, vocab: Vocabulary, meta: object) -> bool:
    """Whether meta passes the kind's schema, by fastjsonschema's compiled code (~10× faster than jsonschema).

    Only a quick test: most files are valid, and jsonschema, which says what is wrong and where, then has
    nothing to say. The schema keeps to keywords that mean the same in draft 7 (a test compares the two).
    """
    test = _for_vocabulary("fast", kind, vocab, lambda: fastjsonschema.compile(kind_schema(kind, vocab), formats=FORMATS))
    try:
        test(meta)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def schema_problems(doc: Document, vocab: Vocabulary) -> list[Problem]:
    """Every schema violation of one document, each at the line of the offending value."""
    found: list[tuple[tuple, str, str]] = [(path, text, "") for path, text in _unknown_keys(doc.meta, kind_schema(doc.kind, vocab))]
    errors = () if is_valid(doc.kind, vocab, doc.meta) else validator_for(doc.kind, vocab).iter_errors(doc.meta)
    for error in errors:
        if error.validator == "required":
            found += [(path, text, MISSING) for path, text in _missing(error)]
            continue
        translated = _translate(error, vocab)
        if translated:
            found.append((*translated, ""))
    broken = doc.source.broken
    return [Problem(doc.path, doc.source.line(path), dotted(path), text, code) for path, text, code in found
            if not any(path[: len(b)] == b for b in broken)]
