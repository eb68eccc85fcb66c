"""Admin building blocks the apps share: change history with old → new values,
versions with restore and recovery, inlines for opening hours, days off for
Saturday holidays, single records.

Versions come from django-reversion rather than django-simple-history:
reversion stores a record together with its inlines (a project with its goals
and partners, an area with its sites and events) as one revision, offers the
deleted ones back in the admin ("Odzyskaj usunięte …") and needs no extra
table per model, only its own two.
"""

import datetime
from contextlib import contextmanager

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AdminDateWidget
from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.decorators import method_decorator
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from reversion import add_to_revision, create_revision, set_comment, set_user
from reversion.admin import VersionAdmin
from reversion.models import Version

from core import holidays
from core.polish_admin import (
    MASCULINE,
    PLURAL,
    Noun,
    PolishAdminMixin,
    StackedInline,
    TabularInline,
    time_label,
)
from core.review_admin import ReviewedAdminMixin


def _shown(field, value):
    """A form value as an editor would recognise it in the change history."""
    if value in (None, ""):
        return "—"
    if isinstance(field, forms.ModelMultipleChoiceField):
        # Initial values are objects, cleaned ones a queryset; typed ones pks.
        chosen = [
            item if hasattr(item, "pk") else field.queryset.filter(pk=item).first() or item
            for item in value
        ]
        return f"„{', '.join(map(str, chosen))}”" if chosen else "—"
    if isinstance(field, forms.ModelChoiceField) and not hasattr(value, "pk"):
        value = field.queryset.filter(pk=value).first() or value
    elif getattr(field, "choices", None) and not isinstance(field, forms.ModelChoiceField):
        labels = {str(key): label for key, label in field.choices}
        value = labels.get(str(value), value)
    elif isinstance(value, datetime.time):
        value = time_label(value)
    elif isinstance(value, datetime.date):
        value = value.strftime("%d.%m.%Y")
    return f"„{value}”"


def _mid_sentence(label):
    """A form label as it reads inside a sentence: "numer", but "PESEL" and "ETR" stay."""
    label = str(label)
    if label[1:2].isupper():
        return label
    return label[:1].lower() + label[1:]


def _field_changes(form, names):
    changes = []
    for name in names:
        field = form.fields.get(name)
        if field is None or name == "DELETE":
            continue
        old = form.initial.get(name, field.initial)
        new = form.cleaned_data.get(name)
        label = _mid_sentence(field.label)
        changes.append(f"{label}: {_shown(field, old)} → {_shown(field, new)}")
    return changes


class ChangeHistoryMixin:
    """Admin history that records old → new values, not only the names of changed fields.

    For records residents rely on (addresses, phones, opening hours) the
    question after a mistake is "what did it say before?"; Django's own log
    answers only "which fields changed". The message is plain text, which
    LogEntry shows as it is on the object's history page.
    """

    def construct_change_message(self, request, form, formsets, add=False):
        if add:
            return super().construct_change_message(request, form, formsets, add)
        parts = []
        changes = _field_changes(form, form.changed_data)
        if changes:
            parts.append(gettext("Zmieniono %(changes)s.") % {"changes": "; ".join(changes)})
        for formset in formsets or ():
            forms_by_object = {id(inline.instance): inline for inline in formset.forms}
            for added in formset.new_objects:
                parts.append(
                    gettext("Dodano %(name)s „%(object)s”.")
                    % {"name": added._meta.verbose_name, "object": added}
                )
            for changed, names in formset.changed_objects:
                inline = forms_by_object.get(id(changed))
                details = "; ".join(_field_changes(inline, names)) if inline else ""
                parts.append(
                    gettext("Zmieniono %(name)s „%(object)s”: %(changes)s.")
                    % {"name": changed._meta.verbose_name, "object": changed, "changes": details}
                )
            for deleted in formset.deleted_objects:
                parts.append(
                    gettext("Usunięto %(name)s „%(object)s”.")
                    % {"name": deleted._meta.verbose_name, "object": deleted}
                )
        return " ".join(parts) or super().construct_change_message(request, form, formsets, add)


def _stored_value(model, name, value):
    """A value kept in a version, as an editor would recognise it."""
    if value in (None, "", []):
        return "—"
    field = model._meta.get_field(name)
    if field.many_to_many or field.is_relation:
        pks = value if isinstance(value, list) else [value]
        related = field.related_model._default_manager.filter(pk__in=pks)
        return ", ".join(map(str, related)) or ", ".join(map(str, pks))
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return gettext("tak") if value else gettext("nie")
    if isinstance(value, datetime.time):
        return time_label(value)
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    return str(value)


