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


DEMO_KEY = "doingoai-insecure-demo-key-set-SECRET_KEY-in-production"


def _run(tmp_path, args, **env_changes):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "doingoai.settings",
           "ALLOWED_HOSTS": "example.org", "DOINGOAI_VAR_DIR": str(tmp_path)}
    for name in ("SECRET_KEY", "DEBUG", "DOINGOAI_PRODUCTION", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        env.pop(name, None)
    env.update(env_changes)
    return subprocess.run([sys.executable, "-m", "django", *args], env=env,
                          capture_output=True, text=True, timeout=120)


def test_production_refuses_to_start_on_the_demo_key_even_with_debug_on(tmp_path):
    for debug in ("0", "1"):
        result = _run(tmp_path, ["check"], DOINGOAI_PRODUCTION="1", SECRET_KEY=DEMO_KEY,
                      DEBUG=debug)
        assert result.returncode != 0
        assert "not the demo key" in result.stderr


def test_production_with_debug_on_does_not_fall_back_to_the_demo_key(tmp_path):
    result = _run(tmp_path, ["check"], DOINGOAI_PRODUCTION="1", DEBUG="1")
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def test_the_deploy_check_fails_on_the_demo_key(tmp_path):
    result = _run(tmp_path, ["check", "--deploy"])
    assert result.returncode != 0
    assert "doingoai.E001" in result.stdout + result.stderr


def test_sessions_end_after_thirty_idle_minutes_in_production_by_default(tmp_path):
    code = ("from django.conf import settings; "
            "print(settings.SESSION_COOKIE_AGE, "
            "'doingoai.accounts.sessions.IdleSessionMiddleware' in settings.MIDDLEWARE)")
    production = _run(tmp_path, ["shell", "-v", "0", "-c", code], DOINGOAI_PRODUCTION="1",
                      SECRET_KEY=secrets.token_urlsafe(50))
    assert production.stdout.split() == ["1800", "True"], production.stderr
    configured = _run(tmp_path, ["shell", "-v", "0", "-c", code], DOINGOAI_PRODUCTION="1",
                      SECRET_KEY=secrets.token_urlsafe(50), DOINGOAI_SESSION_IDLE_MINUTES="45")
    assert configured.stdout.split() == ["2700", "True"], configured.stderr
