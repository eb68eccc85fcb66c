import json

from django import template
from django.utils.safestring import mark_safe

from core.places import tel_href

register = template.Library()

_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def jsonld(value):
    """Serialise ``value`` for a <script type="application/ld+json"> block.

    Escaping <, > and & keeps editor text from closing the script element.
    """
    return mark_safe(json.dumps(value, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES))  # noqa: S308


@register.filter
def tel(number):
    return tel_href(number)
