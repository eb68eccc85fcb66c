"""Polish names of records: what Django's generic catalogue cannot say.

Django builds its admin sentences from a model's verbose_name alone, so its
Polish catalogue writes gender in brackets ("został(a)(-ło) zmieniony(-na)")
and leaves the noun in the nominative ("Zmień ankieta"). Each ModelAdmin and
inline declares its noun once (``noun = Noun(...)``); PolishAdminMixin and
PolishInlineMixin write the titles, messages, counts and buttons from it, and
give every time field the forgiving HumanTimeField ("8", "8.00", "8:30").
"""

import datetime
from dataclasses import dataclass

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected as django_delete_selected
from django.contrib.admin.widgets import (
    AdminSplitDateTime,
    AdminTimeWidget,
    RelatedFieldWidgetWrapper,
)
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.numbers import plural

# PLURAL is for nouns with no singular ("informacje", "godziny"), which agree
# like any plural of things ("zostały zapisane", "kolejne godziny").
MASCULINE, FEMININE, NEUTER, PLURAL = "m", "f", "n", "p"


@dataclass(frozen=True)
class Noun:
    """A record's name in the forms Polish sentences need.

    ``singular`` is the nominative ("projekt socjalny"), ``accusative`` what
    one adds, changes or deletes ("ankietę"), ``genitive`` what cannot be
    deleted ("organizacji partnerskiej"); ``plural`` goes with 2–4 ("3
    projekty"), ``genitive_plural`` with 0 and 5 and more ("7 projektów").
    ``accusative_plural`` differs only for persons ("Usunięto 3
    organizatorów"). ``gender`` is MASCULINE, FEMININE, NEUTER or PLURAL.
    """

    singular: str
    plural: str
    genitive_plural: str
    gender: str
    accusative: str = ""
    genitive: str = ""
    accusative_plural: str = ""

    def __post_init__(self):
        if self.gender not in (MASCULINE, FEMININE, NEUTER, PLURAL):
            raise ValueError(f"gender must be one of m, f, n, p, not {self.gender!r}")

    @property
    def object_form(self):
        """The accusative: "Dodaj ankietę", "Zmień projekt"."""
        return self.accusative or self.singular

    def count(self, number, accusative=False):
        """``number`` with the noun in the right form: "1 projekt", "3 projekty", "7 projektów"."""
        if accusative:
            one = self.accusative or self.singular
            few = self.accusative_plural or self.plural
        else:
            one, few = self.singular, self.plural
        return f"{number} {plural(number, one, few, self.genitive_plural)}"

    def say(self, sentence, **values):
        """``sentence`` with the words that agree with this noun filled in."""
        agreement = _AGREEMENT[self.gender]
        if self.gender == MASCULINE and self.accusative and self.accusative == self.genitive:
            # A man or an animal: the accusative is the genitive, in the words
            # agreeing with it too ("kolejnego partnera", not "kolejny partnera").
            agreement = {**agreement, "another": "kolejnego"}
        return sentence % {**agreement, "noun": self.object_form, **values}


# The words that agree with a noun's gender: the auxiliary, the participle's
# ending, "another" in the accusative ("został dodany", "kolejną ankietę"), and
# the pronoun in the accusative and the possessive ("zobaczą ją", "jej publikacja").
_AGREEMENT = {
    MASCULINE: {"was": "został", "e": "y", "another": "kolejny", "it": "go", "its": "jego"},
    FEMININE: {"was": "została", "e": "a", "another": "kolejną", "it": "ją", "its": "jej"},
    NEUTER: {"was": "zostało", "e": "e", "another": "kolejne", "it": "je", "its": "jego"},
    PLURAL: {"was": "zostały", "e": "e", "another": "kolejne", "it": "je", "its": "ich"},
}
_ADDED = _("%(noun)s „%(object)s” %(was)s dodan%(e)s.")
_SAVED = _("%(noun)s „%(object)s” %(was)s zapisan%(e)s.")
_DELETED = _("%(noun)s „%(object)s” %(was)s usunięt%(e)s.")
_RESTORED = _("%(noun)s „%(object)s” %(was)s przywrócon%(e)s z zapisanej wersji.")
_ADD_ANOTHER = _("Dodaj %(another)s %(noun)s")
_ANOTHER_BELOW = _("Poniżej możesz dodać %(another)s.")

_WEEKDAYS = ["pon.", "wt.", "śr.", "czw.", "pt.", "sob.", "niedz."]


def date_with_weekday(value):
    """ "pon. 15 grudnia 2026", and for a moment its local time as well: "…, 8:00"."""
    if value is None:
        return "—"
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return f"{date_with_weekday(value.date())}, {time_label(value.time())}"
    # No break inside the date: in a narrow column it wraps after the weekday
    # or the comma, never between "15" and "grudnia".
    date = formats.date_format(value, "j E Y").replace(" ", "\N{NO-BREAK SPACE}")
    return f"{_WEEKDAYS[value.weekday()]} {date}"


