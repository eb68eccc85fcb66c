"""Files to download on the centre's pages: contact, accessibility statement and
information (tests.documents runs the checks)."""

import pytest
from django.urls import reverse

from centre import demo
from centre.models import CentreDocument, InformationDocument, StatementDocument
from tests import documents
from tests.centre.factories import make_centre, make_information, make_statement

pytestmark = pytest.mark.django_db


class TestContactPageDocuments(documents.DocumentPageTests):
    page = documents.DocumentPage(
        model=CentreDocument,
        owner_field="centre",
        make_owner=make_centre,
        page_url=lambda centre: reverse("centre:contact"),
        folder="dokumenty/osrodek",
    )


class TestAccessibilityStatementDocuments(documents.DocumentPageTests):
    page = documents.DocumentPage(
        model=StatementDocument,
        owner_field="statement",
        make_owner=make_statement,
        page_url=lambda statement: reverse("centre:accessibility"),
        folder="dokumenty/deklaracja",
    )


class TestInformationPageDocuments(documents.DocumentPageTests):
    page = documents.DocumentPage(
        model=InformationDocument,
        owner_field="information",
        make_owner=make_information,
        page_url=lambda information: reverse("centre:information"),
        folder="dokumenty/informacje",
    )


def test_the_demo_gives_the_contact_page_a_real_pdf_once():
    documents.check_the_demo_attaches_one_real_pdf(demo, CentreDocument)
