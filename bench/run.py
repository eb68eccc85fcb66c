"""Load benchmark: the production set-up on loopback, driven by wrk.

One command (``make bench``, i.e. ``.venv/bin/python bench/run.py``) does it all:

1. installs Debian's wrk if it is missing (as root) and checks for taskset;
2. creates a fresh PostgreSQL database, migrates it, loads ``load_demo --scale
   500`` and runs ``collectstatic`` into a temporary folder, all with the
   production settings (no debug, a random secret key, local-memory cache);
3. starts gunicorn as README.md recommends for production (gthread, one
   worker per core it may use, eight threads, no --preload) pinned to one
   core, and waits for /healthz;
4. runs wrk pinned to the other core over every public page, a hashed static
   CSS file and /healthz, with a browser's Accept-Encoding, in interleaved
   rounds, and prints for each: bytes sent and their coding,
   requests/s (median of the rounds), p50 and p99 latency, failed answers and
   the ratio to the static file measured in the same round;
5. posts 2,000 votes from distinct voters at 16 connections and checks that
   the poll's JSON total grew by exactly the number of votes accepted, with no
   5xx answer;
6. stops gunicorn, drops the database and removes its temporary files, also
   after Ctrl-C or a failure.

The exit status is non-zero when the vote check fails or a page does not
answer; the speed targets of the table are reported, never asserted: the
numbers depend on the machine and on whatever else runs on it.
"""

import argparse
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import string
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import redis

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
STATS_LUA = BENCH / "stats.lua"
VOTE_LUA = BENCH / "vote.lua"

HOST = "127.0.0.1"
CONNECTIONS = 16
SCALE = 500
VOTES = 2000
# As README.md recommends: one gthread worker per core given to the portal
# (the server gets one core here), eight threads each.
WORKERS = 1
THREADS = 8
# The whole run stops here whatever happens; a normal run takes about five
# minutes, and the optional Redis pass adds about four.
DEADLINE_SECONDS = 9 * 60
REDIS_PASS_SECONDS = 5 * 60

CACHED = "cached"
UNCACHED = "uncached"
# /healthz runs SELECT 1, which touches no table: measured against the
# uncached target, never probed for caching.
HEALTH = "health"
REFERENCE = "reference"
KIND_LABELS = {REFERENCE: "static file", HEALTH: "health check (DB)"}

# The targets, on two cores at 16 connections.
CACHED_TARGET = 0.7
UNCACHED_TARGET = 0.2
P99_TARGET_MS = 100
VOTES_PER_SECOND_TARGET = 300

# What Chromium sends: pages and the static file are fetched as a resident's
# browser fetches them, compressed where the server offers it.
ACCEPT_ENCODING = "gzip, deflate, br, zstd"

# Settings a developer's shell may carry that would make the run differ from
# production or from the next run; the benchmark sets its own.
INHERITED_SETTINGS = re.compile(r"^(DJANGO_|DATABASE_|POLL_|REDIS_URL$|MAP_TILE_)")


class BenchError(Exception):
    """A failure that ends the run with a message instead of a traceback."""


class Interrupted(BaseException):
    """SIGTERM or the deadline: unwind like Ctrl-C so that cleanup runs."""


# --- parsing (pure functions, tested in tests/web/test_bench.py) ---------------


def parse_wrk_json(output):
    """The dictionary that stats.lua or vote.lua printed after 'BENCH_JSON '."""
    for line in reversed(output.splitlines()):
        if line.startswith("BENCH_JSON "):
            return json.loads(line.removeprefix("BENCH_JSON "))
    raise BenchError(f"wrk printed no BENCH_JSON line:\n{output[-2000:]}")


def hashed_stylesheet(html):
    """The hashed URL of the site's own stylesheet, as the home page links it."""
    match = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html)
    if match is None:
        raise BenchError(
            "The home page links no hashed /static/css/site.<hash>.css; "
            "is collectstatic's manifest storage in use?"
        )
    return match.group(1)


