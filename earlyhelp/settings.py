"""Settings, read from the environment. See README.md ("Configuration") and .env.example.

EARLYHELP_ENV picks the mode: "development" (default: SQLite, debug pages, demo seeding
allowed), "test" (used by the suite) or "production" (secrets required, secure cookies).
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from earlyhelp.lib.encryption_keys import derive_key
from earlyhelp.lib.env import env_bool, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

ENVIRONMENT = env_str("EARLYHELP_ENV", "development")
if ENVIRONMENT not in {"development", "test", "production"}:
    raise ImproperlyConfigured(
        f"EARLYHELP_ENV is {ENVIRONMENT!r}; use development, test or production."
    )
PRODUCTION = ENVIRONMENT == "production"

if PRODUCTION:
    SECRET_KEY = env_str("SECRET_KEY", "")
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set to a random value of at least 50 characters in production. "
            'Make one with: earlyhelp shell -c "from django.core.management.utils import '
            'get_random_secret_key as k; print(k())"'
        )
else:
    SECRET_KEY = env_str("SECRET_KEY", "development-only-key-not-for-production-use-0123456789")

# Keys for narrative text encrypted at rest (earlyhelp/lib/encryption.py): the first
# encrypts, all decrypt. Required in production; derived from SECRET_KEY elsewhere.
FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEYS", [])
if not FIELD_ENCRYPTION_KEYS:
    if PRODUCTION:
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEYS must be set in production (comma-separated Fernet keys, "
            "newest first). Make one with: earlyhelp rotate-field-keys --new-key"
        )
    FIELD_ENCRYPTION_KEYS = [derive_key(SECRET_KEY)]

# The key of the audit trail's HMAC chain and of its anchors (earlyhelp/audit, docs/security.md).
# Never stored in the database. Required in production; derived from SECRET_KEY elsewhere.
AUDIT_CHAIN_KEY = env_str("AUDIT_CHAIN_KEY", "")
if not AUDIT_CHAIN_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured(
            "AUDIT_CHAIN_KEY must be set in production (a random value of at least 32 "
            "characters). Make one with: "
            'python -c "import secrets; print(secrets.token_urlsafe(48))"'
        )
    AUDIT_CHAIN_KEY = derive_key("audit-chain:" + SECRET_KEY)
elif len(AUDIT_CHAIN_KEY) < 32:
    raise ImproperlyConfigured("AUDIT_CHAIN_KEY must be at least 32 characters long.")
# Where `earlyhelp anchor-audit` and every backup write the signed checkpoints of the chain's
# head, in the default storage (a different place from the database, ideally write-once).
AUDIT_ANCHOR_PREFIX = env_str("AUDIT_ANCHOR_PREFIX", "audit-anchors")
# Only the test suite may empty the audit table (Django's flush between tests).
AUDIT_TRAIL_FLUSHABLE = ENVIRONMENT == "test"

DEBUG = env_bool("DEBUG", ENVIRONMENT == "development")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]"])
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the site's host names in production.")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks_db",  # background tasks in the database (docs/adr/0012)
    "earlyhelp.core",
    "earlyhelp.ui",  # GOV.UK components: the `govuk` tags and their templates
    "earlyhelp.audit",
    "earlyhelp.accounts",
    "earlyhelp.schools",
    "earlyhelp.directory",
    "earlyhelp.offers",
    "earlyhelp.demo",
    "earlyhelp.imports",
    "earlyhelp.links",
    "earlyhelp.pupils",
    "earlyhelp.records",
    "earlyhelp.casework",
    "earlyhelp.concerns",
    "earlyhelp.dataprotection",
    "earlyhelp.attendance",
    "earlyhelp.training",  # staff training, read-and-sign, reminders (issue 15)
    "earlyhelp.oruk",
    "earlyhelp.ops",  # health, metrics, request ids, deploy checks (docs/deployment.md)
    "earlyhelp.jobs",  # schedules (run-due-jobs) and the operators' task list (issue 17)
    "earlyhelp.pupilvoice",  # the pupils' "happy and safe?" questionnaire (issue 15)
    "earlyhelp.governance",  # the governors' safeguarding report (issue 15)
]

MIDDLEWARE = [
    "earlyhelp.ops.middleware.RequestIdMiddleware",  # X-Request-ID, access log, metrics
    "earlyhelp.ops.middleware.OpsEndpointsMiddleware",  # /healthz /readyz /metrics
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "earlyhelp.lib.inputguard.InputGuardMiddleware",  # ids in range, no NUL (docs/security.md)
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Idle and absolute session limits, the second factor, no-store on /staff/ (docs/security.md).
    "earlyhelp.accounts.middleware.StaffAreaMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
]

ROOT_URLCONF = "earlyhelp.urls"
WSGI_APPLICATION = "earlyhelp.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "earlyhelp" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "earlyhelp.core.context_processors.site",
            ],
            "builtins": ["earlyhelp.ui.templatetags.govuk"],
        },
    }
]

DEFAULT_DATABASE_URL = f"sqlite:///{BASE_DIR / 'var' / 'earlyhelp.sqlite3'}"
if "DATABASE_URL" not in os.environ:
    (BASE_DIR / "var").mkdir(exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", DEFAULT_DATABASE_URL), conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            # Read through a memory map: each request's new connection reads the OS cache
            # without a copy per page (directory search, docs/benchmarks.md).
            " PRAGMA mmap_size=268435456;"
        ),
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Directory search ranks the first candidates a scan finds: every scan starts at the
    # table's first page, so the same words find the same services (ADR 0008). No JIT: it
    # cost seconds on the ORUK API's deep pages (docs/benchmarks.md), for short queries.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        "-c synchronize_seqscans=off -c jit=off"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "staff:home"
LOGOUT_REDIRECT_URL = "accounts:sign-in"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if ENVIRONMENT == "test":
    # Argon2 at full cost makes the suite slow; the production hasher is tested directly.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Where `collectstatic` writes (production); STATIC_ROOT moves it (the smoke test's is temporary).
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
# Built by `make assets` (npm): GOV.UK Frontend compiled with our settings.
STATICFILES_DIRS = [BASE_DIR / "earlyhelp" / "static"]
STORAGES: dict[str, dict[str, object]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},  # S3: see below
    "staticfiles": {
        "BACKEND": (
            "earlyhelp.core.storage.StaticStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Uploaded and generated files (attachments, audit anchors, backups, PDFs) go through the
# default storage: this folder, or S3-compatible object storage when STORAGE_S3_BUCKET is set
# (django-storages; every app server then shares the files; README "Configuration").
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
STORAGE_S3_BUCKET = env_str("STORAGE_S3_BUCKET", "")
if STORAGE_S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": STORAGE_S3_BUCKET,
            "endpoint_url": env_str("STORAGE_S3_ENDPOINT_URL", "") or None,
            "region_name": env_str("STORAGE_S3_REGION", "") or None,
            "access_key": env_str("STORAGE_S3_ACCESS_KEY_ID", "") or None,
            "secret_key": env_str("STORAGE_S3_SECRET_ACCESS_KEY", "") or None,
            "location": env_str("STORAGE_S3_PREFIX", ""),
            "addressing_style": env_str("STORAGE_S3_ADDRESSING_STYLE", "path"),
            # Private objects, never overwritten; the app itself serves them after its checks.
            "default_acl": None,
            "file_overwrite": False,
            "querystring_auth": True,
        },
    }
# The demo's password and authenticator keys, random per installation (earlyhelp/demo/secret.py).
DEMO_SECRET_FILE = (
    BASE_DIR / "var" / ("demo-secret-test" if ENVIRONMENT == "test" else "demo-secret")
)
# Outside production, serve static files straight from the apps (no collectstatic step).
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = not PRODUCTION

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "earlyhelp.core.views.csrf_failure"  # a GOV.UK page, not Django's default
SESSION_COOKIE_AGE = 12 * 60 * 60
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 63072000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

if ENVIRONMENT == "test":
    _email_backend = "django.core.mail.backends.locmem.EmailBackend"
elif PRODUCTION:
    _email_backend = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
else:
    _email_backend = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
MAILERS = {
    "default": {
        "BACKEND": _email_backend,
        "OPTIONS": {
            "host": env_str("EMAIL_HOST", "localhost"),
            "port": int(env_str("EMAIL_PORT", "587")),
            "username": env_str("EMAIL_HOST_USER", ""),
            "password": env_str("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", True),
        }
        if _email_backend.endswith("smtp.EmailBackend")
        else {},
    }
}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "earlyhelp <no-reply@localhost>")

# Log lines are JSON objects with the request id in production (LOG_FORMAT=json|text).
LOG_FORMAT = env_str("LOG_FORMAT", "json" if PRODUCTION else "text")
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured(f"LOG_FORMAT is {LOG_FORMAT!r}; use json or text.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "earlyhelp.ops.logs.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "earlyhelp.ops.logs.JsonFormatter"},
        "text": {"format": "%(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "earlyhelp.ops.logs.StderrHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "weasyprint": {"level": "ERROR"},
        "fontTools": {"level": "ERROR"},
    },
}

# How often an Offer must be reviewed, and how long before the due date editors are reminded.
OFFER_REVIEW_MONTHS = 12
OFFER_REVIEW_REMINDER_DAYS = 30
# A county service not checked for this many days shows as unverified to directory editors.
SERVICE_UNVERIFIED_AFTER_DAYS = int(env_str("SERVICE_UNVERIFIED_AFTER_DAYS", "180"))

# Caches: shared by every app server (issue 17, docs/deployment.md). Redis when REDIS_URL is
# set (Django's own RedisCache: atomic counters, no extra package beyond redis-py), else the
# database cache (table CACHE_TABLE, made by `earlyhelp migrate`; earlyhelp.lib.dbcache, whose
# writes never count the table). Never a file on one host: `check --deploy` refuses a file or
# local-memory cache in production (earlyhelp/ops/checks.py). Tests keep caches in memory.
# "pdf" keeps rendered Offer PDFs (earlyhelp.offers.pdf), keyed on digests of their HTML, so
# an entry is never stale, only unused. "ratelimit" holds rate limits and sign-in lockouts
# (earlyhelp/lib/ratelimit.py).
REDIS_URL = env_str("REDIS_URL", "")
CACHE_TABLE = "earlyhelp_cache"


def _shared_cache(prefix: str, timeout: int) -> dict[str, object]:
    if REDIS_URL:
        backend, location = "django.core.cache.backends.redis.RedisCache", REDIS_URL
    elif ENVIRONMENT == "test":
        backend, location = "django.core.cache.backends.locmem.LocMemCache", prefix
    else:
        backend, location = "earlyhelp.lib.dbcache.DatabaseCache", CACHE_TABLE
    return {"BACKEND": backend, "LOCATION": location, "KEY_PREFIX": prefix, "TIMEOUT": timeout}


CACHES = {
    "default": _shared_cache("default", 300),
    "pdf": _shared_cache("pdf", 30 * 24 * 60 * 60),
    "ratelimit": _shared_cache("ratelimit", 24 * 60 * 60),
}

# Public search: requests per minute from one address before a 429 page (0 switches it off;
# a school's families may share one address, so keep it generous).
PUBLIC_SEARCH_RATE_LIMIT = int(env_str("PUBLIC_SEARCH_RATE_LIMIT", "300"))

# Sessions and second factors (earlyhelp/accounts, docs/security.md).
SESSION_IDLE_TIMEOUT = int(env_str("SESSION_IDLE_TIMEOUT", str(15 * 60)))  # seconds
SESSION_WARNING_BEFORE = 2 * 60  # the "stay signed in" dialog opens this long before
SESSION_ABSOLUTE_TIMEOUT = SESSION_COOKIE_AGE
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "earlyhelp")
# WebAuthn: the relying party is the site's host name; passkeys only work over HTTPS (or
# on localhost).
WEBAUTHN_RP_NAME = OTP_TOTP_ISSUER

# Background tasks (Django's Tasks framework; docs/adr/0012-background-tasks.md): stored in
# the same database by django-tasks-db and run by `earlyhelp db_worker` (started by
# `make demo`; a service of its own in production). Tests that need a task run inline
# switch to ImmediateBackend themselves.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Operations (earlyhelp/ops, docs/deployment.md). /metrics answers only with this bearer
# token (unset: no /metrics at all). /readyz fails when a task has waited longer than this
# many seconds for a worker (0: never).
METRICS_TOKEN = env_str("METRICS_TOKEN", "")
READYZ_TASK_MAX_WAIT = int(env_str("READYZ_TASK_MAX_WAIT", str(30 * 60)))

# Attendance (issue 13): the school "watch" threshold, in per cent. Half-term letters go to
# the families of pupils whose attendance this school year is below it.
ATTENDANCE_WATCH_PERCENT = float(env_str("ATTENDANCE_WATCH_PERCENT", "95"))
# Seconds the attendance alerts task waits after the first import that asks for it, so that
# the imports of those seconds are measured in one pass (attendance.alerts); 0: at once
# (the tests, which run the worker themselves with the clock frozen).
ATTENDANCE_ALERT_BATCH_SECONDS = int(
    env_str("ATTENDANCE_ALERT_BATCH_SECONDS", "0" if ENVIRONMENT == "test" else "2")
)
