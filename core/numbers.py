"""Numbers as Polish is written and read: "1 200", "2,5", and the noun's form that
agrees with the number ("1 osoba", "3 osoby", "5 osób", "2,5 godziny").

:func:`plural` is the one place that chooses among a Polish noun's three
forms after a number; the admin's counts (core.polish_admin.Noun.count) and
the public pages' figures both go through it.
"""

from decimal import Decimal

# Between thousands: a space that never breaks a figure across two lines.
THOUSANDS = "\N{NO-BREAK SPACE}"


def plural(number, one, few, many):
    """The form of a noun that goes with ``number``.

    ``one`` goes with 1 ("1 osoba"), ``few`` with 2–4, 22–24, 32–34…
    ("3 osoby", "22 osoby"), ``many`` with 0, 5–21, 25–31… ("5 osób",
    "12 osób", "25 osób"). A fraction takes the genitive singular, which
    for the units here is the ``few`` form: "2,5 godziny", "1,5 osoby".
    """
    number = Decimal(str(number)) if isinstance(number, float) else Decimal(number)
    if number != number.to_integral_value():
        return few
    whole = abs(int(number))
    if whole == 1:
        return one
    if 2 <= whole % 10 <= 4 and not 12 <= whole % 100 <= 14:
        return few
    return many


def plain_decimal(value):
    """``value`` without needless decimals: 145, not 145.00; 12.5, not 12.50."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def polish_number(value):
    """A number written the Polish way, without needless decimals: "32", "2,5", "1 200"."""
    value = plain_decimal(Decimal(str(value)) if isinstance(value, float) else Decimal(value))
    sign = "-" if value < 0 else ""
    whole, _, fraction = f"{abs(value):f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    written = THOUSANDS.join(groups)
    return f"{sign}{written},{fraction}" if fraction else f"{sign}{written}"


def with_unit(value, one="", few="", many=""):
    """``value`` and its unit in the form that agrees with it: "32 osoby", "2,5 godziny".

    Without a unit, the number alone.
    """
    number = polish_number(value)
    unit = plural(value, one, few, many)
    return f"{number} {unit}" if unit else number