def time_label(value):
    """A time as people write it: "8:00", "16:30", never "08:00:00"."""
    return f"{value.hour}:{value.minute:02d}" if value is not None else ""


class HumanTimeField(forms.TimeField):
    """A time typed the way people write it: "8", "8.00", "8:00", "08:00", "8.30"."""

    input_formats = ["%H:%M", "%H.%M", "%H", "%H:%M:%S"]
    default_error_messages = {
        "invalid": _("Wpisz godzinę, na przykład 8:00, 8.30 albo 16."),
    }

    def __init__(self, **kwargs):
        kwargs.pop("input_formats", None)
        super().__init__(input_formats=self.input_formats, **kwargs)


class HumanAdminTimeWidget(AdminTimeWidget):
    """The admin's time box (with its clock), showing "8:00" instead of "08:00:00"."""

    def format_value(self, value):
        if isinstance(value, datetime.time):
            return time_label(value)
        return super().format_value(value)


class HumanSplitDateTimeField(forms.SplitDateTimeField):
    """A date and a time, the time typed as people write it (see HumanTimeField)."""

    def __init__(self, **kwargs):
        kwargs.pop("input_time_formats", None)
        super().__init__(input_time_formats=HumanTimeField.input_formats, **kwargs)


class HumanAdminSplitDateTime(AdminSplitDateTime):
    """The admin's date and time boxes, the time shown as "8:00"."""

    def decompress(self, value):
        date, time = super().decompress(value)
        return [date, time_label(time) if time is not None else None]


HUMAN_TIME = {
    models.TimeField: {"form_class": HumanTimeField, "widget": HumanAdminTimeWidget},
    models.DateTimeField: {
        "form_class": HumanSplitDateTimeField,
        "widget": HumanAdminSplitDateTime,
    },
}


def _with_human_times(overrides):
    merged = {**HUMAN_TIME}
    for field, options in (overrides or {}).items():
        merged[field] = {**merged.get(field, {}), **options}
    return merged


def _without_delete_link(formfield):
    """``formfield`` without the red ✖ next to a chosen record, which deletes that record.

    Next to an event's area or a project's partner it reads as "clear this
    choice"; a record is deleted from its own page, where Django lists what
    goes with it.
    """
    if formfield is not None and isinstance(formfield.widget, RelatedFieldWidgetWrapper):
        formfield.widget.can_delete_related = False
    return formfield


def _weekday_column(field, label=None):
    """A change-list column showing ``field`` as "pon. 15 grudnia 2026", sorted by it."""

    def column(obj):
        return date_with_weekday(getattr(obj, field.name))

    column.__name__ = field.name
    return admin.display(description=label or field.verbose_name, ordering=field.name)(column)


def _labelled_column(field, label):
    """A change-list column of ``field`` under a shorter heading, sorted and shown as before."""

    def column(obj):
        if field.choices:
            return getattr(obj, f"get_{field.name}_display")()
        return getattr(obj, field.name)

    column.__name__ = field.name
    boolean = isinstance(field, models.BooleanField)
    return admin.display(description=label, ordering=field.name, boolean=boolean)(column)


