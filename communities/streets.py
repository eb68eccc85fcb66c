"""Street names as residents type them: with or without Polish letters, prefixes or case.

The key is computed in Python and stored, so "Podlesna" finds "Podleśna" with
an indexed equality on SQLite and PostgreSQL alike, without ``unaccent`` or
collations that differ between the two. Folding and stemming are the site's
one Polish text rule (:mod:`core.text`), so the lookup and the search agree.
"""

import re

from core.text import stem, words

# Words residents often type before the name itself ("ul. Podleśna", "al. Jana Pawła").
_PREFIXES = {"ul", "ulica", "al", "aleja", "aleje", "os", "osiedle", "pl", "plac"}

_NUMBER = re.compile(r"^\s*(\d{1,5})\s*[a-zA-Z]?\s*(?:[/-].*)?$")


def street_key(name):
    """'ul. Podleśna' → 'podlesna'; '1-go Sierpnia' → '1 go sierpnia'."""
    key = words(name)
    while len(key) > 1 and key[0] in _PREFIXES:
        key.pop(0)
    return " ".join(key)


def street_stem(key):
    """The ``key`` with its last word cut to its stem: 'jana pawla' → 'jana pawl'."""
    *first, last = key.split(" ")
    return " ".join([*first, stem(last)])


def building_number(text):
    """The numeric part of a building number: '22' → 22, '22a' → 22, '2/4' → 2; None if invalid."""
    match = _NUMBER.match(text or "")
    return int(match.group(1)) if match else None
