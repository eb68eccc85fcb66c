"""Settings for opsportal, read from the environment.

One file for every environment. Safe by default: DEBUG is off, the secret key
is required outside debug, and hosts are limited to the local machine unless
DJANGO_ALLOWED_HOSTS says otherwise. See README.md for the variables.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from exc


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off "
            "(generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))')."
        )
    # A key of the process's own: sessions do not survive a restart, which is
    # fine for debugging and never reuses a key that anyone else could know.
    SECRET_KEY = get_random_secret_key()

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "axes",
    "core",
    "web",
    "centre",
    "opsportal",
    "projects",
    "communities",
    "survey",
    "news",
    "aid",
    "reversion",
]

# The header middlewares come first, so that every response carries the
# security headers: pages, static files, redirects, error pages and the
# answers given before Django reads a request (a misaddressed host, an
# unreadable request, a failure GuardedApplication in opsportal/wsgi.py
# answers). AxesMiddleware follows authentication, as django-axes requires,
# to answer a lockout.
MIDDLEWARE = [
    "web.middleware.RequestIdMiddleware",
    "web.middleware.SecurityHeadersMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "web.middleware.ContentSecurityPolicyMiddleware",
    "web.middleware.UnhandledExceptionMiddleware",
    "web.middleware.AllowedHostMiddleware",
    "web.middleware.UnreadableRequestMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "web.middleware.RequestLimitsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # After the CSRF middleware, which sets the cookie of the token a hit
    # fills in; before sessions, users and messages, which a request that may
    # use the cache (only shared cookies) does not have, so a hit skips them.
    # A response that sets a session or message cookie is never stored.
    "web.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "opsportal.urls"
WSGI_APPLICATION = "opsportal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "web.context_processors.reader_options",
                "centre.context_processors.centre",
            ],
        },
    },
]

# Database: SQLite in the project folder unless DATABASE_URL names another.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=0,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's psycopg 3 pool, opened lazily in each process on first use, so a
    # gunicorn master never forks an open pool. Its size must cover the threads
    # of one worker; CONN_MAX_AGE stays 0 because the pool owns the connections.
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": env_int("DATABASE_POOL_MIN_SIZE", 1),
        "max_size": env_int("DATABASE_POOL_MAX_SIZE", 10),
        "timeout": env_int("DATABASE_POOL_TIMEOUT", 10),
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "opsportal",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "opsportal",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }
# How long a rendered page may be served to anonymous readers. Saves and
# deletes make it stale at once (web.pagecache); this bounds only what
# changes with the clock alone, such as an event moving to the archive.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 120)
# Paths the page cache never looks at: the admin, the health check, the
# reader-options switch, and files.
PAGE_CACHE_SKIP_PREFIXES = ("/admin/", "/healthz", "/czytelnosc/", "/static/", "/media/")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Admin logins: django-axes counts failures per client address, whatever
# accounts they tried, and locks that address out for a while. That stops
# guessing one account's password and spraying many accounts from one address.
# An account is never locked as such: wrong passwords sent from anywhere
# cannot keep a caseworker out, who logs in from another address. (A count per
# account and address adds nothing: axes locks when any count reaches the
# limit, and an address's count includes all of its accounts.) Guessing spread
# over many addresses is left to the password rules above. The address is
# REMOTE_ADDR unless DJANGO_TRUSTED_PROXY_HEADER names the header our own
# reverse proxy writes; the same rule limits poll floods (survey.voting).
AUTHENTICATION_BACKENDS = [
    "web.auth.LoginLockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("DJANGO_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("DJANGO_LOGIN_LOCKOUT_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "web.network.client_address"
TRUSTED_PROXY_HEADER = os.environ.get("DJANGO_TRUSTED_PROXY_HEADER", "").strip()
TRUSTED_PROXIES = env_list("DJANGO_TRUSTED_PROXIES")

LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", _("polski"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# "9:00", not "09:00", wherever Django formats a time (read-only fields, history).
FORMAT_MODULE_PATH = ["opsportal.formats"]
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Forms to download (core.documents): the largest file an editor may attach.
DOCUMENT_MAX_BYTES = env_int("DOCUMENT_MAX_MB", 10) * 1024 * 1024
# Where "Wyjdź szybko" on pages about violence and crisis leads: a neutral
# site that says nothing about what the reader was looking at.
QUICK_EXIT_URL = os.environ.get("QUICK_EXIT_URL", "https://www.google.pl/")
# The public origin ("https://ops.example.pl") that printed leaflets' QR codes
# lead to; empty means the origin of the request that printed them.
SITE_URL = os.environ.get("DJANGO_SITE_URL", "").rstrip("/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Hashed names never change content, so browsers may keep them for a year.
WHITENOISE_MAX_AGE = 365 * 24 * 3600
# Source maps are for developers' tools, not residents: not worth compressing.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [
    *("jpg", "jpeg", "png", "gif", "webp", "zip", "gz", "tgz", "bz2", "tbz", "xz", "br"),
    *("swf", "flv", "woff", "woff2", "3gp", "3gpp", "asf", "avi", "m4v", "mov", "mp4"),
    *("mpeg", "mpg", "webm", "wmv", "map"),
]

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# HTTPS and cookies. The site is served over HTTPS in production, either by
# gunicorn itself or behind a reverse proxy that sets the header named in
# DJANGO_SECURE_PROXY_SSL_HEADER (for example HTTP_X_FORWARDED_PROTO).
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
_proxy_header = os.environ.get("DJANGO_SECURE_PROXY_SSL_HEADER", "").strip()
if _proxy_header:
    SECURE_PROXY_SSL_HEADER = (_proxy_header, "https")
SECURE_HSTS_SECONDS = 0 if DEBUG else env_int("DJANGO_HSTS_SECONDS", 365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000

POLL_VOTES_PER_IP_PER_HOUR = env_int("POLL_VOTES_PER_IP_PER_HOUR", 60)
# Days a ballot keeps the keyed hash of its client address (for flood checks);
# `manage.py purge_ballot_addresses`, run daily, blanks older ones.
POLL_ADDRESS_RETENTION_DAYS = env_int("POLL_ADDRESS_RETENTION_DAYS", 30)
# Map tiles come from a server the centre chooses (its own, or a provider it
# has an agreement with); empty means no tiles are requested and the map of
# sites stays a list with coordinates and links, so no third party learns of
# a resident's visit by default.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "").strip()
MAP_TILE_ATTRIBUTION = os.environ.get(
    "MAP_TILE_ATTRIBUTION", "© OpenStreetMap contributors"
).strip()

# Content-Security-Policy: everything from our own origin, nothing inline
# (templates keep JS and CSS in static/; a rare inline script carries
# request.csp_nonce). Bootstrap's CSS draws its icons as data: images. The map
# may fetch tiles from the one server named in MAP_TILE_URL.
_tile_origin = ""
if MAP_TILE_URL:
    _tile = urlsplit(MAP_TILE_URL.replace("{s}", "*"))
    _tile_origin = f"{_tile.scheme}://{_tile.netloc}" if _tile.scheme and _tile.netloc else ""
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *([_tile_origin] if _tile_origin else [])],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [NONE],
        "worker-src": [NONE],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# Features no page of the portal uses, switched off for every page and frame.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), "
    "browsing-topics=()"
)
# Whole requests larger than this are refused with 413 before Django reads
# them: an image upload (core.images) plus its form fits well inside.
REQUEST_BODY_MAX_BYTES = 12 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "web.log.JsonFormatter"},
    },
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "formatter": "json"},
    },
    "root": {"handlers": ["stderr"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}
