"""An editor of the group Redaktorzy does a caseworker's everyday tasks in the admin,
in Chromium, with clicks and typing only, and sees the result where residents look.

The clock is time-machine's: it moves Django's clock in the live server's thread
too, so a scheduled project appears on its moment without anybody sleeping.
Screenshots of the key steps go to /tmp/h5shots/ (1366 px and 390 px).
"""

import datetime as dt
import io
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from opsportal.management.commands.setup_roles import EDITORS_GROUP
from tests.centre.factories import make_centre
from tests.communities.factories import make_area, make_site
from tests.projects.factories import make_partner, make_project
from tests.survey.factories import make_ballots, make_poll

pytestmark = pytest.mark.django_db(transaction=True)

WARSAW = ZoneInfo("Europe/Warsaw")
# Monday 14 December 2026, 9:00 in Warsaw: the walkthrough's morning.
MORNING = dt.datetime(2026, 12, 14, 9, 0, tzinfo=WARSAW)
PASSWORD = "Redakcja-grudzien-2026"
SHOTS = Path("/tmp/h5shots")  # noqa: S108 - screenshots to look at, not secrets
PAGE_OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"
DELETE_BOXES = """() => Array.from(document.querySelectorAll('.inline-group td.delete input'))
    .map(box => box.getBoundingClientRect().right)"""


@pytest.fixture
def clock():
    """The walkthrough's clock; ``clock.move_to(moment)`` jumps, then time runs on."""
    with time_machine.travel(MORNING, tick=True) as traveller:
        yield traveller


@pytest.fixture
def no_dated_cookies(settings):
    # The browser drops cookies whose expiry has passed on the real calendar,
    # while the server writes expiries on the travelled one: keep the session
    # and the CSRF token in cookies without an expiry date.
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    settings.CSRF_COOKIE_AGE = None


@pytest.fixture
def editor(page, live_server, clock, no_dated_cookies):
    """The page, logged in through the admin's form as a member of Redaktorzy."""
    call_command("setup_roles", stdout=io.StringIO())
    user = get_user_model().objects.create_user(
        "redaktorka", password=PASSWORD, is_staff=True, first_name="Anna"
    )
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Nazwa użytkownika").fill("redaktorka")
    page.get_by_label("Hasło").fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    return page


def shoot(page, name, width=1366):
    """A full-page screenshot at ``width``; the page keeps its own width afterwards."""
    SHOTS.mkdir(exist_ok=True)
    before = page.viewport_size
    page.set_viewport_size({"width": width, "height": 900})
    page.screenshot(path=SHOTS / f"{name}-{width}.png", full_page=True)
    page.set_viewport_size(before)


def save(page):
    page.get_by_role("button", name="Zapisz", exact=True).click()


def text(locator):
    """What the element says, with the no-break spaces of dates read as spaces."""
    return locator.inner_text().replace("\xa0", " ")


def success(page):
    return text(page.locator(".messagelist .success"))


def test_closures_and_changed_hours_of_the_centre_reach_the_contact_page(editor, live_server):
    centre = make_centre()
    editor.goto(f"{live_server.url}/admin/centre/centre/{centre.pk}/change/")
    assert "Sobota, 26 grudnia 2026 r." in text(editor.locator(".saturday-holidays"))
    days = editor.locator("#special_days-group")
    days.get_by_role("button", name="Dodaj kolejny dzień nieczynny").click()
    days.get_by_role("button", name="Dodaj kolejny dzień nieczynny").click()
    bridge, new_year_eve = days.locator("tr.dynamic-special_days").all()
    bridge.locator("input[name$='-date']").fill("28.12.2026")
    bridge.locator("input[name$='-reason']").fill("Dzień wolny za święto 26 grudnia")
    bridge.locator("input[name$='-replaces_holiday']").fill("26.12.2026")
    new_year_eve.locator("input[name$='-date']").fill("31.12.2026")
    new_year_eve.locator("input[name$='-opens']").fill("8.00")
    new_year_eve.locator("input[name$='-closes']").fill("13")
    new_year_eve.locator("input[name$='-reason']").fill("Sylwester")
    shoot(editor, "1-dni-nieczynne")
    save(editor)
    shoot(editor, "1-zapisano")
    assert success(editor) == (
        "Ośrodek „Miejski Ośrodek Pomocy Społecznej w Testowie” został zapisany."
    )
    # The hours read back as people write them, and 26 December has its day off.
    saved = editor.locator(
        "#special_days-group tr.has_original", has=editor.locator("input[value='Sylwester']")
    )
    assert saved.locator("input[name$='-opens']").input_value() == "8:00"
    assert saved.locator("input[name$='-closes']").input_value() == "13:00"
    waiting = text(editor.locator(".saturday-holidays"))
    assert "Sobota, 1 maja 2027 r." in waiting
    assert "26 grudnia" not in waiting
    editor.goto(f"{live_server.url}/kontakt/")
    shoot(editor, "1-kontakt")
    shoot(editor, "1-kontakt", 390)
    hours = editor.locator("section", has=editor.locator("#godziny")).inner_text()
    assert "Poniedziałek, 28 grudnia — Dzień wolny za święto 26 grudnia, nieczynne" in hours
    assert "Czwartek, 31 grudnia — Sylwester, czynne 8:00–13:00" in hours


