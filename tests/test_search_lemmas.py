"""Lemma keys, the index encoding, what the index takes from a page and the files it writes (no browser)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.czech.text import fold
from portal.search.index import index_page
from portal.search.lemmas import SEP, chunk_name, decode, dictionary_forms, encode, is_word, lemma_key, light_stem, query_map

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
    ["sousedské", "sousedských", "sousedská", "sousedskými"],  # some known, some not: they still meet
    ["společné", "společný", "společně"],  # folded alike: one key, so a query without diacritics finds all
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
    ("centrech", "centrǂcentrechǂ"),
    ("obec", "obecǂǂ"),
    ("ŽÁDOST", "zadostǂǂadbbcudueufu"),
])
def test_index_word_has_no_diacritics_and_keeps_how_it_was_written(word, token):
    assert encode(word) == token
    assert token.replace(SEP, "").isascii()
    assert decode(f"a ({token}),") == f"a ({word}),"


def test_capitals_come_back_as_written_wherever_the_word_stands():
    assert decode(" ".join(encode(w) for w in ["Obec", "pomohla", "obec"])) == "Obec pomohla obec"
    assert decode("z. s. " + encode("zahájila")) == "z. s. zahájila"  # no capital guessed after an abbreviation
    assert encode("Libereckém") == "libereckǂlibereckemǂauia"
    assert encode("MSK") == "mskǂǂaubucu"


def test_words_that_cannot_be_written_back_stay_as_they_are():
    assert encode("Łódź") is None  # ł has no decomposition: the word is indexed by its folded letters as written
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


def browser_keys(chunks: dict[str, dict[str, list[str]]], keys: set[str], word: str) -> set[str]:
    """The keys the browser asks for a typed word (docs/assets/search.js `terms`): the map's, its folded form, its light stem."""
    folded = fold(word)
    return (set(chunks.get(chunk_name(folded), {}).get(folded, [])) | {folded, light_stem(folded)}) & keys


def test_query_map_maps_forms_without_diacritics_to_the_key():
    pairs = [(lemma_key(w), fold(w)) for w in ["obcí", "centrum", "Hamry", "společné", "společně"]]
    keys = {k: 1 for k, _ in pairs}
    chunks = query_map(keys, pairs)
    for typed, key in [("obcim", "obec"), ("obci", "obec"), ("obcich", "obec"), ("centrech", "centr"), ("centra", "centr"),
                       ("hamru", "hamr"), ("Hamrech", "hamr"), ("hamry", "hamr"), ("spolecne", "spolecn"), ("spolecnym", "spolecn")]:
        assert key in browser_keys(chunks, set(keys), typed), typed
    forms = {form for chunk in chunks.values() for form in chunk}
    assert "hamru" not in forms  # its light stem is the key already: the browser needs no entry
    assert all(chunk_name(form) == name for name, chunk in chunks.items() for form in chunk)
    assert "kolo" not in forms  # only keys that are in the index


def test_a_folded_form_of_two_words_asks_for_both():
    """'zapojeni' is a form of zapojit and of zapojení/zapojený: a query without diacritics asks for every key."""
    pairs = [(lemma_key("zapojit"), "zapojit"), (lemma_key("zapojení"), "zapojeni")]
    keys = {k: 1 for k, _ in pairs}
    assert browser_keys(query_map(keys, pairs), set(keys), "zapojeni") == set(keys)


@settings(max_examples=60, deadline=None)
@given(st.randoms(use_true_random=False))
def test_dictionary_forms_reach_the_key_their_word_has_in_the_index(rng):
    """Generative: an index holding one form of a word, and a query typing any other form of it from simplemma's
    data, with or without diacritics: the query asks for the key the index has."""
    from simplemma.strategies import DEFAULT_DICTIONARY_FACTORY

    lemmas = _lemmas()
    lemma = rng.choice(lemmas)
    forms = [f for f in dictionary_forms(lemma_key(lemma)) if f.isalpha() and lemma_key(f) == lemma_key(lemma)]
    assert forms, lemma
    written, typed = rng.choice(forms), rng.choice(forms)
    pairs = [(lemma_key(written), fold(written))]
    keys = {lemma_key(written): 1}
    chunks = query_map(keys, pairs)
    for query in (typed, fold(typed)):
        assert lemma_key(written) in browser_keys(chunks, set(keys), query), (written, query)
    assert DEFAULT_DICTIONARY_FACTORY  # simplemma's own data, no download


_LEMMA_SAMPLE: list[str] = []


def _lemmas() -> list[str]:
    if not _LEMMA_SAMPLE:
        from simplemma.strategies import DEFAULT_DICTIONARY_FACTORY

        pairs = [lem for f, lem in DEFAULT_DICTIONARY_FACTORY.get_dictionary("cs").items() if lem.isalpha() and lem.islower()]
        _LEMMA_SAMPLE.extend(random.Random(14).sample(sorted(set(pairs)), 2000))
    return _LEMMA_SAMPLE


PAGE = ('<html><body><nav>Menu</nav><div data-search-body><h1>Komunitní centra <a class="headerlink" href="#t">#</a></h1>'
        '<dl><dt>Cílové skupiny</dt><dd>Osoby sociálně vyloučené</dd></dl><h2>Cíle </h2><p>Obec\u00a0v\u00a0kraji <code>CZ.03/0010387</code>.</p>'
        '<ul data-search-ignore><li>Jiný příklad</li></ul><aside data-search-weight="4"><p>Realizátor MAS VLTAVA, z. s.</p></aside>'
        '<table><tr><td>registration_number</td></tr></table></div><footer>Patička</footer></body></html>')


def test_index_page_joins_blocks_with_one_space_and_one_full_stop():
    page = index_page(PAGE)
    assert page is not None and page.title == "Komunitní centra"
    text = decode(page.content)
    assert text == ("Komunitní centra. Cílové skupiny. Osoby sociálně vyloučené. Cíle. Obec v kraji CZ.03/0010387. "
                    "Realizátor MAS VLTAVA, z. s. registration_number.")
    assert "Menu" not in text and "Patička" not in text and "Jiný" not in text


def test_index_page_weighs_headings_and_the_facts_panel():
    words = index_page(PAGE).words
    assert words[("centr", "centra")] == 7 and words[("cil", "cile")] == 6  # h1, h2
    assert words[("vltav", "vltava")] == 4 and words[("obec", "obec")] == 1
    assert words[("0010387", "0010387")] == 1 and words[("cz", "cz")] == 1  # a code's parts are keys


def test_help_pages_leave_tables_out():
    page = index_page(PAGE, help_page=True)
    assert "registration" not in page.content and ("registration", "registration") not in page.words


def test_a_page_without_a_searchable_part_is_not_indexed():
    assert index_page("<html><body><p>Nic</p></body></html>") is None


def test_inline_tags_do_not_split_words_and_a_nested_block_separates_them():
    html = ('<div data-search-body><p><strong>Ko</strong>munitní centrum</p>'
            '<dl><dt>Financování</dt><dd><strong>2 919 355 Kč</strong><ul><li>Prostředky EU</li></ul></dd></dl></div>')
    page = index_page(html)
    assert decode(page.content) == "Komunitní centrum. Financování. 2 919 355 Kč. Prostředky EU."
    assert page.words[(lemma_key("Komunitní"), "komunitni")] == 1
