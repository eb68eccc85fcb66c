"""Authentication backends."""

from axes.backends import AxesStandaloneBackend


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
