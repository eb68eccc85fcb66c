"""schema.org descriptions of OSL events and activity sites, embedded in pages as JSON-LD."""

from django.utils import timezone

from core.structured_data import location, opening_hours


def site_place(site):
    """Where the site is: a schema.org Place with its address and position."""
    return {"@type": "Place", "name": site.name, **location(site)}


def activity_sites(sites, request):
    """The sites of an area page with their phones and opening hours."""
    graph = []
    for site in sites:
        place = {
            **site_place(site),
            "url": request.build_absolute_uri(site.get_absolute_url()),
            **opening_hours(site),
        }
        if site.phone:
            place["telephone"] = site.phone
        graph.append(place)
    return {"@context": "https://schema.org", "@graph": graph}


def event(event, request):
    if event.site_id:
        venue = site_place(event.site)
    else:
        venue = {"@type": "Place", "name": event.place, "address": event.area.city}
    return {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.description,
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "startDate": timezone.localtime(event.starts_at).isoformat(),
        "endDate": timezone.localtime(event.ends_at).isoformat(),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "isAccessibleForFree": True,
        "location": venue,
    }
