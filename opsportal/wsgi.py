import os

from django.core.wsgi import get_wsgi_application

from web.middleware import GuardedApplication

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opsportal.settings")

# Django, with a guard for requests it cannot build and failures it cannot answer.
application = GuardedApplication(get_wsgi_application())
