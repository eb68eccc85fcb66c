"""schema.org parts that every place with opening hours shares, for JSON-LD.

The centre (a GovernmentOffice) and each local activity site (a Place)
describe their address, position and hours the same way; each app builds
its own whole description around these parts.
"""

SCHEMA_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _hm(value):
    return value.strftime("%H:%M")


def location(place):
    """``address`` (a PostalAddress) and, when the pair is given, ``geo`` (GeoCoordinates)."""
    address = {
        "@type": "PostalAddress",
        "streetAddress": place.street_address,
        "postalCode": place.postal_code,
        "addressLocality": place.city,
        "addressCountry": "PL",
    }
    data = {"address": {key: value for key, value in address.items() if value}}
    if place.has_coordinates:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(place.latitude),
            "longitude": float(place.longitude),
        }
    return data


def opening_hours(owner, today=None):
    """The weekly hours and the coming closures and changes of an owner of opening hours."""
    data = {
        "openingHoursSpecification": [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": f"https://schema.org/{SCHEMA_DAYS[weekday]}",
                "opens": _hm(hours.opens),
                "closes": _hm(hours.closes),
            }
            for weekday, ranges in owner.schedule.week()
            for hours in ranges
        ],
    }
    special = [
        {
            "@type": "OpeningHoursSpecification",
            "validFrom": day.date.isoformat(),
            "validThrough": day.date.isoformat(),
            # schema.org's way of saying "closed all day".
            "opens": _hm(hours.opens) if hours else "00:00",
            "closes": _hm(hours.closes) if hours else "00:00",
        }
        for day in owner.coming_exceptions(today)
        for hours in day.ranges or [None]
    ]
    if special:
        data["specialOpeningHoursSpecification"] = special
    return data
