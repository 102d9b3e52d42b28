"""Settings for doingoai: one module, read from the environment (see README, "Settings")."""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from doingoai.lib.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(env_str("DOINGOAI_VAR_DIR", str(Path.cwd() / "var")))

DEBUG = env_bool("DEBUG", False)
PRODUCTION = env_bool("DOINGOAI_PRODUCTION", False)
# A fixed key only for the embedded demo and tests: it is public, so production never runs on
# it, whatever DEBUG says (core/checks.py also fails `check --deploy` on it).
DEMO_SECRET_KEY = "doingoai-insecure-demo-key-set-SECRET_KEY-in-production"
SECRET_KEY = env_str("SECRET_KEY")
if PRODUCTION and (not SECRET_KEY or SECRET_KEY == DEMO_SECRET_KEY):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set in production, to a secret value, not the demo key")
if not SECRET_KEY:
    SECRET_KEY = DEMO_SECRET_KEY

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "simple_history",
    "axes",
    "django_filters",
    "django_htmx",
    "ninja",
    "csp",
    "doingoai.core",
    "doingoai.accounts",
    "doingoai.organisations",
    "doingoai.reporting",
    "doingoai.partners",
    "doingoai.agreements",
    "doingoai.aid",
    "doingoai.delegations",
    "doingoai.events",
    "doingoai.friendship",
    "doingoai.figures",
    "doingoai.reports",
    "doingoai.correspondence",
    "doingoai.rules",
    "doingoai.notifications",
    "doingoai.consular",
    "doingoai.residents",
    "doingoai.passports",
    "doingoai.signatures",
    "doingoai.border",
    "doingoai.staff",
    "doingoai.treaties",
    "doingoai.planning",
    "doingoai.consultations",
    "doingoai.trade",
    "doingoai.information",
    "doingoai.protocol",
    "doingoai.privacy",
    "doingoai.jobs",
    "doingoai.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "doingoai.accounts.sessions.IdleSessionMiddleware",
    "doingoai.core.middleware.VietnameseFirstLocaleMiddleware",
    "doingoai.api.middleware.ApiLanguageMiddleware",
    "doingoai.core.middleware.RefuseNulBytesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked log-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "doingoai.urls"
WSGI_APPLICATION = "doingoai.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "doingoai.accounts.context_processors.membership",
                "doingoai.core.context_processors.navigation",
            ],
        },
    },
]

