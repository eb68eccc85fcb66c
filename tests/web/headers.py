"""What tests read off a response's security headers."""


def csp_directives(response):
    """The response's Content-Security-Policy as {directive: [sources]}."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def assert_every_security_header(response, secure=False, what=None):
    """The headers every response of the site carries; HSTS on ``secure`` ones."""
    assert response["X-Content-Type-Options"] == "nosniff", what
    assert response["X-Frame-Options"] == "DENY", what
    assert response["Referrer-Policy"] == "same-origin", what
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", what
    assert response["Cross-Origin-Resource-Policy"] == "same-origin", what
    assert "camera=()" in response["Permissions-Policy"], what
    assert csp_directives(response)["frame-ancestors"] == ["'none'"], what
    assert len(response["X-Request-ID"]) == 32, what
    if secure:
        assert response["Strict-Transport-Security"] == (
            "max-age=31536000; includeSubDomains; preload"
        ), what
