# The editors' client (a caseworker of the group Redaktorzy) and the fake clock
# that moves Django's now() and the page cache's expiry together.
from tests.opsportal.test_pagecache import clock  # noqa: F401
from tests.survey.conftest import editor_client  # noqa: F401
