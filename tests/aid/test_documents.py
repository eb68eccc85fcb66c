import io
import re
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from aid.models import AidDocument
from core.documents import DocumentFormat, detect_format, size_label
from tests.aid.factories import add_document, make_form

pytestmark = pytest.mark.django_db


def zip_bytes(parts):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return buffer.getvalue()


OFFICE_FILES = {
    DocumentFormat.DOCX: {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"},
    DocumentFormat.XLSX: {"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<x/>"},
    DocumentFormat.ODT: {"mimetype": "application/vnd.oasis.opendocument.text"},
    DocumentFormat.ODS: {"mimetype": "application/vnd.oasis.opendocument.spreadsheet"},
}


@pytest.mark.parametrize("expected", list(OFFICE_FILES))
def test_office_documents_are_recognised_by_their_parts_not_their_name(expected):
    file = ContentFile(zip_bytes(OFFICE_FILES[expected]), name="plik.pdf")
    assert detect_format(file) == expected


def test_an_html_page_named_pdf_is_refused():
    form = make_form()
    with pytest.raises(ValidationError) as error:
        add_document(form, content=b"<!doctype html><script>alert(1)</script>", name="a.pdf")
    assert "nie jest dokumentem PDF" in str(error.value)
    assert not AidDocument.objects.exists()


def test_a_plain_zip_is_refused():
    form = make_form()
    with pytest.raises(ValidationError):
        add_document(form, content=zip_bytes({"a.txt": "x"}), name="wniosek.docx")


def test_unknown_bytes_are_refused_even_when_saved_without_validation():
    form = make_form()
    document = AidDocument(form=form, title="Wniosek", file=ContentFile(b"MZ\x90", name="a.pdf"))
    with pytest.raises(ValidationError):
        document.save()


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.DOCUMENT_MAX_BYTES = 1024
    form = make_form()
    with pytest.raises(ValidationError) as error:
        add_document(form, content=b"%PDF-1.4\n" + b"0" * 2000)
    assert "za duży" in str(error.value)


def test_format_and_size_come_from_the_file_and_the_name_is_random():
    form = make_form()
    document = add_document(
        form, title="Wniosek o zasiłek", content=b"%PDF-1.4\n" + b"0" * 184 * 1024, name="x.doc"
    )
    assert document.file_format == DocumentFormat.PDF
    assert document.file_size == 184 * 1024 + 9
    assert document.label == "Wniosek o zasiłek (PDF, 184 KB)"
    assert re.fullmatch(r"pomoc/[0-9a-f]{32}\.pdf", document.file.name)
    assert document.download_name == "wniosek-o-zasilek.pdf"


def test_sizes_read_as_residents_expect():
    assert size_label(300) == "1 KB"
    assert size_label(184 * 1024) == "184 KB"
    assert size_label(int(1.25 * 1024 * 1024)) == "1,2 MB"


def test_the_page_links_each_document_with_its_type_format_size_and_note(client):
    form = make_form()
    document = add_document(
        form, title="Wniosek o zasiłek", accessibility_note="Skan — zadzwoń, przeczytamy go Tobie."
    )
    html = client.get(form.get_absolute_url()).content.decode()
    assert (
        f'<a href="{document.file.url}" type="application/pdf" '
        f'download="wniosek-o-zasilek.pdf">Wniosek o zasiłek</a> (PDF, 1 KB)'
    ) in html
    assert "Skan — zadzwoń, przeczytamy go Tobie." in html