def median_ratio(page_rates, static_rates):
    """Median over rounds of (page req/s) / (static req/s of the same round)."""
    ratios = [page / static for page, static in zip(page_rates, static_rates, strict=True)]
    return statistics.median(ratios)


def verdict(kind, ratio, p99_ms):
    """Whether a row meets the issue's target for its kind of answer."""
    if kind == REFERENCE:
        return "—"
    wanted = CACHED_TARGET if kind == CACHED else UNCACHED_TARGET
    problems = []
    if ratio < wanted:
        problems.append(f"ratio < {wanted}")
    if p99_ms >= P99_TARGET_MS:
        problems.append(f"p99 ≥ {P99_TARGET_MS} ms")
    return "met" if not problems else "missed: " + ", ".join(problems)


# --- the pieces of a run -----------------------------------------------------


def log(message=""):
    print(message, flush=True)


def ensure_tools():
    if shutil.which("wrk") is None:
        if os.geteuid() != 0:
            raise BenchError("wrk is missing: install it with `apt-get install wrk` (as root).")
        log("Installing wrk (Debian package)…")
        install = ["apt-get", "install", "-y", "-q", "-o", "DPkg::Lock::Timeout=300", "wrk"]
        if subprocess.run(install, check=False).returncode != 0:
            subprocess.run(["apt-get", "update", "-q"], check=True)
            subprocess.run(install, check=True)
    if shutil.which("taskset") is None:
        raise BenchError("taskset is missing (Debian package util-linux).")
    if (os.cpu_count() or 1) < 2:
        raise BenchError("The benchmark needs two cores: one for gunicorn, one for wrk.")


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def http_get(port, path, headers=None, timeout=10):
    """One GET without following redirects: (status, lower-cased headers, body)."""
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        body = response.read()
        found = {}
        for name, value in response.getheaders():
            name = name.lower()
            found[name] = f"{found[name]}, {value}" if name in found else value
        return response.status, found, body
    finally:
        connection.close()


class Database:
    """A throw-away PostgreSQL database, dropped even if the run fails."""

    def __init__(self, server_url, name):
        self.server_url = server_url.rstrip("/")
        self.name = name
        self.url = f"{self.server_url}/{name}"

    def _admin(self, sql):
        with psycopg.connect(f"{self.server_url}/postgres", autocommit=True) as conn:
            conn.execute(sql)

    def create(self):
        self.drop()
        self._admin(f'CREATE DATABASE "{self.name}"')

    def drop(self):
        self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def served_without_tables(self, port, path, wait=10):
        """Whether GET path is answered while every table of the portal is locked.

        A page-cache hit must not touch the database, so it answers while
        another transaction holds ACCESS EXCLUSIVE locks on all tables; a page
        that runs a query waits for the lock, which pg_locks shows at once.
        Returns True (answered), False (waited for a lock) or None (neither
        within ``wait`` seconds). The blocked request finishes after the
        rollback, so the server is left as it was.
        """
        answer = {}

        def fetch():
            try:
                answer["status"] = http_get(port, path, timeout=wait + 5)[0]
            except OSError as error:
                answer["error"] = error

        with (
            psycopg.connect(self.url) as locker,
            psycopg.connect(self.url, autocommit=True) as watcher,
        ):
            tables = [
                row[0]
                for row in locker.execute(
                    "SELECT format('%I.%I', schemaname, tablename) FROM pg_tables "
                    "WHERE schemaname = 'public'"
                )
            ]
            locker.execute("SET LOCAL lock_timeout = '10s'")
            locker.execute(f"LOCK TABLE {', '.join(tables)} IN ACCESS EXCLUSIVE MODE")
            request = threading.Thread(target=fetch, daemon=True)
            request.start()
            deadline = time.monotonic() + wait
            verdict = None
            while time.monotonic() < deadline:
                request.join(timeout=0.02)
                if not request.is_alive():
                    verdict = "status" in answer
                    break
                waiting = watcher.execute(
                    "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
                    "WHERE NOT l.granted AND d.datname = %s",
                    [self.name],
                ).fetchone()[0]
                if waiting:
                    verdict = False
                    break
            locker.rollback()
        request.join(timeout=wait + 5)
        return verdict


