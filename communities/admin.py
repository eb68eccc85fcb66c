import reversion
from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from communities.models import (
    ActivitySite,
    AreaDocument,
    CommunityArea,
    Event,
    Initiative,
    Organiser,
    SiteHours,
    SiteSpecialDay,
    Specialist,
    Street,
)
from core.admin import (
    ChangeHistoryMixin,
    DocumentInline,
    OpeningHoursInline,
    SaturdayHolidaysMixin,
    SpecialDayInline,
    VersionedAdmin,
)
from core.polish_admin import FEMININE, MASCULINE, NEUTER, Noun, StackedInline, TabularInline
from core.publication_admin import (
    PublicationAdminMixin,
    PublicationStatusFilter,
)

# A version of an area holds its streets, sites (with their hours), initiatives,
# specialists and events, so an area deleted by mistake comes back whole.
# Organisers are shared by areas: they are only referred to, never restored
# or deleted along with an area.
for _row in (Street, Initiative, Specialist, SiteHours, SiteSpecialDay, AreaDocument, Organiser):
    reversion.register(_row)
reversion.register(ActivitySite, follow=["hours", "special_days"])
reversion.register(Event)
reversion.register(
    CommunityArea,
    follow=["streets", "sites", "initiatives", "specialists", "events", "documents"],
)


class StreetInline(TabularInline):
    noun = Noun("ulica", "ulice", "ulic", FEMININE, accusative="ulicę")
    model = Street
    extra = 0
    fields = ["name", "number_from", "number_to", "side"]


class ActivitySiteInline(StackedInline):
    noun = Noun(
        "miejsce aktywności lokalnej",
        "miejsca aktywności lokalnej",
        "miejsc aktywności lokalnej",
        NEUTER,
    )
    model = ActivitySite
    extra = 0
    show_change_link = True
    fields = [
        ("name", "order"),
        ("street_address", "postal_code", "city"),
        ("latitude", "longitude"),
        "phone",
        ("step_free_entry", "accessible_toilet", "hearing_loop"),
        "accessibility_notes",
    ]


