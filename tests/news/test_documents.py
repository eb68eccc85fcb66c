"""Files attached to a news item: checked by content, listed with their format and size."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from news.models import NewsDocument
from tests.news.factories import make_news

pytestmark = pytest.mark.django_db


def attach(item, content, name="ogloszenie.pdf", title="Regulamin naboru"):
    document = NewsDocument(item=item, title=title, file=ContentFile(content, name=name))
    document.full_clean()
    document.save()
    return document


def test_an_items_page_lists_its_files_with_format_and_size(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    item = make_news("Nabór do klubu")
    attach(item, b"%PDF-1.4\n" + b"0" * 184 * 1024)
    html = client.get(item.get_absolute_url()).content.decode()
    assert "Pliki do pobrania" in html
    assert "Regulamin naboru</a> (PDF, 184 KB)" in html
    assert 'type="application/pdf"' in html


def test_an_html_page_named_pdf_is_refused_for_a_news_item(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    item = make_news("Nabór do klubu")
    with pytest.raises(ValidationError):
        attach(item, b"<!doctype html><script>alert(1)</script>")
    assert not NewsDocument.objects.exists()


def test_an_item_without_files_has_no_files_section(client):
    item = make_news("Zmiana godzin klubu")
    assert "Pliki do pobrania" not in client.get(item.get_absolute_url()).content.decode()
