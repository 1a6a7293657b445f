"""From validated front matter to the typed model (portal.content.model): each value converted to its attribute's type."""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Union

from portal.content.model import MODELS, Entry, PartialDate

Convert = Callable[[Any], Any]


class _Mismatch(ValueError):
    """A value that does not have the model's type (only in a file that has problems)."""


def _scalar(check: Callable[[Any], bool], cast: Convert = lambda v: v) -> Convert:
    def convert(value: Any) -> Any:
        if not check(value):
            raise _Mismatch(value)
        return cast(value)
    return convert


def _partial_date(value: Any) -> PartialDate:
    parsed = PartialDate.parse(value) if isinstance(value, str) else None
    if parsed is None:
        raise _Mismatch(value)
    return parsed


def _is_number(value: Any) -> bool:
    return isinstance(value, int | Decimal) and not isinstance(value, bool)


_SCALARS: dict[Any, Convert] = {
    str: _scalar(lambda v: isinstance(v, str)),
    bool: _scalar(lambda v: isinstance(v, bool)),
    int: _scalar(lambda v: isinstance(v, int) and not isinstance(v, bool)),
    Decimal: _scalar(_is_number, Decimal),
    PartialDate: _partial_date,
}


def _converter(tp: Any) -> Convert:
    """How to turn a front-matter value into a value of type tp (raises _Mismatch when it does not fit)."""
    if tp in _SCALARS:
        return _SCALARS[tp]
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return lambda value: _build(tp, value)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is tuple:  # a list of the file, as a tuple: the model is immutable all the way down
        item, is_list = _converter(args[0]), _scalar(lambda v: isinstance(v, list))
        return lambda value: tuple(item(v) for v in is_list(value))
    if origin in (Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        if set(options) == {int, Decimal}:  # Number: an int stays an int
            return _scalar(_is_number)
        inner = _converter(options[0])
        return lambda value: None if value is None else inner(value)
    raise TypeError(f"no conversion for {tp!r}")


@functools.cache
def _fields(cls: type) -> tuple[tuple[str, Convert], ...]:
    """Each attribute of a model class with the conversion of its value, worked out once per class."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _converter(hints[f.name])) for f in dataclasses.fields(cls))


def _build(cls: type, value: Any, lenient: bool = False) -> Any:
    if not isinstance(value, Mapping):
        raise _Mismatch(value)
    values = {}
    for name, convert in _fields(cls):
        if name in value and value[name] is not None:
            try:
                values[name] = convert(value[name])
            except _Mismatch:
                if not lenient:
                    raise
    return cls(**values)


def build(kind: str, meta: Mapping[str, Any]) -> Entry:
    """The model of a document from its front matter.

    A valid file converts in full. A file with problems (the build stops, `portal check` reports them) keeps
    every top-level field that has the right type and leaves the others out, so a check never fails here.
    """
    return _build(MODELS[kind], meta, lenient=True)


T = typing.TypeVar("T")


def as_model(cls: type[T], value: T | Mapping[str, Any]) -> T:
    """A part of the model (a Contact, an Indicator…) from front-matter data, for callers that hold raw data; a model value stays as it is."""
    return value if isinstance(value, cls) else typing.cast(T, _build(cls, value, lenient=True))
