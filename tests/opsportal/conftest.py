# The editors' client: a caseworker of the group Redaktorzy.
from tests.survey.conftest import editor_client  # noqa: F401
