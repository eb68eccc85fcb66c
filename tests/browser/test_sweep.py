"""Every public page, with demo content, through axe-core and the W3C Nu validator."""

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from tests.pages import public_pages

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture
def demo_pages():
    call_command("load_demo", stdout=io.StringIO())
    return public_pages()


OUTLINE_PROBLEMS = """() => {
    const problems = [];
    const levels = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1]);
    if (levels.filter(l => l === 1).length !== 1) problems.push('not exactly one h1');
    if (levels[0] !== 1) problems.push('the first heading is not the h1');
    levels.forEach((level, i) => {
        if (i && level > levels[i - 1] + 1) problems.push(`h${levels[i - 1]} then h${level}`);
    });
    const navs = document.querySelectorAll('nav');
    navs.forEach(nav => {
        const named = nav.getAttribute('aria-label') || nav.getAttribute('aria-labelledby');
        if (navs.length > 1 && !named) problems.push('a nav without a name');
    });
    for (const role of ['banner', 'main', 'contentinfo']) {
        const tag = {banner: 'header', main: 'main', contentinfo: 'footer'}[role];
        if (!document.querySelector(`body > ${tag}, [role=${role}]`)) problems.push(`no ${role}`);
    }
    return problems;
}"""


def test_every_public_page_has_no_axe_violations(live_server, page, axe, demo_pages):
    found = {}
    for path in demo_pages:
        response = page.goto(live_server.url + path)
        assert response.status < 500, path
        violations = axe(page)
        if violations:
            found[path] = violations
    assert found == {}


def test_every_public_page_has_an_ordered_outline_and_named_landmarks(
    live_server, page, demo_pages
):
    found = {}
    for path in demo_pages:
        page.goto(live_server.url + path)
        problems = page.evaluate(OUTLINE_PROBLEMS)
        if problems:
            found[path] = problems
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


@pytest.mark.parametrize(
    ("width", "scale"),
    [(320, 1), (640, 2)],  # a small phone; a 1280 px window at 200 % zoom
    ids=["320px", "zoom200"],
)
def test_every_public_page_fits_narrow_screens_without_horizontal_scrolling(
    live_server, chromium, demo_pages, width, scale
):
    context = chromium.new_context(
        viewport={"width": width, "height": 700}, device_scale_factor=scale, locale="pl-PL"
    )
    page = context.new_page()
    found = {}
    for path in demo_pages:
        page.goto(live_server.url + path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            found[path] = overflow
    context.close()
    assert found == {}