def choose(field, name):
    """Picks ``name`` in a search-as-you-type list (the admin's select2) inside ``field``."""
    field.locator(".select2-selection").click()
    search = field.page.locator(".select2-container--open .select2-search__field")
    search.fill(name[:8])
    field.page.locator(".select2-results__option", has_text=name).click()


def test_a_project_scheduled_for_tomorrow_appears_when_its_moment_comes(
    editor, live_server, chromium, clock
):
    make_partner("Stowarzyszenie Razem dla Fabrycznego")
    make_partner("Parafia św. Floriana")
    editor.goto(f"{live_server.url}/admin/projects/project/add/")
    editor.locator("#id_title").fill("Szansa dla Ciebie")
    editor.get_by_label("Zajawka").fill("Warsztaty i doradztwo dla osób szukających pracy.")
    editor.get_by_label("Etap").select_option(label="w realizacji")
    editor.locator("#id_start_date").fill("1.09.2026")
    editor.get_by_label("Cel główny").fill("Powrót uczestników na rynek pracy.")
    goals = editor.locator("#goals-group")
    for goal in ["Warsztaty kompetencji cyfrowych", "Doradztwo zawodowe dla 30 osób"]:
        goals.get_by_role("button", name="Dodaj kolejny cel szczegółowy").click()
        goals.locator("tr.dynamic-goals").last.locator("textarea").fill(goal)
    partners = editor.locator("#partnerships-group")
    add_partner = partners.get_by_role("button", name="Dodaj kolejnego partnera projektu")
    for name in ["Stowarzyszenie Razem dla Fabrycznego", "Parafia św. Floriana"]:
        add_partner.click()
        choose(partners.locator("tr.dynamic-partnerships").last, name)
    add_partner.click()
    new_row = partners.locator("tr.dynamic-partnerships").last
    with editor.expect_popup() as opened:
        new_row.locator("a.add-related").click()
    popup = opened.value
    popup.get_by_label("Nazwa").fill("Klub Sportowy Stal")
    shoot(popup, "2-nowy-partner")
    popup.get_by_role("button", name="Zapisz", exact=True).click()
    popup.wait_for_event("close")
    assert "Klub Sportowy Stal" in new_row.locator(".select2-selection").inner_text()
    outcomes = editor.locator("#outcomes-group")
    outcomes.get_by_role("button", name="Dodaj kolejny rezultat").click()
    outcome = outcomes.locator("tr.dynamic-outcomes").last
    outcome.locator("input[name$='-label']").fill("uczestnicy, którzy podjęli pracę")
    outcome.locator("input[name$='-planned_value']").fill("12")
    outcome.locator("input[name$='-achieved_value']").fill("9")
    outcome.locator("select[name$='-unit']").select_option("osób")
    shoot(editor, "2-projekt")
    editor.get_by_role("button", name="Zapisz i kontynuuj edycję").click()
    assert success(editor) == (
        "Projekt „Szansa dla Ciebie” został zapisany. Jest szkicem i nie jest widoczny. "
        "Aby go opublikować, wpisz początek publikacji albo użyj akcji „Opublikuj” "
        "na liście projektów."
    )

    # The draft as residents will see it, shown to the editor only.
    editor.get_by_role("link", name="Pokaż na stronie").first.click()
    editor.wait_for_url("**/projekty/szansa-dla-ciebie/")
    shoot(editor, "2-podglad")
    preview = editor.locator("main").inner_text()
    assert "Podgląd: tego projektu mieszkańcy teraz nie widzą. Szkic." in preview
    for line in [
        "Warsztaty kompetencji cyfrowych",
        "Doradztwo zawodowe dla 30 osób",
        "Stowarzyszenie Razem dla Fabrycznego — partner",
        "Parafia św. Floriana — partner",
        "Klub Sportowy Stal — partner",
        "uczestnicy, którzy podjęli pracę\t12 osób\t9 osób",
    ]:
        assert line in preview

    # Published from tomorrow, 8:00.
    editor.go_back()
    editor.locator("#id_published_at_0").fill("15.12.2026")
    editor.locator("#id_published_at_1").fill("8.00")
    save(editor)
    assert success(editor) == (
        "Projekt „Szansa dla Ciebie” został zapisany. Mieszkańcy zobaczą go od 15 grudnia, 8:00."
    )
    row = text(editor.locator("#result_list tr", has_text="Szansa dla Ciebie"))
    assert "Zaplanowane na 15 grudnia, 8:00" in row
    shoot(editor, "2-zaplanowany")

    # A resident, who has never logged in, sees the list without it until then...
    residents = chromium.new_context(locale="pl-PL", timezone_id="Europe/Warsaw")
    resident = residents.new_page()
    resident.goto(f"{live_server.url}/projekty/")
    assert "Szansa dla Ciebie" not in resident.locator("main").inner_text()
    # ...and with it once the clock has passed 8:00, though nobody has saved anything.
    clock.move_to(dt.datetime(2026, 12, 15, 8, 0, 5, tzinfo=WARSAW))
    resident.reload()
    resident.get_by_role("link", name="Szansa dla Ciebie").click()
    assert "Klub Sportowy Stal — partner" in resident.locator("main").inner_text()
    assert "Podgląd" not in resident.locator("main").inner_text()
    residents.close()


