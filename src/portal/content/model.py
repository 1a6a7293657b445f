"""The typed content model: a case, a method and a video as frozen dataclasses, built once after validation.

Attribute names are the schema's field names (tests/test_content_model.py checks that every schema property
has an attribute and every attribute a property), so consumers read `case.funding.total` instead of reaching
into the front matter with `doc.get("funding", "total")`. Values have their real types: amounts are
`Decimal`, dates `PartialDate`, lists tuples; a field the file leaves out is None or an empty tuple.
"""

from __future__ import annotations

import calendar
import dataclasses
import functools
import re
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Union

from portal.content.schema import PARTIAL_DATE

Number = int | Decimal  # a count stays an int; a decimal number from the file is a Decimal
_PARTIAL_DATE = re.compile(PARTIAL_DATE)


@dataclass(frozen=True)
class PartialDate:
    """A date known to the day, the month or only the year ('2023-01-31', '2023-01', '2023'), as written in the file."""

    text: str
    first: date  # the first and last day it stands for
    last: date

    @classmethod
    def parse(cls, text: str) -> PartialDate | None:
        """The date a text stands for, or None when it is not of that form or not a real day."""
        if not _PARTIAL_DATE.match(text):
            return None
        parts = [int(p) for p in text.split("-")]
        try:
            if len(parts) == 1:
                return cls(text, date(parts[0], 1, 1), date(parts[0], 12, 31))
            if len(parts) == 2:
                last = calendar.monthrange(parts[0], parts[1])[1]
                return cls(text, date(parts[0], parts[1], 1), date(parts[0], parts[1], last))
            return cls(text, date(*parts), date(*parts))
        except ValueError:
            return None

    @property
    def year(self) -> int:
        return self.first.year

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Reference:
    """A source that a text draws its facts from (schema: sources[])."""

    title: str = ""
    url: str | None = None
    accessed: PartialDate | None = None


@dataclass(frozen=True)
class Organisation:
    """The organisation that runs a case's project, or only informs about it (role 'vydavatel')."""

    name: str = ""
    web: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class Project:
    """The funded project of a case."""

    registration_number: str | None = None
    programme: str | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None


@dataclass(frozen=True)
class FundingSource:
    """One source of a case's funding and its amount in Kč."""

    source: str = ""
    amount: Decimal = Decimal(0)


@dataclass(frozen=True)
class Funding:
    """A case's budget: the total and its sources, which add up to it exactly."""

    total: Decimal = Decimal(0)
    sources: tuple[FundingSource, ...] = ()


@dataclass(frozen=True)
class Indicator:
    """A measurable goal: the planned value and, when a source documents it, the achieved one."""

    label: str = ""
    target: Number = 0
    achieved: Number | None = None
    unit: str | None = None
    deadline: PartialDate | None = None

    @property
    def met(self) -> bool | None:
        """Whether the goal was reached; None when no source gives the achieved value."""
        return None if self.achieved is None else self.achieved >= self.target


@dataclass(frozen=True)
class Contact:
    """An office, or a person who agreed to be published (consent)."""

    office: str | None = None
    name: str | None = None
    consent: PartialDate | None = None
    role: str | None = None
    email: str | None = None
    phone: str | None = None
    web: str | None = None
    in_pdf: bool = True

    def public(self, printed: bool = False) -> bool:
        """An office may be published, a person only with a recorded consent; in print, only if meant for print."""
        return (not self.name or self.consent is not None) and not (printed and not self.in_pdf)


@dataclass(frozen=True)
class WebLink:
    """A further source on the web (schema: links[])."""

    title: str = ""
    url: str = ""


@dataclass(frozen=True)
class VideoLink:
    """A video a method points to (schema: method videos[])."""

    title: str = ""
    url: str = ""
    minutes: Number | None = None


@dataclass(frozen=True)
class VideoSource:
    """Where a video of the library plays from: its file in videos/, or an allowed player."""

    file: str | None = None
    player: str | None = None


@dataclass(frozen=True)
class Entry:
    """What every kind has: a title and a one-paragraph summary."""

    title: str = ""
    summary: str = ""


@dataclass(frozen=True)
class Case(Entry):
    """A good-practice case (good_practice/<slug>.md)."""

    region: str = ""
    municipalities: tuple[str, ...] = ()
    municipality_count: int | None = None
    organisation: Organisation = Organisation()
    project: Project = Project()  # every field of a project is optional: an empty one when the file has none
    funding: Funding | None = None
    methods: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    contacts: tuple[Contact, ...] = ()
    links: tuple[WebLink, ...] = ()
    sources: tuple[Reference, ...] = ()
    tags: tuple[str, ...] = ()

    def public_contacts(self, printed: bool = False) -> tuple[Contact, ...]:
        """The contacts that may be published (in print: that may be printed)."""
        return tuple(c for c in self.contacts if c.public(printed))


@dataclass(frozen=True)
class Method(Entry):
    """A method (methods/<slug>.md)."""

    videos: tuple[VideoLink, ...] = ()
    sources: tuple[Reference, ...] = ()
    related_methods: tuple[str, ...] = ()


@dataclass(frozen=True)
class Video(Entry):
    """A video of the library (videos/<slug>.md, its text is the transcript)."""

    duration: str = ""
    source: VideoSource = VideoSource()
    captions: str = ""
    methods: tuple[str, ...] = ()
    cases: tuple[str, ...] = ()
    sources: tuple[Reference, ...] = ()


MODELS: dict[str, type[Entry]] = {"case": Case, "method": Method, "video": Video}

# ---------------------------------------------------------------------------------------------
# From validated front matter to the model
# ---------------------------------------------------------------------------------------------

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
