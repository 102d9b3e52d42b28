# After the PostgreSQL concurrency test's flush, the reference data comes back as after the
# rules app's live-server tests.
from doingoai.rules.tests.conftest import pytest_runtest_teardown  # noqa: F401
