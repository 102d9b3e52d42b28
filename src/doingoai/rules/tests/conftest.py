import pytest


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a live-server test's flush, reload the data the migrations loaded (as
    tests/browser/conftest.py does), so the tests after it find the reference data."""
    result = yield
    blocker = getattr(item, "reload_migrated_data_with", None)
    next_reloads = nextitem is not None and "django_db_serialized_rollback" in getattr(
        nextitem, "fixturenames", ()
    )
    # After the last test the session has dropped the test database: nothing to reload.
    if blocker is not None and nextitem is not None and not next_reloads:
        from django.db import connections

        with blocker.unblock():
            for connection in connections.all():
                serialized = getattr(connection, "_test_serialized_contents", None)
                if serialized:
                    connection.creation.deserialize_db_from_string(serialized)
    return result
