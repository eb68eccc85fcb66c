import reversion
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin import ChangeHistoryMixin, DocumentInline, VersionedAdmin
from core.polish_admin import FEMININE, Noun
from core.publication_admin import PublicationAdminMixin, PublicationStatusFilter
from news.models import NewsDocument, NewsItem

# An item's version holds its documents (the file names: files stay in
# storage, so a restored document downloads again).
reversion.register(NewsDocument)
reversion.register(NewsItem, follow=["documents"])


class NewsDocumentInline(DocumentInline):
    model = NewsDocument


@admin.register(NewsItem)
class NewsItemAdmin(PublicationAdminMixin, ChangeHistoryMixin, VersionedAdmin):
    noun = Noun("aktualność", "aktualności", "aktualności", FEMININE, genitive="aktualności")
    inlines = [NewsDocumentInline]
    list_display = ["title", "publication_status_column", "is_urgent", "published_at"]
    list_filter = [PublicationStatusFilter, "is_urgent"]
    search_fields = ["title", "lead", "body"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "published_at"
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body"]}),
        (
            _("Publikacja"),
            {
                "fields": ["published_at", "expires_at", "is_urgent"],
                "description": _(
                    "Pusty początek publikacji — szkic. Pilny komunikat widać na górze "
                    "każdej strony od początku do końca publikacji."
                ),
            },
        ),
        (_("Zdjęcie"), {"fields": ["image", "image_alt"], "classes": ["collapse"]}),
    ]
