"""Views that use the nonce, or set a policy of their own."""

from django.http import HttpResponse
from django.urls import path

from opsportal.urls import urlpatterns as site_urlpatterns


def with_nonce(request):
    return HttpResponse(f'<script nonce="{request.csp_nonce}">window.x = 1;</script>')


def with_own_policy(request):
    response = HttpResponse("<p>mapa</p>")
    response["Content-Security-Policy"] = "default-src 'self'; img-src https://tiles.example.org"
    return response


urlpatterns = [
    path("csp/nonce/", with_nonce),
    path("csp/wlasna/", with_own_policy),
    *site_urlpatterns,
]