def django_env(database_url, static_root, media_root, redis_url=""):
    env = {key: value for key, value in os.environ.items() if not INHERITED_SETTINGS.match(key)}
    env.update(
        {
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": database_url,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            # Loopback has no TLS; a redirect to https:// would measure nothing.
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            # As behind the reverse proxy the README recommends: the client's
            # address comes from X-Forwarded-For, which vote.lua sets to a
            # different address for each voter, so the flood limit stays at
            # its default and counts what it would in production.
            "DJANGO_TRUSTED_PROXY_HEADER": "HTTP_X_FORWARDED_FOR",
            "DJANGO_STATIC_ROOT": str(static_root),
            "DJANGO_MEDIA_ROOT": str(media_root),
            "PYTHONUNBUFFERED": "1",
        }
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def manage(env, *args, capture=False):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BenchError(
            f"manage.py {' '.join(args)} failed:\n{result.stdout[-2000:]}{result.stderr[-4000:]}"
        )
    return result.stdout if capture else None


# Run inside `manage.py shell`: what the benchmark needs to know about the data.
FACTS_SCRIPT = """
import json
from communities.models import CommunityArea, Event
from projects.models import Project
from survey.models import Ballot, Poll

poll = Poll.objects.open().first()
project = Project.objects.published().first()
area = CommunityArea.objects.published().first()
event = Event.objects.published().first()
print("BENCH_FACTS " + json.dumps({
    "project": project.slug if project else None,
    "area": area.slug if area else None,
    "event": event.slug if event else None,
    "poll": poll.slug if poll else None,
    "choices": list(poll.choices.values_list("pk", flat=True)) if poll else [],
    "ballots": Ballot.objects.filter(poll=poll).count() if poll else 0,
    "addresses": Ballot.objects.filter(poll=poll).exclude(address_hash="")
    .values("address_hash").distinct().count() if poll else 0,
}))
"""


def data_facts(env):
    output = manage(env, "shell", "--no-imports", "-c", FACTS_SCRIPT, capture=True)
    for line in output.splitlines():
        if line.startswith("BENCH_FACTS "):
            return json.loads(line.removeprefix("BENCH_FACTS "))
    raise BenchError(f"No facts from manage.py shell:\n{output[-2000:]}")


class Gunicorn:
    def __init__(self, env, port, log_path, cpu):
        self.env = env
        self.port = port
        self.log_path = log_path
        self.cpu = cpu
        self.process = None

    def start(self):
        command = [
            "taskset", "-c", str(self.cpu),
            sys.executable, "-m", "gunicorn", "opsportal.wsgi",
            "--worker-class", "gthread",
            "--workers", str(WORKERS),
            "--threads", str(THREADS),
            "--bind", f"{HOST}:{self.port}",
            "--graceful-timeout", "5",
        ]  # fmt: skip
        with open(self.log_path, "ab") as log_file:
            # A session of its own: Ctrl-C reaches this script, which then
            # stops gunicorn in order instead of both racing to exit.
            self.process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=self.env,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BenchError(f"gunicorn exited at start:\n{self.log_tail()}")
            try:
                status, _headers, _body = http_get(self.port, "/healthz", timeout=2)
            except OSError:
                status = None
            if status == 200:
                return
            time.sleep(0.2)
        raise BenchError(f"/healthz did not answer 200 within 60 s:\n{self.log_tail()}")

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            # The master did not stop its workers in time; they are in its
            # process group, which this script created.
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)

    def log_tail(self, lines=40):
        try:
            text = Path(self.log_path).read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])


