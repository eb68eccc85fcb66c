import io

import pytest
from django.core.management import call_command

from aid.models import AidDocument, FormOfHelp, IncomeCriterion
from centre.models import Unit
from core.documents import DocumentFormat, detect_format

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo", stdout=io.StringIO())


def test_demo_has_at_least_twelve_published_forms_each_with_a_pdf_to_download(demo):
    forms = FormOfHelp.objects.published()
    assert forms.count() >= 12
    for form in forms:
        documents = list(form.documents.all())
        assert documents, form.slug
        for document in documents:
            assert document.file_format == DocumentFormat.PDF
            with document.file.open("rb") as file:
                assert detect_format(file) == DocumentFormat.PDF
                assert file.read().rstrip().endswith(b"%%EOF")


def test_demo_forms_name_their_legal_basis_and_violence_at_home_is_sensitive(demo):
    for form in FormOfHelp.objects.all():
        assert "art." in form.legal_basis.lower(), form.slug
    assert FormOfHelp.objects.get(slug="niebieska-karta").is_sensitive
    assert FormOfHelp.objects.get(slug="interwencja-kryzysowa").is_sensitive
    assert not FormOfHelp.objects.get(slug="zasilek-staly").is_sensitive
    assert "Art. 37" in FormOfHelp.objects.get(slug="zasilek-staly").legal_basis


def test_demo_criterion_is_the_2025_one(demo):
    criterion = IncomeCriterion.objects.get()
    assert str(criterion.effective_from) == "2025-01-01"
    assert criterion.single_person == 1010
    assert criterion.per_person_in_family == 823
    assert "Dz.U. 2024 poz. 1044" in criterion.legal_basis


def test_demo_has_three_units_with_their_own_hours_one_open_on_saturday_morning(demo):
    units = list(Unit.objects.with_details())
    assert len(units) == 3
    saturdays = [unit for unit in units if any(row.weekday == 5 for row in unit.hours.all())]
    assert len(saturdays) == 1
    assert min(row.opens.hour for row in saturdays[0].hours.all() if row.weekday == 5) < 12


def test_load_demo_twice_changes_nothing(demo):
    before = (
        FormOfHelp.objects.count(),
        AidDocument.objects.count(),
        IncomeCriterion.objects.count(),
        Unit.objects.count(),
    )
    call_command("load_demo", stdout=io.StringIO())
    after = (
        FormOfHelp.objects.count(),
        AidDocument.objects.count(),
        IncomeCriterion.objects.count(),
        Unit.objects.count(),
    )
    assert after == before
