"""deploy/: Caddy in front of gunicorn, both started as the production recipe starts them.

Caddy runs deploy/Caddyfile itself, on loopback ports with a certificate of its
own local authority; gunicorn runs the ExecStart line of deploy/opsportal.service.
"""

import contextlib
import functools
import http.client
import json
import os
import re
import shlex
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import get_commands
from django.test import RequestFactory

from tests.production import ROOT, collected_static_root, free_port, manage, production_env
from web.network import client_address

CADDY = shutil.which("caddy")
DEPLOY = ROOT / "deploy"

pytestmark = [
    pytest.mark.deploy,
    pytest.mark.skipif(CADDY is None, reason="Caddy is not installed (make system-deps)"),
]

SLOW_CLIENTS = 64
STALL_SECONDS = 20
PROBE_EVERY = 0.5
FAST_ENOUGH = 1.0
LIMIT = 12 * 1024 * 1024  # REQUEST_BODY_MAX_BYTES

# The headers the portal's middleware puts on every page, which Caddy must
# give the files it serves itself.
PORTAL_HEADERS = [
    "strict-transport-security",
    "x-content-type-options",
    "x-frame-options",
    "referrer-policy",
    "cross-origin-opener-policy",
    "cross-origin-resource-policy",
    "permissions-policy",
]


def unit_setting(unit, key):
    lines = (DEPLOY / unit).read_text().splitlines()
    return [line.split("=", 1)[1] for line in lines if line.startswith(f"{key}=")]


def gunicorn_option(argv, name):
    return argv[argv.index(name) + 1]


def unit_gunicorn():
    (exec_start,) = unit_setting("opsportal.service", "ExecStart")
    return shlex.split(exec_start)


def gunicorn_command(port):
    """ExecStart of deploy/opsportal.service, with this virtualenv's Python and a free port."""
    argv = unit_gunicorn()
    argv[argv.index("--bind") + 1] = f"127.0.0.1:{port}"
    return [sys.executable, "-m", "gunicorn", *argv[1:]]


@contextlib.contextmanager
def running(command, env, log_path):
    """A process of its own for the duration of the block, stopped (or killed) after it."""
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=15)


def wait_until(check, what, seconds=60):
    deadline = time.monotonic() + seconds
    while True:
        try:
            if check():
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not start within {seconds} s")
        time.sleep(0.2)


class Site:
    """The portal as a browser reaches it: HTTPS on Caddy's port, Caddy's own authority trusted."""

    def __init__(self, https_port, http_port, ca_file):
        self.https_port = https_port
        self.http_port = http_port
        self.ca_file = ca_file

    @functools.cached_property
    def tls(self):
        return ssl.create_default_context(cafile=str(self.ca_file))

    def connect(self, timeout=10):
        raw = socket.create_connection(("127.0.0.1", self.https_port), timeout=timeout)
        return self.tls.wrap_socket(raw, server_hostname="127.0.0.1")

    def request(self, method, path, body=None, headers=None, timeout=10):
        connection = http.client.HTTPSConnection(
            "127.0.0.1", self.https_port, context=self.tls, timeout=timeout
        )
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.getheaders(), response.read()
        finally:
            connection.close()

    def get(self, path, **headers):
        status, header_list, body = self.request("GET", path, headers=headers)
        return status, {name.lower(): value for name, value in header_list}, body


@contextlib.contextmanager
def caddy(folder, upstream, static_root, media_root):
    """deploy/Caddyfile served by Caddy on two free loopback ports, with no API."""
    https_port = free_port()
    http_port = next(port for port in iter(free_port, None) if port != https_port)
    home = folder / "caddy-home"
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        # Caddy keeps its authority and certificates here, not in ~root.
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "OPSPORTAL_HOST": "127.0.0.1",
        "OPSPORTAL_TLS": "internal",
        "OPSPORTAL_BIND": "127.0.0.1",
        "OPSPORTAL_HTTPS_PORT": str(https_port),
        "OPSPORTAL_HTTP_PORT": str(http_port),
        "OPSPORTAL_CADDY_ADMIN": "off",
        "OPSPORTAL_UPSTREAM": upstream,
        "OPSPORTAL_STATIC_ROOT": str(static_root),
        "OPSPORTAL_MEDIA_ROOT": str(media_root),
    }
    command = [CADDY, "run", "--adapter", "caddyfile", "--config", str(DEPLOY / "Caddyfile")]
    with running(command, env, folder / "caddy.log"):
        site = Site(https_port, http_port, home / "data/caddy/pki/authorities/local/root.crt")
        wait_until(lambda: site.ca_file.exists() and site.get("/healthz")[0], "Caddy")
        yield site


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    """gunicorn as opsportal.service runs it, with the demo content, behind Caddy."""
    folder = tmp_path_factory.mktemp("deploy")
    media = folder / "media"
    media.mkdir()
    (media / "plakat.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    env = production_env(
        folder,
        DJANGO_STATIC_ROOT=collected_static_root(),
        DJANGO_MEDIA_ROOT=str(media),
        DJANGO_SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO",
        DJANGO_TRUSTED_PROXY_HEADER="HTTP_X_FORWARDED_FOR",
    )
    for args in (("migrate", "--no-input"), ("load_demo",)):
        result = manage(env, *args)
        assert result.returncode == 0, result.stderr
    port = free_port()
    with (
        running(gunicorn_command(port), env, folder / "gunicorn.log"),
        caddy(folder, f"127.0.0.1:{port}", collected_static_root(), media) as site,
    ):
        wait_until(lambda: site.get("/healthz")[0] == 200, "gunicorn")
        yield site


