"""Czech lemma keys for search: every inflected form of a word gets the same key, with or without diacritics.

Build time (index) and browser (query) must compute the same key for the same word. The key is the light
stem (`light_stem`: the folded word without one Czech case ending, ported word for word to
docs/assets/search.js) of simplemma's lemma: "Hamrech" -> hamr -> "hamr", "centrech" -> centrum -> "centr".
simplemma lemmatises the forms it has in its dictionary and some others by rules, and leaves the rest as they
are; the light stem on top makes those meet the known forms of the same word ("sousedské", unknown, and
"sousedských", known, both -> "sousedsk"; "Vltavotýnsku" and "Vltavotýnsko", both unknown, -> "vltavotynsk").
The browser cannot lemmatise a form typed without diacritics, so it looks the folded form up in a form -> keys
map shipped in chunks by the form's first two letters (`query_map`) and also asks for its light stem.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

import simplemma

from portal.czech.text import fold

LANG = "cs"
SEP = "\u01c2"  # 'ǂ': a Unicode letter, so "key<SEP>form<SEP>marks" stays one word of the excerpt text; never in Czech text
MIN_STEM = 3
_TOKEN = re.compile(f"([a-z]+){SEP}([a-z]*){SEP}([a-z]*)")
# Combining marks a folded letter can get back (acute, caron, ring, diaeresis), and their capital codes.
MARK_CODES = {"\u0301": "a", "\u030c": "c", "\u030a": "r", "\u0308": "e"}
UPPER_CODES = {"": "u", "a": "b", "c": "d", "r": "s", "e": "f"}
CODE_MARKS = {code: (mark, False) for mark, code in MARK_CODES.items()}
CODE_MARKS |= {UPPER_CODES[code]: (mark, True) for mark, code in MARK_CODES.items()}
CODE_MARKS["u"] = ("", True)

# Folded Czech case and number endings, longest first; only for words simplemma does not know.
ENDINGS = sorted({
    "ovi", "ech", "ach", "ami", "emi", "ima", "ich", "ych", "imi", "ymi", "eho", "emu", "imu", "ymu",
    "um", "ou", "em", "im", "ym", "am", "es", "mi",
    "a", "e", "i", "o", "u", "y",
}, key=lambda s: (-len(s), s))


def light_stem(folded: str) -> str:
    """A folded word without one case ending, keeping at least MIN_STEM letters ('vltavotynsku' -> 'vltavotynsk')."""
    for ending in ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= MIN_STEM:
            return folded[: -len(ending)]
    return folded


@lru_cache(maxsize=200_000)
def lemma_key(word: str) -> str:
    """The search key of one word form: the light stem of its folded lemma (the form itself when simplemma has none)."""
    return light_stem(fold(simplemma.lemmatize(word.lower(), lang=LANG)))


def is_word(token: str) -> bool:
    """Only whole words of letters are encoded; numbers, codes and addresses are indexed by their parts (`index.token_keys`)."""
    return len(token) >= 2 and token.isalpha() and SEP not in token


@lru_cache(maxsize=400_000)
def encode(word: str) -> str | None:
    """'Hamrů' -> 'hamrǂhamruǂauer': key, folded form (empty when it is the key) and how it was written.

    The browser finds the words of a query in an excerpt by their key and ranks the exact (folded) form first.
    The marks after the second separator say, letter by letter, which accent or capital the text had: two
    letters each, the position (a = first) and the kind (MARK_CODES), so `decode` gives the text back exactly
    as written. None: the word stays as written (over 26 letters, or letters outside Czech and basic Latin).
    """
    key = lemma_key(word)
    if len(word) > 26 or not (key.isascii() and key.isalpha()):
        return None
    folded, marks = [], []
    for i, ch in enumerate(word):
        decomposed = unicodedata.normalize("NFD", ch)
        base, rest = decomposed[0], decomposed[1:]
        low = base.lower()
        if not ("a" <= low <= "z") or len(rest) > 1 or (rest and rest[0] not in MARK_CODES):
            return None
        code = MARK_CODES[rest[0]] if rest else ""
        if base != low:
            code = UPPER_CODES[code]
        if code:
            marks.append(chr(ord("a") + i) + code)
        folded.append(low)
    form = "".join(folded)
    return key + SEP + ("" if form == key else form) + SEP + "".join(marks)


def _written(match: re.Match[str]) -> str:
    form, marks = match.group(2) or match.group(1), match.group(3)
    chars = list(form)
    for j in range(0, len(marks) - 1, 2):
        i, code = ord(marks[j]) - ord("a"), marks[j + 1]
        if i < len(chars) and code in CODE_MARKS:
            mark, upper = CODE_MARKS[code]
            ch = chars[i].upper() if upper else chars[i]
            chars[i] = unicodedata.normalize("NFC", ch + mark)
    return "".join(chars)


def decode(text: str) -> str:
    """Indexed text as readers see it again: 'hamrǂhamruǂauer' -> 'Hamrů' (search.js `decode` does the same)."""
    return _TOKEN.sub(_written, text)


def chunk_name(folded: str) -> str:
    """The map chunk a folded form or key lives in: its first two letters or digits, other characters as '_'."""
    return "".join(c if "a" <= c <= "z" or "0" <= c <= "9" else "_" for c in folded[:2])


@lru_cache(maxsize=1)
def _lemma_groups() -> tuple[dict[str, list[object]], dict[object, list[object]]]:
    """simplemma's Czech dictionary inverted once per build process: key of a lemma -> lemmas, lemma -> forms.

    simplemma keeps its data as bytes; when it does, grouping the bytes and decoding only the forms of the
    keys asked for (`dictionary_forms`) costs a fraction of reading all 360,000 forms as text.
    """
    from simplemma.strategies import DEFAULT_DICTIONARY_FACTORY

    mapping = DEFAULT_DICTIONARY_FACTORY.get_dictionary(LANG)
    raw = getattr(mapping, "_dict", None)
    items = raw.items() if isinstance(raw, dict) else mapping.items()
    by_lemma: dict[object, list[object]] = defaultdict(list)
    for form, lemma in items:
        by_lemma[lemma].append(form)
    by_key: dict[str, list[object]] = defaultdict(list)
    for lemma in by_lemma:
        by_key[light_stem(fold(lemma.decode() if isinstance(lemma, bytes) else str(lemma)))].append(lemma)
    return by_key, by_lemma


@lru_cache(maxsize=100_000)
def dictionary_forms(key: str) -> tuple[str, ...]:
    """Every form simplemma's dictionary has for the lemmas with this key (not all of them need have it)."""
    by_key, by_lemma = _lemma_groups()
    forms = (f for lemma in by_key.get(key, ()) for f in by_lemma[lemma])
    return tuple(f.decode() if isinstance(f, bytes) else str(f) for f in forms)


def query_map(key_pages: dict[str, int], pairs: Iterable[tuple[str, str]]) -> dict[str, dict[str, list[str]]]:
    """Folded form -> every key of the index it can be a form of, split into chunks by `chunk_name`.

    Forms come from the indexed (key, folded form) pairs and from simplemma's dictionary. Folding joins words
    that differ only in diacritics ("společné" of společný, "společně"): such a form keeps all its keys, most
    frequent first, and a query asks for all of them. Forms whose keys the browser finds by itself (the folded
    form or its light stem is the only key) are left out.
    """
    candidates: dict[str, set[str]] = defaultdict(set)
    for key, folded in pairs:
        candidates[folded].add(key)
    for key in key_pages:
        for form in dictionary_forms(key):
            if form.isalpha() and (form_key := lemma_key(form)) in key_pages:
                candidates[fold(form)].add(form_key)
    chunks: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for folded, keys in candidates.items():
        if keys <= {folded, light_stem(folded)}:
            continue
        chunks[chunk_name(folded)][folded] = sorted(keys, key=lambda k: (-key_pages.get(k, 0), k))
    return {name: dict(sorted(entries.items())) for name, entries in sorted(chunks.items())}
