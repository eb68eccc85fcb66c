import csv
import itertools
from decimal import ROUND_HALF_UP, Decimal

import reversion
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Subquery
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core.admin import ChangeHistoryMixin, VersionedAdmin
from core.polish_admin import FEMININE, Noun, TabularInline
from core.publication import moment_label
from core.publication_admin import (
    PublicationAdminMixin,
    PublicationStatusFilter,
)
from survey.exports import result_headers, result_rows, results_filename, results_xlsx
from survey.models import Ballot, Choice, Poll

# A poll's version holds its choices. Ballots are residents' votes, not
# editor content: they are neither versioned nor restored.
reversion.register(Choice)
reversion.register(Poll, follow=["choices"])

# Single ballots (time, answer and comment together) are for the few people
# an administrator names; editors read counts and comments without times.
READ_BALLOTS = "survey.read_ballots"

# The checkbox a superuser ticks to delete a poll together with its ballots.
CONFIRM_BALLOT_DELETION = "usun_glosy"

COMMENTS_PER_PAGE = 50

# A spreadsheet runs a cell that starts with one of these as a formula, so a
# comment like "=HYPERLINK(...)" would turn the export into an attack.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


def csv_safe(value):
    text = str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def spreadsheet_csv(filename):
    """A CSV download and its writer, in the shape a Polish Excel opens in columns.

    Excel takes the list separator from the system's regional settings, which
    in Poland is the semicolon (the comma separates decimals), and reads the
    file as UTF-8 only when it starts with a byte order mark.
    """
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    return response, csv.writer(response, delimiter=";")


def percent(value):
    """A share rounded half up to one decimal place, with the Polish decimal comma."""
    return number_format(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), 1)


def results_csv(polls, filename):
    """Votes per answer of each poll, with its share and a total; nothing about single ballots."""
    response, writer = spreadsheet_csv(filename)
    writer.writerow(result_headers())
    for row in result_rows(polls):
        writer.writerow(
            [csv_safe(row.question), csv_safe(row.answer), row.votes, percent(row.share)]
        )
    return response


def ballots_csv(ballots, filename):
    """Choice, time and comment of each ballot; never the voter key or address hash."""
    response, writer = spreadsheet_csv(filename)
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


def has_ballots(poll):
    """Whether anybody has voted in ``poll`` (read from PollAdmin's annotation when present)."""
    if poll is None or poll.pk is None:
        return False
    total = getattr(poll, "ballot_total", None)
    return bool(total) if total is not None else poll.ballots.exists()


def free_copy_slug(slug):
    max_length = Poll._meta.get_field("slug").max_length
    base = f"{slug[: max_length - len('-kopia-999')]}-kopia"
    candidates = itertools.chain([base], (f"{base}-{number}" for number in itertools.count(2)))
    return next(slug for slug in candidates if not Poll.objects.filter(slug=slug).exists())


@transaction.atomic
def copy_poll(poll):
    """An unpublished poll with ``poll``'s question and answers, open as long, and no ballots."""
    now = timezone.now()
    copy = Poll(
        question=poll.question,
        slug=free_copy_slug(poll.slug),
        description=poll.description,
        opens_at=now,
        closes_at=now + (poll.closes_at - poll.opens_at),
        published_at=None,
        allow_comment=poll.allow_comment,
        results_visibility=poll.results_visibility,
    )
    copy.full_clean()
    copy.save()
    for choice in poll.choices.order_by("position", "pk"):
        Choice.objects.create(poll=copy, text=choice.text, position=choice.position)
    return copy


