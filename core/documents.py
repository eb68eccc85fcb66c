"""Documents to download (application forms, leaflets): checked by content, random names.

An editor's upload is untrusted bytes, and its name says nothing: an HTML page
renamed ``wniosek.pdf`` would open in the reader's browser from our domain.
A file is accepted only when its content is a PDF (``%PDF-``), or a ZIP
package whose parts make it a DOCX, XLSX (Office Open XML) or ODT, ODS
(OpenDocument). Its format and size are computed from the file when it is
saved and shown beside the link: "Wniosek o zasiłek (PDF, 184 KB)".
"""

import uuid
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.utils import formats
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core.text import fold

DEFAULT_MAX_BYTES = 10 * 1024 * 1024

# Opened ZIP packages are read only as far as their list of parts and the
# small ``mimetype`` part; a bomb that claims more than this is refused.
MAX_ZIP_PARTS = 5000
MAX_MIMETYPE_BYTES = 200


class DocumentFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "DOCX"
    ODT = "odt", "ODT"
    XLSX = "xlsx", "XLSX"
    ODS = "ods", "ODS"


MEDIA_TYPES = {
    DocumentFormat.PDF: "application/pdf",
    DocumentFormat.DOCX: (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    ),
    DocumentFormat.ODT: "application/vnd.oasis.opendocument.text",
    DocumentFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    DocumentFormat.ODS: "application/vnd.oasis.opendocument.spreadsheet",
}

_OPENDOCUMENT = {
    b"application/vnd.oasis.opendocument.text": DocumentFormat.ODT,
    b"application/vnd.oasis.opendocument.spreadsheet": DocumentFormat.ODS,
}


def max_bytes():
    return getattr(settings, "DOCUMENT_MAX_BYTES", DEFAULT_MAX_BYTES)


def size_label(size):
    """'184 KB', '1,2 MB': what residents on a phone plan need to know before downloading."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{formats.number_format(round(size / (1024 * 1024), 1), 1)} MB"


def _zip_format(file):
    try:
        with zipfile.ZipFile(file) as package:
            names = package.namelist()
            if len(names) > MAX_ZIP_PARTS:
                return None
            if "mimetype" in names:
                info = package.getinfo("mimetype")
                if info.file_size > MAX_MIMETYPE_BYTES:
                    return None
                return _OPENDOCUMENT.get(package.read("mimetype").strip())
            if "[Content_Types].xml" in names:
                if "word/document.xml" in names:
                    return DocumentFormat.DOCX
                if "xl/workbook.xml" in names:
                    return DocumentFormat.XLSX
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, KeyError, ValueError):
        return None
    return None


def detect_format(file):
    """The :class:`DocumentFormat` of ``file``'s content, or None."""
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    try:
        if head.startswith(b"%PDF-"):
            return DocumentFormat.PDF
        if head.startswith(b"PK\x03\x04"):
            return _zip_format(file)
        return None
    finally:
        file.seek(0)


def validate_document(file):
    """Validator for a model or form field: a PDF, DOCX, ODT, XLSX or ODS within the size limit."""
    limit = max_bytes()
    if file.size > limit:
        raise ValidationError(
            _("Plik jest za duży (%(size)s). Najwyżej %(limit)s."),
            code="document_too_large",
            params={"size": size_label(file.size), "limit": size_label(limit)},
        )
    if detect_format(file) is None:
        raise ValidationError(
            _(
                "Ten plik nie jest dokumentem PDF, DOCX, ODT, XLSX ani ODS albo jest uszkodzony. "
                "Zapisz go w jednym z tych formatów (np. „Zapisz jako PDF”) i dodaj ponownie."
            ),
            code="document_type",
        )


class DocumentField(models.FileField):
    """A FileField whose uploads are checked by content and stored under a random name.

    ``upload_to`` is the folder; the name is a random one with the extension of
    the format found in the file, whatever the uploader called it.
    """

    default_validators = [validate_document]

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            found = detect_format(file)
            if found is None:
                # Saved without full_clean(): refuse rather than store unknown bytes.
                validate_document(file)
            model_instance.file_format = found
            model_instance.file_size = file.size
            file.save(f"{uuid.uuid4().hex}.{found}", file.file, save=False)
        return super().pre_save(model_instance, add)


def document_upload_to(instance, filename):
    """The concrete model's ``upload_folder``; ``filename`` is already the random one."""
    return f"{instance.upload_folder}/{filename}"


class Document(models.Model):
    """A file to download with its format and size; the concrete model adds its owner
    and may name its ``upload_folder`` under MEDIA_ROOT."""

    upload_folder = "dokumenty"

    title = models.CharField(
        _("tytuł"), max_length=200, help_text=_("Np. „Wniosek o przyznanie zasiłku stałego”.")
    )
    file = DocumentField(
        _("plik"),
        upload_to=document_upload_to,
        max_length=200,
        help_text=_("PDF, DOCX, ODT, XLSX albo ODS."),
    )
    file_format = models.CharField(
        _("format"), max_length=4, choices=DocumentFormat.choices, editable=False
    )
    file_size = models.PositiveIntegerField(_("rozmiar w bajtach"), editable=False, default=0)
    accessibility_note = models.CharField(
        _("uwaga o dostępności"),
        max_length=200,
        blank=True,
        help_text=_(
            "Gdy plik nie jest w pełni dostępny, np. „skan — zadzwoń, przeczytamy go Tobie”."
        ),
    )
    order = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]
        verbose_name = _("plik do pobrania")
        verbose_name_plural = _("pliki do pobrania")

    def __str__(self):
        return self.title

    @property
    def format_label(self):
        return self.get_file_format_display()

    @property
    def size_label(self):
        return size_label(self.file_size)

    @property
    def label(self):
        """'Wniosek o zasiłek (PDF, 184 KB)'."""
        return f"{self.title} ({self.format_label}, {self.size_label})"

    @property
    def media_type(self):
        return MEDIA_TYPES.get(self.file_format, "application/octet-stream")

    @property
    def download_name(self):
        """A readable name for the saved file: 'wniosek-o-zasilek-staly.pdf'."""
        return f"{slugify(fold(self.title)) or 'dokument'}.{self.file_format}"


def _pdf_text(text):
    """ASCII for the standard PDF font: generated documents need no embedded font."""
    folded = text.translate(str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ„”—–", 'acelnoszzACELNOSZZ""--'))
    ascii_only = folded.encode("ascii", "replace").decode()
    return ascii_only.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def minimal_pdf(title, lines=()):
    """A valid one-page PDF 1.4 with a title and a few lines of text, as bytes.

    For the demo's documents and the tests': no files from outside are needed.
    """
    text_lines = [title, "", *lines]
    stream_lines = ["BT", "/F1 14 Tf", "56 780 Td", "18 TL"]
    for line in text_lines:
        stream_lines.append(f"({_pdf_text(line)}) Tj T*")
    stream_lines.append("ET")
    stream = "\n".join(stream_lines).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Title (" + _pdf_text(title).encode() + b") /Producer (opsportal demo) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def ensure_document(documents, title, lines=()):
    """Attach a generated PDF titled ``title`` through ``documents``, an owner's related
    manager (``project.documents``), unless one of that title is there: the demo
    loads again without piling up files."""
    if not documents.filter(title=title).exists():
        pdf = minimal_pdf(title, lines)
        documents.create(title=title, file=ContentFile(pdf, name="dokument.pdf"))
