"""Site search latency as content grows: ``load_demo --scale 500`` against ``--scale 5000``.

``.venv/bin/python bench/search.py`` creates a throw-away PostgreSQL database
for each scale on the server of ``--postgres`` (default: the server of
DATABASE_URL, else the local one), migrates it, loads the demo with that many
synthetic projects, areas and events (which also builds the search index) and
runs ANALYZE. Then, in one ``manage.py shell`` per scale with the production
settings (no page cache is involved: a search page is never cached), it runs
every query of the relevance set (tests/opsportal/relevance.py) and a few
that match the synthetic content, warming once and then timing ``--rounds``
rounds of the whole search (``opsportal.search.search``: the words' forms,
every kind's index query, reading the rows found, highlights and excerpts).

It prints p50 and p99 per scale and the ratio of the larger to the smaller.
The issue's bounds are reported, never asserted: the larger may cost at most
1.5 × the smaller, and p50 at --scale 5000 should be at most 10 ms.
"""

import argparse
import json
import os
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import BenchError, Database, django_env, manage  # noqa: E402

SCALES = (500, 5000)
RATIO_BOUND = 1.5
P50_BOUND_MS = 10

# Run inside `manage.py shell`: the latencies of every query, in milliseconds.
TIMING_SCRIPT = """
import json, time
from core.search import Query
from opsportal.search import search
from tests.opsportal.relevance import QUERIES

queries = [q for q, _pages in QUERIES] + [
    "projekt syntetyczny", "spotkanie", "obszar testowy", "organizacja partnerska",
]
for q in queries:
    search(Query.parse(q))
times = []
for _round in range(ROUNDS):
    for q in queries:
        started = time.perf_counter()
        search(Query.parse(q))
        times.append((time.perf_counter() - started) * 1000)
print("BENCH_TIMES " + json.dumps(times))
"""


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def measure(server, scale, rounds, workdir):
    database = Database(server, f"opsportal_search_bench_{scale}")
    database.create()
    try:
        env = django_env(database.url, workdir / "static", workdir / "media")
        env["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(50)
        started = time.monotonic()
        manage(env, "migrate", "--no-input")
        manage(env, "load_demo", "--scale", str(scale))
        loaded = time.monotonic() - started
        script = TIMING_SCRIPT.replace("ROUNDS", str(rounds))
        output = manage(env, "shell", "--no-imports", "-c", script, capture=True)
        for line in output.splitlines():
            if line.startswith("BENCH_TIMES "):
                return json.loads(line.removeprefix("BENCH_TIMES ")), loaded
        raise BenchError(f"No timings from manage.py shell:\n{output[-2000:]}")
    finally:
        database.drop()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = os.environ.get("DATABASE_URL", "")
    default = default.rsplit("/", 1)[0] if default.startswith("postgres") else ""
    parser.add_argument("--postgres", default=default or "postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds of every query (5)")
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="opsportal-search-bench-"))
    print(f"Load average before the run: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    results = {}
    for scale in SCALES:
        times, loaded = measure(args.postgres, scale, args.rounds, workdir)
        results[scale] = times
        print(
            f"--scale {scale}: {len(times)} searches, p50 {statistics.median(times):.1f} ms, "
            f"p99 {percentile(times, 0.99):.1f} ms (database built in {loaded:.0f} s)"
        )
    small, large = (statistics.median(results[scale]) for scale in SCALES)
    ratio = large / small
    print(
        f"p50 ratio --scale {SCALES[1]} / --scale {SCALES[0]}: {ratio:.2f} "
        f"(bound {RATIO_BOUND}: {'met' if ratio <= RATIO_BOUND else 'NOT met'}); "
        f"p50 at --scale {SCALES[1]}: {large:.1f} ms "
        f"(bound {P50_BOUND_MS} ms: {'met' if large <= P50_BOUND_MS else 'NOT met'})"
    )
    print(f"Load average after the run: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
