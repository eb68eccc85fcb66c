import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded documents go to a folder of this test, not the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
