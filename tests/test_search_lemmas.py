"""Lemma keys, the index encoding and the shadow pages Pagefind reads (no browser)."""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.search.index import Facets, key_counts, shadow_page
from portal.search.lemmas import (
    SEP,
    chunk_name,
    decode,
    encode,
    fold,
    is_word,
    lemma_key,
    light_stem,
    query_map,
)

CZECH = "aábcčdďeéěfghiíjklmnňoópqrřsštťuúůvwxyýzž"


@pytest.mark.parametrize("forms", [
    ["centrech", "centra", "centrum", "centru", "centrem"],
    ["obcí", "obcím", "obec", "obce", "obcích"],
    ["Hamrů", "Hamrech", "Hamry"],
    ["Ralska", "Ralsko", "Ralsku"],
    ["akčního", "akční", "akčním"],
    ["plánu", "plán", "plánech"],
    ["pracovních", "pracovní"],
    ["skupin", "skupina", "skupinám", "skupinách"],
    ["Vltavotýnska", "Vltavotýnsko", "Vltavotýnsku"],  # unknown to simplemma: the light stem joins them
])
def test_every_form_of_a_word_has_one_key(forms):
    assert len({lemma_key(f) for f in forms}) == 1, {f: lemma_key(f) for f in forms}


def test_light_stem_keeps_three_letters():
    assert light_stem("vltavotynsku") == "vltavotynsk"
    assert light_stem("ova") == "ova"
    assert light_stem("obcich") == "obc"


@pytest.mark.parametrize("word,token", [
    ("Hamrů", "hamrǂhamruǂauer"),
    ("obcí", "obecǂobciǂda"),
    ("centrech", "centrumǂcentrechǂ"),
    ("obec", "obecǂǂ"),
    ("ŽÁDOST", "zadostǂǂadbbcudueufu"),
])
def test_index_word_has_no_diacritics_and_keeps_how_it_was_written(word, token):
    assert encode(word) == token
    assert token.replace(SEP, "").isascii()
    assert decode(f"a ({token}),") == f"a ({word}),"


def test_a_sentence_capital_is_written_back_at_sentence_starts_only():
    assert encode("Obec", sentence_start=True) == encode("obec") == "obecǂǂ"  # one index word for both
    assert decode("obecǂǂ pomohla. obecǂǂ i „obecǂǂ“") == "Obec pomohla. Obec i „obec“"
    assert encode("Libereckém") == "libereckyǂlibereckemǂauia"  # inside a sentence a capital is kept
    assert encode("Ralska", sentence_start=True) == "ralskoǂralskaǂau"  # a name keeps it everywhere
    assert encode("MSK", sentence_start=True) == "mskǂǂaubucu"


def test_words_that_cannot_be_written_back_stay_as_they_are():
    assert encode("Łódź") is None  # ł has no decomposition: Pagefind indexes the word as written
    assert not is_word("0010387") and not is_word("CZ.03") and not is_word("a")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=CZECH + CZECH.upper(), min_size=2, max_size=26))
def test_any_czech_word_comes_back_from_the_index_as_written(word):
    token = encode(word)
    assert token is not None
    assert token.startswith(lemma_key(word) + SEP)
    assert all(c.isascii() or c == SEP for c in token)
    assert decode(f"a {token}") == f"a {word}"
    assert decode(f"a „{token}“, {token}.") == f"a „{word}“, {word}."


def browser_key(forms: dict[str, str], word: str) -> str:
    """The key the browser uses for a typed word (docs/assets/search.js): the map, else the light stem."""
    return forms.get(fold(word), light_stem(fold(word)))


def test_query_map_maps_forms_without_diacritics_to_the_key():
    counts = Counter({"obcí": 3, "centrum": 2, "Hamry": 1})
    chunks = query_map(key_counts(counts), counts)
    forms = {form: key for chunk in chunks.values() for form, key in chunk.items()}
    for typed, key in [("obcim", "obec"), ("obci", "obec"), ("obcich", "obec"), ("centrech", "centrum"), ("centra", "centrum"),
                       ("hamru", "hamr"), ("Hamrech", "hamr"), ("hamry", "hamr")]:
        assert browser_key(forms, typed) == key, typed
    assert "hamru" not in forms  # its light stem is the key already: the browser needs no entry
    assert all(chunk_name(form) == name for name, chunk in chunks.items() for form in chunk)
    assert "kolo" not in forms  # only keys that are in the index


def test_random_dictionary_forms_map_to_their_lemma_key():
    """Generative: forms drawn from simplemma's own Czech data reach the key their lemma has in the index."""
    from simplemma.strategies import DEFAULT_DICTIONARY_FACTORY

    pairs = [(f, lem) for f, lem in DEFAULT_DICTIONARY_FACTORY.get_dictionary("cs").items() if f.isalpha() and f.islower()]
    sample = random.Random(14).sample(pairs, 300)
    counts = Counter({lemma: 1 for _, lemma in sample})  # each lemma written in the index as itself
    chunks = query_map(key_counts(counts), counts)
    forms = {form: key for chunk in chunks.values() for form, key in chunk.items()}
    found = sum(1 for form, _ in sample if browser_key(forms, form) == lemma_key(form))
    assert found / len(sample) > 0.9, found


PAGE = ('<html><body><nav>Menu</nav><div data-pagefind-body><h1>Komunitní centra</h1>'
        '<dl><dt>Cílové skupiny</dt><dd>Osoby sociálně vyloučené</dd></dl><p>Obec\u00a0v\u00a0kraji <code>CZ.03/0010387</code></p>'
        '<table><tr><td>registration_number</td></tr></table></div><footer>Patička</footer></body></html>')


def test_shadow_page_separates_blocks_and_encodes_words():
    counts: Counter[str] = Counter()
    page = shadow_page(PAGE, Facets({"kraj": ["Olomoucký kraj"]}, {"kraj": "Olomoucký kraj"}), counts)
    assert page is not None
    assert "Menu" not in page and "Patička" not in page
    assert "skupinaǂskupinyǂ</dt>. <dd>osobaǂosobyǂ" in page  # a block ends a sentence: no glued words
    assert "CZ.03/0010387" in page  # codes stay as written, Pagefind finds their parts
    text = " ".join(re.sub(r"<[^>]+>", "", page).split())  # as Pagefind keeps it for excerpts
    assert decode(text).startswith("Komunitní centra. Cílové skupiny. Osoby sociálně vyloučené. Obec v kraji")
    assert 'data-pagefind-meta="nazev[data-v]" data-v="Komunitní centra"' in page
    assert 'data-pagefind-filter="kraj[data-v]" data-v="Olomoucký kraj"' in page
    assert counts["Obec"] == 1 and counts["kraji"] == 1


def test_help_pages_weigh_less_and_leave_tables_out():
    page = shadow_page(PAGE, None, Counter(), help_page=True)
    assert page is not None
    assert 'data-pagefind-weight="0.3"' in page and "registration" not in page
