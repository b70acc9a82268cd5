"""Tianping settings: one file, driven by the environment.

Every setting is listed in docs/settings.md and .env.example. Invalid values stop the
server at start-up with a message naming the setting.
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from tianping.lib.env import (
    env_bool,
    env_choice,
    env_int,
    env_int_list,
    env_int_map,
    env_list,
    env_str,
)

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = Path(env_str("TIANPING_HOME", str(PACKAGE_DIR.parent.parent)))
VAR_DIR = BASE_DIR / "var"

DEBUG = env_bool("DEBUG", False)
_DEV_SECRET = "insecure-development-key-do-not-use-in-production"
SECRET_KEY = env_str("SECRET_KEY", _DEV_SECRET if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("Setting SECRET_KEY is required when DEBUG is off.")
# Django's own test of a weak key (django.core.checks.security.base, W009): at least 50
# characters, at least 5 different ones; and never a value copied from the docs.
_PLACEHOLDER_SECRETS = (_DEV_SECRET, "change-me", "django-insecure-")
if not DEBUG and (
    len(SECRET_KEY) < 50
    or len(set(SECRET_KEY)) < 5
    or SECRET_KEY.startswith(_PLACEHOLDER_SECRETS)
):
    raise ImproperlyConfigured(
        "Setting SECRET_KEY must be a random string of at least 50 characters (not the "
        "example value of .env.example) when DEBUG is off. Make one with: "
        "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "tianping.courts.admin_site.PlatformAdminConfig",  # django.contrib.admin, superusers only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",  # its API docs page from its own static files, not a CDN (CSP, intranet)
    "template_partials",
    "django_tasks",
    "tianping.lib.tasks_app.BackgroundTasksConfig",  # django_tasks_db, named in our words
    "tianping.lib",
    "tianping.accounts",
    "tianping.courts",
    "tianping.catalog",
    "tianping.deadlines",
    "tianping.filings",
    "tianping.cases",
    "tianping.payments",
    "tianping.mediation",
    "tianping.service",
    "tianping.hearings",
    "tianping.supervision",
    "tianping.payorders",
    "tianping.documents",
    "tianping.appeals",
    "tianping.enforcement",
    "tianping.funds",
    "tianping.petitions",
    "tianping.indicators",
    "tianping.notifications",
    "tianping.audit",
    "tianping.workspace",
    "tianping.portal",
    "tianping.demo",
]

MIDDLEWARE = [
    "tianping.lib.middleware.ClientAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "tianping.lib.middleware.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "tianping.lib.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "tianping.courts.middleware.ActingForMiddleware",
]

ROOT_URLCONF = "tianping.urls"
WSGI_APPLICATION = "tianping.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tianping.courts.context_processors.navigation",
            ],
            # {{ court|local_name }} on every page (lib/templatetags/names.py)
            "builtins": ["tianping.lib.templatetags.names"],
        },
    }
]

# Database: SQLite by default (a newcomer needs nothing but Python), PostgreSQL in
# production through DATABASE_URL=postgres://user:password@host:5432/name.
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'tianping.sqlite3'}")
try:
    _db = dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 0))
except ValueError as exc:
    raise ImproperlyConfigured(f"Setting DATABASE_URL is not a database URL: {exc}") from None
if _db["ENGINE"] not in ("django.db.backends.sqlite3", "django.db.backends.postgresql"):
    raise ImproperlyConfigured(
        f"Setting DATABASE_URL must use sqlite:// or postgres://; {_db['ENGINE']} is not supported."
    )
if _db["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work at once; IMMEDIATE transactions take the write
    # lock up front, so concurrent writers wait (busy timeout) instead of failing.
    _db["OPTIONS"] = {
        "timeout": env_int("SQLITE_BUSY_TIMEOUT", 20, minimum=1),
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    if _db["NAME"] != ":memory:":
        Path(_db["NAME"]).parent.mkdir(parents=True, exist_ok=True)
DATABASES = {"default": _db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
# The only backend: every password check goes through the sign-in throttle.
AUTHENTICATION_BACKENDS = ["tianping.accounts.backends.ThrottledModelBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT", 3 * 24 * 3600, minimum=60)
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
LOGIN_FAILURE_WINDOW_MINUTES = env_int("LOGIN_FAILURE_WINDOW_MINUTES", 15, minimum=1)
LOGIN_SLOW_DOWN_SECONDS = env_int("LOGIN_SLOW_DOWN_SECONDS", 1, minimum=0)
PASSWORD_RESET_PER_ACCOUNT = env_int("PASSWORD_RESET_PER_ACCOUNT", 3, minimum=1)
PASSWORD_RESET_PER_ADDRESS = env_int("PASSWORD_RESET_PER_ADDRESS", 10, minimum=1)
REGISTRATIONS_PER_ADDRESS = env_int("REGISTRATIONS_PER_ADDRESS", 5, minimum=1)  # an hour

# Chinese first, English complete; add a language here and a folder under locale/.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Asia/Shanghai")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
WHITENOISE_USE_FINDERS = DEBUG
MAX_UPLOAD_MB = env_int("MAX_UPLOAD_MB", 20, minimum=1)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Days before a filing's review clock runs out when the queue flags it (临期).
FILING_REVIEW_WARNING_DAYS = env_int("FILING_REVIEW_WARNING_DAYS", 2, minimum=0)
# Files one filing may hold (uploads and powers of attorney together).
FILING_MAX_FILES = env_int("FILING_MAX_FILES", 50, minimum=1)
# The longest period a correction notice (补正通知) may give, in days from its issue.
FILING_CORRECTION_MAX_DAYS = env_int("FILING_CORRECTION_MAX_DAYS", 30, minimum=1)
# Days before a case's time limit expires when the judge and division head are warned.
TIME_LIMIT_WARNING_DAYS = env_int_list("TIME_LIMIT_WARNING_DAYS", [30, 15, 7])
# A mediation clock (appointment, acceptance, the mediation period) is warned of once,
# when its date is this many days away or closer (mediation/sweep.py).
MEDIATION_WARNING_DAYS = env_int_list("MEDIATION_WARNING_DAYS", [3])
# Longest period not counted in a time limit, per kind the law leaves open (days, e.g.
# "appraisal=365,settlement=90"); unnamed kinds get 180 (tianping.law.exclusions).
TIME_LIMIT_EXCLUSION_MAX_DAYS = env_int_map("TIME_LIMIT_EXCLUSION_MAX_DAYS", {})
# Postponements of hearings (延期开庭) a case may have, per procedure (2019 SPC rules art. 3:
# ordinary 2, summary and small claims 1); the working hours outside which a session is
# flagged as an evening session (hearings/rules.py).
HEARING_POSTPONEMENT_LIMITS = env_int_map(
    "HEARING_POSTPONEMENT_LIMITS", {"ordinary": 2, "summary": 1, "small_claims": 1})
HEARING_WORKING_HOURS = env_str("HEARING_WORKING_HOURS", "08:00-18:00")
# Service of documents: the SMS and e-mail backends (dotted paths); the default logs and
# keeps each message (no network at runtime).
SERVICE_SMS_BACKEND = env_str("SERVICE_SMS_BACKEND", "tianping.service.backends.LoggingBackend")
SERVICE_EMAIL_BACKEND = env_str(
    "SERVICE_EMAIL_BACKEND", "tianping.service.backends.LoggingBackend"
)
# Petitions (涉诉信访): days to ask for 复查 after the reply (or 复核 after the 复查), and
# days to decide one; 信访工作条例 arts 35-36 give 30 each. UNSURE: the SPC's own rules on
# court-related petitions were not retrieved (petitions/actions.py).
PETITION_REVIEW_ASK_DAYS = env_int("PETITION_REVIEW_ASK_DAYS", 30, minimum=1)
PETITION_REVIEW_DAYS = env_int("PETITION_REVIEW_DAYS", 30, minimum=1)
# Case funds (执行案款, funds/conf.py): payout within 30 days of the arrival notice (法发
# 〔2017〕6号; local rules shorter), claims of master-account money within 3 days, and the
# days to pay once a deferral's reason ends (UNSURE: no national figure was found).
FUNDS_PAYOUT_DAYS = env_int("FUNDS_PAYOUT_DAYS", 30, minimum=1)
FUNDS_CLAIM_DAYS = env_int("FUNDS_CLAIM_DAYS", 3, minimum=1)
FUNDS_RESUME_DAYS = env_int("FUNDS_RESUME_DAYS", 10, minimum=1)
# Who decides applications for fee relief (缓交、减交、免交): the Measures say "the court";
# any of president, filing_division_head, case_judge (payments.permissions).
FEE_RELIEF_DECIDERS = env_list("FEE_RELIEF_DECIDERS", ["president", "filing_division_head"])
_unknown_deciders = set(FEE_RELIEF_DECIDERS) - {"president", "filing_division_head", "case_judge"}
if _unknown_deciders or not FEE_RELIEF_DECIDERS:
    raise ImproperlyConfigured(
        "FEE_RELIEF_DECIDERS takes president, filing_division_head, case_judge "
        f"(got {', '.join(FEE_RELIEF_DECIDERS) or 'none'})."
    )

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "tianping@localhost")

# Kept figures (indicator counts, the big screen's data): memory of each process by
# default; CACHE_BACKEND=django.core.cache.backends.db.DatabaseCache shares them between
# processes with no other service (CACHE_LOCATION names its table; `createcachetable`).
CACHES = {
    "default": {
        "BACKEND": env_choice(
            "CACHE_BACKEND",
            "django.core.cache.backends.locmem.LocMemCache",
            (
                "django.core.cache.backends.locmem.LocMemCache",
                "django.core.cache.backends.db.DatabaseCache",
                "django.core.cache.backends.dummy.DummyCache",
            ),
        ),
        "LOCATION": env_str("CACHE_LOCATION", "tianping"),
    }
}

TASKS = {
    "default": {
        "BACKEND": env_choice(
            "TASKS_BACKEND",
            "django_tasks_db.DatabaseBackend",
            (
                "django_tasks_db.DatabaseBackend",
                "django_tasks.backends.immediate.ImmediateBackend",
            ),
        )
    }
}

SESSION_COOKIE_HTTPONLY = True
# The pages load nothing from elsewhere and run no inline script (static/tianping/js/app.js
# holds their behaviours); inline style attributes remain, hence 'unsafe-inline' for styles.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; "
    "object-src 'none'"
)
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600, minimum=300)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    # Behind a TLS-terminating proxy: see docs/deployment.md.
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
    SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# Behind the reverse proxy of docs/deployment.md ("Sign-in and proxies"), which terminates
# TLS and reports the client: trust its X-Forwarded-Proto, and take the client's address
# (sign-in throttling, audit record) from CLIENT_ADDRESS_HEADER instead of the proxy's own.
BEHIND_TLS_PROXY = env_bool("BEHIND_TLS_PROXY", not DEBUG)
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CLIENT_ADDRESS_HEADER = env_choice(
    "CLIENT_ADDRESS_HEADER",
    "X-Forwarded-For" if BEHIND_TLS_PROXY else "none",
    ("X-Forwarded-For", "X-Real-IP", "none"),
)
if CLIENT_ADDRESS_HEADER != "none" and not BEHIND_TLS_PROXY:
    raise ImproperlyConfigured(
        f"Setting CLIENT_ADDRESS_HEADER={CLIENT_ADDRESS_HEADER} is trusted only behind the "
        "reverse proxy: set BEHIND_TLS_PROXY=true, or CLIENT_ADDRESS_HEADER=none."
    )

LOG_LEVEL = env_choice("LOG_LEVEL", "INFO", ("DEBUG", "INFO", "WARNING", "ERROR"))
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    # WeasyPrint reports each step of laying out a PDF at INFO: only its warnings
    "loggers": {"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}

TIANPING_SITE_NAME = _("Tianping court platform")
# Indicator pages (issue 13): the SPC's 2024 revision of the trial quality indicators
# (审判质量管理指标体系, domain-reference §2.3) assesses each court against reference
# ranges (合理区间) and no longer ranks courts by default: rankings and tiers (第一方阵 …)
# show only when this is on. TIANPING_INDICATOR_TIER_CUTOFFS = {code: (first, second)}
# sets tiers by values instead of by thirds.
TIANPING_INDICATOR_RANKING = env_bool("TIANPING_INDICATOR_RANKING", False)
