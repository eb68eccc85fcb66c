from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from opsportal.models import Centre, CentreHours, CentrePhone, CentreSpecialDay

admin.site.site_header = _("Portal ośrodka — administracja")
admin.site.site_title = _("Portal ośrodka")
admin.site.index_title = _("Treści portalu")


class CentrePhoneInline(admin.TabularInline):
    model = CentrePhone
    extra = 0
    fields = ["label", "number", "order"]


class CentreHoursInline(admin.TabularInline):
    model = CentreHours
    extra = 0
    fields = ["weekday", "opens", "closes"]


class CentreSpecialDayInline(admin.TabularInline):
    model = CentreSpecialDay
    extra = 0
    fields = ["date", "opens", "closes", "reason"]
    verbose_name_plural = _("dni nieczynne i zmienione godziny (puste godziny — nieczynne)")


@admin.register(Centre)
class CentreAdmin(admin.ModelAdmin):
    """The centre is a single record: no second one, no deleting it."""

    inlines = [CentrePhoneInline, CentreHoursInline, CentreSpecialDayInline]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "intro"]}),
        (_("Adres"), {"fields": ["street_address", "postal_code", "city"]}),
        (_("Kontakt"), {"fields": ["email", "epuap_box", "bip_url"]}),
        (_("Ochrona danych osobowych"), {"fields": ["iod_name", "iod_email", "iod_phone"]}),
        (
            _("Położenie na mapie"),
            {"fields": ["latitude", "longitude"], "classes": ["collapse"]},
        ),
    ]
    list_display = ["name", "city", "email", "updated_at"]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not Centre.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        centre = Centre.objects.only("pk").first()
        if centre is not None:
            return redirect(reverse("admin:opsportal_centre_change", args=[centre.pk]))
        return super().changelist_view(request, extra_context)
