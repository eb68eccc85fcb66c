"""Community areas, activity sites, clubs and coming events in the site search."""

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy, ngettext_lazy

from communities.models import (
    ActivitySite,
    CommunityArea,
    Event,
    Initiative,
    Specialist,
    Specialty,
    Street,
)
from core.search import Kind


class AreaKind(Kind):
    model = CommunityArea
    key = "obszary"
    heading = gettext_lazy("Obszary organizowania społeczności lokalnej")
    count_label = ngettext_lazy("%(count)s obszar", "%(count)s obszarów", "count")
    title_field = "name"
    fields = ("city", "summary", "description")
    related = {
        "_streets": (Street, "area", "name"),
        "_specialists": (Specialist, "area", "other_specialty"),
        "_specialties": (Specialist, "area", "specialty"),
    }

    def queryset(self, now):
        return CommunityArea.objects.published(now)

    def texts(self, obj):
        labels = dict(Specialty.choices)
        duties = [str(labels.get(code, "")) for code in obj._specialties.split()]
        duties = [d for d in duties if d and d != str(labels[Specialty.OTHER])]
        if obj._specialists.strip():
            duties.append(obj._specialists.strip())
        return [
            (None, obj.summary),
            (gettext_lazy("Ulice"), obj._streets),
            (gettext_lazy("Dyżury specjalistów"), ", ".join(duties)),
            (gettext_lazy("Opis"), obj.description),
        ]

    def meta(self, obj):
        return obj.city


class SiteKind(Kind):
    model = ActivitySite
    key = "miejsca"
    heading = gettext_lazy("Miejsca aktywności lokalnej")
    count_label = ngettext_lazy("%(count)s miejsce", "%(count)s miejsc", "count")
    title_field = "name"
    fields = ("street_address", "postal_code", "city", "area__name")
    related = {}

    def queryset(self, now):
        return ActivitySite.objects.published(now).select_related("area")

    def texts(self, obj):
        return [
            (gettext_lazy("Adres"), obj.postal_address),
            (gettext_lazy("Obszar"), obj.area.name),
        ]

    def meta(self, obj):
        return obj.postal_address


class InitiativeKind(Kind):
    model = Initiative
    key = "inicjatywy"
    heading = gettext_lazy("Kluby i inicjatywy")
    count_label = ngettext_lazy(
        "%(count)s klub lub inicjatywa", "%(count)s klubów lub inicjatyw", "count"
    )
    title_field = "name"
    fields = ("audience", "description", "schedule", "area__name")
    related = {}

    def queryset(self, now):
        return Initiative.objects.published(now).select_related("area")

    def texts(self, obj):
        return [
            (gettext_lazy("Dla kogo"), obj.audience),
            (None, obj.description),
            (gettext_lazy("Kiedy"), obj.schedule),
            (gettext_lazy("Obszar"), obj.area.name),
        ]

    def meta(self, obj):
        return f"{obj.get_kind_display()} — {obj.area.name}"


class EventKind(Kind):
    model = Event
    key = "wydarzenia"
    heading = gettext_lazy("Nadchodzące wydarzenia")
    count_label = ngettext_lazy("%(count)s wydarzenie", "%(count)s wydarzeń", "count")
    title_field = "title"
    fields = ("description", "place", "site__name", "site__street_address", "area__name")
    related = {}

    def queryset(self, now):
        return Event.objects.published(now).upcoming(now).with_place()

    def texts(self, obj):
        return [
            (None, obj.description),
            (gettext_lazy("Gdzie"), obj.place_label),
            (gettext_lazy("Obszar"), obj.area.name),
        ]

    def meta(self, obj):
        when = formats.date_format(timezone.localtime(obj.starts_at), "j E Y, G:i")
        return f"{when} — {obj.place_label}"


SEARCH_KINDS = (AreaKind(), SiteKind(), InitiativeKind(), EventKind())