def _changed_fields(model, old, new):
    """(label, before, after) for each field whose stored value differs."""
    rows = []
    for name in new.keys() | old.keys():
        field = model._meta.get_field(name)
        # Fields editors never type (the id, "last changed") are noise here.
        if field.primary_key or not field.editable or old.get(name) == new.get(name):
            continue
        before = _stored_value(model, name, old.get(name))
        after = _stored_value(model, name, new.get(name))
        # A time saved again without its seconds reads the same: not a change.
        if before != after:
            rows.append((str(field.verbose_name), before, after))
    return sorted(rows)


def compare_versions(old, new):
    """What changed between two versions of a record, its followed inlines included.

    A list of sections, each a heading and its (field, before, after) rows:
    the record first, then every inline row that was added, changed or removed.
    """
    model = new.content_type.model_class()
    sections = []
    main = _changed_fields(model, old.field_dict, new.field_dict)
    if main:
        sections.append((str(new.object_repr), main))

    def followed(version):
        return {
            (v.content_type_id, v.object_id): v
            for v in version.revision.version_set.select_related("content_type")
            if v.pk != version.pk
        }

    before, after = followed(old), followed(new)
    for key in sorted(before.keys() | after.keys(), key=lambda k: (k[0], k[1])):
        was, now = before.get(key), after.get(key)
        inline_model = (now or was).content_type.model_class()
        name = inline_model._meta.verbose_name
        if was is None:
            heading = gettext("Dodano: %(name)s „%(object)s”") % {"name": name, "object": now}
            rows = _changed_fields(inline_model, {}, now.field_dict)
        elif now is None:
            heading = gettext("Usunięto: %(name)s „%(object)s”") % {"name": name, "object": was}
            rows = _changed_fields(inline_model, was.field_dict, {})
        else:
            rows = _changed_fields(inline_model, was.field_dict, now.field_dict)
            heading = gettext("Zmieniono: %(name)s „%(object)s”") % {"name": name, "object": now}
        if rows:
            sections.append((heading, rows))
    return sections


