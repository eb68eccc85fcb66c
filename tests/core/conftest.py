# The page-cache tests' fake clock, which moves Django's now() and the cache's
# expiry together: the pages here are cached until their open-now answer changes.
from tests.opsportal.test_pagecache import clock  # noqa: F401
