"""Czech lemma keys for search: every inflected form of a word gets the same key, with or without diacritics.

Build time (index) and browser (query) must compute the same key for the same word:
- a word simplemma knows gets the folded lemma of its lower-case form ("Hamrech" -> "hamr", "obcím" -> "obec");
- a word it does not know (place names such as "Vltavotýnsku") gets a light stem: its folded form without
  one Czech case ending (`light_stem`, ported word for word to docs/assets/search.js);
- the browser cannot lemmatise a form typed without diacritics, so it looks the folded form up in a
  form -> key map shipped in chunks by the form's first two letters (`query_map`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

import simplemma

LANG = "cs"
SEP = "\u01c2"  # 'ǂ': a Unicode letter, so Pagefind keeps "key<SEP>form" as one word; never in Czech text
MIN_STEM = 3
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+)\W*$")  # text start, or after a sentence's end
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


def fold(text: str) -> str:
    """Lower case without diacritics ('Hamrů' -> 'hamru'), as Pagefind and the browser fold them."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def light_stem(folded: str) -> str:
    """A folded word without one case ending, keeping at least MIN_STEM letters ('vltavotynsku' -> 'vltavotynsk')."""
    for ending in ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= MIN_STEM:
            return folded[: -len(ending)]
    return folded


@lru_cache(maxsize=200_000)
def lemma_key(word: str) -> str:
    """The search key of one word form: folded lemma if simplemma knows the form, else its light stem."""
    lower = word.lower()
    if simplemma.is_known(lower, lang=LANG):
        return fold(simplemma.lemmatize(lower, lang=LANG))
    return light_stem(fold(lower))


def is_word(token: str) -> bool:
    """Only whole words of letters get a key; numbers, codes, addresses stay as Pagefind splits them."""
    return len(token) >= 2 and token.isalpha() and SEP not in token


@lru_cache(maxsize=400_000)
def encode(word: str, sentence_start: bool = False) -> str | None:
    """'Hamrů' -> 'hamrǂhamruǂauer': key, folded form (empty when it is the key) and how to write it again.

    The index word has no diacritics, so Pagefind counts all of its occurrences when it cuts the index into
    chunks (occurrences of words with diacritics are not counted and make chunks grow without bound). The
    marks after the second separator say, letter by letter, which accent or capital the reader's text had:
    two letters each, the position (a = first) and the kind (MARK_CODES). None: the word stays as written.
    `sentence_start`: the word starts a sentence (`starts_sentence`), where `decode` writes a capital anyway.
    """
    key = lemma_key(word)
    if len(word) > 26 or not (key.isascii() and key.isalpha()):
        return None
    if sentence_start and _sentence_capital(word):
        word = word[0].lower() + word[1:]  # 'Obec' at a sentence start and 'obec' are one index word
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


def starts_sentence(before: str) -> bool:
    """Whether a word after this text starts a sentence: at the start, or after '.', '!', '?' or ':' and a space."""
    return bool(_SENTENCE_START.search(before))


def _sentence_capital(word: str) -> bool:
    """A common word capitalised only because it starts a sentence ('Obec', 'Komunitní'), not a name.

    Its capital is not kept in the index (one index word fewer per form: Pagefind's prefix search slows down
    with every word it matches); `decode` writes it back at sentence starts. Names ('Ralska', 'Hamrů') and
    words simplemma does not know keep their capitals.
    """
    if not (word[0].isupper() and (len(word) == 1 or word[1:].islower())):
        return False
    lower = word.lower()
    return simplemma.is_known(lower, lang=LANG) and simplemma.lemmatize(word, lang=LANG)[:1].islower()


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
    """Indexed text as readers see it again: 'hamrǂhamruǂauer' -> 'Hamrů'; a sentence starts with a capital."""
    out: list[str] = []
    last = 0
    for match in _TOKEN.finditer(text):
        before = text[last:match.start()]
        word = _written(match)
        if starts_sentence("".join(out[-2:]) + before) and word[:1].islower():
            word = word[0].upper() + word[1:]
        out += [before, word]
        last = match.end()
    out.append(text[last:])
    return "".join(out)


def chunk_name(folded: str) -> str:
    """The map chunk a folded form lives in: its first two letters, other characters as '_'."""
    return "".join(c if "a" <= c <= "z" else "_" for c in folded[:2])


@lru_cache(maxsize=1)
def _forms_by_lemma() -> dict[str, list[str]]:
    """simplemma's Czech forms grouped by their folded lemma (read once per build process)."""
    from simplemma.strategies import DEFAULT_DICTIONARY_FACTORY

    grouped: dict[str, list[str]] = defaultdict(list)
    for form, lemma in DEFAULT_DICTIONARY_FACTORY.get_dictionary(LANG).items():
        grouped[fold(lemma)].append(form)
    return grouped


def query_map(key_counts: dict[str, int], content_words: Iterable[str]) -> dict[str, dict[str, str]]:
    """Folded form -> key for every form whose key is in the index, split into chunks by `chunk_name`.

    Forms come from the indexed words themselves and from simplemma's dictionary; a folded form that could
    mean two keys goes to the key with more occurrences in the index. Forms whose key the browser computes
    by itself (light stem of an unknown word) are left out.
    """
    candidates: dict[str, set[str]] = defaultdict(set)
    for word in content_words:
        candidates[fold(word)].add(lemma_key(word))
    grouped = _forms_by_lemma()
    for key in key_counts:
        for form in grouped.get(key, ()):
            if form.isalpha() and lemma_key(form) in key_counts:
                candidates[fold(form)].add(lemma_key(form))
    chunks: dict[str, dict[str, str]] = defaultdict(dict)
    for folded, keys in candidates.items():
        best = max(sorted(keys), key=lambda k: key_counts.get(k, 0))
        if best != light_stem(folded):
            chunks[chunk_name(folded)][folded] = best
    return {name: dict(sorted(entries.items())) for name, entries in sorted(chunks.items())}
