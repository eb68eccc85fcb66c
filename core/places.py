"""What every place with an address has: a coordinate pair, a map link, phone links."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def coordinates_constraint(name):
    """Both coordinates of a place, each in its range, or neither: a map needs the pair."""
    return models.CheckConstraint(
        condition=Q(latitude__isnull=True, longitude__isnull=True)
        | Q(
            # Explicit, because a comparison with NULL passes a CHECK.
            latitude__isnull=False,
            longitude__isnull=False,
            latitude__gte=-90,
            latitude__lte=90,
            longitude__gte=-180,
            longitude__lte=180,
        ),
        name=name,
        violation_error_message=_(
            "Podaj obie współrzędne (szerokość od −90 do 90, długość od −180 do 180) albo żadnej."
        ),
    )


def tel_href(number):
    """'(22) 724 97 92' → 'tel:+48227249792'; numbers abroad keep their prefix."""
    digits = "".join(ch for ch in number if ch.isdigit())
    if number.strip().startswith("+"):
        return f"tel:+{digits}"
    if len(digits) == 9:
        return f"tel:+48{digits}"
    return f"tel:{digits}"
