from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.polish_admin import delete_selected
from opsportal import search_report  # noqa: F401 — registers "Czego szukają mieszkańcy"

admin.site.site_header = _("Portal ośrodka — administracja")
admin.site.site_title = _("Portal ośrodka")
admin.site.index_title = _("Treści portalu")
# Django's bulk deletion, asking and answering in whole Polish sentences.
admin.site.add_action(delete_selected)


@admin.action(description=_("Dezaktywuj konta"), permissions=["change"])
def deactivate_accounts(modeladmin, request, queryset):
    count = queryset.filter(is_active=True).exclude(pk=request.user.pk).update(is_active=False)
    modeladmin.message_user(
        request,
        # One wording for any number: Polish needs three plural forms.
        gettext("Dezaktywowane konta: %(count)d. Zmiany, które zapisały, zostają w historii.")
        % {"count": count},
        messages.SUCCESS,
    )


class AccountAdmin(UserAdmin):
    """Accounts are deactivated, never deleted.

    Deleting a user would empty the "who" of every admin log entry and every
    version they saved; a deactivated account cannot log in, and the history
    still names the person.
    """

    actions = [deactivate_accounts]

    def has_delete_permission(self, request, obj=None):
        return False


User = get_user_model()
admin.site.unregister(User)
admin.site.register(User, AccountAdmin)
