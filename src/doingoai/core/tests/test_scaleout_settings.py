"""The settings of several app servers: replicas and object storage, read from the environment
(settings.py). Each case starts a fresh interpreter, since settings are read once."""

import json
import os
import subprocess
import sys

PRINT_SETTINGS = """
import json
import django
django.setup()
from django.conf import settings
print(json.dumps({
    "storage": settings.STORAGES["default"]["BACKEND"],
    "bucket": getattr(settings, "AWS_STORAGE_BUCKET_NAME", None),
    "overwrite": getattr(settings, "AWS_S3_FILE_OVERWRITE", None),
    "databases": sorted(settings.DATABASES),
    "replica_host": settings.DATABASES.get("replica_2", {}).get("HOST"),
    "routers": settings.DATABASE_ROUTERS,
    "pins": "doingoai.core.replicas.PinToPrimaryMiddleware" in settings.MIDDLEWARE,
}))
"""


def _settings_with(**env):
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("AWS_", "DATABASE_REPLICA", "DOINGOAI_STORAGE"))}
    clean.update(env, DJANGO_SETTINGS_MODULE="doingoai.settings")
    return subprocess.run([sys.executable, "-c", PRINT_SETTINGS], env=clean,
                          capture_output=True, text=True, timeout=120)


def test_uploads_stay_in_the_local_folder_by_default():
    found = json.loads(_settings_with().stdout)
    assert found["storage"] == "django.core.files.storage.FileSystemStorage"
    assert found["databases"] == ["default"]
    assert found["routers"] == []
    assert not found["pins"]


def test_a_bucket_name_moves_uploads_to_object_storage_without_overwriting():
    found = json.loads(_settings_with(AWS_STORAGE_BUCKET_NAME="doingoai").stdout)
    assert found["storage"] == "storages.backends.s3.S3Storage"
    assert found["bucket"] == "doingoai"
    assert found["overwrite"] is False


def test_object_storage_without_a_bucket_fails_loudly():
    result = _settings_with(DOINGOAI_STORAGE="s3")
    assert result.returncode != 0
    assert "DOINGOAI_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME" in result.stderr


def test_an_unknown_storage_fails_loudly():
    result = _settings_with(DOINGOAI_STORAGE="ftp")
    assert result.returncode != 0
    assert "DOINGOAI_STORAGE must be local or s3, not 'ftp'" in result.stderr


def test_each_replica_url_becomes_a_database_read_through_the_router():
    found = json.loads(_settings_with(DATABASE_REPLICA_URL=(
        "postgresql://app@replica-one:5432/doingoai,"
        "postgresql://app@replica-two:5432/doingoai")).stdout)
    assert found["databases"] == ["default", "replica", "replica_2"]
    assert found["replica_host"] == "replica-two"
    assert found["routers"] == ["doingoai.core.replicas.PrimaryReplicaRouter"]
    assert found["pins"]
