from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from opsportal import views
from opsportal.sitemaps import collect_sitemaps
from web.auth import admin_login

site_patterns = [
    path("", views.home, name="home"),
    path("czytelnosc/", views.reader_options, name="reader_options"),
    path("healthz", views.healthz, name="healthz"),
    path("szukaj/", views.search, name="search"),
    path("robots.txt", views.robots, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": collect_sitemaps()}, name="sitemap"),
]

urlpatterns = [
    path("", include((site_patterns, "opsportal"))),
    path("", include("centre.urls")),
    path("projekty/", include("projects.urls")),
    path("osl/", include("communities.urls")),
    path("ankieta/", include("survey.urls")),
    path("pomoc/", include("aid.urls")),
    path("aktualnosci/", include("news.urls")),
    # Before the admin's own URLs: its login, with a landing page for a refused next=.
    path("admin/login/", admin_login),
    path("admin/", admin.site.urls),
]

# Staff refused inside the admin get the reason and a way back in the admin's layout.
handler403 = "web.errors.permission_denied"

# Uploaded images in development; in production the reverse proxy serves
# DJANGO_MEDIA_ROOT at /media/ (see README).
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