def test_an_event_at_a_site_of_another_area_is_refused_until_the_site_is_right(editor, live_server):
    fabryczne = make_area(name="Osiedle Fabryczne", city="Stalowa Wola")
    make_site(fabryczne, name="Klub Osiedlowy Fabryczna")
    gutwin = make_area(name="Gutwin", city="Ostrowiec Świętokrzyski")
    make_site(gutwin, name="MAL w Gutwinie")
    editor.goto(f"{live_server.url}/admin/communities/event/add/")
    choose(editor.locator(".field-area"), "Osiedle Fabryczne")
    editor.get_by_label("Tytuł").fill("Wigilia sąsiedzka")
    editor.locator("#id_starts_at_0").fill("21.12.2026")
    editor.locator("#id_starts_at_1").fill("17")
    editor.locator("#id_ends_at_0").fill("21.12.2026")
    editor.locator("#id_ends_at_1").fill("19.30")
    choose(editor.locator(".field-site"), "MAL w Gutwinie")
    save(editor)
    shoot(editor, "3-odmowa")
    shoot(editor, "3-odmowa", 390)
    assert editor.locator(".field-site .errorlist").inner_text() == (
        "To miejsce należy do obszaru Gutwin (Ostrowiec Świętokrzyski), a wydarzenie — do "
        "obszaru Osiedle Fabryczne (Stalowa Wola). Wybierz miejsce tego obszaru albo wpisz "
        "inne miejsce."
    )
    choose(editor.locator(".field-site"), "Klub Osiedlowy Fabryczna")
    save(editor)
    assert success(editor).startswith("Wydarzenie „Wigilia sąsiedzka” zostało zapisane.")
    row = text(editor.locator("#result_list tr", has_text="Wigilia sąsiedzka"))
    assert "pon. 21 grudnia 2026, 17:00" in row
    assert "Klub Osiedlowy Fabryczna" in row


