"""Backups restore into an empty database and the site renders from them.

Each database here is a fresh one in separate processes, as a real restore
would be; the commands are the ones README.md documents.
"""

import os
import subprocess
import sys
import uuid

import pytest
from django.db import connection

from tests.production import ROOT, STRONG_KEY

DUMPDATA = [
    "dumpdata",
    "--natural-foreign",
    "--natural-primary",
    "--exclude",
    "contenttypes",
    "--exclude",
    "auth.permission",
    "--exclude",
    "sessions",
]
RENDER = """
from django.test import Client
from projects.models import Project
from communities.models import CommunityArea
client = Client()
project = Project.objects.published().order_by("slug").first()
area = CommunityArea.objects.published().order_by("slug").first()
for url in ("/", project.get_absolute_url(), area.get_absolute_url()):
    response = client.get(url)
    print(response.status_code, url)
print("TITLE", project.title)
print("AREA", area.name)
"""


def environment(database_url):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="opsportal.settings",
        DJANGO_SECRET_KEY=STRONG_KEY,
        DJANGO_ALLOWED_HOSTS="testserver",
        DJANGO_SECURE_SSL_REDIRECT="0",
        # Debug serves static names without the collectstatic manifest, which
        # has nothing to do with restoring data.
        DJANGO_DEBUG="1",
        DATABASE_URL=database_url,
    )
    return env


def run(env, *args, stdout=None):
    result = subprocess.run(
        args,
        cwd=ROOT,
        env=env,
        stdout=stdout or subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def manage(env, *args, **kwargs):
    return run(env, sys.executable, "manage.py", *args, **kwargs)


def render(env):
    output = run(env, sys.executable, "-c", "import django; django.setup()\n" + RENDER)
    lines = output.strip().splitlines()
    statuses = [line for line in lines if line[:3].isdigit()]
    assert [line.split()[0] for line in statuses] == ["200", "200", "200"], output
    return lines[-2:]


def test_dumpdata_restores_into_an_empty_database_and_the_site_renders(tmp_path):
    source = environment(f"sqlite:///{tmp_path / 'source.sqlite3'}")
    manage(source, "migrate", "--no-input")
    manage(source, "load_demo")
    dump = tmp_path / "opsportal.json"
    manage(source, *DUMPDATA, "--output", str(dump))
    assert dump.stat().st_size > 10_000

    restored = environment(f"sqlite:///{tmp_path / 'restored.sqlite3'}")
    manage(restored, "migrate", "--no-input")
    manage(restored, "loaddata", str(dump))
    assert render(restored) == render(source)


@pytest.mark.postgres
@pytest.mark.django_db
def test_pg_dump_restores_into_an_empty_database_and_the_site_renders(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL=postgres://…)")
    settings = connection.settings_dict
    server = f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}"
    names = [f"opsportal_backup_{uuid.uuid4().hex[:8]}" for _ in range(2)]
    plain = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    for name in names:
        run(
            plain,
            "createdb",
            "-h",
            settings["HOST"],
            "-p",
            str(settings["PORT"]),
            "-U",
            settings["USER"],
            name,
        )
    try:
        source = environment(f"{server}/{names[0]}")
        manage(source, "migrate", "--no-input")
        manage(source, "load_demo")
        dump = tmp_path / "opsportal.dump"
        run(
            plain,
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--file",
            str(dump),
            f"{server}/{names[0]}",
        )
        run(plain, "pg_restore", "--no-owner", f"--dbname={server}/{names[1]}", str(dump))
        assert render(environment(f"{server}/{names[1]}")) == render(source)
    finally:
        for name in names:
            subprocess.run(
                [
                    "dropdb",
                    "--if-exists",
                    "-h",
                    settings["HOST"],
                    "-p",
                    str(settings["PORT"]),
                    "-U",
                    settings["USER"],
                    name,
                ],
                capture_output=True,
                timeout=60,
            )
