from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Min, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import address_ending_field
from core.publication import Publication, PublicationQuerySet
from core.review import Reviewed


class ResultsVisibility(models.TextChoices):
    ALWAYS = "always", _("zawsze, każdemu")
    AFTER_VOTING = "after_voting", _("po oddaniu głosu")
    AFTER_CLOSING = "after_closing", _("po zamknięciu ankiety")


class PollQuerySet(PublicationQuerySet):
    def open(self, now=None):
        """Polls taking votes at ``now``: published, opened and not yet closed."""
        now = now or timezone.now()
        return self.published(now).filter(opens_at__lte=now, closes_at__gt=now)

    def shown_on_home(self, now=None):
        """The one poll the home page and /ankieta/ offer at ``now``, or None.

        When several are open at once, the one whose voting closes soonest: residents
        get to answer it before it is too late, and the others take its place after.
        Ties go to the one opened first. Editors read this rule under "Głosowanie do".
        """
        return self.open(now).order_by("closes_at", "opens_at", "pk").first()

    def closed(self, now=None):
        now = now or timezone.now()
        return self.published(now).filter(closes_at__lte=now)

    def results_public(self, now=None):
        """Published polls whose results anyone may read at ``now`` (see results_visible_to)."""
        now = now or timezone.now()
        return self.published(now).filter(
            Q(results_visibility=ResultsVisibility.ALWAYS) | Q(closes_at__lte=now)
        )

    def next_change(self, now=None):
        """The nearest coming moment at which what these polls' pages show changes: the
        start or end of a poll's publication, or the opening or closing of voting in a
        poll that is published or scheduled. One query."""
        now = now or timezone.now()
        shown = Q(expires_at__isnull=True) | Q(expires_at__gt=now)
        moments = self.filter(published_at__isnull=False).aggregate(
            start=Min("published_at", filter=Q(published_at__gt=now)),
            end=Min("expires_at", filter=Q(expires_at__gt=now)),
            opens=Min("opens_at", filter=Q(opens_at__gt=now) & shown),
            closes=Min("closes_at", filter=Q(closes_at__gt=now) & shown),
        )
        return min((m for m in moments.values() if m is not None), default=None)

    def overlapping(self, poll):
        """Other polls, published or scheduled, whose voting overlaps ``poll``'s."""
        return (
            self.exclude(pk=poll.pk)
            .filter(published_at__isnull=False)
            .filter(opens_at__lt=poll.closes_at, closes_at__gt=poll.opens_at)
            .order_by("closes_at", "opens_at", "pk")
        )


class Poll(Publication, Reviewed):
    question = models.CharField(_("pytanie"), max_length=200)
    slug = address_ending_field(
        80, _("Wpisuje się sama z pytania. Strona ankiety: /ankieta/nowa-strona/")
    )
    description = models.TextField(
        _("opis"), blank=True, help_text=_("Krótki wstęp wyświetlany nad pytaniem.")
    )
    opens_at = models.DateTimeField(_("głosowanie od"), default=timezone.now)
    closes_at = models.DateTimeField(
        _("głosowanie do"),
        help_text=_(
            "Gdy w tym samym czasie trwa głosowanie w kilku ankietach, strona główna "
            "pokazuje tę, w której głosowanie kończy się najwcześniej."
        ),
    )
    allow_comment = models.BooleanField(
        _("zezwalaj na komentarz"),
        default=False,
        help_text=_("Głosujący może dopisać krótki komentarz do swojej odpowiedzi."),
    )
    results_visibility = models.CharField(
        _("wyniki widoczne"),
        max_length=20,
        choices=ResultsVisibility.choices,
        default=ResultsVisibility.ALWAYS,
    )
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zmieniono"), auto_now=True)

    objects = PollQuerySet.as_manager()

    class Meta:
        verbose_name = _("ankieta")
        verbose_name_plural = _("ankiety")
        ordering = ["-opens_at", "question"]
        constraints = [
            *Publication.Meta.constraints,
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")),
                name="survey_poll_closes_after_opens",
                violation_error_message=_("Koniec głosowania musi nastąpić po jego rozpoczęciu."),
            ),
        ]

    def __str__(self):
        return self.question

    def get_absolute_url(self):
        return reverse("survey:detail", kwargs={"slug": self.slug})

    def get_results_url(self):
        return reverse("survey:results", kwargs={"slug": self.slug})

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.is_public(now) and self.opens_at <= now < self.closes_at

    def changes_at(self, now=None):
        """The next moment after ``now`` at which this poll's pages change by the clock
        alone: its publication starts or ends, or its voting opens or closes."""
        now = now or timezone.now()
        moments = (self.published_at, self.expires_at, self.opens_at, self.closes_at)
        return min((m for m in moments if m is not None and m > now), default=None)

    def has_opened(self, now=None):
        return self.opens_at <= (now or timezone.now())

    def is_closed(self, now=None):
        return self.closes_at <= (now or timezone.now())

    def results_visible_to(self, has_voted, now=None):
        if self.results_visibility == ResultsVisibility.ALWAYS:
            return True
        if self.is_closed(now):
            return True
        return self.results_visibility == ResultsVisibility.AFTER_VOTING and has_voted

    def choice_list(self):
        """[(choice id, text), …] in the order the form shows them."""
        return list(self.choices.order_by("position", "pk").values_list("pk", "text"))

    def tally(self):
        """The choices in order, each with ``votes`` counted from the ballots.

        Counting rows instead of keeping a counter means two votes arriving at
        the same moment can never overwrite each other's increment.
        """
        return list(self.choices.annotate(votes=Count("ballots")).order_by("position", "pk"))