class EchoHandler(BaseHTTPRequestHandler):
    """Answers with the headers it received, as JSON: what gunicorn would be told."""

    def do_GET(self):
        body = json.dumps(dict(self.headers)).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def echo_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("echo")
    server = ThreadingHTTPServer(("127.0.0.1", 0), EchoHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        upstream = f"127.0.0.1:{server.server_address[1]}"
        with caddy(folder, upstream, folder, folder) as site:
            yield site
    finally:
        server.shutdown()
        server.server_close()


def hung_up(connection):
    """Whether the server has closed ``connection`` (or refused it) rather than still waiting."""
    connection.settimeout(5)
    try:
        return not connection.recv(1024).startswith(b"HTTP/1.1 2")
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False


def stalled_client(site, first_bytes):
    connection = site.connect()
    connection.sendall(first_bytes)
    return connection


def probe_home_page(site, seconds):
    """Latencies of GET / every PROBE_EVERY seconds, each on a new connection, for ``seconds``."""
    latencies = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        started = time.monotonic()
        status, _, _ = site.request("GET", "/", timeout=10)
        elapsed = time.monotonic() - started
        assert status == 200
        latencies.append(elapsed)
        time.sleep(max(0.0, PROBE_EVERY - elapsed))
    return latencies


def test_home_page_answers_within_a_second_while_64_clients_stall_after_one_byte(portal):
    """Slow clients take Caddy's connections, never gunicorn's eight threads."""
    stalled = []
    try:
        stalled = [stalled_client(portal, b"G") for _ in range(SLOW_CLIENTS)]
        latencies = probe_home_page(portal, STALL_SECONDS)
        # Caddy gave them 10 s for their headers (read_header) and hung up.
        assert all(hung_up(connection) for connection in stalled)
    finally:
        for connection in stalled:
            connection.close()
    worst = max(latencies)
    print(f"\nGET / during the stall: {len(latencies)} requests, worst {worst * 1000:.0f} ms")
    assert len(latencies) >= STALL_SECONDS / PROBE_EVERY * 0.8
    assert worst < FAST_ENOUGH, [round(latency, 3) for latency in latencies]


def test_home_page_answers_while_64_uploads_stall_after_one_byte_of_body(portal):
    """Caddy reads a body whole before gunicorn is asked (buffer_requests)."""
    head = b"POST /kontakt/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000\r\n\r\nx"
    stalled = []
    try:
        stalled = [stalled_client(portal, head) for _ in range(SLOW_CLIENTS)]
        latencies = probe_home_page(portal, 5)
    finally:
        for connection in stalled:
            connection.close()
    assert max(latencies) < FAST_ENOUGH, [round(latency, 3) for latency in latencies]


def test_pages_reach_the_portal_as_https(portal):
    """X-Forwarded-Proto: the portal neither redirects to https nor withholds HSTS."""
    status, headers, body = portal.get("/")
    assert status == 200
    assert headers["strict-transport-security"].startswith("max-age=31536000")
    assert "default-src 'self'" in headers["content-security-policy"]
    assert "server" not in headers
    assert "Miejski Ośrodek Pomocy Społecznej" in body.decode()


def test_plain_http_is_redirected_to_https_by_caddy(portal):
    connection = http.client.HTTPConnection("127.0.0.1", portal.http_port, timeout=10)
    try:
        connection.request("GET", "/kontakt/")
        response = connection.getresponse()
        assert response.status == 308
        assert response.getheader("Location").startswith("https://127.0.0.1")
    finally:
        connection.close()


def test_static_files_come_from_caddy_compressed_cached_and_with_the_portals_headers(portal):
    _, page_headers, body = portal.get("/")
    stylesheet = body.decode().split('href="/static/css/site.', 1)[1].split('"', 1)[0]
    status, headers, _ = portal.get(f"/static/css/site.{stylesheet}", **{"Accept-Encoding": "br"})
    assert status == 200
    assert headers["content-encoding"] == "br"
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    for name in PORTAL_HEADERS:
        assert headers.get(name) == page_headers[name], name
    # Caddy's own policy for files, not the page's: proof that gunicorn was not asked.
    assert headers["content-security-policy"].startswith("default-src 'none'")
    assert "server" not in headers


def test_media_files_come_from_caddy(portal):
    status, headers, body = portal.get("/media/plakat.png")
    assert status == 200
    assert headers["content-type"] == "image/png"
    assert headers["x-content-type-options"] == "nosniff"
    assert body.startswith(b"\x89PNG")


def test_documents_come_from_caddy_as_attachments_of_their_format(portal):
    _, _, body = portal.get("/kontakt/")
    pdf_link = r'<a href="(/media/[^"]+\.pdf)" type="application/pdf" download='
    link = re.search(pdf_link, body.decode())
    assert link, "the demo's contact page lists a PDF to download"
    status, headers, body = portal.get(link.group(1))
    assert status == 200
    assert headers["content-type"] == "application/pdf"
    assert headers["content-disposition"] == "attachment"
    assert headers["x-content-type-options"] == "nosniff"
    assert body.startswith(b"%PDF-")
    # Images stay images, shown in the page.
    _, image_headers, _ = portal.get("/media/plakat.png")
    assert "content-disposition" not in image_headers


def test_caddys_own_errors_carry_the_headers_too(portal):
    status, headers, _ = portal.get("/static/css/brak.css")
    assert status == 404
    assert headers["cache-control"] == "no-store"
    for name in PORTAL_HEADERS:
        assert name in headers, name


def test_a_body_over_the_limit_is_refused_before_it_is_sent(portal):
    connection = portal.connect()
    try:
        connection.sendall(
            b"POST /kontakt/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + f"Content-Length: {LIMIT + 1}\r\n\r\n".encode()
        )
        answer = connection.recv(4096).decode()
    finally:
        connection.close()
    assert answer.startswith("HTTP/1.1 413")
    assert "Przesłane dane są zbyt duże." in answer
    assert "X-Content-Type-Options: nosniff" in answer


def test_a_body_at_the_limit_reaches_the_portal(portal):
    status, _, _ = portal.request(
        "POST", "/kontakt/", body=b"x" * LIMIT, headers={"Content-Type": "text/plain"}
    )
    assert status == 403  # the portal's CSRF check answered, so the body got through


def test_forwarded_headers_name_the_client_and_https_whatever_the_client_claims(
    echo_site, settings
):
    status, _, body = echo_site.get(
        "/", **{"X-Forwarded-For": "203.0.113.7", "X-Forwarded-Proto": "http"}
    )
    assert status == 200
    received = {name.lower(): value for name, value in json.loads(body).items()}
    assert received["x-forwarded-for"] == "127.0.0.1"
    assert received["x-forwarded-proto"] == "https"
    # What the portal makes of them with the settings of deploy/opsportal.env.example.
    settings.TRUSTED_PROXY_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.TRUSTED_PROXIES = []
    request = RequestFactory().get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=received["x-forwarded-for"]
    )
    assert client_address(request) == "127.0.0.1"


