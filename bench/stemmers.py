"""Polish stemmers compared on the site search's relevance set (tests/opsportal/relevance.py).

``.venv/bin/python bench/stemmers.py`` migrates a throw-away SQLite database,
loads the demo content and, for each candidate, indexes it again with that
candidate giving each word its forms, then runs every query of the relevance
set through the site search. It prints, per candidate:

- recall@5 and the share of queries whose first result is right;
- the memory a worker gains by loading it and analysing the words of the
  demo texts (resident set of a fresh process before and after, so the
  figure includes the dictionary and the library);
- the time to load it, to analyse one word (a cold cache, distinct words of
  the demo texts) and a whole search (the mean over the set, warm caches).

The candidates: Morfeusz 2 (SGJP dictionary, what ``core.text.lemmas``
uses), Stempel (Lucene's stemming tables, ``pystempel``), simplemma, and no
stemming at all (folded words and prefixes only). The figures depend on the
machine; they are printed, never asserted.
"""

import io
import json
import os
import subprocess
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# None of these loads a model: the database is chosen before django.setup().
import django  # noqa: E402
import morfeusz2  # noqa: E402
import simplemma  # noqa: E402
from django.core.management import call_command  # noqa: E402
from pystempel import Stemmer  # noqa: E402

from core import search, search_index  # noqa: E402
from core.text import WORD, fold, lemmas, words  # noqa: E402
from opsportal import search as site_search  # noqa: E402
from tests.opsportal.relevance import QUERIES, measure  # noqa: E402

# What a fresh process loads for each candidate, and the function it then has.
LOADERS = {
    "morfeusz2": (
        "import morfeusz2; m = morfeusz2.Morfeusz(generate=False); f = lambda w: m.analyse(w)"
    ),
    "pystempel": "from pystempel import Stemmer; s = Stemmer.polimorf(); f = s",
    "simplemma": ("import simplemma; f = lambda w: simplemma.lemmatize(w, lang='pl'); f('dom')"),
    "none": "f = lambda w: w",
}
# The words of the texts are analysed too: a dictionary read through mmap
# counts in the resident set only for the pages a worker has touched.
MEMORY_PROBE = """
import json, os, sys, time
def rss():
    # The resident set now (maxrss would start at the parent's: Linux keeps it across exec).
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
sample = json.load(sys.stdin)
before = rss()
started = time.perf_counter()
{loader}
loaded = time.perf_counter() - started
for word in sample:
    f(word.lower())
print(rss() - before, loaded)
"""


def memory_and_load_time(name, sample):
    """(MB a worker gains, seconds to load) for the candidate ``name``, in a fresh process."""
    code = MEMORY_PROBE.format(loader=LOADERS[name])
    output = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps(sample),
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "TQDM_DISABLE": "1"},
    ).stdout.split()
    return float(output[-2]), float(output[-1])


def candidates():
    """{name: function word → folded forms}, each loaded in this process."""
    stempel = Stemmer.polimorf()
    morfeusz2.Morfeusz(generate=False)

    def from_stempel(word):
        found = stempel(word.lower())
        return tuple(words(found)) if found else ()

    def from_simplemma(word):
        found = fold(simplemma.lemmatize(word.lower(), lang="pl"))
        return () if found == fold(word) else tuple(words(found))

    return {
        "morfeusz2": lemmas.__wrapped__,
        "pystempel": from_stempel,
        "simplemma": from_simplemma,
        "none": lambda word: (),
    }


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opsportal.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ["TQDM_DISABLE"] = "1"
    folder = tempfile.mkdtemp(prefix="opsportal-stemmers-")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/db.sqlite3"
    os.environ["DJANGO_MEDIA_ROOT"] = folder

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=io.StringIO())
    # The words of the demo texts as editors typed them, with their Polish letters.
    texts = []
    for kind in site_search.site_kinds():
        for obj in kind.index_queryset():
            texts.append(str(getattr(obj, kind.title_field)))
            texts.extend(str(text) for _label, text in kind.texts(obj) if text)
    sample = sorted(set(WORD.findall(" ".join(texts))))

    rows = []
    for name, analyse in candidates().items():
        started = time.perf_counter()
        for word in sample:
            analyse(word)
        per_word = (time.perf_counter() - started) / len(sample) * 1e6
        cached = lru_cache(maxsize=200_000)(analyse)
        search.lemmas = search_index.lemmas = cached
        site_search.rebuild_index()

        def ranked_urls(q):
            results = site_search.search(search.Query.parse(q))
            return [hit.url for group in results.groups for hit in group.hits]

        recall, first_right, _misses = measure(ranked_urls)
        started = time.perf_counter()
        for q, _expected in QUERIES:
            ranked_urls(q)
        per_query = (time.perf_counter() - started) / len(QUERIES) * 1000
        memory, load = memory_and_load_time(name, sample)
        rows.append((name, recall, first_right, memory, load, per_word, per_query))

    print(f"Relevance set: {len(QUERIES)} queries over the demo content, SQLite.\n")
    print(
        "| stemmer | recall@5 | first right | RSS per worker | load | per word (cold) "
        "| per search |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, recall, first_right, memory, load, per_word, per_query in rows:
        print(
            f"| {name} | {recall:.3f} | {first_right:.3f} | {memory:.0f} MB | {load:.2f} s "
            f"| {per_word:.0f} µs | {per_query:.1f} ms |"
        )


if __name__ == "__main__":
    main()
