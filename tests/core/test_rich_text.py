"""Editor text becomes links and paragraphs through the one nh3 filter, and nothing else."""

import pytest
from django.urls import reverse

from core.templatetags.rich_text import render_rich_text
from tests.projects.factories import make_project


def test_web_addresses_become_links_with_nofollow_noopener():
    html = render_rich_text(
        "Zapisy: https://ops.example.pl/zapisy?a=1&b=2 albo www.ops.example.pl."
    )
    assert '<a href="https://ops.example.pl/zapisy?a=1&amp;b=2" rel="nofollow noopener">' in html
    assert (
        '<a href="http://www.ops.example.pl" rel="nofollow noopener">www.ops.example.pl</a>.'
        in html
    )


def test_email_becomes_mailto_link():
    html = render_rich_text("Pisz na biuro@ops.example.pl")
    assert (
        '<a href="mailto:biuro@ops.example.pl" rel="nofollow noopener">biuro@ops.example.pl</a>'
        in html
    )


@pytest.mark.parametrize(
    ("number", "href"),
    [
        ("(22) 724 97 92", "tel:+48227249792"),
        ("22 724 97 92", "tel:+48227249792"),
        ("+48 600 123 456", "tel:+48600123456"),
        ("600-123-456", "tel:+48600123456"),
    ],
)
def test_polish_phone_numbers_become_tel_links(number, href):
    html = render_rich_text(f"Zadzwoń: {number}.")
    assert f'<a href="{href}" rel="nofollow noopener">{number}</a>.' in html


def test_numbers_inside_an_address_are_not_linked_twice():
    html = render_rich_text("https://ops.example.pl/22-724-97-92")
    assert html.count("<a ") == 1


def test_blank_lines_make_paragraphs_and_single_newlines_breaks():
    html = render_rich_text("Pierwszy akapit\ndruga linia\n\nDrugi akapit")
    assert html == "<p>Pierwszy akapit<br>druga linia</p>\n\n<p>Drugi akapit</p>"


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        '<a href="javascript:alert(1)">kliknij</a>',
        "<b onmouseover=alert(1)>gruby</b>",
    ],
)
def test_html_typed_by_an_editor_stays_text(payload):
    html = render_rich_text(payload)
    assert "<script" not in html
    assert "<img" not in html
    assert "<b" not in html
    assert '<a href="javascript' not in html
    assert "&lt;" in html


def test_javascript_url_is_not_made_a_link():
    html = render_rich_text("javascript:alert(1) and JAVASCRIPT://x%0Aalert(1)")
    assert "<a" not in html


def test_empty_text_renders_nothing():
    assert render_rich_text("") == ""
    assert render_rich_text(None) == ""


@pytest.mark.django_db
def test_how_to_join_links_on_the_project_page(client):
    project = make_project(
        how_to_join="Zgłoszenia: https://ops.example.pl/zapisy, tel. 22 724 97 92 "
        "<script>x()</script>"
    )
    response = client.get(reverse("projects:detail", args=[project.slug]))
    content = response.content.decode()
    assert '<a href="https://ops.example.pl/zapisy" rel="nofollow noopener">' in content
    assert '<a href="tel:+48227249792" rel="nofollow noopener">22 724 97 92</a>' in content
    assert "<script>x()</script>" not in content
    assert "&lt;script&gt;x()&lt;/script&gt;" in content
