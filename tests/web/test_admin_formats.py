"""Times and dates in the admin as people write and read them.

Hours typed "8", "8.00" or "7.30" are saved and shown as 8:00 and 7:30; dates in lists
read "pon. 14 grudnia 2026".
"""

import datetime as dt
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import reversion
from django.urls import reverse
from reversion.models import Revision

from aid.models import IncomeCriterion
from centre.models import CentreHours
from news.models import NewsItem
from tests.news.factories import make_news
from tests.web.adminforms import as_post_data, form_fields
from tests.web.editors import log_in_editor

pytestmark = pytest.mark.django_db


def test_hours_show_as_8_00_and_accept_a_dot(client, centre):
    log_in_editor(client)
    url = reverse("admin:centre_centre_change", args=[centre.pk])
    page = client.get(url)
    fields = dict(form_fields(page.content.decode()))
    shown = [value for name, value in fields.items() if re.fullmatch(r"hours-\d+-opens", name)]
    assert shown and all(re.fullmatch(r"\d{1,2}:\d\d", value) for value in shown), shown
    data = as_post_data(form_fields(page.content.decode()))
    row_id = int(data["hours-0-id"][0])
    data["hours-0-opens"] = ["7.30"]
    data["hours-0-closes"] = ["15"]
    response = client.post(url, data)
    assert response.status_code == 302
    row = CentreHours.objects.get(pk=row_id)
    assert (row.opens, row.closes) == (dt.time(7, 30), dt.time(15))


def test_an_impossible_hour_is_refused_with_an_example(client, centre):
    log_in_editor(client)
    url = reverse("admin:centre_centre_change", args=[centre.pk])
    data = as_post_data(form_fields(client.get(url).content.decode()))
    data["hours-0-opens"] = ["25.00"]
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Wpisz godzinę, na przykład 8:00, 8.30 albo 16." in response.content.decode()


def test_dates_in_lists_show_their_weekday(client):
    log_in_editor(client)
    IncomeCriterion.objects.create(
        effective_from=dt.date(2026, 12, 14),
        single_person=Decimal("1010.00"),
        per_person_in_family=Decimal("823.00"),
        legal_basis="Dz.U. 2024 poz. 1044",
    )
    page = client.get(reverse("admin:aid_incomecriterion_changelist"))
    assert "pon. 14\xa0grudnia\xa02026" in page.content.decode()


def test_help_texts_of_a_table_of_rows_are_written_out_not_only_tooltips(client, centre):
    log_in_editor(client)
    page = client.get(reverse("admin:centre_centre_change", args=[centre.pk])).content.decode()
    notes = re.search(
        r'<dl class="inline-help">(.*?)</dl>', page.split('id="special_days-group"')[1], re.S
    )
    assert notes is not None
    text = " ".join(notes.group(1).split())
    assert "<dt>Od godziny</dt> <dd>Puste — nieczynne cały dzień.</dd>" in text
    assert "<dt>Powód</dt> <dd>Np. „Szkolenie pracowników”.</dd>" in text


def test_the_last_review_and_the_history_show_9_00_without_a_leading_zero(client):
    log_in_editor(client)
    item = make_news("Punkt ogrzewania")
    nine = dt.datetime(2026, 11, 23, 9, 5, tzinfo=ZoneInfo("Europe/Warsaw"))
    NewsItem.objects.filter(pk=item.pk).update(reviewed_at=nine)
    change = client.get(reverse("admin:news_newsitem_change", args=[item.pk])).content.decode()
    assert "23 listopada 2026, 9:05" in change
    with reversion.create_revision():
        reversion.add_to_revision(item)
    Revision.objects.update(date_created=nine)
    history = client.get(reverse("admin:news_newsitem_history", args=[item.pk])).content.decode()
    assert "23 listopada 2026, 9:05" in history
    assert "09:05" not in change + history