def run_wrk(port, path, seconds, cpu, script=STATS_LUA, script_args=(), connections=CONNECTIONS):
    command = [
        "taskset", "-c", str(cpu),
        "wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
        "-H", f"Accept-Encoding: {ACCEPT_ENCODING}",
        "-s", str(script), f"http://{HOST}:{port}{path}",
    ]  # fmt: skip
    if script_args:
        command += ["--", *[str(arg) for arg in script_args]]
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=seconds + 30, check=False
    )
    if result.returncode != 0:
        raise BenchError(f"wrk failed on {path}:\n{result.stdout}{result.stderr}")
    return parse_wrk_json(result.stdout)


def run_wrk_votes(port, path, script_args, cpu, limit=120):
    """Run vote.lua until it reports its last answer: (wrk's JSON, seconds taken).

    wrk always sleeps for its whole -d duration, so the script announces the
    last answer on stdout and this function interrupts wrk then; wrk's SIGINT
    handler ends the run normally and done() prints the counts.
    """
    command = [
        "taskset", "-c", str(cpu),
        "wrk", "-t1", f"-c{CONNECTIONS}", f"-d{limit}s", "--timeout", "10s",
        "-s", str(VOTE_LUA), f"http://{HOST}:{port}{path}",
        "--", *[str(arg) for arg in script_args],
    ]  # fmt: skip
    lines = []
    finished = threading.Event()
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def read():
        for line in process.stdout:
            lines.append(line)
            if line.startswith("BENCH_VOTES_DONE"):
                finished.set()
        finished.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        finished.wait(timeout=limit + 10)
        seconds = time.monotonic() - started
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    reader.join(timeout=5)
    return parse_wrk_json("".join(lines)), seconds


# --- the page phase ---------------------------------------------------------


@dataclass
class Target:
    path: str
    kind: str = UNCACHED
    status: int = 0
    size: int = 0
    coding: str = "—"
    conditional: str = "—"
    rates: list = field(default_factory=list)
    p50_us: list = field(default_factory=list)
    p99_us: list = field(default_factory=list)
    failures: int = 0
    socket_errors: int = 0


def page_paths(facts, port):
    paths = [
        "/",
        "/kontakt/",
        "/projekty/",
        "/projekty/?status=ongoing",
        f"/projekty/{facts['project']}/" if facts["project"] else None,
        "/projekty/rss/",
        "/osl/",
        f"/osl/{facts['area']}/" if facts["area"] else None,
        "/osl/wydarzenia/",
        f"/osl/wydarzenia/{facts['event']}/" if facts["event"] else None,
        "/osl/wydarzenia/archiwum/",
        "/osl/wydarzenia.ics",
        "/ankieta/",
        f"/ankieta/{facts['poll']}/",
        f"/ankieta/{facts['poll']}/wyniki/",
        f"/ankieta/{facts['poll']}/wyniki.json",
        "/deklaracja-dostepnosci/",
        "/informacje/",
        "/polityka-prywatnosci/",
    ]
    status, _headers, _body = http_get(port, "/szukaj/?q=pomoc")
    if status == 200:
        paths.append("/szukaj/?q=pomoc")
    return [path for path in paths if path]


def probe(port, target):
    """Status, bytes sent, coding and conditional GET of one target, before the load."""
    browser = {"Accept-Encoding": ACCEPT_ENCODING}
    http_get(port, target.path, headers=browser)  # the first visit may fill the page cache
    status, headers, body = http_get(port, target.path, headers=browser)
    target.status, target.size = status, len(body)
    target.coding = headers.get("content-encoding", "—")
    validators = {}
    if headers.get("etag"):
        validators["If-None-Match"] = headers["etag"]
    if headers.get("last-modified"):
        validators["If-Modified-Since"] = headers["last-modified"]
    if validators:
        again, _headers, _body = http_get(port, target.path, headers={**browser, **validators})
        target.conditional = "304" if again == 304 else str(again)


