"""The test client, entering the site as gunicorn does: through opsportal.wsgi's guard."""

from django.test import Client

from web.middleware import GuardedApplication


def guarded_client(**kwargs):
    """A test client whose requests pass web.middleware.GuardedApplication first.

    The plain client builds Django's request itself, so a request that Django
    cannot even build raises in the test instead of reaching the guard that
    production puts in front of Django. (The guard's last resort, a static
    page for when even the second pass fails, is not a response object this
    client can return; tests call the guard directly for it.)
    """
    client = Client(**kwargs)
    handler = client.handler
    application = GuardedApplication(lambda environ, start_response: [handler(environ)])

    def guarded(environ):
        (response,) = application(environ, lambda status, headers, exc_info=None: None)
        return response

    client.handler = guarded
    return client
