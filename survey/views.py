from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.contrib import messages
from django.db import IntegrityError
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import get_object_or_404, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_cookie
from django.views.generic import TemplateView

from survey import voting
from survey.forms import VoteForm
from survey.models import Poll
from web.network import client_address
from web.pagecache import valid_until


class PollQuerysetMixin:
    """Owns which polls a visitor may reach: published ones; staff may preview drafts."""

    def get_queryset(self):
        return Poll.objects.visible_to(self.request.user)

    def get_poll(self):
        return get_object_or_404(self.get_queryset(), slug=self.kwargs["slug"])

    def get_poll_and_choices(self):
        """The poll and its choices in order, from the cache until content changes."""
        poll, choices = voting.poll_for_ballot(self.kwargs["slug"])
        # The poll comes from the process's copy, so the rule of Poll.objects.visible_to
        # is asked of it in Python: a vote reads no poll from the database.
        if poll is None or not (poll.is_public() or self.request.user.is_staff):
            raise Http404(_("Nie ma takiej ankiety."))
        return poll, choices


def has_voted(request, poll):
    key = voting.voter_key_from_cookie(request)
    return bool(key) and voting.ballot_exists(poll.pk, key)


def ballot_form(poll, prefix_id="id_%s"):
    """A fresh vote form: the same for every visitor (see voting.voter_key_for)."""
    return VoteForm(poll, auto_id=prefix_id)


class CurrentPollView(TemplateView):
    """/ankieta/: the poll taking votes now, or a note that none is."""

    template_name = "survey/poll_current.html"

    def get(self, request, *args, **kwargs):
        now = timezone.now()
        # Another poll may open, close, start or end its publication: the page follows.
        valid_until(Poll.objects.next_change(now))
        poll = Poll.objects.shown_on_home(now)
        context = {
            "poll": poll,
            "past_polls": list(Poll.objects.closed(now)[:10]),
        }
        if poll is not None:
            context["has_voted"] = has_voted(request, poll)
            if not context["has_voted"]:
                context["form"] = ballot_form(poll)
        return self.render_to_response(self.get_context_data(**context))


class PollDetailView(PollQuerysetMixin, View):
    """/ankieta/<slug>/: the voting form (GET) and the vote itself (POST)."""

    template_name = "survey/poll_detail.html"

    def render_page(self, poll, *, form=None, refusal="", status=200, voted=False):
        return render(
            self.request,
            self.template_name,
            {
                "poll": poll,
                "form": form,
                "has_voted": voted,
                "refusal": refusal,
                "is_open": poll.is_open(),
                "has_opened": poll.has_opened(),
            },
            status=status,
        )

    def get(self, request, slug):
        poll = self.get_poll()
        valid_until(poll.changes_at())
        voted = has_voted(request, poll)
        form = ballot_form(poll) if poll.is_open() and not voted else None
        return self.render_page(poll, form=form, voted=voted)

    def post(self, request, slug):
        poll, choices = self.get_poll_and_choices()
        if not poll.is_public():
            refusal = _("Ta ankieta nie jest opublikowana, więc nie można w niej głosować.")
            return self.render_page(poll, refusal=refusal, status=403)
        if not poll.is_open():
            if poll.has_opened():
                refusal = _(
                    "Głosowanie w tej ankiecie zostało zakończone. Głos nie został zapisany."
                )
            else:
                refusal = _("Głosowanie w tej ankiecie jeszcze się nie rozpoczęło.")
            return self.render_page(poll, refusal=refusal, status=403)
        try:
            data = request.POST
        except MultiPartParserError:
            data = None
        if data is None:
            refusal = _("Nie udało się odczytać formularza. Odśwież stronę i spróbuj ponownie.")
            return self.render_page(poll, refusal=refusal, status=400)

        form = VoteForm(poll, data, choices=[(choice.pk, choice.text) for choice in choices])
        if form.is_bot():
            refusal = _("Formularz wypełniono niepoprawnie, więc głos nie został zapisany.")
            return self.render_page(poll, refusal=refusal, status=400)
        if not form.is_valid():
            refusal = _("Głos nie został zapisany. Popraw zaznaczone pole.")
            return self.render_page(poll, form=form, refusal=refusal, status=400)

        key = voting.voter_key_for(request)
        chosen = next(choice for choice in choices if choice.pk == form.cleaned_data["choice"])
        try:
            outcome = voting.cast_ballot(
                poll,
                chosen,
                key,
                voting.address_hash(client_address(request)),
                comment=form.cleaned_data.get("comment", ""),
            )
        except IntegrityError:
            # The choice was deleted after the poll was read: check the form
            # against the choices there are now.
            form = VoteForm(poll, data, choices=poll.choice_list())
            form.is_valid()
            refusal = _("Głos nie został zapisany. Popraw zaznaczone pole.")
            return self.render_page(poll, form=form, refusal=refusal, status=400)
        if outcome == voting.ALREADY_VOTED:
            return self.already_voted(poll, key)
        if outcome == voting.FLOODED:
            refusal = _(
                "Z Twojej sieci oddano w ostatniej godzinie bardzo dużo głosów. "
                "Spróbuj ponownie później."
            )
            return self.render_page(poll, form=form, refusal=refusal, status=429)
        messages.success(request, _("Dziękujemy! Twój głos został zapisany."))
        return self.see_results(poll, key)

    def already_voted(self, poll, key):
        messages.info(
            self.request,
            _(
                "Twój głos w tej ankiecie jest już zapisany. "
                "Liczy się tylko pierwszy głos — dziękujemy!"
            ),
        )
        return self.see_results(poll, key)

    def see_results(self, poll, key):
        response = HttpResponseRedirect(poll.get_results_url(), status=303)
        voting.set_voter_cookie(response, self.request, key)
        return response


