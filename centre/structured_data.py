"""schema.org descriptions of the centre, embedded in pages as JSON-LD."""

from django.utils import timezone

SCHEMA_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _hm(value):
    return value.strftime("%H:%M")


def government_office(centre, request):
    schedule = centre.schedule
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOffice",
        "name": centre.name,
        "url": request.build_absolute_uri("/"),
        "email": centre.email,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": centre.street_address,
            "postalCode": centre.postal_code,
            "addressLocality": centre.city,
            "addressCountry": "PL",
        },
        "telephone": [phone.number for phone in centre.phones.all()],
        "openingHoursSpecification": [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": f"https://schema.org/{SCHEMA_DAYS[weekday]}",
                "opens": _hm(hours.opens),
                "closes": _hm(hours.closes),
            }
            for weekday, ranges in schedule.week()
            for hours in ranges
        ],
    }
    special = []
    for day in schedule.exceptions_from(timezone.localdate()):
        ranges = day.ranges or [None]
        for hours in ranges:
            special.append(
                {
                    "@type": "OpeningHoursSpecification",
                    "validFrom": day.date.isoformat(),
                    "validThrough": day.date.isoformat(),
                    # schema.org's way of saying "closed all day".
                    "opens": _hm(hours.opens) if hours else "00:00",
                    "closes": _hm(hours.closes) if hours else "00:00",
                }
            )
    if special:
        data["specialOpeningHoursSpecification"] = special
    if centre.latitude is not None and centre.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(centre.latitude),
            "longitude": float(centre.longitude),
        }
    return data