class VersionedAdmin(PolishAdminMixin, ReviewedAdminMixin, VersionAdmin):
    """Versions of a record with its inlines: history, comparison, restore and recovery.

    The history page is reversion's, with ChangeHistoryMixin's old → new
    message as each version's comment, a link to compare a version with the
    one before it, and "Przywróć tę wersję". Deleting keeps the last state as
    a version, so the record and everything deleted with it can be recovered
    from "Odzyskaj usunięte …" with all its rows.
    """

    object_history_template = "admin/versions/object_history.html"
    recover_list_template = "admin/versions/recover_list.html"
    revision_form_template = "admin/versions/revision_form.html"
    recover_form_template = "admin/versions/recover_form.html"
    delete_confirmation_template = "admin/versions/delete_confirmation.html"

    @contextmanager
    def create_revision(self, request):
        # A page that only reads (the change list, a form opened to look at)
        # saves nothing, so it needs no transaction of its own.
        with create_revision(atomic=request.method not in {"GET", "HEAD"}):
            set_user(request.user)
            yield

    def get_urls(self):
        opts = self.model._meta
        compare = path(
            "<path:object_id>/history/<int:version_id>/compare/",
            self.admin_site.admin_view(self.compare_view),
            name=f"{opts.app_label}_{opts.model_name}_compare",
        )
        return [compare, *super().get_urls()]

    def compare_view(self, request, object_id, version_id):
        """The changes a version made, against the version saved before it."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        new = get_object_or_404(versions, pk=version_id)
        old = versions.filter(pk__lt=new.pk).first()
        if old is None:
            raise Http404
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Porównanie wersji: %(object)s") % {"object": obj},
            "subtitle": None,
            "opts": opts,
            "object": obj,
            "old": old,
            "new": new,
            "sections": compare_versions(old, new),
            "restore_old_url": reverse(
                f"admin:{opts.app_label}_{opts.model_name}_revision",
                args=[object_id, old.pk],
            ),
            "restore_new_url": reverse(
                f"admin:{opts.app_label}_{opts.model_name}_revision",
                args=[object_id, new.pk],
            ),
        }
        return TemplateResponse(request, "admin/versions/compare.html", context)

    def delete_view(self, request, object_id, extra_context=None):
        # Records shared with others (partners, target groups, organisers) are
        # only referred to: the page names them so editors see they stay.
        obj = self.get_object(request, unquote(object_id))
        shared = []
        if obj is not None:
            for field in self.model._meta.many_to_many:
                count = getattr(obj, field.name).count()
                if count:
                    shared.append((field.verbose_name, count))
        context = {"shared_records": shared, **(extra_context or {})}
        return super().delete_view(request, object_id, context)

    def get_deleted_objects(self, objs, request):
        """Django's list without the rows that only link this record to shared ones.

        "Powiązanie communityarea do organiser: CommunityArea_organisers
        object (1)" means nothing to an editor; the shared records themselves
        stay, and the confirmation page says so.
        """
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        links = [
            field.remote_field.through._meta
            for field in self.model._meta.many_to_many
            if field.remote_field.through._meta.auto_created
        ]
        prefixes = tuple(f"{capfirst(link.verbose_name)}: " for link in links)
        plural = {str(link.verbose_name_plural) for link in links}

        def without_links(items):
            kept = []
            for item in items:
                if isinstance(item, list):
                    kept.append(without_links(item))
                elif not (prefixes and str(item).startswith(prefixes)):
                    kept.append(item)
            return kept

        model_count = {name: n for name, n in model_count.items() if str(name) not in plural}
        return without_links(deleted), model_count, perms_needed, protected

    def _keep_before_deletion(self, request, objects):
        with create_revision():
            set_user(request.user)
            set_comment(gettext("Stan przed usunięciem."))
            for obj in objects:
                add_to_revision(obj)

    def delete_model(self, request, obj):
        self._keep_before_deletion(request, [obj])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        self._keep_before_deletion(request, list(queryset))
        super().delete_queryset(request, queryset)


class DocumentInline(StackedInline):
    """Files to download (core.documents) of any page; subclasses name the model.

    One file a block, its fields one under another: a row of six fields, one of
    them a file chooser, is wider than a laptop's screen.
    """

    extra = 0
    noun = Noun("plik do pobrania", "pliki do pobrania", "plików do pobrania", MASCULINE)
    fields = ["order", "title", "file", "accessibility_note", "file_format", "size_shown"]
    readonly_fields = ["file_format", "size_shown"]

    @admin.display(description=_("rozmiar"))
    def size_shown(self, document):
        return document.size_label if document.file_size else "—"


class OpeningHoursInline(TabularInline):
    """Weekly hours of any owner of opening hours; subclasses name the model."""

    extra = 0
    noun = Noun("godziny", "godziny", "godzin", PLURAL)
    fields = ["weekday", "opens", "closes"]


class SpecialDayInline(TabularInline):
    """Closure days and changed hours of any owner; subclasses name the model."""

    extra = 0
    noun = Noun("dzień nieczynny", "dni nieczynne", "dni nieczynnych", MASCULINE)
    fields = ["date", "opens", "closes", "reason", "replaces_holiday"]
    verbose_name_plural = _("dni nieczynne i zmienione godziny (puste godziny — nieczynne)")


def _long_date(date):
    return formats.date_format(date, "j E Y \\r.")


class DayOffForm(forms.Form):
    """The day off an owner of hours gives for one of its Saturday holidays."""

    holiday = forms.DateField(widget=forms.HiddenInput)
    day = forms.DateField(
        label=_("Dzień wolny w zamian"),
        # The admin's own date field: the date reads "23.12.2026" whatever the
        # browser's language, as in the rows of closure days below it.
        widget=AdminDateWidget,
        error_messages={"required": _("Wybierz dzień wolny."), "invalid": _("Podaj datę.")},
    )

    def __init__(self, owner, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner
        self.today = today or timezone.localdate()

    def clean_holiday(self):
        holiday = self.cleaned_data["holiday"]
        pending = dict(self.owner.saturday_holidays_without_day_off(self.today))
        if holiday not in pending:
            raise forms.ValidationError(
                _("Dzień wolny za święto %(date)s jest już wpisany albo to święto minęło."),
                params={"date": _long_date(holiday)},
            )
        return holiday

    def clean_day(self):
        day = self.cleaned_data["day"]
        if day < self.today:
            raise forms.ValidationError(
                _("Ten dzień (%(date)s) już minął. Wybierz dzień od dziś wzwyż."),
                params={"date": _long_date(day)},
            )
        name = holidays.name(day, "pl")
        if name:
            raise forms.ValidationError(
                _("%(date)s to też święto: %(name)s. Wybierz dzień, w którym zwykle się pracuje."),
                params={"date": _long_date(day), "name": name},
            )
        if self.owner.schedule.day(day).is_closed:
            raise forms.ValidationError(
                _(
                    "%(date)s to i tak dzień nieczynny. Wybierz dzień, w którym zwykle "
                    "się pracuje, a mieszkańcy zobaczą go wśród dni nieczynnych."
                ),
                params={"date": _long_date(day)},
            )
        return day


def suggested_day_off(owner, holiday, today):
    """The last working day before the holiday, or the first after it when that has passed."""
    candidates = [holiday - datetime.timedelta(days=n) for n in range(1, 8)]
    candidates += [holiday + datetime.timedelta(days=n) for n in range(1, 15)]
    for day in candidates:
        if day >= today and not owner.schedule.day(day).is_closed:
            return day
    return None


class SaturdayHolidaysMixin:
    """On the change page of an owner of hours: a warning for each coming Saturday
    holiday without a day off in return, with a form that adds the chosen day
    as a closure whose reason names the holiday."""

    change_form_template = "admin/hours_owner_change_form.html"

    def get_urls(self):
        opts = self.model._meta
        own = [
            path(
                "<path:object_id>/dzien-wolny-za-swieto/",
                self.admin_site.admin_view(self.day_off_view),
                name=f"{opts.app_label}_{opts.model_name}_day_off",
            ),
        ]
        return own + super().get_urls()

    def _special_day_relation(self):
        return self.model._meta.get_field("special_days")

    def _may_add_day_off(self, request, owner):
        special_day_opts = self._special_day_relation().related_model._meta
        codename = get_permission_codename("add", special_day_opts)
        return self.has_change_permission(request, owner) and request.user.has_perm(
            f"{special_day_opts.app_label}.{codename}"
        )

    def saturday_holidays(self, request, owner):
        """[{"date", "name", "form"}, …] for the warning on the change page."""
        if owner is None or not self._may_add_day_off(request, owner):
            return []
        today = timezone.localdate()
        return [
            {
                "date": date,
                "name": name,
                "form": DayOffForm(
                    owner,
                    initial={"holiday": date, "day": suggested_day_off(owner, date, today)},
                    auto_id=f"dzien-wolny-{date:%Y%m%d}-%s",
                    today=today,
                ),
            }
            for date, name in owner.saturday_holidays_without_day_off(today)
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        owner = self.get_object(request, unquote(object_id)) if object_id else None
        extra_context = {
            **(extra_context or {}),
            "saturday_holidays": self.saturday_holidays(request, owner),
            "day_off_url_name": f"admin:{self.model._meta.app_label}_"
            f"{self.model._meta.model_name}_day_off",
        }
        return super().change_view(request, object_id, form_url, extra_context)

    @method_decorator(require_POST)
    def day_off_view(self, request, object_id):
        owner = self.get_object(request, unquote(object_id))
        if owner is None:
            raise Http404
        if not self._may_add_day_off(request, owner):
            raise PermissionDenied
        opts = self.model._meta
        change_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[owner.pk])
        form = DayOffForm(owner, request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect(change_url)
        holiday, day = form.cleaned_data["holiday"], form.cleaned_data["day"]
        relation = self._special_day_relation()
        row = relation.related_model(
            **{relation.remote_field.name: owner},
            date=day,
            reason=holidays.day_off_reason(holiday),
            replaces_holiday=holiday,
        )
        try:
            row.full_clean()
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(change_url)
        row.save()
        self.log_change(
            request,
            owner,
            gettext("Dodano %(name)s „%(object)s”.")
            % {"name": row._meta.verbose_name, "object": row},
        )
        messages.success(
            request,
            gettext(
                "Dodano dzień wolny %(day)s za święto przypadające w sobotę %(holiday)s "
                "Mieszkańcy zobaczą go wśród dni nieczynnych."
            )
            % {"day": _long_date(day), "holiday": _long_date(holiday)},
        )
        return redirect(change_url)


class SingletonAdmin(admin.ModelAdmin):
    """A single record: no second one, no deleting it, the list opens the record."""

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not self.model.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        record = self.model.objects.only("pk").first()
        if record is not None:
            opts = self.model._meta
            return redirect(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
            )
        return super().changelist_view(request, extra_context)
