"""The parts of bench/run.py that turn wrk's output into the table."""

import importlib.util
from pathlib import Path

import pytest

BENCH_RUN = Path(__file__).resolve().parents[2] / "bench" / "run.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_run", BENCH_RUN)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_wrk_json_is_read_from_the_last_bench_json_line(bench):
    output = (
        "Running 3s test @ http://127.0.0.1:8000/\n"
        "  16 connections\n"
        'BENCH_JSON {"requests": 1}\n'
        "Requests/sec: 333.33\n"
        'BENCH_JSON {"requests": 1000, "p99_us": 8000}\n'
    )
    assert bench.parse_wrk_json(output) == {"requests": 1000, "p99_us": 8000}


def test_missing_wrk_json_is_a_bench_error_with_the_output(bench):
    with pytest.raises(bench.BenchError, match="unable to connect"):
        bench.parse_wrk_json("unable to connect to 127.0.0.1:8000 Connection refused\n")


def test_hashed_stylesheet_is_found_and_unhashed_one_refused(bench):
    html = (
        '<link rel="stylesheet" href="/static/vendor/bootstrap/bootstrap.min.4bc73c7ba870.css">'
        '<link rel="stylesheet" href="/static/css/site.e2f58439eba2.css">'
    )
    assert bench.hashed_stylesheet(html) == "/static/css/site.e2f58439eba2.css"
    with pytest.raises(bench.BenchError):
        bench.hashed_stylesheet('<link rel="stylesheet" href="/static/css/site.css">')


def test_ratio_is_the_median_of_per_round_ratios_not_a_ratio_of_medians(bench):
    # Rounds where the machine was slower slow both; the per-round ratio evens that out.
    page = [500, 1000, 2000]
    static = [1000, 1000, 4000]
    assert bench.median_ratio(page, static) == 0.5


def test_ratio_needs_the_static_file_of_every_round(bench):
    with pytest.raises(ValueError):
        bench.median_ratio([1, 2, 3], [1, 2])


@pytest.mark.parametrize(
    ("kind", "ratio", "p99_ms", "expected"),
    [
        ("cached", 0.7, 99.9, "met"),
        ("cached", 0.69, 20, "missed: ratio < 0.7"),
        ("uncached", 0.2, 20, "met"),
        ("uncached", 0.19, 100, "missed: ratio < 0.2, p99 ≥ 100 ms"),
        ("health", 0.5, 150, "missed: p99 ≥ 100 ms"),
        ("reference", 1.0, 500, "—"),
    ],
)
def test_verdict_applies_the_issue_targets_by_kind(bench, kind, ratio, p99_ms, expected):
    assert bench.verdict(kind, ratio, p99_ms) == expected


def test_inherited_settings_do_not_reach_the_benchmarked_server(bench, monkeypatch, tmp_path):
    monkeypatch.setenv("DJANGO_DEBUG", "1")
    monkeypatch.setenv("REDIS_URL", "redis://elsewhere:6379/0")
    monkeypatch.setenv("DJANGO_SECURE_PROXY_SSL_HEADER", "HTTP_X_FORWARDED_PROTO")
    env = bench.django_env("postgres://postgres@127.0.0.1:5432/x", tmp_path, tmp_path)
    assert "DJANGO_DEBUG" not in env
    assert "REDIS_URL" not in env
    assert "DJANGO_SECURE_PROXY_SSL_HEADER" not in env
    assert env["DJANGO_SECURE_SSL_REDIRECT"] == "0"
    # The flood limit keeps its default; each voter has an address of its own.
    assert "POLL_VOTES_PER_IP_PER_HOUR" not in env
    assert env["DJANGO_TRUSTED_PROXY_HEADER"] == "HTTP_X_FORWARDED_FOR"
    assert len(env["DJANGO_SECRET_KEY"]) >= 50


def test_table_row_shows_medians_ratio_and_verdict_for_its_kind(bench):
    static = bench.Target("/static/css/site.abc.css", kind=bench.REFERENCE, size=2048)
    static.rates, static.p50_us, static.p99_us = [1000, 2000, 1000], [1000] * 3, [5000] * 3
    page = bench.Target("/kontakt/", kind=bench.CACHED, size=10240, coding="br", conditional="304")
    page.rates, page.p50_us, page.p99_us = [800, 1500, 900], [2000, 3000, 4000], [9000] * 3
    page.failures = 2
    table = bench.page_table([static, page], static.rates)
    rows = table.splitlines()
    assert rows[2].startswith(
        "| `/static/css/site.abc.css` | static file | 2.0 | — | 1,000 | 1.00 |"
    )
    assert rows[3] == (
        "| `/kontakt/` | cached | 10.0 | br | 900 | 0.80 | 3.0 | 9.0 | 2 | 304 | met |"
    )