class Choice(models.Model):
    poll = models.ForeignKey(
        Poll, on_delete=models.CASCADE, related_name="choices", verbose_name=_("ankieta")
    )
    text = models.CharField(_("odpowiedź"), max_length=200)
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        verbose_name = _("odpowiedź")
        verbose_name_plural = _("odpowiedzi")
        ordering = ["poll", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["poll", "text"],
                name="survey_choice_unique_text_per_poll",
                violation_error_message=_("Ta odpowiedź już jest w tej ankiecie."),
            ),
            # The target of the ballot's composite foreign key (choice, poll),
            # added in migration 0002: a ballot cannot name another poll's choice.
            models.UniqueConstraint(fields=["id", "poll"], name="survey_choice_id_poll"),
        ]

    def __str__(self):
        return self.text

    def get_absolute_url(self):
        return self.poll.get_absolute_url()


class Ballot(models.Model):
    """One vote. Never edited; counts are aggregated from these rows."""

    poll = models.ForeignKey(
        Poll, on_delete=models.CASCADE, related_name="ballots", verbose_name=_("ankieta")
    )
    # PROTECT: a choice somebody voted for cannot disappear and take votes with it.
    choice = models.ForeignKey(
        Choice, on_delete=models.PROTECT, related_name="ballots", verbose_name=_("odpowiedź")
    )
    voter_key = models.CharField(_("klucz głosującego"), max_length=64)
    address_hash = models.CharField(
        _("skrót adresu"),
        max_length=64,
        blank=True,
        help_text=_("HMAC adresu IP (nigdy sam adres), usuwany po okresie przechowywania."),
    )
    created_at = models.DateTimeField(_("oddano"), default=timezone.now, db_index=True)
    comment = models.TextField(_("komentarz"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("głos")
        verbose_name_plural = _("głosy")
        ordering = ["-created_at", "-pk"]
        # One ballot's time, answer and comment together can tell who voted
        # what; the editors' counts and comment list never need them (survey.admin).
        permissions = [
            (
                "read_ballots",
                _("Może czytać pojedyncze głosy (czas, odpowiedź, komentarz) i eksportować je"),
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["poll", "voter_key"],
                name="survey_ballot_one_per_voter",
                violation_error_message=_("Z tej przeglądarki oddano już głos w tej ankiecie."),
            ),
            models.CheckConstraint(
                condition=~Q(voter_key=""), name="survey_ballot_voter_key_not_empty"
            ),
        ]
        indexes = [
            # The flood limit counts an address's ballots of the last hour.
            models.Index(fields=["address_hash", "created_at"], name="survey_ballot_flood"),
        ]

    def __str__(self):
        return f"{self.poll} — {self.choice}"

    def save(self, *args, **kwargs):
        # The poll always follows the choice, so code that sets only the
        # choice cannot produce a ballot counted in the wrong poll.
        if self.choice_id and not self.poll_id:
            self.poll_id = self.choice.poll_id
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.poll.get_results_url()

    def clean(self):
        super().clean()
        if self.choice_id and self.poll_id and self.choice.poll_id != self.poll_id:
            raise ValidationError(
                {"choice": _("Ta odpowiedź należy do innej ankiety.")}, code="wrong_poll"
            )


class VotingAddress(models.Model):
    """An address (its keyed hash) that votes come from: the row its votes take turns on.

    The flood limit counts the address's ballots of the last hour. Two votes
    from one address counting at the same moment would both find room for one
    more, so each vote first writes this row (survey.voting.cast_ballot), which
    holds it until the vote's transaction ends, and only then counts. The row
    holds no vote; the purge command deletes it once it has been idle for an hour.
    """

    address_hash = models.CharField(_("skrót adresu"), max_length=64)
    last_vote_at = models.DateTimeField(_("ostatni głos"))

    class Meta:
        verbose_name = _("adres głosujących")
        verbose_name_plural = _("adresy głosujących")
        ordering = ["-last_vote_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["address_hash"], name="survey_votingaddress_one_per_address"
            ),
        ]

    def __str__(self):
        return self.address_hash
