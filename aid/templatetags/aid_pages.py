from django import template

from aid.structured_data import government_service

register = template.Library()


@register.simple_tag(takes_context=True)
def service_structured_data(context, form):
    """The GovernmentService of ``form``, with the centre of the page's context as parent."""
    return government_service(form, context["request"], context.get("centre"))