def test_units_serve_gunicorn_on_loopback_and_run_the_retention_job_daily():
    gunicorn = unit_gunicorn()
    assert gunicorn_option(gunicorn, "--bind") == "127.0.0.1:8000"
    assert "--preload" not in gunicorn
    pool = (DEPLOY / "opsportal.env.example").read_text().split("DATABASE_POOL_MAX_SIZE=")[1]
    assert int(pool.split()[0]) >= int(gunicorn_option(gunicorn, "--threads"))
    (upstream,) = [
        line.split("=", 1)[1]
        for line in unit_setting("caddy.service.d/opsportal.conf", "Environment")
        if line.startswith("OPSPORTAL_UPSTREAM=")
    ]
    assert upstream == "127.0.0.1:8000"
    (purge,) = unit_setting("opsportal-purge-ballot-addresses.service", "ExecStart")
    command = purge.rsplit(" ", 1)[1]
    assert purge.endswith(f"manage.py {command}") and command in get_commands()
    assert unit_setting("opsportal-purge-ballot-addresses.timer", "Persistent") == ["true"]
    assert unit_setting("opsportal-purge-ballot-addresses.timer", "OnCalendar")


def test_the_caddyfile_is_valid_for_a_real_host_name(tmp_path):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "OPSPORTAL_HOST": "mops.example.pl",
        "OPSPORTAL_TLS": "informatyk@mops.example.pl",
    }
    result = subprocess.run(
        [CADDY, "validate", "--adapter", "caddyfile", "--config", str(DEPLOY / "Caddyfile")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Valid configuration" in result.stdout + result.stderr
