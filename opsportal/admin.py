from django.contrib import admin
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Portal ośrodka — administracja")
admin.site.site_title = _("Portal ośrodka")
admin.site.index_title = _("Treści portalu")
