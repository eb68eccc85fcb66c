from django.urls import path

from opsportal.urls import urlpatterns as site_urlpatterns


def boom(request):
    raise RuntimeError("secret-detail: password=hunter2 at /srv/opsportal/settings.py")


urlpatterns = [path("boom/", boom), *site_urlpatterns]
