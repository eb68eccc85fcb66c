"""QR codes for printed pages: the page's full address, drawn on the server as inline SVG."""

import segno
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe


def absolute_url(request, path):
    """``path`` on the site's public origin: ``SITE_URL`` when set, else the request's own.

    A leaflet is read on paper long after it was printed, so its code must lead
    to the public address even when a caseworker prints it from an internal one.
    """
    origin = settings.SITE_URL or f"{request.scheme}://{request.get_host()}"
    return origin + path


def qr_svg(url, label):
    """An <svg role="img"> whose accessible name is ``label``, drawing the QR code of ``url``.

    Medium error correction survives a creased or smudged sheet; the viewBox
    without a fixed size lets the stylesheet choose how large it prints.
    """
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=1, omitsize=True, svgclass="qr-code", lineclass=None, border=4)
    # segno escapes nothing of ours and the markup starts with "<svg "; the
    # attributes are added there, with the label escaped.
    opening = format_html('<svg role="img" aria-label="{}" ', label)
    return mark_safe(svg.replace("<svg ", opening, 1))  # noqa: S308