class InitiativeInline(StackedInline):
    noun = Noun(
        "klub lub inicjatywa",
        "kluby i inicjatywy",
        "klubów i inicjatyw",
        MASCULINE,
        accusative="klub lub inicjatywę",
    )
    model = Initiative
    extra = 0
    fields = [("name", "kind", "order"), "audience", "schedule", "site", "description"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "site":
            kwargs["queryset"] = _sites_of_edited_area(request)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class SpecialistInline(TabularInline):
    noun = Noun("dyżur specjalisty", "dyżury specjalistów", "dyżurów specjalistów", MASCULINE)
    model = Specialist
    extra = 0
    fields = ["specialty", "other_specialty", "schedule", "site", "how_to_book", "order"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "site":
            kwargs["queryset"] = _sites_of_edited_area(request)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def _sites_of_edited_area(request):
    # Offering every site of every area would let an editor attach a club to
    # another area's site; on the add page there are no sites yet.
    area_id = request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
    if not area_id:
        return ActivitySite.objects.none()
    return ActivitySite.objects.filter(area_id=area_id)


class AreaDocumentInline(DocumentInline):
    model = AreaDocument


def _area_of_edited_event(request):
    """The area of the event whose change page this is, or None (add page, list, unknown)."""
    match = request.resolver_match
    event_id = match.kwargs.get("object_id", "") if match else ""
    if match is None or match.url_name != "communities_event_change" or not event_id.isdigit():
        return None
    return Event.objects.filter(pk=event_id).values_list("area_id", flat=True).first()


@admin.register(CommunityArea)
class CommunityAreaAdmin(PublicationAdminMixin, ChangeHistoryMixin, VersionedAdmin):
    noun = Noun("obszar OSL", "obszary OSL", "obszarów OSL", MASCULINE, genitive="obszaru OSL")
    inlines = [
        StreetInline,
        ActivitySiteInline,
        InitiativeInline,
        SpecialistInline,
        AreaDocumentInline,
    ]
    list_display = ["name", "city", "publication_status_column", "site_count", "order"]
    list_editable = ["order"]
    list_filter = [PublicationStatusFilter, "city"]
    search_fields = ["name", "city", "streets__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["organisers"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "city", "summary", "description"]}),
        (
            _("Publikacja"),
            {
                "fields": ["published_at", "expires_at"],
                "description": _(
                    "Pusty początek publikacji — szkic. Gdy obszar jest szkicem, mieszkańcy "
                    "nie widzą też jego miejsc, klubów, dyżurów ani wydarzeń."
                ),
            },
        ),
        (_("Organizatorzy"), {"fields": ["organisers"]}),
        (
            _("Więcej"),
            {
                "fields": ["since_year", "social_url", "social_label", "order"],
                "classes": ["collapse"],
            },
        ),
    ]

    def get_queryset(self, request):
        # Counting groups rows, which drops Meta.ordering; the area autocomplete
        # pages through this queryset and needs an order.
        return (
            super()
            .get_queryset(request)
            .annotate(_site_count=Count("sites"))
            .order_by(*CommunityArea._meta.ordering, "pk")
        )

    @admin.display(description=_("miejsca aktywności"), ordering="_site_count")
    def site_count(self, obj):
        return obj._site_count


class SiteHoursInline(OpeningHoursInline):
    model = SiteHours


class SiteSpecialDayInline(SpecialDayInline):
    model = SiteSpecialDay


@admin.register(ActivitySite)
class ActivitySiteAdmin(SaturdayHolidaysMixin, ChangeHistoryMixin, VersionedAdmin):
    """Sites are also edited in their area; here they get their opening hours."""

    noun = Noun(
        "miejsce aktywności lokalnej",
        "miejsca aktywności lokalnej",
        "miejsc aktywności lokalnej",
        NEUTER,
        genitive="miejsca aktywności lokalnej",
    )

    inlines = [SiteHoursInline, SiteSpecialDayInline]
    list_display = ["name", "area", "street_address", "city", "step_free_entry"]
    list_filter = ["area", "step_free_entry", "accessible_toilet", "hearing_loop"]
    list_select_related = ["area"]
    search_fields = ["name", "street_address", "area__name"]
    autocomplete_fields = ["area"]
    fieldsets = [
        (None, {"fields": ["area", "name", "order"]}),
        (_("Adres"), {"fields": ["street_address", "postal_code", "city", "phone"]}),
        (_("Położenie na mapie"), {"fields": ["latitude", "longitude"], "classes": ["collapse"]}),
        (_("Święta"), {"fields": ["open_on_holidays"]}),
        (
            _("Dostępność"),
            {
                "fields": [
                    "step_free_entry",
                    "accessible_toilet",
                    "hearing_loop",
                    "accessibility_notes",
                ]
            },
        ),
    ]


@admin.register(Organiser)
class OrganiserAdmin(VersionedAdmin):
    noun = Noun(
        "organizator społeczności",
        "organizatorzy społeczności",
        "organizatorów społeczności",
        MASCULINE,
        accusative="organizatora społeczności",
        genitive="organizatora społeczności",
        accusative_plural="organizatorów społeczności",
    )
    list_display = ["name", "role", "phone", "email"]
    search_fields = ["name", "role", "email"]
    list_filter = ["areas"]


@admin.register(Event)
class EventAdmin(PublicationAdminMixin, ChangeHistoryMixin, VersionedAdmin):
    noun = Noun("wydarzenie", "wydarzenia", "wydarzeń", NEUTER, genitive="wydarzenia")
    list_display = ["title", "starts_at", "area", "site", "publication_status_column"]
    list_filter = [PublicationStatusFilter, "area"]
    list_select_related = ["area", "site"]
    date_hierarchy = "starts_at"
    search_fields = ["title", "description", "place"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["area", "site"]
    fieldsets = [
        (None, {"fields": ["area", "title", "slug"]}),
        (_("Kiedy"), {"fields": ["starts_at", "ends_at"]}),
        (_("Gdzie"), {"fields": ["site", "place"]}),
        (None, {"fields": ["description"]}),
        (
            _("Publikacja"),
            {
                "fields": ["published_at", "expires_at"],
                "description": _(
                    "Nowe wydarzenie jest szkicem, dopóki nie wpiszesz początku publikacji "
                    "albo nie użyjesz akcji „Opublikuj” na liście wydarzeń."
                ),
            },
        ),
    ]

    def get_autocomplete_fields(self, request):
        # Editing an event, its site is picked from a plain list of its area's
        # sites (below), not searched among every area's.
        fields = super().get_autocomplete_fields(request)
        if _area_of_edited_event(request) is not None:
            return [name for name in fields if name != "site"]
        return fields

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "site":
            area_id = _area_of_edited_event(request)
            if area_id is not None:
                kwargs["queryset"] = ActivitySite.objects.filter(area_id=area_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def visibility_message(self, obj, now=None):
        message = super().visibility_message(obj, now)
        if obj.published_at is not None and obj.area.published_at is None:
            message += " " + gettext(
                "Obszar „%(area)s” jest jednak szkicem, więc mieszkańcy nie zobaczą "
                "wydarzenia, dopóki obszar nie zostanie opublikowany."
            ) % {"area": obj.area}
        return message
