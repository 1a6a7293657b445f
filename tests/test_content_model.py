"""The typed content model: it agrees with the schema field for field, holds every front-matter value, is frozen, and survives the cache."""

from __future__ import annotations

import calendar
import dataclasses
import re
import types
import typing
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portal.content import cache as cache_module
from portal.content.cache import ContentCache
from portal.content.collection import load_collection
from portal.content.conversion import as_model, build
from portal.content.kinds import KINDS
from portal.content.model import (
    MODELS,
    Case,
    Contact,
    Entry,
    Method,
    PartialDate,
    Video,
)
from portal.content.schema import PARTIAL_DATE, schema_for
from tests.conftest import REPO, VALID_CASE


def _origin(tp: Any) -> list[Any]:
    """The non-None types of an annotation: `Funding | None` -> [Funding], `Number` -> [int, Decimal]."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return [a for a in typing.get_args(tp) if a is not type(None)]
    return [tp]


def _agree(schema: dict, cls: type, where: str) -> list[str]:
    """Every difference between an object schema and a model class, recursively (empty when they agree)."""
    hints = typing.get_type_hints(cls)
    props, attrs = set(schema["properties"]), {f.name for f in dataclasses.fields(cls)}
    out = [f"{where}.{name}: v schématu, ne v modelu" for name in sorted(props - attrs)]
    out += [f"{where}.{name}: v modelu, ne ve schématu" for name in sorted(attrs - props)]
    for name in sorted(props & attrs):
        node, types_ = schema["properties"][name], _origin(hints[name])
        if node["type"] == "array":
            if typing.get_origin(types_[0]) is not tuple:
                out.append(f"{where}.{name}: seznam, ale v modelu {types_}")
                continue
            node, types_ = node["items"], _origin(typing.get_args(types_[0])[0])
        expected = {"string": {PartialDate} if node.get("format") == "partial-date" else {str},
                    "integer": {int}, "number": {Decimal, int}, "boolean": {bool}}.get(node["type"])
        if node["type"] == "object":
            if not dataclasses.is_dataclass(types_[0]):
                out.append(f"{where}.{name}: skupina polí, ale v modelu {types_}")
            else:
                out += _agree(node, types_[0], f"{where}.{name}")
        elif expected is None or not set(types_) <= expected:
            out.append(f"{where}.{name}: {node['type']} ve schématu, {types_} v modelu")
    return out


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_schema_field_has_a_model_attribute_of_its_type_and_back(kind):
    assert _agree(schema_for(kind), MODELS[kind], kind) == []


def _plain(value: Any) -> Any:
    """A model value as front-matter data, to compare with what the file says."""
    if isinstance(value, PartialDate):
        return value.text
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def _contained(meta: Any, plain: Any, where: str) -> None:
    """Every value the file gives is in the model, unchanged (the model adds only defaults for what is left out)."""
    if isinstance(meta, dict):
        for key, value in meta.items():
            _contained(value, plain[key], f"{where}.{key}")
    elif isinstance(meta, list):
        assert len(meta) == len(plain), where
        for i, (a, b) in enumerate(zip(meta, plain, strict=True)):
            _contained(a, b, f"{where}[{i}]")
    else:
        assert meta == plain and isinstance(meta, bool) == isinstance(plain, bool), (where, meta, plain)


def test_the_model_holds_every_value_of_the_real_content():
    collection = load_collection(REPO)
    assert collection.problems == [] and collection.cases and collection.methods
    for doc in collection.documents:
        assert type(doc.model) is MODELS[doc.kind]
        _contained(doc.meta, _plain(doc.model), doc.path)


def _example(node: dict) -> Any:
    """A value for every field of a schema, from its examples (the optional fields too)."""
    if node["type"] == "object":
        return {k: _example(v) for k, v in node["properties"].items()}
    if node["type"] == "array" and node.get("x-example") is None:
        return [_example(node["items"])]
    value = node.get("x-example")
    if value is None:
        return {"string": "text", "number": 1, "integer": 1, "boolean": True}[node["type"]]
    return [dict(v) if isinstance(v, dict) else v for v in value] if isinstance(value, list) else value


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_field_of_every_kind_reaches_the_model(kind):
    meta = _example(schema_for(kind))
    model = build(kind, meta)
    _contained(meta, _plain(model), kind)


def test_real_cases_have_typed_values():
    collection = load_collection(REPO)
    case = collection.case("podpora-komunitni-prace-v-msk-ii").model
    assert isinstance(case, Case)
    assert case.funding.total == Decimal("14380663.20") == sum(s.amount for s in case.funding.sources)
    assert all(isinstance(s.amount, Decimal) for s in case.funding.sources)
    assert case.project.start == PartialDate.parse("2019-03") and case.project.start.year == 2019
    assert case.project.end.last == date(2022, 2, 28)
    assert all(isinstance(r.accessed, PartialDate) for r in case.sources)
    assert isinstance(collection.methods[0].model, Method)


def test_the_model_is_frozen_and_hashable():
    case = load_collection(REPO).cases[0].model
    with pytest.raises(dataclasses.FrozenInstanceError):
        case.region = "jihomoravsky"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        case.organisation.name = "Jiný"  # type: ignore[misc]
    assert isinstance(case.methods, tuple) and isinstance(case.sources, tuple)
    hash(case)  # every part is immutable, down to the dates


def test_the_model_survives_the_content_cache(root, write, tmp_path):
    write("good_practice/pripad.md", VALID_CASE.replace("region:", "funding: {total: 100.50, sources: [{source: esf, amount: 100.50}]}\n"
                                                                    "project: {start: 2020-03}\nregion:"))
    store = ContentCache(tmp_path / "cache", (root / "vocabularies.yml").read_bytes())
    cache_module._MEMORY.clear()  # entries other tests left in this process would be hits
    first = load_collection(root, cache=store)
    assert first.problems == [] and store.misses == 2 and store.hits == 0
    cache_module._MEMORY.clear()  # the next load reads the JSON entries on disk and builds the models again, as a new process would
    cache_module._MODELS.clear()
    again = ContentCache(tmp_path / "cache", (root / "vocabularies.yml").read_bytes())
    second = load_collection(root, cache=again)
    assert again.hits == 2 and again.misses == 0
    assert [d.model for d in second.documents] == [d.model for d in first.documents]
    assert second.case("pripad").model.funding.total == Decimal("100.50")
    assert second.case("pripad").model.project.start == PartialDate.parse("2020-03")
    third = load_collection(root, cache=again)  # a rebuild in the same process shares the frozen models
    assert all(a.model is b.model for a, b in zip(second.documents, third.documents, strict=True))


def test_a_file_with_problems_still_gets_a_model_of_its_readable_fields(root, write):
    write("good_practice/pripad.md", VALID_CASE.replace("region: moravskoslezsky", "region: [moravskoslezsky]\nmunicipality_count: mnoho"))
    collection = load_collection(root)
    assert {p.field for p in collection.problems} >= {"region", "municipality_count"}
    case = collection.case("pripad").model
    assert case.region == "" and case.municipality_count is None  # left out: the wrong values have the wrong type
    assert case.organisation.name == "Spolek Lipová, z. s." and case.title == "Komunitní centrum v Lipové"


def test_raw_data_becomes_model_parts():
    contact = as_model(Contact, {"name": "Jana Nováková", "consent": "2026-11-01", "in_pdf": False})
    assert contact == Contact(name="Jana Nováková", consent=PartialDate.parse("2026-11-01"), in_pdf=False)
    assert contact.public() and not contact.public(printed=True)
    assert not Contact(name="Bez Souhlasu").public()
    assert as_model(Contact, contact) is contact


def test_model_classes_cover_the_kinds():
    assert set(MODELS) == set(KINDS)
    assert all(issubclass(cls, Entry) for cls in MODELS.values())
    assert MODELS["video"] is Video


# ---------- partial dates ----------

@given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
def test_a_full_date_stands_for_that_day(day):
    parsed = PartialDate.parse(f"{day.year:04d}-{day.month:02d}-{day.day:02d}")
    assert parsed is not None and parsed.first == parsed.last == day and parsed.year == day.year


@given(st.integers(1, 9999), st.integers(1, 12))
def test_a_month_stands_for_all_its_days(year, month):
    parsed = PartialDate.parse(f"{year:04d}-{month:02d}")
    assert parsed is not None and str(parsed) == f"{year:04d}-{month:02d}"
    assert parsed.first == date(year, month, 1) and parsed.last == date(year, month, calendar.monthrange(year, month)[1])


@given(st.text(alphabet="0123456789-", max_size=12))
def test_only_real_days_of_the_schema_form_are_dates(text):
    parsed = PartialDate.parse(text)
    if parsed is not None:
        assert re.match(PARTIAL_DATE, text) and str(parsed) == text
    elif re.match(PARTIAL_DATE, text):  # the right form, but no such day: month 13, 30 February, year 0
        parts = [int(p) for p in text.split("-")]
        with pytest.raises(ValueError):
            date(parts[0], *(parts[1:] + [1] * (3 - len(parts))))
