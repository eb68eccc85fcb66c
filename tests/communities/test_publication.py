"""Areas and events follow core.publication: status in the admin, messages after saving,
the actions, pages that change by the clock, and the migration from the old flags."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from communities.models import CommunityArea, Event
from tests.communities.factories import make_area, make_event
from tests.publication import (
    LEAD,
    cached_page_follows_the_clock,
    changelist_shows_each_status,
    drafts_when_none,
    editor_at_noon,
    messages_of,
    migrate,
    migrate_to_latest,
)

pytestmark = pytest.mark.django_db

WARSAW = ZoneInfo("Europe/Warsaw")
AREAS = "/admin/communities/communityarea/"
EVENTS = "/admin/communities/event/"


@pytest.fixture
def editor(client, clock):
    return editor_at_noon(client, clock)


def test_the_area_list_shows_each_status_in_words(editor, clock):
    changelist_shows_each_status(editor, AREAS, drafts_when_none(make_area), clock.now)


def test_the_event_list_shows_each_status_in_words(editor, clock):
    area = make_area()
    make = drafts_when_none(lambda **fields: make_event(area, **fields))
    changelist_shows_each_status(editor, EVENTS, make, clock.now)


def event_form(area, **overrides):
    return {
        "area": area.pk,
        "title": "Festyn sąsiedzki",
        "slug": "festyn-sasiedzki",
        "starts_at_0": "2026-12-05",
        "starts_at_1": "15:00",
        "ends_at_0": "2026-12-05",
        "ends_at_1": "18:00",
        "site": "",
        "place": "boisko przy ul. Podleśnej",
        "description": "",
        "published_at_0": "",
        "published_at_1": "",
        "expires_at_0": "",
        "expires_at_1": "",
        **overrides,
    }


def test_a_new_event_without_a_moment_is_said_to_be_a_hidden_draft(editor):
    response = editor.post(f"{EVENTS}add/", event_form(make_area()), follow=True)
    assert messages_of(response) == [
        "Wydarzenie „Festyn sąsiedzki” zostało zapisane. Jest szkicem i nie jest widoczne. "
        "Aby je opublikować, wpisz początek publikacji albo użyj akcji „Opublikuj” na "
        "liście wydarzeń."
    ]


def test_a_published_event_in_a_draft_area_says_residents_will_not_see_it(editor):
    area = make_area(name="Osiedle Fabryczne", published=False)
    response = editor.post(
        f"{EVENTS}add/",
        event_form(area, published_at_0="2026-11-30", published_at_1="11:00"),
        follow=True,
    )
    assert messages_of(response) == [
        "Wydarzenie „Festyn sąsiedzki” zostało zapisane. Jest widoczne na stronie. "
        "Obszar „Osiedle Fabryczne (Stalowa Wola)” jest jednak szkicem, więc mieszkańcy nie "
        "zobaczą wydarzenia, dopóki obszar nie zostanie opublikowany."
    ]
    assert not Event.objects.published().exists()


def test_scheduling_an_area_says_from_when_and_until_when(editor):
    area = make_area(name="Gutwin", city="Ostrowiec Świętokrzyski", published=False)
    data = {
        "name": "Gutwin",
        "slug": area.slug,
        "city": "Ostrowiec Świętokrzyski",
        "summary": "",
        "description": "",
        "published_at_0": "2026-12-01",
        "published_at_1": "8:00",
        "expires_at_0": "2027-01-31",
        "expires_at_1": "16:00",
        "since_year": "",
        "social_url": "",
        "social_label": "",
        "order": "0",
    }
    for prefix in ("streets", "sites", "initiatives", "specialists", "documents"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    response = editor.post(f"{AREAS}{area.pk}/change/", data, follow=True)
    assert messages_of(response) == [
        "Obszar OSL „Gutwin (Ostrowiec Świętokrzyski)” został zapisany. "
        "Mieszkańcy zobaczą go od 1 grudnia, 8:00 do 31 stycznia 2027, 16:00."
    ]


def test_publish_starts_draft_events_now_and_withdraw_hides_areas(editor, clock):
    area = make_area()
    draft = make_event(area, published=False)
    response = editor.post(
        EVENTS, {"action": "publish", "_selected_action": [draft.pk]}, follow=True
    )
    assert messages_of(response) == ["Opublikowano 1 wydarzenie — od tej chwili na stronie."]
    draft.refresh_from_db()
    assert draft.published_at == clock.now
    response = editor.post(
        AREAS, {"action": "withdraw", "_selected_action": [area.pk]}, follow=True
    )
    assert messages_of(response) == [
        "Wycofano 1 obszar OSL do szkiców. Mieszkańcy nie widzą szkiców."
    ]
    assert not Event.objects.published().exists()


def _shows(text):
    return lambda response: response.status_code == 200 and text in response.text


@pytest.mark.parametrize(
    "path", ["/osl/", "/osl/o-swicie/", "/osl/o-swicie/ulotka/", "/sitemap.xml", "/"]
)
def test_a_scheduled_area_appears_at_its_moment_on_cached_pages(client, centre, clock, path):
    make_area(name="Osiedle o świcie", slug="o-swicie", published_at=clock.now + LEAD)
    cached_page_follows_the_clock(client, clock, path, _shows("/osl/o-swicie/"))


@pytest.mark.parametrize(
    "path",
    [
        "/osl/wydarzenia/",
        "/osl/wydarzenia/festyn-o-swicie/",
        "/osl/wydarzenia.ics",
        "/osl/wydarzenia/rss/",
        "/osl/dzielnica/",
        "/sitemap.xml",
        "/",
    ],
)
def test_a_scheduled_event_appears_at_its_moment_on_cached_pages(client, centre, clock, path):
    area = make_area(slug="dzielnica")
    make_event(area, slug="festyn-o-swicie", title="Festyn o świcie", published_at=clock.now + LEAD)
    marker = "Festyn o świcie" if path.endswith(".ics") else "festyn-o-swicie"
    cached_page_follows_the_clock(client, clock, path, _shows(marker))


@pytest.mark.parametrize("path", ["/osl/wydarzenia/", "/osl/wydarzenia/festyn-do-poludnia/"])
def test_an_events_area_ending_takes_the_event_off_cached_pages(client, centre, clock, path):
    area = make_area(expires_at=clock.now + LEAD)
    make_event(area, slug="festyn-do-poludnia")
    cached_page_follows_the_clock(client, clock, path, _shows("festyn-do-poludnia"), appears=False)


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_what_residents_saw():
    old = migrate(("communities", "0007_phone_extension"))
    OldArea = old.get_model("communities", "CommunityArea")
    OldEvent = old.get_model("communities", "Event")
    shown = OldArea.objects.create(name="Jawne", slug="jawne", city="X", published=True)
    OldArea.objects.create(name="Szkic", slug="szkic", city="X", published=False)
    start = dt.datetime(2026, 6, 1, 15, 0, tzinfo=dt.UTC)
    for slug, published in (("jawne", True), ("ukryte", False)):
        OldEvent.objects.create(
            area=shown,
            slug=slug,
            title=slug,
            starts_at=start,
            ends_at=start,
            place="boisko",
            published=published,
        )
    try:
        new = migrate(("communities", "0008_publication_moments"))
        areas = new.get_model("communities", "CommunityArea").objects
        events = new.get_model("communities", "Event").objects
        assert set(areas.filter(published_at__isnull=False).values_list("slug", flat=True)) == {
            "jawne"
        }
        assert areas.get(slug="szkic").published_at is None
        created = dict(events.values_list("slug", "created_at"))
        assert dict(events.values_list("slug", "published_at")) == {
            "jawne": created["jawne"],
            "ukryte": None,
        }
    finally:
        migrate_to_latest()
    assert CommunityArea.objects.count() == 2
