from django import template
from django.utils import timezone

from survey import voting
from survey.models import Poll
from survey.views import ballot_form, has_voted
from web.pagecache import valid_until

register = template.Library()


@register.inclusion_tag("survey/includes/home_section.html", takes_context=True)
def survey_home_section(context):
    """The open poll as a form that posts to the poll's page, so it works without JS."""
    request = context.get("request")
    now = timezone.now()
    # Which poll is shown changes when a poll opens, closes or starts or ends publication.
    valid_until(Poll.objects.next_change(now))
    poll = Poll.objects.shown_on_home(now)
    section = {
        "request": request,
        "centre": context.get("centre"),
        "csrf_token": context.get("csrf_token"),
        "poll": poll,
    }
    if poll is not None and request is not None:
        section["has_voted"] = has_voted(request, poll)
        if not section["has_voted"]:
            # Ids of their own: the home page carries other apps' sections too.
            section["form"] = ballot_form(poll, prefix_id="ankieta-%s")
    return section


@register.simple_tag
def survey_retention_days():
    return voting.retention_days()
