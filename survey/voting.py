"""Who is voting: the voter key, the client address and the flood limit.

No raw IP address leaves this module: callers get a keyed hash of it.
"""

import datetime as dt
import ipaddress
import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from survey.cookies import VOTER_COOKIE, VOTER_COOKIE_MAX_AGE
from survey.models import Ballot, Poll, VotingAddress
from web import pagecache
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
    browser's CSRF cookie, which every form post carries (the CSRF check
    refuses a post without it): a double click or two tabs from one browser
    post the same cookie before any voter cookie has arrived, so they get one
    key and the unique constraint lets one ballot in. Pages therefore hold
    nothing per visitor but the CSRF token, which is what lets the page cache
    share them.
    """
    key = voter_key_from_cookie(request)
    if key:
        return key
    secret = request.COOKIES.get(settings.CSRF_COOKIE_NAME)
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


def cast_ballot(poll, choice, key, hashed_address, comment="", now=None):
    """Store one ballot unless the voter already has one or the address is over its limit.

    Returns STORED, ALREADY_VOTED or FLOODED. ``poll`` and ``choice`` may be
    the per-process copies of poll_for_ballot: nothing here changes them.

    The ballot is an ordinary model instance: its field validation and
    ``clean()`` (the choice belongs to the poll) run before ``save()``, and
    saving it makes the poll's cached pages stale (survey.apps watches Ballot
    through web.signals). What ``full_clean()`` would check with queries is left to
    the database, which cannot be raced: the unique constraint
    ``survey_ballot_one_per_voter`` refuses a second ballot of the voter in
    the poll (IntegrityError, answered "already voted"), and the foreign keys
    refuse a choice deleted since the poll was read (IntegrityError, raised).

    The flood limit (POLL_VOTES_PER_IP_PER_HOUR) counts the address's ballots
    of the last hour in the database, so every gunicorn worker and every
    server sees the same count. For two votes from one address not to count
    at the same moment, each vote, in one transaction, first writes the
    address's VotingAddress row, then counts, then saves its ballot. The
    write is an INSERT … ON CONFLICT DO UPDATE (``bulk_create`` with
    ``update_conflicts``): one statement that creates the row or updates it,
    and in both cases holds it until the transaction ends, as
    ``select_for_update()`` would hold a row that already exists. A second
    vote from the address waits there until the first has committed, and on
    PostgreSQL (READ COMMITTED) its count, a later statement, sees the
    first's ballot. On SQLite the IMMEDIATE transaction lets one writer in at
    a time. Votes from different addresses never wait for each other.
    """
    now = now or timezone.now()
    ballot = Ballot(
        poll=poll,
        choice=choice,
        voter_key=key,
        address_hash=hashed_address,
        created_at=now,
        comment=comment,
    )
    ballot.full_clean(exclude=["poll", "choice"], validate_unique=False, validate_constraints=False)
    since = now - dt.timedelta(seconds=FLOOD_WINDOW_SECONDS)
    limit = settings.POLL_VOTES_PER_IP_PER_HOUR
    try:
        with transaction.atomic():
            VotingAddress.objects.bulk_create(
                [VotingAddress(address_hash=hashed_address, last_vote_at=now)],
                update_conflicts=True,
                unique_fields=["address_hash"],
                update_fields=["last_vote_at"],
            )
            # Reading no further than the limit, so a flood does not make each vote slower.
            recent = Ballot.objects.filter(address_hash=hashed_address, created_at__gte=since)
            flooded = len(recent.order_by().values_list("pk", flat=True)[:limit]) >= limit
            if not flooded:
                ballot.save(force_insert=True)
    except IntegrityError:
        if ballot_exists(poll.pk, key):
            return ALREADY_VOTED
        raise
    if flooded:
        # A voter who has a ballot already is told so: that is the answer that helps.
        return ALREADY_VOTED if ballot_exists(poll.pk, key) else FLOODED
    return STORED


def ballot_exists(poll_id, key):
    return Ballot.objects.filter(poll_id=poll_id, voter_key=key).exists()


def poll_for_ballot(slug):
    """(poll, (choice, …) in the form's order) for this slug, or (None, ()) when there is none.

    Kept in this process until a content edit (pagecache.cached_data), so a
    vote reads no poll from the database; whether the poll is open is still
    decided at each request. The objects are shared by the process's threads:
    read them, never change them.
    """

    def load():
        poll = Poll.objects.filter(slug=slug).first()
        if poll is None:
            return None
        return poll, tuple(poll.choices.order_by("position", "pk"))

    if len(slug) > Poll._meta.get_field("slug").max_length:
        return None, ()
    found = pagecache.cached_data(f"survey.poll:{slug}", (pagecache.CONTENT,), load)
    return found or (None, ())


def retention_days():
    """How long a ballot keeps its address hash (POLL_ADDRESS_RETENTION_DAYS)."""
    return int(getattr(settings, "POLL_ADDRESS_RETENTION_DAYS", 30))
