"""What every place with an address has: a postal address, a coordinate pair, a map link.

The centre and each local activity site are places; the schema.org form of
a place for JSON-LD is in :mod:`core.structured_data`.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.validators import phone_validator, postal_code_validator, split_extension

# Close enough to show the entrance of one building among the blocks of an estate.
MAP_ZOOM = 18


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


def postal_code_field(**options):
    return models.CharField(
        _("kod pocztowy"), max_length=6, validators=[postal_code_validator], **options
    )


class Place(models.Model):
    """An address residents can go to, with an optional point on the map."""

    street_address = models.CharField(_("ulica i numer"), max_length=120)
    postal_code = postal_code_field()
    city = models.CharField(_("miejscowość"), max_length=80)
    latitude = models.DecimalField(
        _("szerokość geograficzna"), max_digits=8, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("długość geograficzna"), max_digits=9, decimal_places=6, null=True, blank=True
    )

    class Meta:
        abstract = True
        constraints = [coordinates_constraint("%(app_label)s_%(class)s_coordinates_range")]

    @property
    def postal_address(self):
        """'ul. Podleśna 2, 37-450 Stalowa Wola', without the parts left empty."""
        town = f"{self.postal_code} {self.city}".strip()
        return ", ".join(part for part in (self.street_address, town) if part)

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def map_url(self):
        """The place on OpenStreetMap, or "" when its coordinates are not given."""
        if not self.has_coordinates:
            return ""
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
            f"#map={MAP_ZOOM}/{self.latitude}/{self.longitude}"
        )


def tel_href(number):
    """'(22) 724 97 92' → 'tel:+48227249792'; numbers abroad keep their prefix; no number → ''.

    An extension becomes RFC 3966's parameter, so a phone dials it after the
    call connects: '15 000 10 22 wew. 12' → 'tel:+48150001022;ext=12'.
    """
    number, extension = split_extension(number)
    digits = "".join(ch for ch in number if ch.isdigit())
    if not digits:
        return ""
    if number.startswith("+"):
        href = f"tel:+{digits}"
    elif len(digits) == 9:
        href = f"tel:+48{digits}"
    else:
        href = f"tel:{digits}"
    return f"{href};ext={extension}" if extension else href


class Phone(models.Model):
    """A phone line of a place, in the order the page lists them.

    The concrete subclass adds a foreign key to its owner with
    ``related_name="phones"``.
    """

    label = models.CharField(
        _("opis"), max_length=80, help_text=_("Np. sekretariat, rejestracja, dział świadczeń.")
    )
    number = models.CharField(_("numer"), max_length=40, validators=[phone_validator])
    order = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]

    def __str__(self):
        return f"{self.label}: {self.number}"

    @property
    def href(self):
        return tel_href(self.number)