@dataclass
class ResultRow:
    text: str
    votes: int
    percent: Decimal

    @property
    def percent_text(self):
        return formats.number_format(self.percent, decimal_pos=1, use_l10n=True)

    @property
    def percent_value(self):
        return f"{self.percent:.1f}"


def result_rows(poll):
    choices = poll.tally()
    total = sum(choice.votes for choice in choices)
    rows = []
    for choice in choices:
        share = Decimal(choice.votes * 100) / total if total else Decimal(0)
        rows.append(
            ResultRow(choice.text, choice.votes, share.quantize(Decimal("0.1"), ROUND_HALF_UP))
        )
    return rows, total


class PollResultsView(PollQuerysetMixin, View):
    """/ankieta/<slug>/wyniki/: counts, shares and bars, when the poll allows."""

    def get(self, request, slug):
        poll = self.get_poll()
        valid_until(poll.changes_at())
        visible = poll.results_visible_to(has_voted=_voted_if_it_matters(request, poll))
        context = {"poll": poll, "visible": visible}
        if visible:
            context["rows"], context["total"] = result_rows(poll)
        return render(request, "survey/poll_results.html", context, status=200 if visible else 403)


@vary_on_cookie
@require_safe
def results_json(request, slug):
    polls = Poll.objects.published()
    try:
        poll = polls.get(slug=slug)
    except Poll.DoesNotExist:
        return JsonResponse({"detail": _("Nie ma takiej ankiety.")}, status=404)
    valid_until(poll.changes_at())
    if not poll.results_visible_to(has_voted=_voted_if_it_matters(request, poll)):
        return JsonResponse(
            {"detail": _("Wyniki tej ankiety nie są jeszcze dostępne.")}, status=403
        )
    rows, total = result_rows(poll)
    return JsonResponse(
        {
            "question": poll.question,
            "total": total,
            "choices": [{"text": row.text, "votes": row.votes} for row in rows],
        },
        json_dumps_params={"ensure_ascii": False},
    )


def _voted_if_it_matters(request, poll):
    """Whether this visitor voted, asked of the database only when the answer counts."""
    if poll.results_visible_to(has_voted=False):
        return False
    return has_voted(request, poll)
