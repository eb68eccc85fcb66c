import tempfile

import pytest

from tests.factories import make_centre


def pytest_configure(config):
    # Tests speak plain HTTP to the test client and to the live server (whose
    # middleware is built once per session, hence here and not in a fixture),
    # and find static files through the finders. Production keeps HTTPS
    # redirects and hashed names: tests/opsportal/test_deploy.py checks those
    # in a separate process with the production environment.
    from django.conf import settings

    settings.SECURE_SSL_REDIRECT = False
    # Page-cache versions of this test run only, not of other runs on the machine.
    settings.PAGE_CACHE_STAMP_DIR = tempfile.mkdtemp(prefix="opsportal-stamps-")
    settings.STATIC_ROOT = tempfile.mkdtemp(prefix="opsportal-static-")
    # Uploads and the demo's generated documents go to a folder of this run,
    # not into the project's media/.
    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="opsportal-media-")
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def centre(db):
    return make_centre()
