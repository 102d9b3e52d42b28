import pytest


@pytest.fixture(autouse=True)
def _uploads_in_a_temporary_folder(media_root):
    """Factories may attach files (a specimen signature): keep them out of ./var/media."""
