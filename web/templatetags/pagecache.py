"""Template side of the page cache: a page says when its content changes by the clock."""

from django import template

from web import pagecache

register = template.Library()


@register.simple_tag
def valid_until(moment):
    """``{% valid_until status.changes_at %}``: the cached page expires at ``moment``.

    Templates that print an answer depending on the time of day ("open now")
    declare here when that answer changes; the tag prints nothing.
    """
    pagecache.valid_until(moment)
    return ""
