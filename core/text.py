"""Polish words as residents type them: in any case, with or without diacritics, inflected.

Every box that matches text (the site search, the project list's phrase, the
street lookup) folds both sides with :func:`fold` and compares stems from
:func:`stem`, so "dlugu", "DŁUGU" and "długu" find the same texts everywhere.
The folding is the one PostgreSQL's ``unaccent(lower(…))`` gives, so texts
folded in Python (SQLite, stored keys) and in the database agree.
"""

import re
import unicodedata

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
