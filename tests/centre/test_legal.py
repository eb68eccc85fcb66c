import datetime as dt
import re

import pytest
from django.core.management import call_command

from centre.models import AccessibilityStatement, PublicInformation

ALWAYS_IDS = [
    "a11y-wstep",
    "a11y-podmiot",
    "a11y-url",
    "a11y-data-publikacja",
    "a11y-data-aktualizacja",
    "a11y-status",
    "a11y-kontakt",
    "a11y-email",
    "a11y-telefon",
    "a11y-procedura",
    "a11y-data-sporzadzenie",
    "a11y-architektura",
    "a11y-komunikacja",
]


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_statement_carries_every_fixed_id_once(client, demo):
    html = client.get("/deklaracja-dostepnosci/").content.decode()
    for element_id in [*ALWAYS_IDS, "a11y-data-przeglad", "a11y-ocena"]:
        assert html.count(f'id="{element_id}"') == 1, element_id


def test_statement_dates_are_machine_readable(client, demo):
    html = client.get("/deklaracja-dostepnosci/").content.decode()
    for element_id in ["a11y-data-publikacja", "a11y-data-aktualizacja", "a11y-data-sporzadzenie"]:
        assert re.search(rf'<time id="{element_id}" datetime="\d{{4}}-\d{{2}}-\d{{2}}">', html)


def test_statement_names_the_deadlines_and_the_ombudsman(client, demo):
    html = client.get("/deklaracja-dostepnosci/").content.decode()
    assert "7 dni" in html
    assert "2 miesiące" in html
    assert "Rzecznika Praw Obywatelskich" in html
    assert "polskiego języka migowego" in html


def test_optional_ids_appear_only_when_filled(client, demo):
    statement = AccessibilityStatement.get()
    html = client.get("/deklaracja-dostepnosci/").content.decode()
    assert 'id="a11y-aplikacje"' not in html
    assert 'id="a11y-architektura-url"' not in html
    statement.mobile_apps = "Ośrodek nie ma aplikacji mobilnej."
    statement.architecture_url = "https://mops.example/dostepnosc-budynku/"
    statement.save()
    html = client.get("/deklaracja-dostepnosci/").content.decode()
    assert 'id="a11y-aplikacje"' in html
    assert 'id="a11y-architektura-url"' in html


def test_saving_the_statement_keeps_its_update_date(demo):
    statement = AccessibilityStatement.get()
    AccessibilityStatement.objects.filter(pk=statement.pk).update(updated_on=dt.date(2020, 1, 1))
    statement.refresh_from_db()
    statement.save()
    statement.refresh_from_db()
    assert statement.updated_on == dt.date.today()


def test_missing_statement_is_a_404_not_an_error(client, db):
    assert client.get("/deklaracja-dostepnosci/").status_code == 404


@pytest.mark.parametrize(
    ("last_review", "today", "needs_review"),
    [
        # A review counts for the first 31 March on or after it.
        (dt.date(2027, 3, 15), dt.date(2027, 4, 1), False),
        (dt.date(2027, 3, 31), dt.date(2027, 4, 1), False),
        (dt.date(2026, 4, 1), dt.date(2027, 3, 31), False),
        (dt.date(2026, 4, 1), dt.date(2028, 3, 31), False),
        # Overdue from 1 April when the last review met only the year before.
        (dt.date(2026, 3, 31), dt.date(2027, 3, 31), False),
        (dt.date(2026, 3, 31), dt.date(2027, 4, 1), True),
        (dt.date(2026, 4, 1), dt.date(2028, 4, 1), True),
    ],
)
def test_statement_needs_review_once_a_31_march_passed_without_one(
    db, last_review, today, needs_review
):
    statement = AccessibilityStatement(reviewed_on=last_review, updated_on=last_review)
    assert statement.needs_review(today) is needs_review


def test_admin_warns_when_the_yearly_review_is_overdue(admin_client, demo):
    statement = AccessibilityStatement.get()
    url = f"/admin/centre/accessibilitystatement/{statement.pk}/change/"
    assert "termin corocznego przeglądu minął" not in admin_client.get(url).content.decode()
    AccessibilityStatement.objects.filter(pk=statement.pk).update(
        reviewed_on=dt.date(2020, 5, 1), updated_on=dt.date(2020, 5, 1)
    )
    assert "Termin corocznego przeglądu minął" in admin_client.get(url).content.decode()


def test_every_page_links_the_statement_information_and_privacy(client, demo):
    for path in ["/", "/kontakt/", "/polityka-prywatnosci/", "/informacje/"]:
        html = client.get(path).content.decode()
        assert 'href="/deklaracja-dostepnosci/"' in html, path
        assert 'href="/informacje/"' in html, path
        assert 'href="/polityka-prywatnosci/"' in html, path
        assert '<meta name="deklaracja-dostępności"' in html, path


def test_information_page_has_easy_text_video_and_text_file(client, demo):
    html = client.get("/informacje/").content.decode()
    assert "<h3>Kim jesteśmy</h3>" in html
    assert PublicInformation.get().sign_language_video_url in html
    assert 'href="/informacje/zakres-dzialalnosci.txt"' in html
    response = client.get("/informacje/zakres-dzialalnosci.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "zakres działalności" in response.content.decode("utf-8")


def test_privacy_notice_names_controller_iod_and_every_cookie(client, demo):
    from web.cookies import site_cookies

    html = client.get("/polityka-prywatnosci/").content.decode()
    assert "Miejski Ośrodek Pomocy Społecznej w Stalowej Woli" in html
    assert 'href="mailto:iod@mops-stalowawola.example"' in html
    assert "nie pyta o zgodę na cookies" in html
    for cookie in site_cookies():
        assert f"<code>{cookie['name']}</code>" in html


def test_reader_options_switch_by_plain_link_and_are_remembered(client, demo):
    response = client.get("/czytelnosc/?tekst=duzy&next=/kontakt/")
    assert response.status_code == 302
    assert response["Location"] == "/kontakt/"
    html = client.get("/kontakt/").content.decode()
    assert '<html lang="pl" class="text-large">' in html
    client.get("/czytelnosc/?kontrast=wysoki&next=/")
    assert '<html lang="pl" class="text-large contrast-high">' in client.get("/").content.decode()
    client.get("/czytelnosc/?tekst=normalny&kontrast=normalny&next=/")
    assert '<html lang="pl">' in client.get("/").content.decode()


def test_reader_options_never_redirect_off_site(client, demo):
    response = client.get("/czytelnosc/?tekst=duzy&next=https://evil.example/")
    assert response["Location"] == "/"
    response = client.get("/czytelnosc/?tekst=duzy&next=//evil.example/")
    assert response["Location"] == "/"


@pytest.mark.parametrize("target", ["'", "-1", "home", "kontakt/", "survey:current"])
def test_reader_options_send_anything_but_a_path_home(client, demo, target):
    # Found by the fuzz test: a bare word was once taken for a view name (500).
    response = client.get("/czytelnosc/", {"tekst": "duzy", "next": target})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_reader_cookie_with_junk_is_ignored(client, demo):
    client.cookies["czytelnosc"] = '"><script>x</script>.tekst-ogromny'
    html = client.get("/").content.decode()
    assert '<html lang="pl">' in html