def test_a_changed_phone_number_shows_its_old_value_in_the_history(editor, live_server):
    centre = make_centre()
    editor.goto(f"{live_server.url}/admin/centre/centre/{centre.pk}/change/")
    editor.locator("#phones-group input[value='22 000 00 01']").fill("15 000 10 22 wew. 12")
    save(editor)
    assert success(editor) == (
        "Ośrodek „Miejski Ośrodek Pomocy Społecznej w Testowie” został zapisany."
    )
    editor.goto(f"{live_server.url}/admin/centre/centre/{centre.pk}/change/")
    editor.get_by_role("link", name="Historia").click()
    shoot(editor, "4-historia")
    assert (
        "„22 000 00 01” → „15 000 10 22 wew. 12”" in editor.locator("#change-history").inner_text()
    )
    # Residents call the new number, extension included.
    editor.goto(f"{live_server.url}/kontakt/")
    phone = editor.get_by_role("link", name="15 000 10 22 wew. 12").first
    assert phone.get_attribute("href") == "tel:+48150001022;ext=12"


def test_a_closed_poll_and_its_residents_comments(editor, live_server):
    poll = make_poll(
        ("Tak", "Nie"),
        question="Czy łatwo znaleźć na stronie godziny pracy?",
        slug="godziny-pracy",
    )
    yes = poll.choices.get(text="Tak")
    make_ballots(yes, 2, comment="Godziny są od razu na górze strony.")
    make_ballots(poll.choices.get(text="Nie"), 1, comment="Szukałam dyżuru w sobotę.")
    editor.goto(f"{live_server.url}/admin/survey/poll/{poll.pk}/change/")
    # Voting ends now: the editor types this morning's date and hour.
    editor.locator("#id_closes_at_0").fill("14.12.2026")
    editor.locator("#id_closes_at_1").fill("9.00")
    editor.get_by_role("button", name="Zapisz i kontynuuj edycję").click()
    assert success(editor) == (
        "Ankieta „Czy łatwo znaleźć na stronie godziny pracy?” została zapisana. "
        "Jest widoczna na stronie. Głosowanie zakończyło się 14 grudnia, 9:00."
    )
    shoot(editor, "5-ankieta")
    editor.get_by_role("link", name="Komentarze do przeczytania: 3").click()
    shoot(editor, "5-komentarze")
    shoot(editor, "5-komentarze", 390)
    comments = text(editor.locator("#content"))
    assert "Komentarze mogą zawierać dane osobowe — nie kopiuj ich poza system." in comments
    assert "Szukałam dyżuru w sobotę." in comments
    assert comments.count("Godziny są od razu na górze strony.") == 2
    # Residents can no longer vote.
    editor.goto(f"{live_server.url}/ankieta/godziny-pracy/")
    assert "Głosowanie zakończyło się 14 grudnia 2026, 9:00." in text(editor.locator("main"))
    assert editor.get_by_role("radio").count() == 0


def test_a_partner_in_use_cannot_be_deleted_and_the_refusal_leads_to_its_projects(
    editor, live_server
):
    partner = make_partner("Fundacja Dobry Start")
    make_project("Aktywni razem", partners=[partner])
    make_project("Szansa dla Ciebie", partners=[partner])
    editor.goto(f"{live_server.url}/admin/projects/partner/{partner.pk}/change/")
    editor.get_by_role("link", name="Usuń").click()
    shoot(editor, "6-odmowa")
    shoot(editor, "6-odmowa", 390)
    refusal = editor.locator("#content")
    assert refusal.get_by_role("heading", name="Nie można usunąć organizacji partnerskiej")
    assert "Z wpisu „Fundacja Dobry Start” korzystają inne wpisy" in refusal.inner_text()
    assert "Otwórz każdy z tych projektów, w części „Partnerzy projektu”" in refusal.inner_text()
    refusal.get_by_role("link", name="Szansa dla Ciebie").click()
    editor.wait_for_url("**/admin/projects/project/*/change/")
    assert editor.get_by_role("heading", name="Zmień projekt").is_visible()
    partners = editor.locator("#partnerships-group").inner_text()
    assert "Fundacja Dobry Start" in partners

    # The same form with its tables of rows on a 390 px phone: nothing off-screen.
    editor.set_viewport_size({"width": 390, "height": 844})
    editor.reload()
    shoot(editor, "7-projekt", 390)
    assert editor.evaluate(PAGE_OVERFLOW) <= 0
    delete_boxes = editor.evaluate(DELETE_BOXES)
    assert delete_boxes and max(delete_boxes) <= 390
