import csv

from django.contrib import admin
from django.db.models import Count
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from survey.models import Ballot, Choice, Poll

# A spreadsheet runs a cell that starts with one of these as a formula, so a
# comment like "=HYPERLINK(...)" would turn the export into an attack.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


def csv_safe(value):
    text = str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def ballots_csv(ballots, filename):
    """Choice, time and comment of each ballot; never the voter key or address hash."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # A BOM so that spreadsheet programs read the Polish letters as UTF-8.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([_("Ankieta"), _("Odpowiedź"), _("Oddano"), _("Komentarz")])
    rows = ballots.select_related("poll", "choice").order_by("poll__pk", "created_at", "pk")
    for ballot in rows.iterator(chunk_size=2000):
        writer.writerow(
            [
                csv_safe(ballot.poll.question),
                csv_safe(ballot.choice.text),
                timezone.localtime(ballot.created_at).strftime("%Y-%m-%d %H:%M:%S"),
                csv_safe(ballot.comment),
            ]
        )
    return response


class ChoiceInline(admin.TabularInline):
    # Deleting a choice that has ballots is refused by the admin's own check
    # for PROTECT-ed related objects, with the ballots named in the error.
    model = Choice
    fields = ["position", "text", "votes"]
    readonly_fields = ["votes"]
    ordering = ["position", "pk"]
    extra = 3

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(vote_count=Count("ballots"))

    @admin.display(description=_("głosy"))
    def votes(self, choice):
        return getattr(choice, "vote_count", 0) if choice.pk else "—"


@admin.register(Poll)
class PollAdmin(admin.ModelAdmin):
    list_display = ["question", "opens_at", "closes_at", "published", "ballot_count"]
    list_filter = ["published", "results_visibility", "opens_at"]
    search_fields = ["question", "description"]
    prepopulated_fields = {"slug": ["question"]}
    date_hierarchy = "opens_at"
    inlines = [ChoiceInline]
    readonly_fields = ["results_summary", "ballot_links"]
    actions = ["export_ballots"]
    fieldsets = [
        (None, {"fields": ["question", "slug", "description"]}),
        (
            _("Głosowanie"),
            {"fields": ["opens_at", "closes_at", "published", "allow_comment"]},
        ),
        (_("Wyniki"), {"fields": ["results_visibility", "results_summary", "ballot_links"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(ballot_total=Count("ballots"))

    @admin.display(description=_("głosy"), ordering="ballot_total")
    def ballot_count(self, poll):
        return poll.ballot_total

    @admin.display(description=_("liczba głosów"))
    def results_summary(self, poll):
        if not poll.pk:
            return "—"
        choices = poll.tally()
        if not choices:
            return _("Ankieta nie ma jeszcze odpowiedzi.")
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>{}: {}</li>",
                (
                    (
                        choice.text,
                        ngettext("%(count)d głos", "%(count)d głosów", choice.votes)
                        % {"count": choice.votes},
                    )
                    for choice in choices
                ),
            ),
        )

    @admin.display(description=_("głosy i komentarze"))
    def ballot_links(self, poll):
        if not poll.pk:
            return "—"
        changelist = reverse("admin:survey_ballot_changelist")
        return format_html(
            '<a href="{}?poll__id__exact={}">{}</a> · '
            '<a href="{}?poll__id__exact={}&amp;z_komentarzem=tak">{}</a>',
            changelist,
            poll.pk,
            _("Wszystkie głosy (eksport do CSV)"),
            changelist,
            poll.pk,
            _("Komentarze do przeczytania"),
        )

    @admin.action(description=_("Eksportuj głosy zaznaczonych ankiet do CSV"))
    def export_ballots(self, request, queryset):
        return ballots_csv(Ballot.objects.filter(poll__in=queryset), "glosy.csv")


class HasCommentFilter(admin.SimpleListFilter):
    title = _("komentarz")
    parameter_name = "z_komentarzem"

    def lookups(self, request, model_admin):
        return [("tak", _("z komentarzem")), ("nie", _("bez komentarza"))]

    def queryset(self, request, queryset):
        if self.value() == "tak":
            return queryset.exclude(comment="")
        if self.value() == "nie":
            return queryset.filter(comment="")
        return queryset


@admin.register(Ballot)
class BallotAdmin(admin.ModelAdmin):
    """Ballots are read, filtered and exported here, never written."""

    list_display = ["created_at", "poll", "choice", "comment"]
    list_filter = ["poll", HasCommentFilter, "created_at"]
    list_select_related = ["poll", "choice"]
    search_fields = ["comment", "choice__text"]
    date_hierarchy = "created_at"
    fields = ["poll", "choice", "created_at", "comment"]
    readonly_fields = fields
    actions = ["export_csv"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Eksportuj zaznaczone głosy do CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        return ballots_csv(queryset, "glosy.csv")
