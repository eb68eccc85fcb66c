"""The admin side of :mod:`core.publication`: status column and filter, *Opublikuj* and
*Wycofaj*, and a message after saving that says whether residents can see the record.

Polish needs each model's gender and case: the sentences agree with the admin's
``noun`` (core.polish_admin), the one place a model's grammar is declared.
"""

from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.publication import PublicationStatus, moment_label

# What saving a record means for residents, agreeing with the record's noun
# (core.polish_admin.Noun.say): "%(e)s" the adjective's ending, "%(it)s" and
# "%(its)s" the pronouns; "%(list)s" names the admin list where the actions
# are (genitive plural: "projektów").
_VISIBILITY = {
    "draft": _(
        "Jest szkicem i nie jest widoczn%(e)s. Aby %(it)s opublikować, wpisz początek "
        "publikacji albo użyj akcji „Opublikuj” na liście %(list)s."
    ),
    "scheduled": _("Mieszkańcy zobaczą %(it)s od %(start)s."),
    "scheduled_until": _("Mieszkańcy zobaczą %(it)s od %(start)s do %(end)s."),
    "published": _("Jest widoczn%(e)s na stronie."),
    "published_until": _("Jest widoczn%(e)s na stronie do %(end)s."),
    "expired": _("Nie jest już widoczn%(e)s: %(its)s publikacja skończyła się %(end)s."),
}


class PublicationStatusFilter(admin.SimpleListFilter):
    title = _("status publikacji")
    parameter_name = "publikacja"

    def lookups(self, request, model_admin):
        return PublicationStatus.choices

    def queryset(self, request, queryset):
        if self.value() in PublicationStatus.values:
            return queryset.with_status(PublicationStatus(self.value()))
        return queryset


class PublicationAdminMixin:
    """For the PolishAdminMixin ModelAdmin of a :class:`core.publication.Publication` model:
    its sentences agree with the admin's ``noun``."""

    actions = ["publish", "withdraw"]

    @admin.display(description=_("status"), ordering="published_at")
    def publication_status_column(self, obj):
        label = obj.status_label()
        if obj.publication_status() == PublicationStatus.PUBLISHED and obj.expires_at:
            label = gettext("%(status)s do %(end)s") % {
                "status": label,
                "end": moment_label(obj.expires_at),
            }
        return label

    def visibility_message(self, obj, now=None):
        """What saving ``obj`` means for residents, in whole sentences."""
        now = now or timezone.now()
        status = obj.publication_status(now)
        key = str(status.value)
        if status in (PublicationStatus.SCHEDULED, PublicationStatus.PUBLISHED) and obj.expires_at:
            key += "_until"
        visibility = self.noun.say(
            _VISIBILITY[key],
            list=self.noun.genitive_plural,
            start=moment_label(obj.published_at, now) if obj.published_at else "",
            end=moment_label(obj.expires_at, now) if obj.expires_at else "",
        )
        return f"{self.saved_message(obj)} {visibility}"

    # Django's own success messages spell the gender generically ("został(a)");
    # while a save's response is made, its message is replaced by ours.
    def response_add(self, request, obj, post_url_continue=None):
        request.publication_message = self.visibility_message(obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        request.publication_message = self.visibility_message(obj)
        return super().response_change(request, obj)

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        replacement = getattr(request, "publication_message", None)
        if replacement is not None and level == messages.SUCCESS:
            message = replacement
            request.publication_message = None
        return super().message_user(request, message, level, *args, **kwargs)

    def _count(self, count):
        # What was published or withdrawn, in the accusative with all three
        # plural forms: "1 ankietę", "3 ankiety", "5 ankiet".
        return self.noun.count(count, accusative=True)

    def _save_changed(self, request, changed, log_message):
        for obj in changed:
            # One save each, not update(): saving sends the signals that make
            # cached pages stale (web.signals).
            obj.save()
        if changed:
            LogEntry.objects.log_actions(
                user_id=request.user.pk,
                queryset=changed,
                action_flag=CHANGE,
                change_message=log_message,
            )

    @admin.action(description=_("Opublikuj"), permissions=["change"])
    def publish(self, request, queryset):
        now = timezone.now()
        changed = [obj for obj in queryset if obj.publish(now)]
        self._save_changed(request, changed, gettext("Opublikowano akcją z listy."))
        unchanged = queryset.count() - len(changed)
        if changed:
            self.message_user(
                request,
                gettext("Opublikowano %(count)s — od tej chwili na stronie.")
                % {"count": self._count(len(changed))},
                messages.SUCCESS,
            )
        if unchanged:
            self.message_user(
                request,
                gettext(
                    "Liczba zaznaczonych wpisów bez zmian, bo już były opublikowane "
                    "albo zaplanowane: %(count)s. Zaplanowane pojawią się w swoim terminie."
                )
                % {"count": unchanged},
                messages.INFO,
            )

    @admin.action(description=_("Wycofaj"), permissions=["change"])
    def withdraw(self, request, queryset):
        changed = [obj for obj in queryset if obj.withdraw()]
        self._save_changed(request, changed, gettext("Wycofano do szkiców akcją z listy."))
        if changed:
            self.message_user(
                request,
                gettext("Wycofano %(count)s do szkiców. Mieszkańcy nie widzą szkiców.")
                % {"count": self._count(len(changed))},
                messages.SUCCESS,
            )
        else:
            self.message_user(
                request, gettext("Zaznaczone wpisy były już szkicami."), messages.INFO
            )
