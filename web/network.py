"""Who is asking: the client's address, for the poll's flood limit and the login lockout."""

import ipaddress

from django.conf import settings


def parse_ip(value):
    try:
        return ipaddress.ip_address(value.strip().strip("[]"))
    except ValueError:
        return None


def _trusted_proxies():
    networks = []
    for entry in settings.TRUSTED_PROXIES:
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            continue
    return networks


def client_address(request):
    """The client's IP address as text.

    REMOTE_ADDR unless ``settings.TRUSTED_PROXY_HEADER`` names the header
    (e.g. ``HTTP_X_FORWARDED_FOR``) that our own reverse proxy fills in. Only the
    right end of that header was written by proxies we trust; anything to the
    left of the first address we do not trust is whatever the client claimed,
    so the walk goes from the right and stops at the first untrusted hop.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    header = settings.TRUSTED_PROXY_HEADER
    if header:
        trusted = _trusted_proxies()
        hops = [hop for hop in request.META.get(header, "").split(",") if hop.strip()]
        for hop in reversed(hops):
            address = parse_ip(hop)
            if address is None:
                break
            if any(address in network for network in trusted):
                continue
            return str(address)
    return remote
