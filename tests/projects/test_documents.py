"""Files to download on a project's page (tests.documents runs the checks)."""

import pytest

from projects import demo
from projects.models import ProjectDocument
from tests import documents
from tests.projects.factories import make_project

pytestmark = pytest.mark.django_db


class TestProjectDocuments(documents.DocumentPageTests):
    page = documents.DocumentPage(
        model=ProjectDocument,
        owner_field="project",
        make_owner=make_project,
        page_url=lambda project: project.get_absolute_url(),
        folder="dokumenty/projekty",
    )


def test_the_demo_gives_one_project_a_real_pdf_once():
    documents.check_the_demo_attaches_one_real_pdf(demo, ProjectDocument)