def page_phase(port, database, facts, rounds, seconds, cpu):
    status, _headers, body = http_get(port, "/")
    if status != 200:
        raise BenchError(f"The home page answered {status}.")
    static = Target(hashed_stylesheet(body.decode()), kind=REFERENCE)
    health = Target("/healthz", kind=HEALTH)
    pages = [Target(path) for path in page_paths(facts, port)]
    targets = [static, *pages, health]

    for target in targets:
        probe(port, target)
    broken = [t for t in targets if t.status != 200]
    for target in broken:
        log(f"  ! {target.path} answered {target.status}")

    log(f"Warming up ({len(targets)} targets, 1 s each)…")
    for target in targets:
        run_wrk(port, target.path, 1, cpu)

    # After the warm-up every worker has had its chance to fill its cache.
    log("Asking which pages answer while the database's tables are locked…")
    for target in pages:
        # Twice: the first answer may come from the one worker whose cache is cold.
        served = [database.served_without_tables(port, target.path) for _ in range(2)]
        target.kind = CACHED if all(served) else UNCACHED
        if None in served:
            log(f"  ? {target.path}: no answer and no lock wait within the time limit")

    # The static file opens and closes every round; a round's reference is
    # the mean of the two, which evens out drift from other load on the machine.
    static_per_round = []
    measured = [*pages, health]
    for number in range(1, rounds + 1):
        log(f"Round {number}/{rounds}…")
        first = run_wrk(port, static.path, seconds, cpu)
        results = [run_wrk(port, target.path, seconds, cpu) for target in measured]
        last = run_wrk(port, static.path, seconds, cpu)
        static_rate = statistics.mean([rate(first), rate(last)])
        static_per_round.append(static_rate)
        static.rates.append(static_rate)
        record(static, first)
        record(static, last)
        for target, result in zip(measured, results, strict=True):
            target.rates.append(rate(result))
            record(target, result)
    return targets, static_per_round, broken


def record(target, result):
    target.p50_us.append(result["p50_us"])
    target.p99_us.append(result["p99_us"])
    target.failures += result["status_errors"]
    target.socket_errors += socket_errors(result)


def rate(result):
    return result["requests"] / (result["duration_us"] / 1_000_000)


def socket_errors(result):
    return sum(
        result[name] for name in ("connect_errors", "read_errors", "write_errors", "timeouts")
    )


def page_table(targets, static_per_round):
    header = (
        "| target | kind | KB sent | coding | req/s | × static | p50 ms | p99 ms | failed | 304 "
        "| target met? |\n"
        "|---|---|---:|:-:|---:|---:|---:|---:|---:|:-:|---|"
    )
    rows = [header]
    for target in targets:
        ratio = median_ratio(target.rates, static_per_round)
        p50_ms = statistics.median(target.p50_us) / 1000
        # Medians over rounds, like req/s: one round disturbed by other work
        # on the machine should not decide the row.
        p99_ms = statistics.median(target.p99_us) / 1000
        failed = target.failures + target.socket_errors
        kind = KIND_LABELS.get(target.kind, target.kind)
        rows.append(
            f"| `{target.path}` | {kind} | {target.size / 1024:,.1f} | {target.coding} "
            f"| {statistics.median(target.rates):,.0f} "
            f"| {ratio:.2f} | {p50_ms:.1f} | {p99_ms:.1f} | {failed} "
            f"| {target.conditional} | {verdict(target.kind, ratio, p99_ms)} |"
        )
    return "\n".join(rows)


# --- the vote phase ---------------------------------------------------------


def results_total(port, poll):
    status, _headers, body = http_get(port, f"/ankieta/{poll}/wyniki.json")
    if status != 200:
        raise BenchError(f"/ankieta/{poll}/wyniki.json answered {status}.")
    return json.loads(body)["total"]


