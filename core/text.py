"""Polish words as residents type them: in any case, with or without diacritics, inflected.

:func:`lemmas` gives a word's dictionary forms from Morfeusz 2 (the SGJP
dictionary), so "bezdomnym", "bezdomnych" and "bezdomni" all come to
"bezdomny" and "rodzinami" to "rodzina"; the search index stores them folded
(``bench/stemmers.py`` measures it against Stempel and simplemma). The ending
list of :func:`stem` only serves the stored street keys.

Every box that matches text (the site search, the project list's phrase, the
street lookup) folds both sides with :func:`fold` and compares stems from
:func:`stem`, so "dlugu", "DŁUGU" and "długu" find the same texts everywhere.
The folding is the one PostgreSQL's ``unaccent(lower(…))`` gives, so texts
folded in Python (SQLite, stored keys) and in the database agree.
"""

import re
import threading
import unicodedata
from functools import cache, lru_cache

import morfeusz2

# Letters that Unicode does not decompose into a base letter plus an accent,
# in their case-folded form (ẞ and ß already fold to "ss").
_UNDECOMPOSABLE = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "æ": "ae"})
# Letters and digits only: nothing a tsquery or LIKE pattern could read as syntax.
WORD = re.compile(r"[^\W_]+")

MIN_STEM_LENGTH = 4
# Polish inflectional endings, folded to ASCII; the longest that leaves a stem
# of MIN_STEM_LENGTH letters is cut. Rough, but "bezdomnych", "bezdomna" and
# "bezdomności" all come down to "bezdomn".
_ENDINGS = sorted(
    {
        *("osciami", "osciach", "owania", "owanie", "owaniu", "osci", "osc"),
        *("owych", "owymi", "owego", "owemu", "owej", "owym", "owa", "owe", "owy"),
        *("iami", "iach", "ach", "ami", "ych", "ich", "ymi", "imi", "ego", "emu", "owi"),
        *("iego", "iej", "iem", "zy", "ow", "om", "ie", "ej", "em", "iu", "ia"),
        *("y", "a", "e", "i", "o", "u"),
    },
    key=len,
    reverse=True,
)


class _CombiningMarks(dict):
    """A ``str.translate`` table that deletes combining marks, filled as characters are met."""

    def __missing__(self, code):
        verdict = self[code] = None if unicodedata.combining(chr(code)) else code
        return verdict


_DROP_COMBINING = _CombiningMarks()


def fold(text):
    """'Mieszkanie bez DŁUGU' → 'mieszkanie bez dlugu'."""
    text = str(text)
    if text.isascii():
        # Nothing to translate, decompose or drop: the same as the long way, only faster.
        return text.lower()
    text = unicodedata.normalize("NFKD", text.casefold().translate(_UNDECOMPOSABLE))
    return text.translate(_DROP_COMBINING)


def words(text):
    """The folded words of ``text``: 'ul. Łąkowa-Żółta' → ['ul', 'lakowa', 'zolta']."""
    return WORD.findall(fold(text))


def stem(word):
    """The folded ``word`` without its Polish ending: 'bezdomnych' → 'bezdomn'."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM_LENGTH:
            return word[: -len(ending)]
    return word


# One analyser per process, loaded on first use (about 0.3 s and 60 MB); the
# library does not promise that one instance may serve several threads at once.
_ANALYSER_LOCK = threading.Lock()


@cache
def _analyser():
    return morfeusz2.Morfeusz(generate=False)


@lru_cache(maxsize=200_000)
def lemmas(word):
    """The folded dictionary forms of one ``word`` (a :data:`WORD` match, any case).

    'bezdomnym' → ('bezdomna', 'bezdomny'); 'Długów' → ('dlug',). A word the
    dictionary does not know, often one typed without its Polish letters, has
    none: 'dlugu' → ().
    """
    lowered = word.lower()
    with _ANALYSER_LOCK:
        analyses = _analyser().analyse(lowered)
    found = set()
    for start, _end, (_form, lemma, tag, *_rest) in analyses:
        # Only the word itself: an agglutinated ending ("-em") is a segment of its own.
        if start == 0 and tag != "ign":
            found.update(words(lemma.split(":", 1)[0]))
    return tuple(sorted(found))
