"""schema.org descriptions of the centre, embedded in pages as JSON-LD."""

from core.structured_data import location, opening_hours


def government_office(centre, request):
    return {
        "@context": "https://schema.org",
        "@type": "GovernmentOffice",
        "name": centre.name,
        "url": request.build_absolute_uri("/"),
        "email": centre.email,
        **location(centre),
        "telephone": [phone.number for phone in centre.phones.all()],
        **opening_hours(centre),
    }
