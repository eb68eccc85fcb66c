import datetime as dt

from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView

from communities import feeds, structured_data
from communities.forms import AddressLookupForm
from communities.models import ActivitySite, CommunityArea, Event, Initiative, Specialist
from core.qr import absolute_url
from core.visibility import VisibleObjectMixin
from web.pagecache import valid_until

EVENTS_PER_PAGE = 30


class AreaMixin(VisibleObjectMixin):
    """Areas the visitor may see: published ones, and drafts for staff previewing them."""

    model = CommunityArea


class EventMixin(VisibleObjectMixin):
    model = Event

    def get_queryset(self):
        return super().get_queryset().with_place()


def map_data(sites):
    """The sites with coordinates, for the map script (json_script)."""
    return {
        "tiles": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
        "sites": [
            {
                "name": site.name,
                "address": site.postal_address,
                "lat": float(site.latitude),
                "lng": float(site.longitude),
                "url": site.get_absolute_url(),
            }
            for site in sites
            if site.has_coordinates
        ],
    }


ICS_EVENTS = 200


def publication_changes(area):
    """Let a cached page of ``area`` live until its publication or that of one of its events
    next starts or ends."""
    valid_until(area.expires_at)
    valid_until(Event.objects.filter(area=area).next_change())


class AreaListView(ListView):
    template_name = "communities/area_list.html"
    context_object_name = "areas"
    # A city has a handful of areas; pages keep the list light if it grows.
    paginate_by = 20

    def get_queryset(self):
        self.now = timezone.now()
        # An area or event scheduled to start or end changes this page by the clock.
        valid_until(CommunityArea.objects.next_change(self.now))
        valid_until(Event.objects.next_change(self.now))
        return CommunityArea.objects.published(self.now).with_sites()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The form only counts as sent when the street field is in the query
        # string, so a bare /osl/ shows no errors.
        params = self.request.GET
        form = AddressLookupForm(params if "ulica" in params else None)
        sites = [site for area in context["areas"] for site in area.sites.all()]
        context.update(
            form=form,
            lookup=form.lookup() if form.is_bound and form.is_valid() else None,
            sites=sites,
            map_enabled=bool(settings.MAP_TILE_URL),
            map_data=map_data(sites),
            next_events=Event.objects.published(self.now).upcoming(self.now).with_place()[:3],
        )
        return context


class AreaDetailView(AreaMixin, DetailView):
    template_name = "communities/area_detail.html"
    context_object_name = "area"

    def get_queryset(self):
        events = Event.objects.select_related("site").visible_to(self.request.user)
        return (
            super()
            .get_queryset()
            .prefetch_related(
                "streets",
                "organisers",
                Prefetch("sites", queryset=ActivitySite.objects.with_hours()),
                Prefetch("initiatives", queryset=Initiative.objects.select_related("site")),
                Prefetch("specialists", queryset=Specialist.objects.select_related("site")),
                Prefetch("events", queryset=events.upcoming(), to_attr="upcoming_events"),
                "documents",
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        publication_changes(self.object)
        sites = list(self.object.sites.all())
        context.update(
            sites=sites,
            map_enabled=bool(settings.MAP_TILE_URL),
            map_data=map_data(sites),
            structured_data=structured_data.activity_sites(sites, self.request),
        )
        return context


LEAFLET_EVENTS = 3


class AreaLeafletView(AreaMixin, DetailView):
    """The area on one printed A4 sheet: its sites and hours, organisers, next events."""

    template_name = "communities/area_leaflet.html"
    context_object_name = "area"

    def get_queryset(self):
        events = Event.objects.select_related("site").visible_to(self.request.user)
        return (
            super()
            .get_queryset()
            .prefetch_related(
                "organisers",
                Prefetch("sites", queryset=ActivitySite.objects.with_hours()),
                Prefetch(
                    "events",
                    queryset=events.upcoming()[:LEAFLET_EVENTS],
                    to_attr="upcoming_events",
                ),
            )
        )

    def get_context_data(self, **kwargs):
        # The coming closures move on at midnight and an event drops off the
        # sheet once it ends, with no edit to bump the page cache.
        events = self.object.upcoming_events
        publication_changes(self.object)
        valid_until(min((event.ends_at for event in events), default=None))
        tomorrow = timezone.localdate() + dt.timedelta(days=1)
        valid_until(
            dt.datetime.combine(tomorrow, dt.time(), tzinfo=timezone.get_current_timezone())
        )
        path = self.object.get_absolute_url()
        return super().get_context_data(
            sites=list(self.object.sites.all()),
            back_url=path,
            page_url=absolute_url(self.request, path),
            **kwargs,
        )


class EventListView(EventMixin, ListView):
    """Upcoming events across areas, soonest first; ``archive`` lists past ones, latest first."""

    template_name = "communities/event_list.html"
    context_object_name = "events"
    paginate_by = EVENTS_PER_PAGE
    archive = False

    def get_queryset(self):
        now = timezone.now()
        valid_until(Event.objects.next_change(now))
        events = Event.objects.published(now).with_place()
        return events.past(now) if self.archive else events.upcoming(now)

    def get_context_data(self, **kwargs):
        return super().get_context_data(archive=self.archive, **kwargs)


class EventDetailView(EventMixin, DetailView):
    template_name = "communities/event_detail.html"
    context_object_name = "event"

    def get_context_data(self, **kwargs):
        # At the end of its own or its area's publication the event is a 404.
        valid_until(self.object.expires_at)
        valid_until(self.object.area.expires_at)
        return super().get_context_data(
            is_past=self.object.ends_at < timezone.now(),
            structured_data=structured_data.event(self.object, self.request),
            **kwargs,
        )


@require_safe
def events_ics(request):
    # The coming months are what a calendar subscription needs; the cap keeps
    # the feed small however many events are planned.
    now = timezone.now()
    valid_until(Event.objects.next_change(now))
    events = Event.objects.published(now).upcoming(now).with_place()[:ICS_EVENTS]
    return _calendar_response(feeds.calendar(events, request), "wydarzenia-osl.ics")


@require_safe
def event_ics(request, slug):
    event = get_object_or_404(Event.objects.with_place().visible_to(request.user), slug=slug)
    valid_until(event.expires_at)
    valid_until(event.area.expires_at)
    return _calendar_response(feeds.calendar([event], request), f"{event.slug}.ics")


def _calendar_response(body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