class PolishAdminMixin:
    """Titles, messages, counts, list columns and refusals of a ModelAdmin, from its ``noun``.

    ``protected_advice`` says what to do when other records keep one from
    being deleted ("Usuń tego partnera z tych projektów…"); without it the
    delete page gives general advice.
    """

    noun = None
    protected_advice = ""
    # Shorter headings for change-list columns whose field names are long
    # ("obowiązuje kryterium dochodowe"), so lists fit a 1366 px screen.
    column_labels = {}

    def __init__(self, model, admin_site):
        self.formfield_overrides = _with_human_times(self.formfield_overrides)
        super().__init__(model, admin_site)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        return _without_delete_link(super().formfield_for_dbfield(db_field, request, **kwargs))

    def noun_sentence(self, sentence, obj):
        return self.noun.say(sentence, noun=capfirst(self.noun.singular), object=obj)

    def saved_message(self, obj):
        """ "Projekt „Szansa dla Ciebie” został zapisany." """
        return self.noun_sentence(_SAVED, obj)

    def announce(self, request, message):
        """Say ``message`` instead of Django's next success message on this request."""
        # PublicationAdminMixin (core.publication_admin) says after a save
        # whether residents can see the record: its sentence wins.
        if getattr(request, "publication_message", None) is None:
            request.noun_message = message

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        if level == messages.SUCCESS:
            saved_rows = getattr(request, "noun_list_saves", 0)
            pending = getattr(request, "noun_message", None)
            if saved_rows:
                message = gettext("Zapisano zmiany: %(count)s.") % {
                    "count": self.noun.count(saved_rows)
                }
                request.noun_list_saves = 0
            elif pending is not None:
                message, request.noun_message = pending, None
        return super().message_user(request, message, level, *args, **kwargs)

    def get_list_display(self, request):
        """The list's columns: dates with their weekday, headings shortened by ``column_labels``."""
        columns = []
        for name in super().get_list_display(request):
            field = self._listed_field(name)
            if field is None:
                columns.append(name)
            elif isinstance(field, models.DateField):
                columns.append(_weekday_column(field, self.column_labels.get(name)))
            elif name in self.column_labels:
                columns.append(_labelled_column(field, self.column_labels[name]))
            else:
                columns.append(name)
        return columns

    def _listed_field(self, name):
        if not isinstance(name, str) or name in (self.list_editable or ()):
            return None
        try:
            return self.model._meta.get_field(name)
        except FieldDoesNotExist:
            return None

    def response_add(self, request, obj, post_url_continue=None):
        if self.noun is not None:
            message = self.noun_sentence(_ADDED, obj)
            if "_addanother" in request.POST:
                message = f"{message} {self.noun.say(_ANOTHER_BELOW)}"
            self.announce(request, message)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if self.noun is not None:
            sentences = _ADDED if "_saveasnew" in request.POST else _SAVED
            if getattr(request, "noun_restoring", False):
                sentences = _RESTORED
            message = self.noun_sentence(sentences, obj)
            if "_addanother" in request.POST:
                message = f"{message} {self.noun.say(_ANOTHER_BELOW)}"
            self.announce(request, message)
        return super().response_change(request, obj)

    def response_delete(self, request, obj_display, obj_id):
        if self.noun is not None:
            self.announce(request, self.noun_sentence(_DELETED, obj_display))
        return super().response_delete(request, obj_display, obj_id)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if hasattr(request, "noun_list_saves"):
            request.noun_list_saves += 1

    def changelist_view(self, request, extra_context=None):
        if self.noun is None:
            return super().changelist_view(request, extra_context)
        if request.method == "POST" and "_save" in request.POST:
            # Rows saved from the list itself (list_editable) are counted in save_model.
            request.noun_list_saves = 0
        context = {
            "title": capfirst(self.noun.plural),
            "add_label": gettext("Dodaj %(noun)s") % {"noun": self.noun.object_form},
            **(extra_context or {}),
        }
        return super().changelist_view(request, context)

    def add_view(self, request, form_url="", extra_context=None):
        if self.noun is not None:
            title = gettext("Dodaj %(noun)s") % {"noun": self.noun.object_form}
            extra_context = {"title": title, **(extra_context or {})}
        return super().add_view(request, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if self.noun is not None:
            verb = gettext("Zmień") if self.has_change_permission(request) else gettext("Zobacz")
            title = f"{verb} {self.noun.object_form}"
            extra_context = {"title": title, **(extra_context or {})}
        return super().change_view(request, object_id, form_url, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        request.noun_restoring = True
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        request.noun_restoring = True
        return super().recover_view(request, version_id, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        response = super().delete_view(request, object_id, extra_context)
        context = getattr(response, "context_data", None)
        if self.noun is None or context is None or "object" not in context:
            return response
        genitive = self.noun.genitive or self.noun.singular
        if "title" not in (extra_context or {}):
            context["title"] = gettext("Usunąć %(noun)s?") % {"noun": self.noun.object_form}
        if context.get("protected"):
            context["title"] = gettext("Nie można usunąć %(noun)s") % {"noun": genitive}
            context["protecting_records"] = self.protecting_records(request, context["object"])
            context["protected_advice"] = self.protected_advice
            context["changelist_url"] = reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist"
            )
        # Django's sentences put object_name after "Usunięcie" (genitive) or
        # "Czy chcesz usunąć" (accusative).
        lacking = context.get("perms_lacking")
        context["object_name"] = genitive if lacking else self.noun.object_form
        context["noun"] = self.noun
        return response

    def get_deleted_objects(self, objs, request):
        """Django's list, with rows that link this record to another one said in words.

        Deleting an organiser removes the rows of the areas' ``organisers``
        field, which Django lists as "Powiązanie communityarea do organiser:
        CommunityArea_organisers object (1)"; here that reads "Przypisanie do:
        obszar OSL „Gutwin” (ten wpis zostaje)". Rows of this model's own
        many-to-many fields are VersionedAdmin's to leave out.
        """
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        readable, link_names = {}, set()
        for relation in self.model._meta.get_fields():
            through = getattr(relation, "through", None)
            if not (relation.many_to_many and relation.auto_created and through):
                continue
            if not through._meta.auto_created:
                continue
            keys = [field for field in through._meta.get_fields() if field.many_to_one]
            own = next(field for field in keys if field.related_model is self.model)
            other = next(field for field in keys if field is not own)
            prefix = f"{capfirst(through._meta.verbose_name)}: "
            link_names.add(str(through._meta.verbose_name_plural))
            rows = through._default_manager.filter(**{f"{own.name}__in": objs})
            for row in rows.select_related(other.name):
                record = getattr(row, other.name)
                readable[f"{prefix}{row}"] = gettext(
                    "Przypisanie do: %(kind)s „%(record)s” (ten wpis zostaje)"
                ) % {"kind": record._meta.verbose_name, "record": record}

        def reworded(items):
            return [
                reworded(item) if isinstance(item, list) else readable.get(str(item), item)
                for item in items
            ]

        model_count = {name: n for name, n in model_count.items() if str(name) not in link_names}
        return reworded(deleted), model_count, perms_needed, protected

    def _admin_of(self, model):
        return (
            self.admin_site.get_model_admin(model) if self.admin_site.is_registered(model) else None
        )

    def _record_in_admin(self, row, via):
        """``row`` if it has an admin page, else the record it belongs to that has one.

        A partner is kept by its partnership rows, which editors know only as
        part of a project: the project is what they can open and change.
        """
        if self._admin_of(type(row)) is not None:
            return row
        for field in row._meta.get_fields():
            if field.many_to_one and field is not via and self._admin_of(field.related_model):
                return getattr(row, field.name)
        return row

    def protecting_records(self, request, obj):
        """[(kind, record, url)] of the records that keep ``obj`` from being deleted.

        Read from the model's PROTECT relations, one line per record an editor
        can open (its admin URL, or "" when the editor may not open it).
        """
        found = {}
        for relation in obj._meta.get_fields():
            if not relation.auto_created or relation.concrete or not relation.one_to_many:
                continue
            if relation.on_delete is not models.PROTECT:
                continue
            rows = relation.related_model._default_manager.filter(**{relation.field.name: obj})
            for row in rows:
                record = self._record_in_admin(row, relation.field)
                found[(record._meta.label, record.pk)] = record
        lines = []
        for record in found.values():
            model_admin = self._admin_of(type(record))
            url = ""
            if model_admin is not None and model_admin.has_view_or_change_permission(
                request, record
            ):
                opts = record._meta
                url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
            lines.append((capfirst(record._meta.verbose_name), record, url))
        return sorted(lines, key=lambda line: (str(line[0]), str(line[1])))


class PolishInlineMixin:
    """An inline whose "add another" link names its ``noun``: "Dodaj kolejny telefon"."""

    noun = None
    # A row's own "Pokaż na stronie" link leads to its parent's page (a goal,
    # a partner, an answer), seven times on one project form: the parent's
    # link at the top of the form is the one that counts.
    view_on_site = False

    def __init__(self, parent_model, admin_site):
        self.formfield_overrides = _with_human_times(self.formfield_overrides)
        super().__init__(parent_model, admin_site)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        return _without_delete_link(super().formfield_for_dbfield(db_field, request, **kwargs))

    @property
    def add_another_label(self):
        if self.noun is None:
            return ""
        return self.noun.say(_ADD_ANOTHER)


class TabularInline(PolishInlineMixin, admin.TabularInline):
    template = "admin/edit_inline/tabular_named.html"


class StackedInline(PolishInlineMixin, admin.StackedInline):
    template = "admin/edit_inline/stacked_named.html"


@admin.action(permissions=["delete"], description=_("Usuń zaznaczone: %(verbose_name_plural)s"))
def delete_selected(modeladmin, request, queryset):
    """Django's bulk deletion, with its question and message in whole Polish sentences."""
    noun = getattr(modeladmin, "noun", None)
    if noun is None:
        return django_delete_selected(modeladmin, request, queryset)
    count = queryset.count()
    request.noun_message = gettext("Usunięto %(count)s.") % {
        "count": noun.count(count, accusative=True)
    }
    response = django_delete_selected(modeladmin, request, queryset)
    if isinstance(response, TemplateResponse) and response.context_data is not None:
        context = response.context_data
        context["objects_name"] = noun.count(count)
        context["title"] = gettext("Usuwanie zaznaczonych wpisów")
        if context.get("protected"):
            context["protected"] = _protecting_lines(modeladmin, request, queryset)
    return response


def _protecting_lines(modeladmin, request, queryset):
    """The records keeping any of ``queryset`` from deletion, each once, linked when allowed."""
    lines = {}
    for obj in queryset:
        for kind, record, url in modeladmin.protecting_records(request, obj):
            shown = format_html('{}: <a href="{}">{}</a>', kind, url, record) if url else None
            lines[(record._meta.label, record.pk)] = shown or f"{kind}: {record}"
    return list(lines.values())
