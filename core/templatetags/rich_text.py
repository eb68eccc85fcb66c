"""The one filter that turns editor text into HTML on public pages.

Editor text is plain text: it is escaped first, then addresses, e-mails and
Polish phone numbers become links and blank lines become paragraphs. The
result goes through nh3 with a tiny allow-list, so whatever the steps before
produce, only <a href>, <p> and <br> reach the page.
"""

import re

import nh3
from django import template
from django.utils.html import linebreaks, urlize
from django.utils.safestring import mark_safe

from core.places import tel_href
from core.validators import EXTENSION_MARKER

register = template.Library()

ALLOWED_TAGS = {"a", "p", "br"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}
LINK_REL = "nofollow noopener"

# Links already made by urlize, kept whole so a number inside an address is
# not linked a second time.
_ANCHOR = re.compile(r"(<a\s[^>]*>.*?</a>)", re.DOTALL)

# "(22) 724 97 92", "22 724 97 92", "+48 600 123 456", "600-123-456".
_PHONE = re.compile(
    r"(?<![\w+])"
    r"(?:\+48[ -]?)?"
    r"(?:\(\d{2}\)[ -]?\d{3}[ -]?\d{2}[ -]?\d{2}"
    r"|\d{2}[ -]\d{3}[ -]\d{2}[ -]\d{2}"
    r"|\d{3}[ -]\d{3}[ -]\d{3})"
    # "wew. 12" after the number belongs to it: the link dials the extension.
    rf"(?:,?[ ](?i:{EXTENSION_MARKER})[ ]?\d{{1,6}})?"
    r"(?![\w-])"
)


def _link_phones(html):
    def phone_link(match):
        number = match.group(0)
        return f'<a href="{tel_href(number)}">{number}</a>'

    parts = _ANCHOR.split(html)
    # Odd indexes are the links urlize made; only the text between is searched.
    return "".join(
        part if index % 2 else _PHONE.sub(phone_link, part) for index, part in enumerate(parts)
    )


def render_rich_text(text):
    """Editor text as safe HTML: escaped, linked, in paragraphs, then cleaned by nh3."""
    if not text:
        return mark_safe("")  # noqa: S308
    html = urlize(str(text), nofollow=True, autoescape=True)
    html = _link_phones(html)
    html = linebreaks(html, autoescape=False)
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel=LINK_REL,
    )
    return mark_safe(cleaned)  # noqa: S308  (nh3 has just cleaned it)


@register.filter(is_safe=True)
def rich_text(text):
    """``{{ project.how_to_join|rich_text }}``: links and paragraphs, nothing else."""
    return render_rich_text(text)
