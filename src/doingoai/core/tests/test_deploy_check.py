import os
import secrets
import subprocess
import sys


def test_the_deploy_check_is_clean_with_the_documented_production_settings(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "doingoai.settings",
        "DOINGOAI_PRODUCTION": "1",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "example.org",
        "DOINGOAI_VAR_DIR": str(tmp_path),
    }
    env.pop("DEBUG", None)
    # Set by the browser tests while their session-wide browser runs (pytest-django runs the
    # tests that need no database after them); never set in production.
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "doingoai.settings",
        "DOINGOAI_PRODUCTION": "1",
        "ALLOWED_HOSTS": "example.org",
        "DOINGOAI_VAR_DIR": str(tmp_path),
    }
    env.pop("SECRET_KEY", None)
    env.pop("DEBUG", None)
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy"],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr
