"""Every public page, with demo content, through axe-core and the W3C Nu validator."""

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def public_pages():
    """The URL of every kind of public page, for the demo content."""
    from communities.models import CommunityArea, Event
    from projects.models import Partner, Project, TargetGroup
    from survey.models import Poll

    project = Project.objects.published().order_by("pk").first()
    group = TargetGroup.objects.order_by("pk").first()
    partner = Partner.objects.order_by("pk").first()
    area = CommunityArea.objects.published().order_by("pk").first()
    event = Event.objects.published().order_by("starts_at").first()
    poll = Poll.objects.published().order_by("pk").first()
    street = area.streets.order_by("pk").first()
    return [
        "/",
        "/kontakt/",
        "/projekty/",
        f"/projekty/?status=ongoing&grupa={group.slug}&partner={partner.slug}&q=a",
        "/projekty/?status=nieznany",
        "/projekty/?page=2",
        project.get_absolute_url(),
        "/osl/",
        f"/osl/?ulica={street.name}",
        "/osl/?ulica=Nieistniejąca",
        area.get_absolute_url(),
        "/osl/wydarzenia/",
        "/osl/wydarzenia/archiwum/",
        event.get_absolute_url(),
        "/ankieta/",
        poll.get_absolute_url(),
        f"{poll.get_absolute_url()}wyniki/",
        "/deklaracja-dostepnosci/",
        "/informacje/",
        "/polityka-prywatnosci/",
        "/nie-ma-takiej-strony/",
    ]


@pytest.fixture
def demo_pages():
    call_command("load_demo", stdout=io.StringIO())
    return public_pages()


def test_every_public_page_has_no_axe_violations(live_server, page, axe, demo_pages):
    found = {}
    for path in demo_pages:
        response = page.goto(live_server.url + path)
        assert response.status < 500, path
        violations = axe(page)
        if violations:
            found[path] = violations
    assert found == {}


def test_every_public_page_is_valid_html(demo_pages, tmp_path):
    java = shutil.which("java")
    if java is None or not VNU_JAR.exists():
        pytest.skip(
            "the Nu validator needs Java and node_modules/vnu-jar (make test installs them)"
        )
    client = Client()
    files = {}
    for number, path in enumerate(demo_pages):
        response = client.get(path)
        assert response.status_code in (200, 404), path
        target = tmp_path / f"page{number}.html"
        target.write_bytes(response.content)
        files[target.name] = path
    result = subprocess.run(
        [
            java,
            "-Xss8m",
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            *map(str, tmp_path.glob("*.html")),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{files.get(m.get('url', '').rsplit('/', 1)[-1])}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error"
    ]
    assert errors == []
