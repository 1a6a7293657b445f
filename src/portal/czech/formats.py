"""Czech numbers, money, shares, dates, file sizes and plural forms, from the CLDR data in Babel (locale cs_CZ).

Every separator is a no-break space, as CLDR has it for Czech, so '14 380 663 Kč' or '31. 1. 2023' never
breaks across lines. Whole amounts of money are written without ',00'.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache

from babel import Locale
from babel.dates import format_date, get_month_names
from babel.numbers import format_currency, format_decimal, format_percent

LOCALE = Locale.parse("cs_CZ")
NBSP = "\u00a0"
_CENT = Decimal("0.01")

# Month names as CLDR has them: the genitive ('1. ledna 2023', 'od března 2019') and the nominative ('březen 2019').
MONTHS_GENITIVE = list(get_month_names("wide", "format", LOCALE).values())
MONTHS_NOMINATIVE = list(get_month_names("wide", "stand-alone", LOCALE).values())


def czk(amount: Decimal | int | float) -> str:
    """Czech money format: 14380663.2 -> '14 380 663,20 Kč', 437903 -> '437 903 Kč'."""
    value = Decimal(str(amount)).quantize(_CENT)
    pattern = f"#,##0{NBSP}¤" if value == value.to_integral_value() else f"#,##0.00{NBSP}¤"
    return format_currency(value, "CZK", pattern, locale=LOCALE, currency_digits=False)


def number(value: Decimal | int | float) -> str:
    """Czech number format: 12345.5 -> '12 345,5'; every decimal place given is kept, trailing zeros are not."""
    d = Decimal(str(value))
    d = d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()
    return format_decimal(d, locale=LOCALE, decimal_quantization=False)


def percent(part: Decimal | int, total: Decimal | int) -> str:
    """A share as a Czech percentage with one decimal place: '85,0 %'; '0 %' of nothing."""
    if not total:
        return "0 %"
    return format_percent(Decimal(part) / Decimal(total), f"0.0{NBSP}%", locale=LOCALE)


def decimal_one_place(value: Decimal) -> str:
    """A number with exactly one decimal place and no grouping, as charts and file sizes show it: '12,2'."""
    return format_decimal(value, "0.0", locale=LOCALE)


def file_size(size: int) -> str:
    """A file size in Czech notation: '1,2 MB', '850 kB', '120 B'."""
    # Decimal(float) is the float's exact value: rounded as Python's own formatting rounds it.
    if size >= 1_000_000:
        return decimal_one_place(Decimal(size / 1_000_000)) + f"{NBSP}MB"
    if size >= 1000:
        return format_decimal(Decimal(size / 1000), "0", locale=LOCALE) + f"{NBSP}kB"
    return f"{size}{NBSP}B"


def plural_form(count: int, one: str, few: str, many: str) -> str:
    """The word that agrees with a count (CLDR's Czech plural rule): 1 strana, 2–4 strany, 0 or 5+ stran."""
    category = LOCALE.plural_form(count)
    return one if category == "one" else few if category == "few" else many


def plural(count: int, one: str, few: str, many: str, space: str = NBSP) -> str:
    """A count with the word that agrees with it: '1 příklad', '3 příklady', '5 příkladů' (joined by a no-break space)."""
    return f"{count}{space}{plural_form(count, one, few, many)}"


def short_date(day: date) -> str:
    """A day as Czech readers write it: '31. 1. 2023'."""
    return format_date(day, f"d.{NBSP}M.{NBSP}yyyy", locale=LOCALE)


def month_year(day: date, genitive: bool = False) -> str:
    """A month of a year: 'březen 2019', or 'března 2019' after 'od' and 'do'."""
    return format_date(day, "MMMM yyyy" if genitive else "LLLL yyyy", locale=LOCALE)


def long_date(day: date) -> str:
    """A date as it is printed on a title page: '23. listopadu 2026', never broken across lines."""
    return format_date(day, f"d.{NBSP}MMMM{NBSP}y", locale=LOCALE)


@lru_cache(maxsize=8192)  # Babel parses the pattern on every call; the same dates recur on every card and page
def czech_date(value: str, genitive: bool = False) -> str:
    """An ISO (partial) date as Czech readers write it: '2023-01-31' -> '31. 1. 2023', '2019-03' -> 'březen 2019' ('od března 2019').

    A year alone, and anything that is not a real date, stays as it is written.
    """
    parts = value.split("-")
    try:
        if len(parts) == 3:
            return short_date(date(int(parts[0]), int(parts[1]), int(parts[2])))
        if len(parts) == 2:
            return month_year(date(int(parts[0]), int(parts[1]), 1), genitive)
    except ValueError:
        pass
    return value


def period(start: str | None, end: str | None) -> str:
    """A project's period in Czech: '1. 1. 2023 – 31. 12. 2025', 'od března 2020' when no end is given."""
    if start and end:
        return f"{czech_date(start)} – {czech_date(end)}"
    if start:
        return f"od {czech_date(start, genitive=True)}"
    if end:
        return f"do {czech_date(end, genitive=True)}"
    return ""