class ChoiceInline(TabularInline):
    """The answers, editable until the first vote and read-only from then on.

    A vote counts for the text the voter saw: changing, reordering, adding or
    removing answers afterwards would move votes to answers nobody chose. The
    change form says so and offers a copy of the poll instead.
    """

    noun = Noun("odpowiedź", "odpowiedzi", "odpowiedzi", FEMININE, genitive="odpowiedzi")

    model = Choice
    fields = ["position", "text", "votes"]
    readonly_fields = ["votes"]
    ordering = ["position", "pk"]
    extra = 3

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(vote_count=Count("ballots"))

    def has_add_permission(self, request, obj):
        return not has_ballots(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not has_ballots(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not has_ballots(obj) and super().has_delete_permission(request, obj)

    @admin.display(description=_("głosy"))
    def votes(self, choice):
        return getattr(choice, "vote_count", 0) if choice.pk else "—"


@admin.register(Poll)
class PollAdmin(PublicationAdminMixin, ChangeHistoryMixin, VersionedAdmin):
    noun = Noun("ankieta", "ankiety", "ankiet", FEMININE, accusative="ankietę", genitive="ankiety")
    list_display = [
        "question",
        "opens_at",
        "closes_at",
        "publication_status_column",
        "on_home_page",
        "ballot_count",
    ]
    list_filter = [PublicationStatusFilter, "results_visibility", "opens_at"]
    search_fields = ["question", "description"]
    prepopulated_fields = {"slug": ["question"]}
    date_hierarchy = "opens_at"
    inlines = [ChoiceInline]
    readonly_fields = ["results_summary"]
    actions = ["publish", "withdraw", "export_results", "copy_as_new", "export_ballots"]
    delete_confirmation_template = "admin/survey/poll/delete_confirmation.html"
    fieldsets = [
        (None, {"fields": ["question", "slug", "description"]}),
        (
            _("Głosowanie"),
            {"fields": ["opens_at", "closes_at", "allow_comment"]},
        ),
        (
            _("Publikacja"),
            {
                "fields": ["published_at", "expires_at"],
                "description": _(
                    "Od początku do końca publikacji mieszkańcy widzą stronę ankiety; "
                    "głosować mogą tylko w czasie głosowania. Pusty początek — szkic."
                ),
            },
        ),
        (_("Wyniki"), {"fields": ["results_visibility", "results_summary"]}),
    ]

    def get_queryset(self, request):
        shown = Poll.objects.open().order_by("closes_at", "opens_at", "pk").values("pk")[:1]
        return (
            super()
            .get_queryset(request)
            .annotate(ballot_total=Count("ballots"), home_poll=Subquery(shown))
        )

    @admin.display(description=_("na stronie głównej"))
    def on_home_page(self, poll):
        # The same rule as Poll.objects.shown_on_home, asked in the list's own query.
        return _("Na stronie głównej") if poll.pk == poll.home_poll else ""

    def visibility_message(self, obj, now=None):
        """The page's publication, then whether residents can vote: a poll has both."""
        now = now or timezone.now()
        if obj.is_closed(now):
            voting = gettext("Głosowanie zakończyło się %(moment)s.")
            moment = obj.closes_at
        elif obj.has_opened(now):
            voting = gettext("Głosowanie trwa do %(moment)s.")
            moment = obj.closes_at
        else:
            voting = gettext("Głosowanie zacznie się %(moment)s.")
            moment = obj.opens_at
        voting %= {"moment": moment_label(moment, now)}
        return f"{super().visibility_message(obj, now)} {voting}"

    def response_add(self, request, obj, post_url_continue=None):
        response = super().response_add(request, obj, post_url_continue)
        self.warn_of_overlaps(request, obj)
        return response

    def response_change(self, request, obj):
        response = super().response_change(request, obj)
        self.warn_of_overlaps(request, obj)
        return response

    def warn_of_overlaps(self, request, poll):
        """Say which poll the home page shows while this one's voting overlaps another's."""
        if poll.published_at is None:
            return
        for other in Poll.objects.overlapping(poll):
            shown = min(poll, other, key=lambda p: (p.closes_at, p.opens_at, p.pk))
            self.message_user(
                request,
                gettext(
                    "Głosowanie w tej ankiecie trwa w tym samym czasie co w ankiecie "
                    "„%(other)s” (do %(closes)s). Strona główna pokazuje wtedy ankietę, w "
                    "której głosowanie kończy się najwcześniej: „%(shown)s”."
                )
                % {
                    "other": other,
                    "closes": moment_label(other.closes_at),
                    "shown": shown,
                },
                messages.WARNING,
            )

    def get_readonly_fields(self, request, obj=None):
        # The question is what the votes answered, like the answers themselves.
        fields = super().get_readonly_fields(request, obj)
        return [*fields, "question"] if has_ballots(obj) else fields

    def get_prepopulated_fields(self, request, obj=None):
        return {} if has_ballots(obj) else super().get_prepopulated_fields(request, obj)

    def get_actions(self, request):
        # Deleting goes through the poll's own page, which asks for an explicit
        # confirmation when the poll's ballots would go with it.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def has_read_ballots_permission(self, request):
        return request.user.has_perm(READ_BALLOTS)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<int:object_id>/komentarze/",
                view(self.comments_view),
                name="survey_poll_comments",
            ),
            path(
                "<int:object_id>/wyniki.csv",
                view(self.results_csv_view),
                name="survey_poll_results_csv",
            ),
            path(
                "<int:object_id>/wyniki.xlsx",
                view(self.results_xlsx_view),
                name="survey_poll_results_xlsx",
            ),
            path("<int:object_id>/kopiuj/", view(self.copy_view), name="survey_poll_copy"),
            *super().get_urls(),
        ]

    def poll_or_none(self, request, object_id):
        """The poll of a change or delete page, or None where Django's own view answers 404."""
        if not object_id.isdigit():
            return None
        return self.get_queryset(request).filter(pk=object_id).first()

    def viewable_poll(self, request, object_id):
        poll = get_object_or_404(self.get_queryset(request), pk=object_id)
        if not self.has_view_permission(request, poll):
            raise PermissionDenied
        return poll

    def change_view(self, request, object_id, form_url="", extra_context=None):
        poll = self.poll_or_none(request, object_id)
        if poll is not None:
            extra_context = {
                **(extra_context or {}),
                "poll_links": self.poll_links(request, poll),
                "answers_locked": has_ballots(poll),
                "copy_url": reverse("admin:survey_poll_copy", args=[poll.pk])
                if self.has_add_permission(request)
                else "",
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def poll_links(self, request, poll):
        """The poll's results and comments, each shown only to those who may open it."""
        comments = poll.ballots.exclude(comment="").count()
        links = [
            (
                reverse("admin:survey_poll_comments", args=[poll.pk]),
                gettext("Komentarze do przeczytania: %(count)d") % {"count": comments},
            ),
            (
                reverse("admin:survey_poll_results_csv", args=[poll.pk]),
                gettext("Wyniki do arkusza (CSV)"),
            ),
            (
                reverse("admin:survey_poll_results_xlsx", args=[poll.pk]),
                gettext("Wyniki do Excela (XLSX)"),
            ),
        ]
        if self.has_read_ballots_permission(request):
            links.append(
                (
                    reverse("admin:survey_ballot_changelist") + f"?poll__id__exact={poll.pk}",
                    gettext("Wszystkie głosy"),
                )
            )
        return links

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

    @admin.display(description=_("głosy"), ordering="ballot_total")
    def ballot_count(self, poll):
        return poll.ballot_total

    def comments_view(self, request, object_id):
        """Residents' comments to read, without the time or answer of the ballot they came with."""
        poll = self.viewable_poll(request, object_id)
        comments = (
            poll.ballots.exclude(comment="").order_by("-pk").values_list("comment", flat=True)
        )
        page = Paginator(comments, COMMENTS_PER_PAGE).get_page(request.GET.get("strona"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "poll": poll,
            "page": page,
            "title": gettext("Komentarze mieszkańców"),
            "subtitle": poll.question,
        }
        return TemplateResponse(request, "admin/survey/poll/comments.html", context)

    def results_csv_view(self, request, object_id):
        poll = self.viewable_poll(request, object_id)
        return results_csv([poll], results_filename(poll, "csv"))

    def results_xlsx_view(self, request, object_id):
        poll = self.viewable_poll(request, object_id)
        return results_xlsx([poll], results_filename(poll, "xlsx"))

    def copy_view(self, request, object_id):
        poll = self.viewable_poll(request, object_id)
        if not self.has_add_permission(request):
            raise PermissionDenied
        if request.method == "POST":
            copy = self.copy_with_message(request, poll)
            return HttpResponseRedirect(reverse("admin:survey_poll_change", args=[copy.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "poll": poll,
            "title": gettext("Kopiowanie ankiety"),
        }
        return TemplateResponse(request, "admin/survey/poll/copy_confirmation.html", context)

    def copy_with_message(self, request, poll):
        copy = copy_poll(poll)
        self.message_user(
            request,
            gettext(
                "Utworzono kopię ankiety „%(question)s” pod adresem „%(slug)s”. Kopia nie ma "
                "głosów i nie jest opublikowana: sprawdź daty głosowania i opublikuj ją, "
                "gdy będzie gotowa."
            )
            % {"question": poll.question, "slug": copy.slug},
            messages.SUCCESS,
        )
        return copy

    @admin.action(description=_("Kopiuj jako nową ankietę"), permissions=["add"])
    def copy_as_new(self, request, queryset):
        copies = [self.copy_with_message(request, poll) for poll in queryset]
        if len(copies) == 1:
            return HttpResponseRedirect(reverse("admin:survey_poll_change", args=[copies[0].pk]))
        return None

    @admin.action(
        description=_("Eksportuj wyniki zaznaczonych ankiet do CSV (liczby głosów)"),
        permissions=["view"],
    )
    def export_results(self, request, queryset):
        return results_csv(queryset.order_by("-opens_at", "pk"), "wyniki.csv")

    @admin.action(
        description=_("Eksportuj pojedyncze głosy zaznaczonych ankiet do CSV"),
        permissions=["read_ballots"],
    )
    def export_ballots(self, request, queryset):
        return ballots_csv(Ballot.objects.filter(poll__in=queryset), "glosy.csv")

    def delete_view(self, request, object_id, extra_context=None):
        poll = self.poll_or_none(request, object_id)
        ballot_count = poll.ballot_total if poll is not None else 0
        if (
            request.method == "POST"
            and ballot_count
            and self.has_delete_permission(request, poll)
            and not request.POST.get(CONFIRM_BALLOT_DELETION)
        ):
            self.message_user(
                request,
                gettext(
                    "Ankieta nie została usunięta. Zaznacz, że rozumiesz, że razem z nią "
                    "znikną oddane w niej głosy, i potwierdź jeszcze raz."
                ),
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())
        extra_context = {
            **(extra_context or {}),
            "title": gettext("Usuwanie ankiety"),
            "ballot_count": ballot_count,
            "confirm_field": CONFIRM_BALLOT_DELETION,
        }
        return super().delete_view(request, object_id, extra_context)

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        # The ballots protect the answers they chose (Ballot.choice is PROTECT),
        # but here they go first (delete_model), so they stand in nobody's way.
        # Every ballot names an answer of its own poll (the composite key of
        # migration 0002), so all of these polls' ballots are in ``protected``:
        # when there are exactly as many protected objects as ballots, nothing
        # else is.
        ballots = Ballot.objects.filter(poll__in=[poll.pk for poll in objs]).count()
        if ballots and len(protected) == ballots:
            protected = []
        return deleted, model_count, perms_needed, protected

    def delete_model(self, request, obj):
        with transaction.atomic():
            Ballot.objects.filter(poll=obj).delete()
            obj.delete()

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            Ballot.objects.filter(poll__in=queryset).delete()
            queryset.delete()


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
    """Single ballots, read, filtered and exported here, never written.

    Every view and action needs survey.read_ballots, whatever else the user
    may do: the default "view ballot" permission alone opens nothing.
    """

    list_display = ["created_at", "poll", "choice", "comment"]
    list_filter = ["poll", HasCommentFilter, "created_at"]
    list_select_related = ["poll", "choice"]
    search_fields = ["comment", "choice__text"]
    date_hierarchy = "created_at"
    fields = ["poll", "choice", "created_at", "comment"]
    readonly_fields = fields
    actions = ["export_csv"]

    def has_read_ballots_permission(self, request):
        return request.user.has_perm(READ_BALLOTS)

    def has_view_permission(self, request, obj=None):
        return self.has_read_ballots_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return self.has_read_ballots_permission(request) and super().has_delete_permission(
            request, obj
        )

    @admin.action(description=_("Eksportuj zaznaczone głosy do CSV"), permissions=["read_ballots"])
    def export_csv(self, request, queryset):
        return ballots_csv(queryset, "glosy.csv")
