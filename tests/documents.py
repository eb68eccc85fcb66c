"""Shared checks for pages that carry files to download (core.documents): the admin's
inline, the public list, how a file is served, the page cache and versions."""

import io
from collections.abc import Callable
from dataclasses import dataclass

import reversion
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse
from django.views.static import serve
from pypdf import PdfReader
from reversion.models import Version

from core.documents import DocumentFormat, minimal_pdf
from news.models import NewsDocument
from tests.news.factories import make_news
from tests.web.adminforms import as_post_data, form_fields

# An HTML page renamed: it would run in the reader's browser from our domain.
HTML_NAMED_PDF = b"<!doctype html><script>alert(document.cookie)</script>"
# 184 KB of PDF, for "(PDF, 184 KB)".
PDF_184_KB = b"%PDF-1.4\n" + b"0" * (184 * 1024 - 9)


def attach(model, title="Regulamin naboru", content=None, name="regulamin.pdf", **owner):
    """A saved ``model`` document of ``owner`` (e.g. ``project=…``), checked as the admin does."""
    document = model(
        title=title, file=ContentFile(content or minimal_pdf(title), name=name), **owner
    )
    document.full_clean()
    document.save()
    return document


def add_through_admin(client, change_url, content, name="wniosek.pdf", title="Wniosek"):
    """Open a change form, add one document in its inline and save, as an editor would."""
    page = client.get(change_url)
    assert page.status_code == 200, change_url
    data = as_post_data(form_fields(page.content.decode()))
    data.update(
        {
            "documents-TOTAL_FORMS": ["1"],
            "documents-0-order": ["0"],
            "documents-0-title": [title],
            "documents-0-accessibility_note": [""],
            "documents-0-file": SimpleUploadedFile(name, content),
        }
    )
    return client.post(change_url, data)


def check_an_html_page_named_pdf_is_refused_in_the_admin(client, change_url, model):
    response = add_through_admin(client, change_url, HTML_NAMED_PDF)
    assert response.status_code == 200
    assert "nie jest dokumentem PDF" in response.content.decode()
    assert not model.objects.exists()


def check_a_pdf_added_in_the_admin_is_listed_on_the_page(client, change_url, page_url):
    response = add_through_admin(client, change_url, PDF_184_KB, title="Wniosek o udział")
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    html = client.get(page_url).content.decode()
    assert "Pliki do pobrania" in html
    assert "Wniosek o udział</a> (PDF, 184 KB)" in html


def check_the_page_lists_the_document_with_format_size_and_download_name(client, page_url, doc):
    html = client.get(page_url).content.decode()
    assert '<h2 id="pliki">Pliki do pobrania</h2>' in html
    assert (
        f'<a href="{doc.file.url}" type="application/pdf" download="{doc.download_name}">'
        f"{doc.title}</a> (PDF, 184 KB)"
    ) in html


def check_a_page_without_documents_has_no_documents_section(client, page_url):
    assert "Pliki do pobrania" not in client.get(page_url).content.decode()


def _served(document):
    # django.views.static.serve is what serves MEDIA_URL in development; in
    # production the reverse proxy's file server does the same from the name.
    request = RequestFactory().get(document.file.url)
    return serve(request, document.file.name, document_root=settings.MEDIA_ROOT)


def check_the_file_is_served_as_news_documents_are(document):
    news_document = attach(NewsDocument, content=PDF_184_KB, item=make_news())
    served, news_served = _served(document), _served(news_document)
    assert served["Content-Type"] == news_served["Content-Type"] == "application/pdf"
    # The same disposition, naming the stored file; the link's download
    # attribute gives the reader's copy its readable name.
    for response, stored in ((served, document), (news_served, news_document)):
        basename = stored.file.name.rsplit("/", 1)[-1]
        assert response["Content-Disposition"] == f'inline; filename="{basename}"'
    assert b"".join(served.streaming_content) == PDF_184_KB
    assert document.file.name.endswith(".pdf")
    assert document.download_name == "regulamin-naboru.pdf"


def check_a_new_document_shows_on_the_cached_page_at_once(client, page_url, add_document):
    assert "Pliki do pobrania" not in client.get(page_url).content.decode()
    add_document()
    assert "Regulamin naboru" in client.get(page_url).content.decode()


def check_restoring_a_version_brings_back_its_documents(owner, document):
    with reversion.create_revision():
        owner.save()
    name = document.file.name
    type(document).objects.filter(pk=document.pk).delete()
    Version.objects.get_for_object(owner).first().revision.revert(delete=True)
    restored = type(document).objects.get(pk=document.pk)
    assert restored.file.name == name
    assert restored.file.storage.exists(name)


def check_the_demo_attaches_one_real_pdf(demo, model):
    """``demo.load`` twice: one document, a PDF a reader opens, not two copies."""
    for _ in range(2):
        demo.load(scale=0, stdout=io.StringIO())
    (document,) = model.objects.all()
    with document.file.open("rb") as file:
        data = file.read()
    assert document.file_format == DocumentFormat.PDF
    assert len(PdfReader(io.BytesIO(data)).pages) == 1


@dataclass(frozen=True)
class DocumentPage:
    """A public page with files to download, as its app's tests describe it."""

    model: type  # the concrete core.documents.Document
    owner_field: str  # its foreign key to the page's record
    make_owner: Callable  # () -> the record, visible to residents
    page_url: Callable  # (record) -> the public page
    folder: str  # where the files are stored under MEDIA_ROOT

    def admin_url(self, owner):
        opts = owner._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[owner.pk])

    def attach(self, owner, **fields):
        return attach(self.model, **{self.owner_field: owner}, **fields)


class DocumentPageTests:
    """The checks every page with files runs; a subclass named Test… sets ``page``."""

    page: DocumentPage

    def test_an_html_page_named_pdf_is_refused_in_the_admin(self, admin_client):
        owner = self.page.make_owner()
        check_an_html_page_named_pdf_is_refused_in_the_admin(
            admin_client, self.page.admin_url(owner), self.page.model
        )

    def test_a_pdf_added_in_the_admin_is_listed_on_the_page(self, admin_client):
        owner = self.page.make_owner()
        check_a_pdf_added_in_the_admin_is_listed_on_the_page(
            admin_client, self.page.admin_url(owner), self.page.page_url(owner)
        )

    def test_the_page_lists_its_files_with_format_size_and_download_name(self, client):
        owner = self.page.make_owner()
        document = self.page.attach(owner, content=PDF_184_KB)
        check_the_page_lists_the_document_with_format_size_and_download_name(
            client, self.page.page_url(owner), document
        )

    def test_a_page_without_files_has_no_files_section(self, client):
        check_a_page_without_documents_has_no_documents_section(
            client, self.page.page_url(self.page.make_owner())
        )

    def test_a_file_is_served_as_news_documents_are(self):
        document = self.page.attach(self.page.make_owner(), content=PDF_184_KB)
        check_the_file_is_served_as_news_documents_are(document)
        assert document.file.name.startswith(f"{self.page.folder}/")

    def test_a_new_file_shows_on_the_cached_page_at_once(self, client):
        owner = self.page.make_owner()
        check_a_new_document_shows_on_the_cached_page_at_once(
            client, self.page.page_url(owner), lambda: self.page.attach(owner)
        )

    def test_restoring_a_version_brings_back_its_files(self):
        owner = self.page.make_owner()
        check_restoring_a_version_brings_back_its_documents(owner, self.page.attach(owner))
