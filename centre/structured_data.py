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


def unit_offices(units, centre, request):
    """The centre's units, each a GovernmentOffice whose parentOrganization is the centre."""
    parent = {
        "@type": "GovernmentOffice",
        "name": centre.name,
        "url": request.build_absolute_uri("/"),
    }
    graph = []
    for unit in units:
        office = {
            "@type": "GovernmentOffice",
            "name": unit.name,
            "url": request.build_absolute_uri(unit.get_absolute_url()),
            **location(unit),
            "telephone": [phone.number for phone in unit.phones.all()],
            **opening_hours(unit),
            "parentOrganization": parent,
        }
        if unit.description:
            office["description"] = unit.description
        if unit.email:
            office["email"] = unit.email
        graph.append(office)
    return {"@context": "https://schema.org", "@graph": graph}
