"""Files to download on a community area's page (tests.documents runs the checks)."""

import pytest

from communities import demo
from communities.models import AreaDocument
from tests import documents
from tests.communities.factories import make_area

pytestmark = pytest.mark.django_db


class TestAreaDocuments(documents.DocumentPageTests):
    page = documents.DocumentPage(
        model=AreaDocument,
        owner_field="area",
        make_owner=make_area,
        page_url=lambda area: area.get_absolute_url(),
        folder="dokumenty/osl",
    )


def test_the_demo_gives_one_area_a_real_pdf_once():
    documents.check_the_demo_attaches_one_real_pdf(demo, AreaDocument)
