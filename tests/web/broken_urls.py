"""A site whose error page fails too: the failure then escapes Django's own handling."""

from django.urls import path

from opsportal.urls import urlpatterns as site_urlpatterns


def boom(request):
    raise RuntimeError("first failure: secret-detail")


def broken_error_page(request, *args, **kwargs):
    raise RuntimeError("the error page failed too")


handler500 = broken_error_page
urlpatterns = [path("boom/", boom), *site_urlpatterns]
