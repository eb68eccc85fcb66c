"""The admin's start page, "Co wymaga uwagi": each line for the right record, linking to
it, gone once the matter is fixed; Polish plurals; only what the user may change; a
bounded number of queries."""

import datetime as dt
import html
import re
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from centre.models import (
    AccessibilityStatement,
    CentreSpecialDay,
    Unit,
    UnitSpecialDay,
    statement_review_due,
)
from communities.models import SiteSpecialDay
from core.attention import collect, matters, summary
from core.publication import Publication
from opsportal.management.commands.setup_roles import EDITORS_GROUP
from projects.models import Project, ProjectStatus
from tests.centre.factories import add_special_day
from tests.communities.factories import make_area, make_event, make_site
from tests.news.factories import DRAFT, make_news
from tests.projects.factories import make_project
from tests.survey.factories import make_poll

pytestmark = pytest.mark.django_db

WARSAW = ZoneInfo("Europe/Warsaw")
LINE = re.compile(r'<li><a href="([^"]+)">([^<]*)</a> — ([^<]*)</li>')


@pytest.fixture
def editor(db):
    call_command("setup_roles", stdout=None)
    user = get_user_model().objects.create_user("redaktorka", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def attention_lines(client):
    """{group key: [(url, label, note), …]} of the start page."""
    response = client.get("/admin/")
    assert response.status_code == 200
    page = response.content.decode()
    section = page.split('<section class="attention"', 1)[1].split("</section>", 1)[0]
    groups = {}
    for chunk in section.split('<div class="module attention-group" id="uwaga-')[1:]:
        key = chunk.split('"', 1)[0]
        groups[key] = [
            tuple(html.unescape(part) for part in match) for match in LINE.findall(chunk)
        ]
    return groups


def find(client, group, label):
    return [line for line in attention_lines(client).get(group, []) if line[1] == label]


def change_url(obj):
    return f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/"


def publish(obj):
    """Make ``obj`` visible to residents, whichever way its model says so."""
    if isinstance(obj, Publication):
        obj.publish()
    else:
        obj.published = True
    obj.save()


def make_unit(**fields):
    defaults = {
        "name": "Dział Świadczeń",
        "slug": "dzial-swiadczen",
        "street_address": "ul. Przykładowa 2",
        "postal_code": "00-001",
        "city": "Testów",
    }
    return Unit.objects.create(**{**defaults, **fields})


def test_closures_and_changed_hours_of_the_next_two_weeks(clock, centre, editor_client):
    closed = add_special_day(centre, dt.date(2026, 11, 27), reason="Szkolenie pracowników")
    add_special_day(centre, dt.date(2026, 12, 14), reason="Za daleko")
    unit = make_unit()
    UnitSpecialDay.objects.create(
        unit=unit, date=dt.date(2026, 11, 24), opens=dt.time(8), closes=dt.time(12)
    )
    site = make_site(make_area(name="Osiedle Fabryczne"), name="MAL Fabryczna")
    SiteSpecialDay.objects.create(site=site, date=dt.date(2026, 12, 6), reason="Festyn")

    lines = attention_lines(editor_client)["godziny"]
    assert lines == [
        (
            change_url(unit),
            "Dział Świadczeń",
            "wtorek, 24 listopada: czynne w godzinach 8:00–12:00",
        ),
        (
            change_url(centre),
            centre.name,
            "piątek, 27 listopada: nieczynne (Szkolenie pracowników)",
        ),
        (change_url(site), "MAL Fabryczna", "niedziela, 6 grudnia: nieczynne (Festyn)"),
    ]
    assert not any("Za daleko" in note for _, _, note in lines)
    assert editor_client.get(change_url(centre)).status_code == 200

    closed.delete()
    assert not find(editor_client, "godziny", centre.name)
    clock.now += dt.timedelta(days=2)  # 24 November has passed
    assert not find(editor_client, "godziny", "Dział Świadczeń")


def test_saturday_holidays_without_a_day_off_in_return(clock, centre, editor_client):
    assert find(editor_client, "dni-wolne", centre.name) == [
        (
            change_url(centre),
            centre.name,
            "wpisz dzień wolny w zamian za: 26 grudnia — Boże Narodzenie (drugi dzień); "
            "1 maja 2027 r. — Święto Państwowe",
        )
    ]
    CentreSpecialDay.objects.create(
        centre=centre, date=dt.date(2026, 12, 28), replaces_holiday=dt.date(2026, 12, 26)
    )
    assert [note for _, _, note in find(editor_client, "dni-wolne", centre.name)] == [
        "wpisz dzień wolny w zamian za: 1 maja 2027 r. — Święto Państwowe"
    ]

    centre.open_on_holidays = True
    centre.save()
    assert not find(editor_client, "dni-wolne", centre.name)


def test_drafts_and_scheduled_items_of_a_publication_model(clock, editor_client):
    draft = make_news("Nowe godziny kasy", published_at=DRAFT)
    scheduled = make_news("Dzień otwarty", published_at=clock.now + dt.timedelta(days=2))
    make_news("Już widoczna")
    lines = attention_lines(editor_client)["publikacja"]
    assert (change_url(draft), "Aktualność: Nowe godziny kasy", "szkic") in lines
    assert (
        change_url(scheduled),
        "Aktualność: Dzień otwarty",
        "zaplanowane na 25 listopada, 15:59",
    ) in lines
    assert not any("Już widoczna" in label for _, label, _ in lines)

    publish(draft)
    clock.now += dt.timedelta(days=3)
    assert "publikacja" not in attention_lines(editor_client)


def test_an_event_within_a_week_that_residents_cannot_see(clock, editor_client):
    area = make_area()
    soon = make_event(area, starts_at=clock.now + dt.timedelta(days=3), published=False)
    make_event(area, starts_at=clock.now + dt.timedelta(days=10), published=False, title="Później")
    make_event(area, starts_at=clock.now + dt.timedelta(days=2), title="Widoczne")
    lines = attention_lines(editor_client)["publikacja"]
    # One line, with the event's own words, even where drafts are listed as well.
    assert [line for line in lines if line[0] == change_url(soon)] == [
        (
            change_url(soon),
            f"Wydarzenie: {soon.title}",
            "zaczyna się 26 listopada, 15:59, a mieszkańcy go nie widzą",
        )
    ]
    # Further ahead it is at most a draft like any other.
    assert not any("nie widzą" in note for _, label, note in lines if "Później" in label)
    assert not any("Widoczne" in label for _, label, _ in lines)
    publish(soon)
    assert not find(editor_client, "publikacja", f"Wydarzenie: {soon.title}")


def test_polls_closing_within_a_week(clock, editor_client):
    closing = make_poll(question="Jak oceniasz stronę?", closes_at=clock.now + dt.timedelta(days=5))
    make_poll(question="Ankieta na później", closes_at=clock.now + dt.timedelta(days=30))
    assert attention_lines(editor_client)["terminy"] == [
        (
            change_url(closing),
            "Ankieta: Jak oceniasz stronę?",
            "głosowanie kończy się 28 listopada, 15:59",
        )
    ]
    closing.closes_at += dt.timedelta(days=30)
    closing.save()
    assert "terminy" not in attention_lines(editor_client)


def test_projects_past_their_end_date_still_under_way(clock, editor_client):
    late = make_project("Szansa dla Ciebie", end_date=dt.date(2026, 10, 31))
    make_project("Bez końca")
    make_project("Jeszcze trwa", end_date=dt.date(2026, 12, 31))
    make_project("Zakończony", end_date=dt.date(2026, 6, 30), status=ProjectStatus.COMPLETED)
    assert attention_lines(editor_client)["terminy"] == [
        (
            change_url(late),
            "Projekt socjalny: Szansa dla Ciebie",
            "miał się zakończyć 31 października 2026 r., a wciąż jest „w realizacji”: "
            "zmień etap albo datę zakończenia",
        )
    ]
    late.status = ProjectStatus.COMPLETED
    late.save()
    assert "terminy" not in attention_lines(editor_client)


def make_statement(last_review):
    statement = AccessibilityStatement.objects.create(
        entity_name="MOPS w Testowie",
        website_url="https://mops.example/",
        published_on=dt.date(2020, 1, 1),
        site_updated_on=dt.date(2020, 1, 1),
        status=AccessibilityStatement.Status.PARTIAL,
        prepared_on=dt.date(2020, 3, 1),
        contact_person="Sekretariat",
        contact_email="dostepnosc@mops.example",
        contact_phone="22 000 00 01",
        architecture="Podjazd przy wejściu.",
        communication="Tłumacz PJM po umówieniu.",
    )
    AccessibilityStatement.objects.filter(pk=statement.pk).update(
        reviewed_on=last_review, updated_on=last_review
    )
    return statement


@pytest.mark.parametrize(
    ("last_review", "today", "due"),
    [
        # Reviewed after the last 31 March: done until the next one.
        (dt.date(2026, 4, 15), dt.date(2027, 3, 31), None),
        # The last deadline met, the next one more than two months away.
        (dt.date(2026, 3, 1), dt.date(2026, 11, 23), None),
        # … and less than two months away.
        (dt.date(2026, 3, 1), dt.date(2027, 2, 15), (dt.date(2027, 3, 31), False)),
        (dt.date(2026, 3, 31), dt.date(2027, 3, 31), (dt.date(2027, 3, 31), False)),
        # A 31 March passed with no review in the year before it.
        (dt.date(2025, 3, 31), dt.date(2026, 4, 1), (dt.date(2026, 3, 31), True)),
        (dt.date(2024, 6, 1), dt.date(2026, 11, 23), (dt.date(2026, 3, 31), True)),
    ],
)
def test_statement_review_due(last_review, today, due):
    assert statement_review_due(last_review, today) == due


@pytest.mark.parametrize(
    ("last_review", "today", "note"),
    [
        # A review in March meets that very 31 March: nothing due on 1 April.
        (dt.date(2027, 3, 15), dt.date(2027, 4, 1), None),
        (dt.date(2027, 3, 31), dt.date(2027, 4, 1), None),
        # A review on 1 April meets the next year's 31 March.
        (dt.date(2026, 4, 1), dt.date(2027, 4, 1), None),
        (
            dt.date(2026, 3, 31),
            dt.date(2027, 3, 31),
            "przejrzyj ją i zaktualizuj do 31 marca 2027 r.: deklarację przegląda się co roku "
            "do 31 marca",
        ),
        (
            dt.date(2026, 3, 31),
            dt.date(2027, 4, 1),
            "termin corocznego przeglądu minął 31 marca 2027 r.: przejrzyj deklarację, wpisz "
            "datę przeglądu i zapisz",
        ),
    ],
)
def test_the_statement_page_and_the_start_page_agree_around_31_march(
    clock, editor, editor_client, last_review, today, note
):
    statement = make_statement(last_review)
    clock.now = dt.datetime(today.year, today.month, today.day, 9, 0, tzinfo=WARSAW)
    editor_client.force_login(editor)
    lines = find(editor_client, "przeglad", "Deklaracja dostępności")
    page = html.unescape(editor_client.get(change_url(statement)).content.decode())
    statement.refresh_from_db()
    assert statement.needs_review() == (note is not None and note.startswith("termin"))
    if note is None:
        assert lines == []
        assert "przegl" not in page.split('<ul class="messagelist">', 1)[-1].split("</ul>")[0]
    else:
        assert lines == [(change_url(statement), "Deklaracja dostępności", note)]
        assert f"{note[0].upper()}{note[1:]}." in page


def test_the_accessibility_statement_due_by_31_march(clock, editor, editor_client):
    statement = make_statement(dt.date(2026, 3, 10))
    assert not find(editor_client, "przeglad", "Deklaracja dostępności")
    clock.now = dt.datetime(2027, 2, 15, 9, 0, tzinfo=WARSAW)
    editor_client.force_login(editor)  # the session has expired meanwhile
    assert find(editor_client, "przeglad", "Deklaracja dostępności") == [
        (
            change_url(statement),
            "Deklaracja dostępności",
            "przejrzyj ją i zaktualizuj do 31 marca 2027 r.: deklarację przegląda się co roku "
            "do 31 marca",
        )
    ]
    clock.now = dt.datetime(2027, 4, 1, 9, 0, tzinfo=WARSAW)
    editor_client.force_login(editor)
    (line,) = find(editor_client, "przeglad", "Deklaracja dostępności")
    assert line[2].startswith("termin corocznego przeglądu minął 31 marca 2027 r.")
    AccessibilityStatement.objects.filter(pk=statement.pk).update(reviewed_on=dt.date(2027, 4, 1))
    assert not find(editor_client, "przeglad", "Deklaracja dostępności")


def test_records_nobody_has_saved_for_a_year(clock, editor_client):
    old = make_project("Bezpieczny rejon")
    recent = make_project("Szansa dla Ciebie")
    Project.objects.filter(pk=old.pk).update(reviewed_at=dt.datetime(2025, 10, 20, tzinfo=WARSAW))
    Project.objects.filter(pk=recent.pk).update(
        reviewed_at=dt.datetime(2025, 12, 20, tzinfo=WARSAW)
    )
    assert attention_lines(editor_client)["przeglad"] == [
        (
            change_url(old),
            "Projekt socjalny: Bezpieczny rejon",
            "ostatni zapis 20 października 2025 r.: sprawdź, czy wszystko się zgadza, i zapisz",
        )
    ]
    old.save()  # looked at and saved unchanged
    assert "przeglad" not in attention_lines(editor_client)


def test_the_statement_is_listed_once_in_its_own_words(clock, editor_client):
    statement = make_statement(dt.date(2024, 1, 1))
    AccessibilityStatement.objects.filter(pk=statement.pk).update(
        reviewed_at=dt.datetime(2024, 1, 1, tzinfo=WARSAW)
    )
    (line,) = attention_lines(editor_client)["przeglad"]
    assert line[1] == "Deklaracja dostępności"
    assert line[2].startswith("termin corocznego przeglądu minął 31 marca 2026 r.")


@pytest.mark.parametrize(
    ("count", "words", "sentence"),
    [
        (1, "1 sprawa", "1 sprawa wymaga uwagi."),
        (2, "2 sprawy", "2 sprawy wymagają uwagi."),
        (4, "4 sprawy", "4 sprawy wymagają uwagi."),
        (5, "5 spraw", "5 spraw wymaga uwagi."),
        (12, "12 spraw", "12 spraw wymaga uwagi."),
        (22, "22 sprawy", "22 sprawy wymagają uwagi."),
        (25, "25 spraw", "25 spraw wymaga uwagi."),
    ],
)
def test_counts_in_polish_plurals(count, words, sentence):
    with translation.override("pl"):
        assert matters(count) == words
        assert summary(count) == sentence


def test_page_counts_matters_per_group_and_in_all(clock, editor_client):
    for day in (24, 25):
        make_news(f"Szkic {day}", published_at=DRAFT)
    make_poll(closes_at=clock.now + dt.timedelta(days=1))
    page = editor_client.get("/admin/").content.decode()
    assert "3 sprawy wymagają uwagi." in page
    assert 'Do publikacji <span class="attention-count">(2 sprawy)</span>' in page
    assert 'Terminy <span class="attention-count">(1 sprawa)</span>' in page


def test_nothing_to_do_says_so(clock, editor_client):
    page = editor_client.get("/admin/").content.decode()
    assert "Nic nie wymaga teraz uwagi." in page
    assert 'class="module attention-group"' not in page


def test_long_lists_end_with_a_line_to_the_whole_list(clock, editor_client):
    for number in range(11):
        make_news(f"Szkic {number}", published_at=DRAFT)
    lines = attention_lines(editor_client)["publikacja"]
    assert len(lines) == 9
    assert lines[-1] == ("/admin/news/newsitem/", "Aktualności", "i jeszcze 3 na liście")
    assert "11 spraw wymaga uwagi." in editor_client.get("/admin/").content.decode()


def staff_with(client, *codenames):
    user = get_user_model().objects.create_user("wybiorcza", is_staff=True)
    for codename in codenames:
        app_label, name = codename.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=name)
        )
    client.force_login(user)
    return client


