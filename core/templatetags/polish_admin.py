"""The change list's count in the record's Polish plural: "3 projekty", "7 projektów"."""

from django import template

register = template.Library()


@register.simple_tag
def result_count(cl):
    noun = getattr(cl.model_admin, "noun", None)
    if noun is not None:
        return noun.count(cl.result_count)
    name = cl.opts.verbose_name if cl.result_count == 1 else cl.opts.verbose_name_plural
    return f"{cl.result_count} {name}"
