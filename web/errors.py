"""The 403 page: inside the admin for staff, the site's own page for everyone else.

A caseworker refused in the admin needs to know what was refused, why and
where to go next, in the layout they were working in, not the public
"Nie możesz otworzyć tej strony." with a link to the home page.
"""

from django.apps import apps
from django.contrib import admin
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import defaults

# What each of the admin's own views does, as the refusal names it.
_REFUSED = {
    "changelist": _("Nie możesz przeglądać tych wpisów: %(names)s."),
    "change": _("Nie możesz otwierać ani zmieniać tych wpisów: %(names)s."),
    "add": _("Nie możesz dodawać tych wpisów: %(names)s."),
    "delete": _("Nie możesz usuwać tych wpisów: %(names)s."),
    "history": _("Nie możesz oglądać historii tych wpisów: %(names)s."),
}


def _refused_model(request):
    """The model and the view ("add", "delete"…) of the refused admin page, if any."""
    match = request.resolver_match
    if match is None or not match.url_name:
        return None, ""
    model_admin = getattr(match.func, "model_admin", None)
    if model_admin is not None:
        model = model_admin.model
    else:
        model = next(
            (
                candidate
                for candidate in apps.get_models()
                if match.url_name.startswith(
                    f"{candidate._meta.app_label}_{candidate._meta.model_name}_"
                )
            ),
            None,
        )
    if model is None:
        return None, ""
    prefix = f"{model._meta.app_label}_{model._meta.model_name}_"
    return model, match.url_name.removeprefix(prefix)


def _back_links(request, model):
    """Where to go from the refusal: the previous page, the list, the admin's start page."""
    links = []
    referer = request.headers.get("referer", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        links.append((referer, gettext("Wróć do poprzedniej strony")))
    if model is not None and admin.site.is_registered(model):
        model_admin = admin.site.get_model_admin(model)
        if model_admin.has_view_or_change_permission(request):
            opts = model._meta
            try:
                url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
            except NoReverseMatch:
                url = ""
            if url:
                links.append(
                    (url, gettext("Wróć do listy: %(names)s") % {"names": opts.verbose_name_plural})
                )
    links.append((reverse("admin:index"), gettext("Strona główna administracji")))
    return links


def permission_denied(request, exception):
    user = getattr(request, "user", None)
    in_admin = request.path.startswith(reverse("admin:index"))
    if not (in_admin and user is not None and user.is_active and user.is_staff):
        return defaults.permission_denied(request, exception)
    model, view = _refused_model(request)
    if model is not None and view in _REFUSED:
        refused = _REFUSED[view] % {"names": model._meta.verbose_name_plural}
    else:
        refused = gettext("Nie możesz otworzyć tej strony administracji.")
    context = {
        **admin.site.each_context(request),
        "title": gettext("Brak uprawnień"),
        "subtitle": None,
        "refused": refused,
        "reason": str(exception) if str(exception) else "",
        "back_links": _back_links(request, model),
    }
    return TemplateResponse(request, "admin/refused.html", context, status=403)
