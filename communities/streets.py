"""Street names as residents type them: with or without Polish letters, prefixes or case.

The key is computed in Python and stored, so "Podlesna" finds "Podleśna" with
an indexed equality on SQLite and PostgreSQL alike, without ``unaccent`` or
collations that differ between the two.
"""

import re
import unicodedata

# Letters that Unicode does not decompose into a base letter plus an accent.
_UNDECOMPOSABLE = str.maketrans({"ł": "l", "Ł": "l", "ß": "ss", "đ": "d", "ø": "o"})

# Words residents often type before the name itself ("ul. Podleśna", "al. Jana Pawła").
_PREFIXES = {"ul", "ulica", "al", "aleja", "aleje", "os", "osiedle", "pl", "plac"}

_NUMBER = re.compile(r"^\s*(\d{1,5})\s*[a-zA-Z]?\s*(?:[/-].*)?$")


def street_key(name):
    """'ul. Podleśna' → 'podlesna'; '1-go Sierpnia' → '1 go sierpnia'."""
    text = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSABLE).casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    words = re.sub(r"[^\w]+", " ", text).split()
    while len(words) > 1 and words[0] in _PREFIXES:
        words.pop(0)
    return " ".join(words)


def building_number(text):
    """The numeric part of a building number: '22' → 22, '22a' → 22, '2/4' → 2; None if invalid."""
    match = _NUMBER.match(text or "")
    return int(match.group(1)) if match else None