def vote_phase(port, env, facts, cpu):
    """2,000 votes, then the check that the JSON total counts exactly the accepted ones."""
    poll = facts["poll"]
    if not poll or not facts["choices"]:
        raise BenchError("No open poll with choices in the demo data.")
    before = data_facts(env)
    before_db = before["ballots"]
    before_json = results_total(port, poll)
    # Each vote's CSRF secret is this prefix and the vote's number (see vote.lua).
    prefix = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(24))
    path = f"/ankieta/{poll}/"
    choices = ",".join(map(str, facts["choices"]))
    # Addresses 10.x.y.z numbered on from the ballots there are, so that a
    # second pass does not reuse the first pass's addresses.
    first_address = before_db % (2**24 - VOTES)
    result, seconds = run_wrk_votes(port, path, [path, VOTES, prefix, choices, first_address], cpu)
    after_json = results_total(port, poll)
    after = data_facts(env)
    after_db = after["ballots"]
    accepted = result["redirects"]
    votes_per_second = result["answered"] / seconds if seconds else 0.0
    checks = {
        f"all {VOTES} votes sent": result["sent"] == VOTES,
        f"all {VOTES} votes answered": result["answered"] == VOTES,
        "no 5xx": result["server_errors"] == 0,
        "no socket errors": socket_errors(result) == 0,
        "JSON total before = ballots in the database": before_json == before_db,
        "JSON total after = before + accepted votes": after_json == before_json + accepted,
        "ballots in the database = before + accepted votes": after_db == before_db + accepted,
        "each accepted vote from an address of its own": (
            after["addresses"] == before["addresses"] + accepted
        ),
    }
    summary = {
        "votes_per_second": votes_per_second,
        "accepted": accepted,
        "refused_4xx": result["client_errors"],
        "other_2xx": result["successes"],
        "errors_5xx": result["server_errors"],
        "p50_ms": result["p50_us"] / 1000,
        "p99_ms": result["p99_us"] / 1000,
        "before": before_json,
        "after": after_json,
        "checks": checks,
    }
    return summary


def vote_report(summary):
    lines = [
        f"Votes: {VOTES} posted at {CONNECTIONS} connections from distinct voters: "
        f"{summary['votes_per_second']:,.0f} votes/s "
        f"(target ≥ {VOTES_PER_SECOND_TARGET}: "
        f"{'met' if summary['votes_per_second'] >= VOTES_PER_SECOND_TARGET else 'missed'}), "
        f"p50 {summary['p50_ms']:.1f} ms, p99 {summary['p99_ms']:.1f} ms.",
        f"  accepted (303) {summary['accepted']}, refused (4xx) {summary['refused_4xx']}, "
        f"other 2xx {summary['other_2xx']}, 5xx {summary['errors_5xx']}; "
        f"JSON total {summary['before']} → {summary['after']}.",
    ]
    for name, passed in summary["checks"].items():
        lines.append(f"  [{'ok' if passed else 'FAILED'}] {name}")
    return "\n".join(lines)


# --- the whole run ----------------------------------------------------------


