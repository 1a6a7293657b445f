"""Czech formatting from Babel (portal.czech.formats) gives exactly what the hand-written code it replaced gave.

The replaced functions are kept below, frozen, as the reference: hypothesis compares the two over many
amounts, counts, shares, sizes and dates (the inputs validated content can hold: amounts and counts are not
negative, dates are real calendar dates).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from portal.czech import formats
from portal.web.charts import short_czk

# ---- the hand-written code as it was (portal/czech/text.py, typography.py, web/charts.py, web/home.py) ----------

_MONTHS = ["leden", "únor", "březen", "duben", "květen", "červen", "červenec", "srpen", "září", "říjen", "listopad", "prosinec"]
_MONTHS_GENITIVE = ["ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října", "listopadu", "prosince"]


def old_czk(amount):
    value = Decimal(str(amount)).quantize(Decimal("0.01"))
    whole, _, cents = f"{value:.2f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", "\u00a0")
    return f"{grouped}\u00a0Kč" if cents == "00" else f"{grouped},{cents}\u00a0Kč"


def old_number(value):
    d = Decimal(str(value))
    if d == d.to_integral_value():
        return f"{int(d):,}".replace(",", "\u00a0")
    whole, _, frac = f"{d.normalize():f}".partition(".")
    return f"{int(whole):,}".replace(",", "\u00a0") + "," + frac


def old_percent(part, total):
    if not total:
        return "0 %"
    value = (Decimal(part) * 100 / Decimal(total)).quantize(Decimal("0.1"))
    return f"{value}".replace(".", ",") + "\u00a0%"


def old_czech_date(value, genitive=False):
    parts = value.split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])}.\u00a0{int(parts[1])}.\u00a0{parts[0]}"
        if len(parts) == 2:
            return f"{(_MONTHS_GENITIVE if genitive else _MONTHS)[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return value


def old_plural(count, one, few, many, space="\u00a0"):
    form = one if count == 1 else few if 2 <= count <= 4 else many
    return f"{count}{space}{form}"


def old_file_size(size):
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f}".replace(".", ",") + "\u00a0MB"
    if size >= 1000:
        return f"{round(size / 1000)}\u00a0kB"
    return f"{size}\u00a0B"


def old_long_date(day):
    return f"{day.day}.\u00a0{_MONTHS_GENITIVE[day.month - 1]}\u00a0{day.year}"


def old_short_czk(amount):
    if amount >= 1_000_000:
        return f"{(amount / 1_000_000).quantize(Decimal('0.1'))}".replace(".", ",") + "\u00a0mil.\u00a0Kč"
    return old_czk(amount.quantize(Decimal(1)))


# ---- the comparison ----------------------------------------------------------------------------------------------

amounts = st.one_of(st.integers(0, 10**13), st.decimals(0, 10**12, places=2), st.decimals(0, 10**9, places=4),
                    st.floats(0, 1e9, allow_nan=False, allow_infinity=False))
days = st.dates(date(1000, 1, 1), date(9999, 12, 31))


@settings(max_examples=2000, deadline=None)
@given(amounts)
def test_money_as_before(amount):
    assert formats.czk(amount) == old_czk(amount)


@settings(max_examples=2000, deadline=None)
@given(st.one_of(st.integers(0, 10**15), st.decimals(0, 10**9, places=6), st.floats(0, 1e12, allow_nan=False, allow_infinity=False)))
def test_numbers_as_before(value):
    assert formats.number(value) == old_number(value)


@settings(max_examples=2000, deadline=None)
@given(st.one_of(st.integers(0, 10**12), st.decimals(0, 10**10, places=2)), st.one_of(st.integers(0, 10**12), st.decimals(0, 10**10, places=2)))
def test_shares_as_before(part, total):
    assert formats.percent(part, total) == old_percent(part, total)


@settings(max_examples=2000, deadline=None)
@given(st.integers(0, 10**6), st.integers(0, 10**6))
def test_shares_near_ties_as_before(part, scale):
    total = 2 ** (part % 11) * 5 ** (scale % 7)  # shares ending in 5 in the second decimal place: rounded half to even
    assert formats.percent(part, total) == old_percent(part, total)


@settings(max_examples=2000, deadline=None)
@given(days, st.booleans())
def test_dates_as_before(day, genitive):
    iso = day.isoformat()
    assert formats.czech_date(iso, genitive) == old_czech_date(iso, genitive)
    assert formats.czech_date(iso[:7], genitive) == old_czech_date(iso[:7], genitive)
    assert formats.czech_date(iso[:4], genitive) == old_czech_date(iso[:4], genitive)
    assert formats.long_date(day) == old_long_date(day)


@settings(max_examples=2000, deadline=None)
@given(st.integers(0, 10**7))
def test_plural_forms_as_before(count):
    assert formats.plural(count, "strana", "strany", "stran") == old_plural(count, "strana", "strany", "stran")
    assert formats.plural(count, "příklad", "příklady", "příkladů", space=" ") == old_plural(count, "příklad", "příklady", "příkladů", space=" ")


@settings(max_examples=3000, deadline=None)
@given(st.one_of(st.integers(0, 10**13), st.integers(999_000, 1_001_000), st.integers(0, 5000).map(lambda n: n * 50_000 + 50_000)))
def test_file_sizes_as_before(size):
    assert formats.file_size(size) == old_file_size(size)


@settings(max_examples=2000, deadline=None)
@given(st.one_of(st.decimals(0, 10**11, places=2), st.integers(0, 10**11).map(Decimal), st.integers(0, 10**5).map(lambda n: Decimal(n * 50_000))))
def test_chart_money_as_before(amount):
    assert short_czk(amount) == old_short_czk(amount)


def test_month_names_are_cldrs():
    assert formats.MONTHS_GENITIVE == _MONTHS_GENITIVE and formats.MONTHS_NOMINATIVE == _MONTHS
