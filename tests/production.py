"""The portal as production runs it: management commands and gunicorn in processes of their own."""

import contextlib
import http.client
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STRONG_KEY = "x7Kp2vQ9mZ4tL8wR1nB6yH3cJ5fD0gS_aE-uIoPqWsXzTvNbMlKjHgFdSa12345"

_static_root = None


def production_env(tmp_path, **extra):
    """The environment of a production process, with a SQLite file of its own."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key != "DATABASE_URL"
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "opsportal.settings",
            "DJANGO_SECRET_KEY": STRONG_KEY,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
            "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
        }
    )
    env.update(extra)
    return env


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def collected_static_root():
    """One `collectstatic` (hashed, compressed) per test session, shared by its servers."""
    global _static_root
    if _static_root is None:
        folder = tempfile.mkdtemp(prefix="opsportal-collected-")
        env = production_env(Path(folder), DJANGO_STATIC_ROOT=folder)
        result = manage(env, "collectstatic", "--no-input")
        assert result.returncode == 0, result.stderr
        _static_root = folder
    return _static_root


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn(env, workers=1, threads=2, log=subprocess.DEVNULL):
    """Serve the site with gunicorn (gthread) on a free loopback port; yields its base URL."""
    env = {**env, "DJANGO_STATIC_ROOT": collected_static_root()}
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "opsportal.wsgi", "--bind", f"127.0.0.1:{port}"]
        + ["--workers", str(workers), "--threads", str(threads), "--worker-class", "gthread"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            # Any HTTP answer means the server is up: with production settings
            # /healthz may answer with a redirect to HTTPS, which is not followed.
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            try:
                connection.request("GET", "/healthz")
                connection.getresponse().read()
                break
            except OSError:
                time.sleep(0.2)
            finally:
                connection.close()
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
