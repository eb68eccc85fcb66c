import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.deletion import RestrictedError
from django.utils import timezone

from communities.models import ActivitySite, CommunityArea, Event, Specialist, Street
from communities.streets import building_number, street_key
from tests.communities.factories import make_area, make_event, make_site

pytestmark = pytest.mark.django_db


def _refused(callable_):
    with pytest.raises(IntegrityError), transaction.atomic():
        callable_()


def test_event_cannot_end_before_it_starts():
    area = make_area()
    start = timezone.now()
    _refused(lambda: make_event(area, starts_at=start, hours=-1))


def test_event_may_end_when_it_starts():
    area = make_area()
    event = make_event(area, hours=0)
    assert event.ends_at == event.starts_at


def test_event_needs_a_site_or_a_place():
    area = make_area()
    start = timezone.now()
    _refused(
        lambda: Event.objects.create(
            area=area, title="x", slug="x", starts_at=start, ends_at=start, place=""
        )
    )


def test_event_constraint_errors_show_in_full_clean_in_polish():
    area = make_area()
    start = timezone.now()
    event = Event(area=area, title="x", slug="x", starts_at=start, ends_at=start - dt.timedelta(1))
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    messages = " ".join(error.value.messages)
    assert "Koniec wydarzenia nie może być wcześniej niż początek." in messages
    assert "Wybierz miejsce aktywności albo wpisz inne miejsce." in messages


@pytest.mark.parametrize(
    ("latitude", "longitude"),
    [("91", "22"), ("-90.5", "22"), ("50", "180.5"), ("50", "-181"), ("50", None), (None, "22")],
)
def test_site_coordinates_must_be_in_range_and_come_in_pairs(latitude, longitude):
    area = make_area()
    _refused(
        lambda: ActivitySite.objects.create(
            area=area,
            name="MAL",
            street_address="ul. Podleśna 2",
            city="Stalowa Wola",
            latitude=Decimal(latitude) if latitude else None,
            longitude=Decimal(longitude) if longitude else None,
        )
    )


def test_site_without_coordinates_is_allowed_and_has_no_map_link():
    site = make_site(make_area(), latitude=None, longitude=None)
    assert site.map_url == ""
    assert not site.has_coordinates


def test_street_number_range_must_be_ordered_and_complete():
    area = make_area()
    _refused(lambda: Street.objects.create(area=area, name="Podleśna", number_from=5, number_to=2))
    _refused(lambda: Street.objects.create(area=area, name="Podleśna", number_from=5))


def test_street_key_is_computed_on_save_without_diacritics_or_case():
    area = make_area()
    street = Street.objects.create(area=area, name="ul. Żółkiewskiego-Łąkowa")
    assert street.key == "zolkiewskiego lakowa"
    street.name = "Podleśna"
    street.save(update_fields=["name"])
    street.refresh_from_db()
    assert street.key == "podlesna"


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("Podleśna", "podlesna"),
        ("PODLESNA", "podlesna"),
        ("  ul.  Podleśna ", "podlesna"),
        ("1-go Sierpnia", "1 go sierpnia"),
        ("Aleja Łódzka", "lodzka"),
        ("ul.", "ul"),
    ],
)
def test_street_key_normalises_the_way_residents_type(typed, key):
    assert street_key(typed) == key


@pytest.mark.parametrize(
    ("typed", "number"),
    [("22", 22), ("22a", 22), (" 2 B ", 2), ("2/4", 2), ("x", None), ("", None)],
)
def test_building_number_takes_the_numeric_part(typed, number):
    assert building_number(typed) == number


def test_street_parity_limits_the_covered_numbers():
    area = make_area()
    even = Street.objects.create(area=area, name="A", number_from=2, number_to=10, side="even")
    assert even.covers(4)
    assert not even.covers(5)
    assert not even.covers(12)
    assert even.covers(None)


def test_area_slug_cannot_take_the_events_path():
    _refused(lambda: make_area(slug="wydarzenia"))


def test_event_slug_cannot_take_the_archive_path():
    area = make_area()
    _refused(lambda: make_event(area, slug="archiwum"))


def test_since_year_has_a_sane_range():
    _refused(lambda: make_area(since_year=1500))


def test_other_specialist_must_be_named():
    area = make_area()
    _refused(lambda: Specialist.objects.create(area=area, specialty="other", schedule="pn"))
    named = Specialist.objects.create(
        area=area, specialty="other", other_specialty="terapeuta zajęciowy", schedule="pn"
    )
    assert str(named) == "terapeuta zajęciowy"


def test_site_with_events_cannot_be_deleted_alone_but_goes_with_its_area():
    area = make_area()
    site = make_site(area)
    make_event(area, site=site)
    with pytest.raises(RestrictedError):
        site.delete()
    area.delete()
    assert not Event.objects.exists()


def test_published_querysets_hide_drafts_and_events_of_draft_areas():
    public = make_area()
    draft = make_area(published=False)
    shown = make_event(public)
    make_event(public, published=False)
    make_event(draft)
    assert list(CommunityArea.objects.published()) == [public]
    assert list(Event.objects.published()) == [shown]


def test_models_link_to_their_pages():
    area = make_area(slug="gutwin")
    site = make_site(area)
    event = make_event(area, slug="festyn")
    assert area.get_absolute_url() == "/osl/gutwin/"
    assert site.get_absolute_url() == f"/osl/gutwin/#mal-{site.pk}"
    assert event.get_absolute_url() == "/osl/wydarzenia/festyn/"
