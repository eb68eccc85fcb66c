"""Every public URL of the portal, collected from the URL resolver, with real slugs."""

from django.apps import apps
from django.urls import URLResolver, get_resolver

# Which model's slugs fill a pattern's <slug>; any other slug pattern gets
# the slugs of every content model.
SLUG_MODELS = {
    "projects": "projects.Project",
    "communities:event": "communities.Event",
    "communities:event_ics": "communities.Event",
    "communities": "communities.CommunityArea",
    "survey": "survey.Poll",
    "aid": "aid.FormOfHelp",
    "news": "news.NewsItem",
}
CONTENT_APPS = ["centre", "projects", "communities", "survey", "news", "aid"]


def url_patterns():
    """(namespace:name, route, converter names) for every non-admin URL pattern."""

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(
                    pattern.url_patterns,
                    prefix + str(pattern.pattern),
                    pattern.namespace or namespace,
                )
            else:
                yield (
                    f"{namespace}:{pattern.name}",
                    prefix + str(pattern.pattern),
                    pattern.pattern.converters,
                )

    for name, route, converters in walk(get_resolver().url_patterns, "/", None):
        if not name.startswith("admin:"):
            yield name, route, converters


def _slugs(model_label):
    model = apps.get_model(model_label)
    return list(model._default_manager.values_list("slug", flat=True))


def all_slugs():
    slugs = []
    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models():
            if any(field.name == "slug" for field in model._meta.fields):
                slugs += _slugs(model._meta.label)
    return slugs


def slugs_for(name):
    namespace = name.split(":")[0]
    label = SLUG_MODELS.get(name) or SLUG_MODELS.get(namespace)
    return _slugs(label) if label else all_slugs()


def fill(route, **values):
    """The route with each <converter:name> replaced by values[name]."""
    path = route
    for key, value in values.items():
        for prefix in ("slug", "str", "int", "path", "uuid"):
            path = path.replace(f"<{prefix}:{key}>", str(value))
    return path


def public_urls():
    """Concrete URLs: each plain route once, each slug route with every real slug."""
    urls = []
    for name, route, converters in url_patterns():
        if not converters:
            urls.append(route)
        elif set(converters) == {"slug"}:
            urls += [fill(route, slug=slug) for slug in slugs_for(name)]
    return urls
