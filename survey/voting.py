"""Who is voting: the voter key, the client address and the flood limit.

No raw IP address leaves this module: callers get a keyed hash of it.
"""

import datetime as dt
import ipaddress
import secrets

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.crypto import salted_hmac

from opsportal.network import parse_ip

VOTER_COOKIE = "ankieta_glosujacy"
VOTER_COOKIE_SALT = "survey.voter"
VOTER_FROM_CSRF_SALT = "survey.voter-from-csrf"
VOTER_COOKIE_MAX_AGE = 2 * 365 * 24 * 3600
FLOOD_WINDOW_SECONDS = 3600


def new_voter_key():
    return secrets.token_urlsafe(24)


def voter_key_from_cookie(request):
    """The key from the signed cookie, or None when it is missing or forged."""
    return request.get_signed_cookie(VOTER_COOKIE, default=None, salt=VOTER_COOKIE_SALT)


def voter_key_for(request):
    """The key a ballot from this request is filed under.

    The voter cookie when there is one. Otherwise a key derived from the
    browser's CSRF secret, which every form post carries: a double click or
    two tabs from one browser post the same secret before any voter cookie
    has arrived, so they get one key and the unique constraint lets one ballot
    in. Pages therefore hold nothing per visitor but the CSRF token, which is
    what lets the page cache share them.
    """
    key = voter_key_from_cookie(request)
    if key:
        return key
    secret = request.META.get("CSRF_COOKIE")
    if secret:
        return salted_hmac(VOTER_FROM_CSRF_SALT, secret).hexdigest()[:32]
    return new_voter_key()


def set_voter_cookie(response, request, key):
    response.set_signed_cookie(
        VOTER_COOKIE,
        key,
        salt=VOTER_COOKIE_SALT,
        max_age=VOTER_COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )


def address_hash(address):
    """A keyed hash of the address: stable enough to limit floods, useless to reverse.

    An IPv6 client can pick any address in its /64, so the whole /64 counts
    as one address.
    """
    parsed = parse_ip(address or "")
    if parsed is not None and parsed.version == 6 and parsed.ipv4_mapped is not None:
        parsed = parsed.ipv4_mapped
    if parsed is None:
        value = address or "unknown"
    elif parsed.version == 6:
        value = str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    else:
        value = str(parsed)
    return salted_hmac("survey.Ballot.address_hash", value, algorithm="sha256").hexdigest()


def flood_limit_reached(hashed_address):
    """True once this address has cast the hourly limit of ballots.

    Counted from the ballots themselves, so every gunicorn worker and every
    server sees the same count without a shared cache. Call it inside the
    transaction that writes the ballot: on PostgreSQL an advisory lock per
    address makes count-then-insert atomic, and SQLite's IMMEDIATE
    transactions already let one writer in at a time.
    """
    from survey.models import Ballot

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [hashed_address])
    since = timezone.now() - dt.timedelta(seconds=FLOOD_WINDOW_SECONDS)
    recent = Ballot.objects.filter(address_hash=hashed_address, created_at__gte=since)
    return recent.count() >= settings.POLL_VOTES_PER_IP_PER_HOUR


def retention_days():
    """How long a ballot keeps its address hash (POLL_ADDRESS_RETENTION_DAYS)."""
    return int(getattr(settings, "POLL_ADDRESS_RETENTION_DAYS", 30))
