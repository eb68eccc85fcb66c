"""Who is voting: the voter key, the client address and the flood limit.

No raw IP address leaves this module: callers get a keyed hash of it.
"""

import datetime as dt
import ipaddress
import secrets

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from survey.cookies import VOTER_COOKIE, VOTER_COOKIE_MAX_AGE
from web.network import parse_ip

VOTER_COOKIE_SALT = "survey.voter"
VOTER_FROM_CSRF_SALT = "survey.voter-from-csrf"
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


STORED = "stored"
ALREADY_VOTED = "already_voted"
FLOODED = "flooded"

# One statement decides a vote: the ballot goes in unless the address has used
# up its hourly limit (counting no further than the limit, so a flood does not
# make each vote slower), and ON CONFLICT leaves it out when this voter already
# has a ballot in the poll. A vote therefore costs one round trip, with no
# "has this key voted?" pre-check that a second tab could race.
_INSERT = """
INSERT INTO survey_ballot (poll_id, choice_id, voter_key, address_hash, created_at, comment)
SELECT %(poll)s, %(choice)s, %(key)s, %(address)s, %(now)s, %(comment)s
WHERE (
    SELECT count(*) FROM (
        SELECT 1 FROM survey_ballot
        WHERE address_hash = %(address)s AND created_at >= %(since)s
        LIMIT %(limit)s
    ) AS recent
) < %(limit)s
ON CONFLICT (poll_id, voter_key) DO NOTHING
RETURNING id
"""
# On PostgreSQL an advisory lock per address, sent in the same message: the
# statements of one message share an implicit transaction, so the lock is
# held until the insert commits, and the insert, a statement of its own, reads
# a snapshot taken after the lock was granted. Two votes from one address
# therefore cannot both see the count below the limit. (It needs Django's
# default client-side parameter binding, which allows several statements.)
_LOCK = "SELECT pg_advisory_xact_lock(hashtext(%(address)s));"


def cast_ballot(poll_id, choice_id, key, hashed_address, comment="", now=None):
    """Store one ballot unless the voter already has one or the address is over its limit.

    Returns STORED, ALREADY_VOTED or FLOODED. The flood limit counts the
    address's ballots of the last hour in the database, so every gunicorn
    worker and every server sees the same count without a shared cache; on
    SQLite the IMMEDIATE transaction lets one writer in at a time.
    Raises IntegrityError when the choice is no longer in the poll.
    """
    from web.signals import receiver_for

    now = now or timezone.now()
    ops = connection.ops
    params = {
        "poll": poll_id,
        "choice": choice_id,
        "key": key,
        "address": hashed_address,
        "now": ops.adapt_datetimefield_value(now),
        "since": ops.adapt_datetimefield_value(now - dt.timedelta(seconds=FLOOD_WINDOW_SECONDS)),
        "limit": settings.POLL_VOTES_PER_IP_PER_HOUR,
        "comment": comment,
    }
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        # Autocommit: the message is its own transaction, one round trip.
        stored = _insert(params)
    else:
        with transaction.atomic():
            stored = _insert(params)
    if stored:
        receiver_for("ballots")()
        return STORED
    return ALREADY_VOTED if ballot_exists(poll_id, key) else FLOODED


def ballot_exists(poll_id, key):
    from survey.models import Ballot

    return Ballot.objects.filter(poll_id=poll_id, voter_key=key).exists()


def _insert(params):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(_LOCK + _INSERT, params)
            cursor.nextset()
        else:
            cursor.execute(_INSERT, params)
        return cursor.fetchone() is not None


def poll_for_ballot(slug):
    """(poll, [(choice id, text), …]) for this slug, or (None, ()) when there is none.

    Kept in this process until a content edit (pagecache.cached_data), so a
    vote reads no poll from the database; whether the poll is open is still
    decided at each request.
    """
    from survey.models import Poll
    from web import pagecache

    def load():
        poll = Poll.objects.filter(slug=slug).first()
        return None if poll is None else (poll, poll.choice_list())

    if len(slug) > Poll._meta.get_field("slug").max_length:
        return None, ()
    found = pagecache.cached_data(f"survey.poll:{slug}", (pagecache.CONTENT,), load)
    return found or (None, ())


def retention_days():
    """How long a ballot keeps its address hash (POLL_ADDRESS_RETENTION_DAYS)."""
    return int(getattr(settings, "POLL_ADDRESS_RETENTION_DAYS", 30))