def test_only_lines_for_what_the_user_may_change(clock, centre, client):
    add_special_day(centre, dt.date(2026, 11, 27))
    make_news("Szkic", published_at=DRAFT)
    make_project("Po terminie", end_date=dt.date(2026, 10, 31))
    staff = staff_with(client, "news.view_newsitem", "news.change_newsitem", "centre.view_centre")
    groups = attention_lines(staff)
    assert set(groups) == {"publikacja"}
    assert [label for _, label, _ in groups["publikacja"]] == ["Aktualność: Szkic"]


def test_every_link_opens_for_an_editor(clock, centre, editor_client):
    add_special_day(centre, dt.date(2026, 11, 27))
    make_news("Szkic", published_at=DRAFT)
    make_project("Po terminie", end_date=dt.date(2026, 10, 31))
    make_poll(closes_at=clock.now + dt.timedelta(days=1))
    make_event(make_area(), starts_at=clock.now + dt.timedelta(days=1), published=False)
    make_statement(dt.date(2024, 1, 1))
    urls = {url for lines in attention_lines(editor_client).values() for url, _, _ in lines}
    assert len(urls) >= 6
    for url in urls:
        assert editor_client.get(url).status_code == 200, url


def add_content(clock, centre, copies, first=0):
    for n in range(first, first + copies):
        add_special_day(centre, dt.date(2026, 11, 24) + dt.timedelta(days=n % 12))
        make_news(f"Szkic {n}", published_at=DRAFT)
        make_news(f"Plan {n}", published_at=clock.now + dt.timedelta(days=n + 1))
        make_project(f"Po terminie {n}", end_date=dt.date(2026, 10, 1) + dt.timedelta(days=n))
        make_poll(closes_at=clock.now + dt.timedelta(days=n + 1))
        area = make_area()
        site = make_site(area)
        SiteSpecialDay.objects.create(site=site, date=dt.date(2026, 11, 30))
        make_event(area, starts_at=clock.now + dt.timedelta(days=1), published=False)
        make_unit(name=f"Placówka {n}", slug=f"placowka-{n}")


def queries_of_collect(user):
    with CaptureQueriesContext(connection) as queries:
        collect(user)
    return len(queries)


def test_the_page_costs_the_same_queries_however_much_needs_attention(clock, centre, editor):
    add_content(clock, centre, 1)
    editor = get_user_model().objects.get(pk=editor.pk)  # permissions not cached yet
    few = queries_of_collect(editor)
    add_content(clock, centre, 12, first=1)
    editor = get_user_model().objects.get(pk=editor.pk)
    many = queries_of_collect(editor)
    assert few == many
    # A few per source and model (permissions, three owners of hours, every model
    # with publication or review dates), none per record.
    assert many <= 40, many
