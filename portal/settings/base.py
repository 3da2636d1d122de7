"""Settings shared by every environment; everything site-specific comes from the environment.

Environment variables (see README.md, "Configuration"):
SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, REDIS_URL, EMAIL_URL-style SMTP settings,
RECAPTCHA_PUBLIC_KEY / RECAPTCHA_PRIVATE_KEY, PUBLIC_BASE_URL, TRUSTED_PROXIES,
ADMIN_LOGIN_FAILURE_LIMIT / ADMIN_LOGIN_LOCKOUT_MINUTES, PORTAL_LANGUAGES, MACHINE_TRANSLATOR
(DEEPL_API_KEY, LIBRETRANSLATE_URL / LIBRETRANSLATE_API_KEY).
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def languages(codes):
    """[(code, name)] for LANGUAGES: each language named in itself ("Français", "العربيّة")."""
    unknown = [
        code for code in codes if code not in LANG_INFO or "name_local" not in LANG_INFO[code]
    ]
    if not codes or unknown:
        raise ImproperlyConfigured(
            f"PORTAL_LANGUAGES: unknown language code(s) {', '.join(unknown) or '(none given)'}"
        )
    names = {code: LANG_INFO[code]["name_local"] for code in dict.fromkeys(codes)}
    return [(code, name[:1].upper() + name[1:]) for code, name in names.items()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
# Reverse proxies (addresses or networks) whose X-Forwarded-For is believed: behind a load
# balancer, the visitor's address (rate limits) is read from that header, never otherwise.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal.core",
    "portal.pages",
    "portal.participation",
    "portal.budgets",
    "portal.proposals",
    "portal.follows",
    "portal.calendar",
    "portal.reports",
    "portal.opendata",
    "home",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "portal.core.apps.StaffUsersConfig",  # wagtail.users, describing each staff role
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_recaptcha",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "health_check",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Outermost: a request's line in the log, with its whole duration (when LOG_FORMAT=json).
    "portal.core.request_log.RequestLogMiddleware",
    # A request reads the cache's versions once, not once per value kept under them.
    "portal.core.page_cache.VersionsReadOnceMiddleware",
    # Stores a page only once every middleware below has finished it (cookies).
    "portal.core.page_cache.PageCacheStoreMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.core.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The Site and root page that Wagtail routes a page request through, from the cache.
    "portal.core.lookups.KnownSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
    # Innermost: a cached page goes back through every middleware above, as a fresh one does.
    "portal.core.page_cache.AnonymousPageCacheMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                # Last: a page stored for newcomers holds holes in place of CSRF tokens.
                "portal.core.page_cache.csrf_holes",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# Database: SQLite by default so that the site runs with no service; PostgreSQL in production.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if IS_POSTGRES:
    # A database host that does not answer at all (not even to refuse) costs a request this
    # many seconds before its 503, not the system's TCP timeout of minutes.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(os.environ.get("DB_CONNECT_TIMEOUT", "5"))
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (production, several app servers), process memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
REDIS_CACHE_OPTIONS = {
    "CLIENT_CLASS": "django_redis.client.DefaultClient",
    # Redis down or slow: every page is rendered fresh rather than answered with an error
    # (reads miss, writes are lost, rate limits let the action through; each failure is
    # logged); a call waits on it no more than REDIS_TIMEOUT seconds, and once one has failed,
    # none does for REDIS_RETRY_SECONDS.
    "IGNORE_EXCEPTIONS": True,
    "SOCKET_CONNECT_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
    "SOCKET_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
    "CONNECTION_POOL_CLASS": "portal.core.redis_pool.BreakingConnectionPool",
}
# Once Redis has failed, each process goes on without it for so long (core/redis_pool.py).
REDIS_RETRY_SECONDS = float(os.environ.get("REDIS_RETRY_SECONDS", "5"))
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "portal"),
            "OPTIONS": REDIS_CACHE_OPTIONS,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Whether every process serving the site sees the same cache (Redis): only then is what decides
# whether a request is allowed (privacy, eligibility, a vote's rules) kept in it, since a change
# made in one process must reach every other at once (page_cache.decisive).
CACHE_SHARED_BY_PROCESSES = bool(REDIS_URL)
# Wagtail looks image renditions up in this cache before the database (under the site's prefix:
# two sites sharing one Redis never read each other's).
CACHES["renditions"] = {
    **CACHES["default"],
    "KEY_PREFIX": "-".join(filter(None, [CACHES["default"].get("KEY_PREFIX"), "renditions"])),
}

# Admin sign-in is throttled by django-axes: after ADMIN_LOGIN_FAILURE_LIMIT failed attempts on
# one account, or from one address, signing in is refused for ADMIN_LOGIN_LOCKOUT_MINUTES (the
# right password too). Attempts are counted in the database, so every app server agrees; the
# address is the client's as portal.core.http.client_ip reads it behind TRUSTED_PROXIES.
# `manage.py axes_reset_username NAME` lifts a block sooner.
# AxesBackend refuses a blocked sign-in and, being a ModelBackend too, can come first where
# code takes the first backend for a session (Wagtail's test helpers do); ModelBackend signs in.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("ADMIN_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("ADMIN_LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "portal.core.http.client_ip"
AXES_LOCKOUT_CALLABLE = "portal.core.staff.lockout_response"
# A block ends when announced, even if someone keeps trying meanwhile.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# A success clears nothing: axes would clear every failure from that address too, which would
# let anyone with an account guess another's password between their own sign-ins.
AXES_RESET_ON_SUCCESS = False
# Failed attempts are kept until they expire; successful sign-ins are not logged.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: PORTAL_LANGUAGES lists their codes, the default first (French, then English);
# each is named in itself from Django's language info. URLs carry the language prefix (/fr/,
# /en/). Adding one: README, "Adding a language".
LANGUAGES = languages(env_list("PORTAL_LANGUAGES", "fr,en"))
LANGUAGE_CODE = LANGUAGES[0][0]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A page submitted for translation stays a draft until its translation is published (by
# default wagtail-localize publishes it at once, in the source language's words).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [BASE_DIR / "locale"]


def machine_translator(name):
    """wagtail-localize's translator for MACHINE_TRANSLATOR, or None (off, the default).

    Residents' ideas are read in another language through it (and the translation editor of
    wagtail-localize offers it for pages). Their text leaves for that service: the authority
    names it in its privacy page (README, "Machine translation of ideas").
    """
    classes = "wagtail_localize.machine_translators"
    options = {
        "": None,
        "deepl": lambda: {
            "CLASS": f"{classes}.deepl.DeepLTranslator",
            "OPTIONS": {"AUTH_KEY": required("DEEPL_API_KEY"), "TIMEOUT": 20},
        },
        "libretranslate": lambda: {
            "CLASS": f"{classes}.libretranslate.LibreTranslator",
            "OPTIONS": {
                "LIBRETRANSLATE_URL": required("LIBRETRANSLATE_URL").rstrip("/"),
                "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
                "TIMEOUT": 20,
            },
        },
        # Reverses the words: development and tests, never residents.
        "dummy": lambda: {"CLASS": f"{classes}.dummy.DummyTranslator"},
    }
    if name not in options:
        raise ImproperlyConfigured(
            f"MACHINE_TRANSLATOR: {name!r} is not one of deepl, libretranslate, dummy or empty."
        )
    return options[name] and options[name]()


def required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"{name} is required by MACHINE_TRANSLATOR.")
    return value


WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(
    os.environ.get("MACHINE_TRANSLATOR", "").strip().lower()
)
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def object_storage(environ):
    """Media on S3-compatible object storage when MEDIA_BUCKET names a bucket, else None:
    (the default storage's settings, the public address of its files). Every app server and
    worker then reads and writes the same files (uploads, renditions, reports)."""
    bucket = environ.get("MEDIA_BUCKET", "")
    if not bucket:
        return None
    endpoint = environ.get("MEDIA_ENDPOINT_URL", "").rstrip("/")
    public_url = environ.get("MEDIA_URL", "")
    if not public_url:
        if not endpoint:
            raise ImproperlyConfigured("MEDIA_BUCKET needs MEDIA_URL or MEDIA_ENDPOINT_URL.")
        public_url = f"{endpoint}/{bucket}/"
    options = {
        "bucket_name": bucket,
        "endpoint_url": endpoint or None,
        "region_name": environ.get("MEDIA_REGION") or None,
        # Empty: boto3 finds credentials itself (instance role, its own variables).
        "access_key": environ.get("MEDIA_ACCESS_KEY_ID") or None,
        "secret_key": environ.get("MEDIA_SECRET_ACCESS_KEY") or None,
        # Files are read at their public address (the bucket allows reading objects, never
        # listing them): no signature that expires in a cached page.
        "querystring_auth": False,
        "custom_domain": urlsplit(public_url).netloc + urlsplit(public_url).path.rstrip("/"),
        "url_protocol": f"{urlsplit(public_url).scheme}:",
        # A new name for a file whose name is taken, as on a disk: a report never replaces
        # another's file while it is being downloaded.
        "file_overwrite": False,
        "default_acl": None,
        "addressing_style": environ.get("MEDIA_ADDRESSING_STYLE") or None,
    }
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}, public_url


if media_storage := object_storage(os.environ):
    STORAGES["default"], MEDIA_URL = media_storage
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail: SMTP configured from the environment (production); dev and tests override the backend.
# Background work (PDF reports, e-mails to many participants) goes through Django's tasks:
# run at once in development and tests; in production the database backend queues it and
# `manage.py db_worker` processes run it, on any number of servers.
# The health endpoints (core/health.py) say the workers fail when a task ready to run has
# waited this long; each process answers the public from its last checks for so many seconds.
HEALTH_TASK_LAG_MINUTES = int(os.environ.get("HEALTH_TASK_LAG_MINUTES", "10"))
HEALTH_CHECK_SECONDS = int(os.environ.get("HEALTH_CHECK_SECONDS", "5"))
# A load balancer probes app servers over plain HTTP: /health/ is never redirected to https.
SECURE_REDIRECT_EXEMPT = [r"^health/"]

TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")

# reCAPTCHA on public forms (issue 4). Empty keys fall back to Google's documented test keys,
# which production refuses while the captcha is on (portal.E004 in `check --deploy`, and the
# web server at its start: production.py). The library's own check is silenced: it would stop
# every command, `db_worker` included, which needs no key.
RECAPTCHA_PUBLIC_KEY = os.environ.get("RECAPTCHA_PUBLIC_KEY", "")
RECAPTCHA_PRIVATE_KEY = os.environ.get("RECAPTCHA_PRIVATE_KEY", "")
if not RECAPTCHA_PUBLIC_KEY:
    del RECAPTCHA_PUBLIC_KEY, RECAPTCHA_PRIVATE_KEY
SILENCED_SYSTEM_CHECKS = ["django_recaptcha.recaptcha_test_key_error"]

# Public participation forms. Captcha: "v3" (invisible, scored), "v2" (checkbox) or "off".
PARTICIPATION_CAPTCHA = os.environ.get("PARTICIPATION_CAPTCHA", "v3")
# Per hour and action: (attempts per client address, attempts per signed-in participant).
# Generous per address: a town hall's or a school's residents may share one address.
PARTICIPATION_RATE_LIMITS = {
    "support": (200, 60),
    "survey": (100, 20),
    "idea": (40, 10),
    "proposal": (30, 10),
    "ballot": (200, 20),  # a resident changes their vote a few times at most
    "follow": (60, 20),
    "new-link": (20, None),
}
# Confirmation links e-mailed to one mailbox per hour: (from one client address, in all).
PARTICIPATION_EMAILS_PER_ADDRESS = (5, 30)
# Personal data is kept this many months after the end of the consultation (privacy notice).
PARTICIPATION_RETENTION_MONTHS = int(os.environ.get("PARTICIPATION_RETENTION_MONTHS", "36"))
# Upload limits for ideas, in megabytes (the reverse proxy must accept a little more).
PARTICIPATION_IMAGE_MAX_MB = 8
PARTICIPATION_ATTACHMENT_MAX_MB = 10
# Seconds an e-mail to an idea's author waits for further changes (status, answer), so that
# it tells them all at once; needs a task backend that can wait (the database one).
PARTICIPATION_NOTICE_DELAY = 60

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Portail de la participation")
# The one address every absolute link is built on: e-mails, calendars, PDF reports, posters'
# QR codes (portal.core.http.absolute_url). Production refuses to deploy without it.
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# E-mails come from the site's own domain unless told otherwise (check --deploy refuses a
# local one).
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", f"participation@{urlsplit(PUBLIC_BASE_URL).hostname}"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # Stemming and stop words in French on PostgreSQL; SQLite uses its FTS5 tables.
        "SEARCH_CONFIG": "french" if IS_POSTGRES else None,
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "odp", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents are always served through Wagtail's view, which checks their collection's privacy,
# never by a redirect to the file's permanent address: on object storage the bucket does not
# let anyone read documents/ (README, "Data: database, cache, media").
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# The admin calls no third party: no avatars, no check for a new Wagtail release (the
# Content-Security-Policy refuses both too).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["bold", "italic", "link", "document-link", "ol", "ul"]},
    }
}
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"

# Anonymous visitors get cached pages for this long at most (see portal/core/page_cache.py),
# and a page is kept with at most this many query strings (filters, page numbers) at a time.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
PAGE_CACHE_VARIANTS = int(os.environ.get("PAGE_CACHE_VARIANTS", "50"))

# The tour map's tiles, drawn when the visitor asks (portal/static/js/tour-map.js): a
# {z}/{x}/{y} address, {s} for a subdomain letter, and whom they come from (said before the
# visitor clicks). The Content-Security-Policy allows images from this server.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_PROVIDER = os.environ.get("MAP_TILE_PROVIDER", "OpenStreetMap")
# The places residents type are looked up on the server (portal/core/geocoder.py), never by
# the browser: the French national address base by default; empty to look nothing up.
# A commune's INSEE code keeps matches in it.
GEOCODER_URL = os.environ.get("GEOCODER_URL", "https://api-adresse.data.gouv.fr/search/")
GEOCODER_TIMEOUT = float(os.environ.get("GEOCODER_TIMEOUT", "2"))
GEOCODER_CITYCODE = os.environ.get("GEOCODER_CITYCODE", "")
# The players the video block embeds once the visitor clicks (portal/blocks/media.py).
VIDEO_PLAYER_ORIGINS = [
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://www.dailymotion.com",
]


def origin(url):
    """The scheme and host of an absolute address ("*." for a {s} subdomain), else None."""
    parts = urlsplit(url.replace("{s}", "*"))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


# Content-Security-Policy (django-csp; docs/architecture.md says how to add a source). No
# inline script or style, no eval: a page's scripts and styles are files of the site. Static
# and media files elsewhere (a CDN) are allowed by their address; media only as images and
# sound or video, never as a script or a style sheet (uploads are not code).
OWN_FILES = [SELF, *filter(None, [origin(STATIC_URL)])]
MEDIA_ORIGINS = list(filter(None, [origin(MEDIA_URL)]))
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": OWN_FILES,
        "style-src": OWN_FILES,
        "font-src": OWN_FILES,
        "img-src": [*OWN_FILES, *MEDIA_ORIGINS, *filter(None, [origin(MAP_TILE_URL)])],
        "media-src": [*OWN_FILES, *MEDIA_ORIGINS],
        "frame-src": VIDEO_PLAYER_ORIGINS,
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Added to either policy while PARTICIPATION_CAPTCHA is on (portal/core/csp.py): the paths
# Google documents for reCAPTCHA, on RECAPTCHA_DOMAIN when set.
RECAPTCHA_DOMAIN = os.environ.get("RECAPTCHA_DOMAIN", "www.google.com")
CAPTCHA_CONTENT_SECURITY_POLICY = {
    "script-src": [f"https://{RECAPTCHA_DOMAIN}/recaptcha/", "https://www.gstatic.com/recaptcha/"],
    "frame-src": [
        f"https://{RECAPTCHA_DOMAIN}/recaptcha/",
        "https://recaptcha.google.com/recaptcha/",
    ],
}
# The Wagtail admin (Wagtail 8) still writes inline scripts (date pickers, inline panels) and
# style attributes, shows images being uploaded from blob: and data: addresses, and frames its
# own previews: it has this policy instead, under its address only.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [*OWN_FILES, UNSAFE_INLINE],
        "style-src": [*OWN_FILES, UNSAFE_INLINE],
        "img-src": [*CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"], "data:", "blob:"],
        "frame-src": [SELF, *VIDEO_PLAYER_ORIGINS],
        "frame-ancestors": [SELF],
    }
}

# LOG_FORMAT=json: every record as one JSON line, and one line per request (core/request_log.py)
# for a log collector; otherwise plain lines, and requests left to the server's access log.
LOG_JSON = os.environ.get("LOG_FORMAT", "") == "json"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "portal.core.request_log.JsonFormatter"}},
    "filters": {"routes_only": {"()": "portal.core.request_log.RoutesOnly"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["routes_only"],
            **({"formatter": "json"} if LOG_JSON else {}),
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "portal.requests": {"level": "INFO" if LOG_JSON else "WARNING"},
        "django.request": {"level": "ERROR"},
        # One line per background task run is noise; failures are still logged.
        "django_tasks": {"level": "WARNING"},
        # Page creation and publishing are logged in Wagtail's own history already.
        "wagtail": {"level": "WARNING"},
        # WeasyPrint narrates each rendering step, and parses its own style sheets when
        # imported: a "Step 2 - Fetching and parsing CSS" line at the start of every command.
        # Its warnings and errors (an image it cannot load) come from "weasyprint" itself.
        "weasyprint.progress": {"level": "WARNING"},
        # Failed admin sign-ins and lockouts are warnings; the rest is noise.
        "axes": {"level": "WARNING"},
    },
}
