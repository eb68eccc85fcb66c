"""schema.org description of a form of help: a GovernmentService and the office providing it."""

from core.structured_data import location, opening_hours


def government_service(form, request, centre=None):
    """``form`` as a GovernmentService provided by its unit (part of the centre) or the centre."""
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": form.title,
        "description": form.short_answer,
        "url": request.build_absolute_uri(form.get_absolute_url()),
        "serviceType": form.category.name,
        "areaServed": centre.city if centre else None,
    }
    parent = None
    if centre:
        parent = {
            "@type": "GovernmentOffice",
            "name": centre.name,
            "url": request.build_absolute_uri("/"),
            **location(centre),
        }
    if form.unit is not None:
        unit = form.unit
        provider = {
            "@type": "GovernmentOffice",
            "name": unit.name,
            "url": request.build_absolute_uri(unit.get_absolute_url()),
            **location(unit),
            "telephone": [phone.number for phone in unit.phones.all()],
            **opening_hours(unit),
        }
        if unit.email:
            provider["email"] = unit.email
        if parent:
            provider["parentOrganization"] = parent
        data["provider"] = provider
    elif parent:
        data["provider"] = parent
    if form.phone:
        data["availableChannel"] = {
            "@type": "ServiceChannel",
            "servicePhone": {"@type": "ContactPoint", "telephone": form.phone},
        }
    return {key: value for key, value in data.items() if value}