# The database: DATABASE_URL (PostgreSQL in production), else an SQLite file under ./var/.
_default_sqlite = f"sqlite:///{VAR_DIR / 'doingoai.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", _default_sqlite), conn_max_age=env_int("DB_CONN_MAX_AGE", 60)
    )
}
# Read replicas (DATABASE_REPLICA_URL, one or several separated by commas): a request reads
# from one of them, writes go to the primary, and a user who has just written reads from the
# primary for DOINGOAI_PIN_PRIMARY_SECONDS (core/replicas.py; README, "Beyond one machine").
DOINGOAI_PIN_PRIMARY_SECONDS = env_int("DOINGOAI_PIN_PRIMARY_SECONDS", 10)
# A replica that did not answer is not tried again for this long (core/replicas.py).
DOINGOAI_REPLICA_RETRY_SECONDS = env_int("DOINGOAI_REPLICA_RETRY_SECONDS", 30)
for _number, _url in enumerate(env_list("DATABASE_REPLICA_URL"), start=1):
    _replica = dj_database_url.parse(_url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
    _replica["TEST"] = {"MIRROR": "default"}
    DATABASES["replica" if _number == 1 else f"replica_{_number}"] = _replica
if len(DATABASES) > 1:
    DATABASE_ROUTERS = ["doingoai.core.replicas.PrimaryReplicaRouter"]
    MIDDLEWARE.insert(MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
                      "doingoai.core.replicas.PinToPrimaryMiddleware")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
         "transaction_mode": "IMMEDIATE"}
    )
    # Connections are kept (DB_CONN_MAX_AGE) as on PostgreSQL: a new SQLite connection reads
    # the whole schema (some 400 tables and indexes) at its first statement, ~10 ms, which
    # was most of a cached list page's time (issue 15).
    # A fresh clone has no ./var/ (it is git-ignored): SQLite cannot create the folder of its
    # file, so every command that opens the database would fail on "unable to open database
    # file". Create the folder here, where the path is chosen, whatever command runs first.
    _sqlite_name = str(DATABASES["default"].get("NAME") or "")
    if _sqlite_name and _sqlite_name != ":memory:" and not _sqlite_name.startswith("file:"):
        Path(_sqlite_name).parent.mkdir(parents=True, exist_ok=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Log-in lock-out on every path, the admin site's too: django-axes, configured in
# accounts/lockout.py (one user name from one address; a delay that doubles).
AUTHENTICATION_BACKENDS = [
    "doingoai.accounts.lockout.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
DOINGOAI_LOGIN_MAX_FAILURES = env_int("DOINGOAI_LOGIN_MAX_FAILURES", 5)
DOINGOAI_LOGIN_WINDOW_MINUTES = env_int("DOINGOAI_LOGIN_WINDOW_MINUTES", 15)
DOINGOAI_LOGIN_FIRST_DELAY_MINUTES = env_int("DOINGOAI_LOGIN_FIRST_DELAY_MINUTES", 1)
DOINGOAI_LOGIN_MAX_DELAY_MINUTES = env_int("DOINGOAI_LOGIN_MAX_DELAY_MINUTES", 60)
# The reverse proxies (addresses or networks) whose X-Forwarded-For is believed; empty: none.
# `doingoai serve` gives gunicorn the same list as --forwarded-allow-ips.
DOINGOAI_TRUSTED_PROXIES = env_list("DOINGOAI_TRUSTED_PROXIES", [])
AXES_FAILURE_LIMIT = DOINGOAI_LOGIN_MAX_FAILURES
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = "doingoai.accounts.lockout.cool_off"
AXES_USE_ATTEMPT_EXPIRATION = True
AXES_RESET_ON_SUCCESS = True
# A try while waiting neither counts nor restarts the wait: the next failure after it doubles it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "doingoai.accounts.lockout.client_ip"
AXES_USERNAME_CALLABLE = "doingoai.accounts.lockout.axes_username"
AXES_LOCKOUT_CALLABLE = "doingoai.accounts.lockout.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Sessions live in the database so any app server can serve any request. A session ends after
# DOINGOAI_SESSION_IDLE_MINUTES without a request (30 in production, two weeks otherwise):
# a request pushes its end back, writing the session at most once a minute
# (accounts/sessions.py). Not cached_db: each process would keep its own copy in its memory,
# and a session ended (log-out) on one process would live on in the other's.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = 60 * env_int("DOINGOAI_SESSION_IDLE_MINUTES", 30 if PRODUCTION else 20160)
SESSION_SAVE_EVERY_REQUEST = False

# Content-Security-Policy (django-csp): scripts only from the site's own static files, never
# inline; no frames, plugins or foreign hosts. Styles may still be inline (a few chart images
# carry a style attribute); images may be data: URLs (the charts are drawn inline as PNG).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# Uploads go through the storage API: the local folder, or an S3-compatible bucket that every
# app server shares (DOINGOAI_STORAGE=s3, the default once AWS_STORAGE_BUCKET_NAME is set).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
DOINGOAI_STORAGE = env_str("DOINGOAI_STORAGE",
                           "s3" if env_str("AWS_STORAGE_BUCKET_NAME") else "local")
if DOINGOAI_STORAGE not in {"local", "s3"}:
    raise ImproperlyConfigured(f"DOINGOAI_STORAGE must be local or s3, not {DOINGOAI_STORAGE!r}")
if DOINGOAI_STORAGE == "s3":
    # django-storages and boto3; the keys come from boto3's own AWS_ACCESS_KEY_ID and
    # AWS_SECRET_ACCESS_KEY. Files are private (downloads go through the record's access
    # check) and never overwritten: a second file of the same name gets a new name.
    AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
    if not AWS_STORAGE_BUCKET_NAME:
        raise ImproperlyConfigured("DOINGOAI_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME")
    AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = env_str("AWS_S3_REGION_NAME") or None
    AWS_S3_ADDRESSING_STYLE = env_str("AWS_S3_ADDRESSING_STYLE") or None
    AWS_LOCATION = env_str("AWS_LOCATION")
    AWS_DEFAULT_ACL = None
    AWS_S3_FILE_OVERWRITE = False
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
DOINGOAI_MAX_ATTACHMENT_BYTES = env_int("DOINGOAI_MAX_ATTACHMENT_BYTES", 20 * 1024 * 1024)
# Years a closed consular case keeps its personal data before `doingoai anonymise` erases it,
# when no rule "consular.retention_years" is in force (Decree 13/2023/NĐ-CP: no longer than
# its purpose needs).
DOINGOAI_CONSULAR_RETENTION_YEARS = env_int("DOINGOAI_CONSULAR_RETENTION_YEARS", 5)
# Years the other registers with personal data (foreigners, people abroad, official passports,
# ABTC cards) keep it after its purpose ended, when no rule "<register>.retention_years" is in
# force (privacy/retention.py).
DOINGOAI_RETENTION_YEARS = env_int("DOINGOAI_RETENTION_YEARS", 5)

# Background jobs (the jobs app): each `doingoai serve` process runs a worker thread unless
# DOINGOAI_WORKER=0 (then run `doingoai worker` beside it); a spreadsheet import of more rows
# than DOINGOAI_IMPORT_JOB_ROWS, or an IATI file larger than DOINGOAI_IATI_JOB_BYTES, runs as
# a job, its page showing the progress.
DOINGOAI_WORKER = env_bool("DOINGOAI_WORKER", True)
DOINGOAI_IMPORT_JOB_ROWS = env_int("DOINGOAI_IMPORT_JOB_ROWS", 500)
# A worker beats while it runs a job; a running job with no beat for this many seconds lost its
# worker and is taken again by the next one, at most DOINGOAI_JOB_ATTEMPTS runs in all.
DOINGOAI_JOB_LEASE_SECONDS = env_int("DOINGOAI_JOB_LEASE_SECONDS", 300)
DOINGOAI_JOB_ATTEMPTS = env_int("DOINGOAI_JOB_ATTEMPTS", 3)
# An IATI file larger than this many bytes is imported by a job (about 1,000 activities).
DOINGOAI_IATI_JOB_BYTES = env_int("DOINGOAI_IATI_JOB_BYTES", 2 * 1024 * 1024)

# E-mail (reminders, password-reset links) goes through Django's backend: printed on the console
# by default; the file backend writes each message under EMAIL_FILE_PATH, the SMTP backend
# sends it through EMAIL_HOST.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "doingoai@localhost")
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
# A password-reset link stays valid this many seconds (Django's default: three days).
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT", 3 * 24 * 3600)
# The site's address, for the links in reminder e-mails (a command has no request).
DOINGOAI_BASE_URL = env_str("DOINGOAI_BASE_URL", "")

# Production hardening, switched on by DOINGOAI_PRODUCTION=1 (see README, "Deploying").
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

FORMAT_MODULE_PATH = ["doingoai.formats"]
# Dates are typed dd/mm/yyyy in every language (the formats modules say so per language; this
# is the fallback for a language without one). ISO dates stay accepted, for scripts.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"]
# Every widget of every form (pages, filters, the admin) is drawn through this renderer: long
# drop-downs become searchable, the empty option reads "— chọn —" (core/widgets.py).
FORM_RENDERER = "doingoai.core.widgets.FormRenderer"
# Off on purpose: with it on, Django groups every integer a template or the admin prints,
# ids, years and versions included (?place=3.357, "2.025"). Quantities are grouped where
# they are printed (core.records.display, the |quantity filter, lib.money.format_number).
USE_THOUSAND_SEPARATOR = False
