"""schema.org descriptions of OSL events, embedded in their pages as JSON-LD."""

from django.utils import timezone


def event(event, request):
    if event.site_id:
        site = event.site
        location = {
            "@type": "Place",
            "name": site.name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": site.street_address,
                "postalCode": site.postal_code,
                "addressLocality": site.city,
                "addressCountry": "PL",
            },
        }
        if site.has_coordinates:
            location["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(site.latitude),
                "longitude": float(site.longitude),
            }
    else:
        location = {"@type": "Place", "name": event.place, "address": event.area.city}
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
        "location": location,
    }
