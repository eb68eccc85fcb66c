"""The public pages of the site, for sweeps over all of them, and what tests read off a page."""

import re
from urllib.parse import urlsplit

_CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def csrf_token(html):
    """The CSRF token of the first form of ``html``."""
    return _CSRF_FIELD.search(html).group(1)


def public_pages():
    """The URL of every kind of public page, for the demo content."""
    from communities.models import CommunityArea, Event
    from news.models import NewsItem
    from projects.models import Partner, Project, TargetGroup
    from survey.models import Poll

    project = Project.objects.published().order_by("pk").first()
    group = TargetGroup.objects.order_by("pk").first()
    partner = Partner.objects.order_by("pk").first()
    area = CommunityArea.objects.published().order_by("pk").first()
    event = Event.objects.published().order_by("starts_at").first()
    poll = Poll.objects.published().order_by("pk").first()
    news_item = NewsItem.objects.published().filter(is_urgent=True).first()
    street = area.streets.order_by("pk").first()
    return [
        "/",
        "/kontakt/",
        "/projekty/",
        f"/projekty/?status=ongoing&grupa={group.slug}&partner={partner.slug}&q=a",
        "/projekty/?status=nieznany",
        project.get_absolute_url(),
        "/osl/",
        f"/osl/?ulica={street.name}",
        "/osl/?ulica=Nieistniejąca",
        area.get_absolute_url(),
        f"{area.get_absolute_url()}ulotka/",
        "/osl/wydarzenia/",
        "/osl/wydarzenia/archiwum/",
        event.get_absolute_url(),
        "/ankieta/",
        poll.get_absolute_url(),
        f"{poll.get_absolute_url()}wyniki/",
        "/aktualnosci/",
        news_item.get_absolute_url(),
        "/pomoc/",
        "/pomoc/zasilek-staly/",
        "/pomoc/niebieska-karta/",
        "/pomoc/zasilek-staly/ulotka/",
        "/pomoc/niebieska-karta/ulotka/",
        "/pomoc/kryterium-dochodowe/",
        "/pomoc/kryterium-dochodowe/?osoby=3&dochod=2+469%2C50+z%C5%82",
        "/pomoc/kryterium-dochodowe/?osoby=0&dochod=abc",
        "/deklaracja-dostepnosci/",
        "/informacje/",
        "/polityka-prywatnosci/",
        "/szukaj/?q=dlugu",
        "/szukaj/?q=zzzyzx",
        "/szukaj/?q=",
        "/nie-ma-takiej-strony/",
    ]


def is_leaflet(path):
    """A leaflet is a sheet to print: no site header, menu, search or announcements."""
    return urlsplit(path).path.endswith("/ulotka/")


def site_pages():
    """The public pages in the site's layout: every kind but the leaflets."""
    return [path for path in public_pages() if not is_leaflet(path)]
