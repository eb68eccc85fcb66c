"""Leaflets in Chromium: one A4 page each, a QR code a reader decodes, the print button."""

import io

import pytest
import zxingcpp
from django.core.management import call_command
from PIL import Image
from pypdf import PdfReader

from aid.models import FormOfHelp
from communities.models import CommunityArea

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo():
    call_command("load_demo", stdout=io.StringIO())


def leaflet_paths():
    areas = CommunityArea.objects.published().order_by("pk")
    forms = FormOfHelp.objects.published().order_by("pk")
    return [f"{record.get_absolute_url()}ulotka/" for record in [*areas, *forms]]


def test_the_leaflet_of_every_demo_area_and_form_of_help_prints_on_one_a4_page(
    live_server, page, demo
):
    paths = leaflet_paths()
    assert len(paths) >= 10
    pages = {}
    for path in paths:
        page.goto(live_server.url + path)
        pages[path] = len(PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    assert pages == dict.fromkeys(paths, 1)


@pytest.mark.parametrize("kind", [CommunityArea, FormOfHelp])
def test_the_qr_code_on_the_leaflet_decodes_to_the_page_url(live_server, page, demo, kind):
    record = kind.objects.published().order_by("pk").first()
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{live_server.url}{record.get_absolute_url()}ulotka/")

    shot = page.locator("svg.qr-code").screenshot()
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(shot)))

    assert [code.text for code in found] == [live_server.url + record.get_absolute_url()]
    assert page.get_by_role("img", name=f"Kod QR prowadzący do strony {found[0].text}").count() == 1


def test_print_button_calls_the_browser_print_and_the_hint_shows_without_javascript(
    live_server, chromium, page, demo
):
    path = leaflet_paths()[0]
    page.add_init_script("window.print = () => { window.printed = true; };")
    page.goto(live_server.url + path)
    hint = page.get_by_text("Użyj polecenia Drukuj w przeglądarce (Ctrl+P).")
    assert hint.is_hidden()
    page.get_by_role("button", name="Drukuj").click()
    assert page.evaluate("window.printed") is True

    context = chromium.new_context(locale="pl-PL", java_script_enabled=False)
    try:
        plain = context.new_page()
        plain.goto(live_server.url + path)
        assert plain.get_by_text("Użyj polecenia Drukuj w przeglądarce (Ctrl+P).").is_visible()
        assert plain.get_by_role("button", name="Drukuj").count() == 0
    finally:
        context.close()
