"""One key for the ways one Indonesian name is written, so that a search forgives spelling.

``Lidya`` and ``Lidia``, ``Mohammad`` and ``Mohamad``, ``Sjamsul`` and ``Syamsul``,
``Tjahjadi`` and ``Cahyadi``, ``Joesoef`` and ``Yusuf`` each fold to one key. The same
function folds what is indexed and what is typed, so a key typed in part (``Sjams``)
is a prefix of the key of the whole name (``Syamsul``).
"""

from __future__ import annotations

import re
import unicodedata

# The spelling before 1972 (EYD) -> today's. In a word that shows another old spelling
# (Djuariah, Joesoef) a lone "j" is the old "y"; elsewhere (Johana, Juariah) it is a "j".
_OLD_MARKS = re.compile(r"dj|tj|oe|nj|sj|ch")
_OLD_TO_NEW = {"dj": "j", "tj": "c", "oe": "u", "nj": "ny", "sj": "sy", "ch": "kh", "j": "y"}
_OLD_LETTERS = re.compile("|".join(_OLD_TO_NEW))  # "dj" is tried before "j"
_DOUBLED = re.compile(r"(.)\1+")
_WORD = re.compile(r"\w+")


def plain_word(word: str) -> str:
    """Lowercase, without accents: ``Fátima`` -> ``fatima`` (as the search index reads
    words)."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def fold_word(word: str) -> str:
    """The spelling key of one word: plain, today's spelling, "y" as "i" after the first
    letter (Lidya, Lidia; Syamsul -> siamsul), then doubled letters single. A key is its
    own key."""
    key = plain_word(word)
    if _OLD_MARKS.search(key):
        key = _OLD_LETTERS.sub(lambda m: _OLD_TO_NEW[m.group()], key)
    key = key[:1] + key[1:].replace("y", "i")
    return _DOUBLED.sub(r"\1", key)


def folded_words(text: str) -> list[str]:
    """The spelling key of each word of ``text`` that differs from the word as written
    (plain): what an index needs beside the words themselves. Words with a digit
    (numbers, codes) have no key of their own."""
    found = []
    for word in _WORD.findall(text):
        if any(ch.isdigit() for ch in word):
            continue
        key = fold_word(word)
        if key != plain_word(word):
            found.append(key)
    return list(dict.fromkeys(found))
