from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.documents import Document
from core.images import photo_alt_constraint, photo_alt_field, photo_field
from core.models import address_ending_field
from core.publication import Publication, PublicationQuerySet, next_change_among
from core.review import Reviewed


class NewsItemQuerySet(PublicationQuerySet):
    def urgent_notices(self, now=None):
        """The urgent items shown in the banner at ``now`` and the moment that changes, as
        ``(notices newest first, next change or None)``, from one query.

        The query fetches the urgent items not yet ended, scheduled ones included:
        their starts are among the moments the banner changes.
        """
        now = now or timezone.now()
        rows = list(
            self.filter(is_urgent=True, published_at__isnull=False)
            .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
            .only("title", "slug", "published_at", "expires_at")
            .order_by("-published_at", "-pk")
        )
        notices = [row for row in rows if row.published_at <= now]
        return notices, next_change_among(rows, now)


class NewsItem(Publication, Reviewed):
    title = models.CharField(_("tytuł"), max_length=200)
    slug = address_ending_field(
        200, _("Wpisuje się sama z tytułu. Strona: /aktualnosci/punkt-ogrzewania-mrozy/")
    )
    lead = models.TextField(
        _("zajawka"),
        max_length=500,
        help_text=_("Jedno, dwa zdania na listę aktualności i stronę główną."),
    )
    body = models.TextField(
        _("treść"),
        blank=True,
        help_text=_(
            "Zwykły tekst. Pusty wiersz zaczyna nowy akapit; adresy stron "
            "(https://…) stają się odnośnikami."
        ),
    )
    image = photo_field("aktualnosci/")
    image_alt = photo_alt_field()
    is_urgent = models.BooleanField(
        _("pilny komunikat"),
        default=False,
        help_text=_(
            "Pokazuj tytuł na górze każdej strony, dopóki trwa publikacja. "
            "Ustaw koniec publikacji, żeby komunikat zniknął sam."
        ),
    )
    updated_at = models.DateTimeField(_("ostatnia zmiana"), auto_now=True)

    objects = NewsItemQuerySet.as_manager()

    class Meta:
        # Drafts, which have no publication moment, first in the admin's list.
        ordering = [models.F("published_at").desc(nulls_first=True), "-pk"]
        verbose_name = _("aktualność")
        verbose_name_plural = _("aktualności")
        constraints = [
            *Publication.Meta.constraints,
            photo_alt_constraint("news_newsitem_image_has_alt"),
            # /aktualnosci/rss/ is the feed, so an item there could never be opened.
            models.CheckConstraint(
                condition=~Q(slug="rss"),
                name="news_newsitem_slug_not_reserved",
                violation_error_message=_("Adres „rss” jest zajęty przez kanał RSS."),
            ),
        ]
        indexes = [models.Index(fields=["is_urgent", "expires_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:detail", kwargs={"slug": self.slug})


class NewsDocument(Document):
    item = models.ForeignKey(
        NewsItem,
        on_delete=models.CASCADE,
        related_name="documents",
        verbose_name=_("aktualność"),
    )

    upload_folder = "aktualnosci"

    class Meta(Document.Meta):
        verbose_name = _("plik do pobrania")
        verbose_name_plural = _("pliki do pobrania")
