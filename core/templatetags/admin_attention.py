from django import template

from core.attention import collect, summary

register = template.Library()


@register.simple_tag(takes_context=True)
def attention_overview(context):
    """{"groups": [AttentionGroup, …], "summary": "3 sprawy wymagają uwagi."} for the user."""
    groups = collect(context["request"].user)
    return {"groups": groups, "summary": summary(sum(group.count for group in groups))}
