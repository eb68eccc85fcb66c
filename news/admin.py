import reversion
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

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

    publication_sentences = {
        "saved": _("Aktualność „%(object)s” została zapisana."),
        "draft": _(
            "Jest szkicem i nie jest widoczna. Aby ją opublikować, wpisz początek "
            "publikacji albo użyj akcji „Opublikuj” na liście aktualności."
        ),
        "scheduled": _("Mieszkańcy zobaczą ją od %(start)s."),
        "scheduled_until": _("Mieszkańcy zobaczą ją od %(start)s do %(end)s."),
        "published": _("Jest widoczna na stronie."),
        "published_until": _("Jest widoczna na stronie do %(end)s."),
        "expired": _("Nie jest już widoczna: jej publikacja skończyła się %(end)s."),
    }
    publication_count = ngettext_lazy("%(count)s aktualność", "%(count)s aktualności", "count")