def one_pass(label, env, database, facts, args, workdir):
    port = free_port()
    server = Gunicorn(env, port, workdir / f"gunicorn-{label}.log", args.server_cpu)
    log(
        f"\n== {label}: gunicorn gthread {WORKERS}×{THREADS} on core {args.server_cpu}, "
        f"wrk on core {args.client_cpu}, http://{HOST}:{port}/"
    )
    try:
        server.start()
        targets, static_per_round, broken = page_phase(
            port, database, facts, args.rounds, args.seconds, args.client_cpu
        )
        table = page_table(targets, static_per_round)
        votes = vote_phase(port, env, facts, args.client_cpu)
    except BenchError:
        log(server.log_tail())
        raise
    finally:
        server.stop()
    log("")
    log(table)
    log("")
    log(vote_report(votes))
    server_errors = [line for line in server.log_tail(400).splitlines() if '"ERROR"' in line]
    if server_errors:
        log(f"  gunicorn logged {len(server_errors)} error lines; the last one:")
        log("  " + server_errors[-1][:500])
    return table, votes, broken


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (3)")
    parser.add_argument("--seconds", type=int, default=3, help="seconds per target per round (3)")
    parser.add_argument("--server-cpu", type=int, default=0, help="core for gunicorn (0)")
    parser.add_argument("--client-cpu", type=int, default=1, help="core for wrk (1)")
    parser.add_argument(
        "--postgres",
        default="postgres://postgres@127.0.0.1:5432",
        help="PostgreSQL server to create the throw-away database on",
    )
    parser.add_argument("--database", default="opsportal_bench", help="its name (dropped first)")
    parser.add_argument(
        "--redis",
        nargs="?",
        const="redis://127.0.0.1:6379/15",
        default="",
        help="also run a second pass with REDIS_URL (default redis://127.0.0.1:6379/15, "
        "which the run flushes before and after)",
    )
    parser.add_argument("--markdown", type=Path, help="also write the tables to this file")
    args = parser.parse_args(argv)

    def interrupt(signum, _frame):
        raise Interrupted(signal.Signals(signum).name)

    signal.signal(signal.SIGTERM, interrupt)
    signal.signal(signal.SIGALRM, interrupt)
    signal.alarm(DEADLINE_SECONDS + (REDIS_PASS_SECONDS if args.redis else 0))

    started = time.monotonic()
    database = Database(args.postgres, args.database)
    workdir = Path(tempfile.mkdtemp(prefix="opsportal-bench-"))
    failed = False
    try:
        ensure_tools()
        log(
            f"Load average before the run: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
            f"on {os.cpu_count()} cores (other work on the machine skews the numbers)."
        )
        log(f"Creating database {database.name} and loading load_demo --scale {SCALE}…")
        database.create()
        env = django_env(database.url, workdir / "static", workdir / "media")
        manage(env, "migrate", "--no-input")
        manage(env, "load_demo", "--scale", str(SCALE))
        manage(env, "collectstatic", "--no-input")
        facts = data_facts(env)
        log(
            "Production settings: DEBUG off, random secret key, PostgreSQL with the "
            "psycopg pool, whitenoise with hashed names. HTTPS redirect off "
            "(DJANGO_SECURE_SSL_REDIRECT=0): loopback has no TLS."
        )
        passes = [("local-memory cache", env)]
        if args.redis:
            passes.append(("Redis cache", {**env, "REDIS_URL": args.redis}))
        report = [machine_note(), ""]
        for label, pass_env in passes:
            if "REDIS_URL" in pass_env:
                flush_redis(pass_env["REDIS_URL"])
            try:
                table, votes, broken = one_pass(label, pass_env, database, facts, args, workdir)
            finally:
                if "REDIS_URL" in pass_env:
                    flush_redis(pass_env["REDIS_URL"])
            failed |= bool(broken) or not all(votes["checks"].values())
            report += [f"### {label}", "", table, "", "```text", vote_report(votes), "```", ""]
        if args.markdown:
            args.markdown.write_text("\n".join(report), encoding="utf-8")
    except BenchError as error:
        log(f"\nBenchmark failed: {error}")
        failed = True
    except (KeyboardInterrupt, Interrupted) as error:
        log(f"\nBenchmark interrupted ({error or 'Ctrl-C'}); cleaning up.")
        failed = True
    finally:
        signal.alarm(0)
        try:
            database.drop()
        except Exception as error:  # noqa: BLE001 - report, then go on cleaning
            log(f"Could not drop database {database.name}: {error}")
        shutil.rmtree(workdir, ignore_errors=True)
    log(f"\nDone in {time.monotonic() - started:.0f} s{'; FAILED' if failed else ''}.")
    return 1 if failed else 0


def machine_note():
    """Where and when the tables were measured, for whoever reads them later."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"Measured {time.strftime('%Y-%m-%d %H:%M %Z')} on {model}, {os.cpu_count()} cores; "
        f"load average when measuring began {load} (other work on the machine "
        "lowers every number, ratios less so)."
    )


def flush_redis(url):
    redis.Redis.from_url(url).flushdb()


if __name__ == "__main__":
    sys.exit(main())
