"""Open data's pretty JSON is byte for byte what json.dumps with indent 2 writes, whatever the records hold."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from portal.data.pretty import pretty_json

_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=12)  # also line breaks, quotes, backslashes, č, emoji
_scalar = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _text
_value = st.recursive(_scalar, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_text, inner, max_size=4),
                      max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(head=st.dictionaries(_text, _value, max_size=4), key=_text, records=st.lists(_value, max_size=6))
def test_pretty_json_is_json_dumps_with_indent(head: dict[str, Any], key: str, records: list[Any]):
    head.pop(key, None)  # the list's key comes last, once
    expected = json.dumps({**head, key: records}, ensure_ascii=False, indent=2) + "\n"
    assert pretty_json(head, key, records) == expected
    assert pretty_json(head, key, records) == expected  # again, from the kept texts
