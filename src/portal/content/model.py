"""The typed content model: a case, a method and a video as frozen dataclasses, built once after validation.

Attribute names are the schema's field names (tests/test_content_model.py checks that every schema property
has an attribute and every attribute a property), so consumers read `case.funding.total` instead of reaching
into the front matter with `doc.get("funding", "total")`. Values have their real types: amounts are
`Decimal`, dates `PartialDate`, lists tuples; a field the file leaves out is None or an empty tuple.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

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
