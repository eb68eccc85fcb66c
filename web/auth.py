"""Authentication: the login lockout backend and the admin's login view."""

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib import admin
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, resolve_url


class LoginLockoutBackend(AxesStandaloneBackend):
    """django-axes' lockout for every login that comes with a request.

    Axes refuses to authenticate without a request, but only code on the
    server calls authenticate() that way (management commands, the test
    client's login()); every login over HTTP, the admin's included, passes its
    request and is counted and locked out as usual.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


def admin_login(request, extra_context=None):
    """The admin's login, which lands on the admin's index when it refuses ``next``.

    Django's login sends a user whose ``next`` points elsewhere (another host,
    a bare word) to LOGIN_REDIRECT_URL, a profile page this site does not
    have: the admin is its only login, so its index is where to land.
    """
    response = admin.site.login(request, extra_context)
    if isinstance(response, HttpResponseRedirect) and response.url == resolve_url(
        settings.LOGIN_REDIRECT_URL
    ):
        return redirect("admin:index")
    return response
