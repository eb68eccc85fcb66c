"""Template tags that describe pages to people and machines: breadcrumbs, pages, captured blocks.

Every app's templates load them, so they name no URL of an app or of the
project: a page passes its own trail, and the home crumb is the site's root.
"""

from django import template
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()


class CaptureNode(template.Node):
    # Declared so that {% extends %} finds the {% block %} tags inside.
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # The output is already escaped by the templates that produced it.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())  # noqa: S308
        return ""


@register.tag
def capture(parser, token):
    """``{% capture as name %}…{% endcapture %}``: render once, use as {{ name }} anywhere.

    base.html wraps its title and description blocks in it, so one block a
    page fills feeds <title>, the meta description and the OpenGraph tags.
    """
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.simple_tag(takes_context=True)
def breadcrumbs(context, *trail):
    """The path from the home page: ``{% breadcrumbs label url … current_label %}``.

    Renders the visible trail (the current page last, marked aria-current)
    and the same trail as schema.org BreadcrumbList JSON-LD.
    """
    request = context["request"]
    if len(trail) % 2 != 1:
        raise template.TemplateSyntaxError("breadcrumbs takes label/url pairs and a last label")
    *pairs, current = (str(item) for item in trail)
    crumbs = [{"name": _("Strona główna"), "url": get_script_prefix()}]
    crumbs += [
        {"name": name, "url": url} for name, url in zip(pairs[0::2], pairs[1::2], strict=True)
    ]
    crumbs.append({"name": current, "url": request.path})
    structured = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb["name"],
                "item": request.build_absolute_uri(crumb["url"]),
            }
            for position, crumb in enumerate(crumbs, start=1)
        ],
    }
    return render_to_string(
        "includes/breadcrumbs.html", {"crumbs": crumbs, "structured_data": structured}
    )


@register.filter
def elided_pages(page):
    """The page numbers to link from ``page``, with ``…`` gaps on long lists."""
    return page.paginator.get_elided_page_range(page.number)
