from django import template

from core import qr

register = template.Library()


@register.simple_tag
def qr_code(url, label):
    """``{% qr_code page_url label %}``: the QR code of ``url`` as inline SVG named ``label``."""
    return qr.qr_svg(url, label)
