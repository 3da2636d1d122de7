"""Production settings: refuse to start without a secret, and pass Django's deploy checklist."""

from portal.core.checks import check_captcha_keys
from tests.processes import python, setting


def manage(*args, **env):
    return python("manage.py", *args, **env)


def serve(**env):
    """Load the application as gunicorn's workers do (portal/wsgi.py)."""
    return python("-c", "import portal.wsgi", **env)


def test_production_refuses_to_start_without_secret_key():
    result = manage("check")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_check_deploy_is_clean_with_the_required_variables():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="x7$Gq!p2vR9#mL4@tZ8&wK1^yB6*nH3(eD5)cF0_uJ-sA+iO=lP",
        ALLOWED_HOSTS="participation.example.org",
        RECAPTCHA_PUBLIC_KEY="public-key-from-the-environment",
        RECAPTCHA_PRIVATE_KEY="private-key-from-the-environment",
        PUBLIC_BASE_URL="https://participation.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


DEPLOY_ENV = {
    "SECRET_KEY": "x7$Gq!p2vR9#mL4@tZ8&wK1^yB6*nH3(eD5)cF0_uJ-sA+iO=lP",
    "ALLOWED_HOSTS": "participation.example.org",
    "RECAPTCHA_PUBLIC_KEY": "public-key-from-the-environment",
    "RECAPTCHA_PRIVATE_KEY": "private-key-from-the-environment",
}


def test_check_deploy_refuses_a_missing_or_local_public_address():
    """Posters' QR codes, e-mails and calendars link to PUBLIC_BASE_URL: never localhost."""
    missing = manage("check", "--deploy", **DEPLOY_ENV)
    assert missing.returncode != 0
    assert "portal.E001" in missing.stderr
    for local in ("http://localhost:8000", "https://127.0.0.1", "https://[::1]:8443"):
        result = manage("check", "--deploy", PUBLIC_BASE_URL=local, **DEPLOY_ENV)
        assert "portal.E001" in result.stderr, local
    sender = manage(
        "check",
        "--deploy",
        PUBLIC_BASE_URL="https://participation.example.org",
        DEFAULT_FROM_EMAIL="participation@localhost",
        **DEPLOY_ENV,
    )
    assert "portal.E003" in sender.stderr
    plain = manage(
        "check", "--deploy", PUBLIC_BASE_URL="http://participation.example.org", **DEPLOY_ENV
    )
    assert "portal.E002" in plain.stderr


def test_redis_url_selects_the_redis_cache():
    backend = setting("settings.CACHES['default']['BACKEND']", REDIS_URL="redis://127.0.0.1:6379/9")
    assert backend == "django_redis.cache.RedisCache"


def test_static_files_collect_with_the_production_manifest_storage(tmp_path):
    """The manifest storage refuses any CSS or JS reference to a file that does not exist."""
    result = manage(
        "collectstatic",
        "--noinput",
        "-v0",
        SECRET_KEY="collectstatic-check",
        STATIC_ROOT=str(tmp_path / "static"),
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert (tmp_path / "static" / "staticfiles.json").exists()


def test_the_web_server_refuses_the_test_keys_and_the_worker_starts_whatever_the_captcha(
    tmp_path,
):
    """With the captcha on and no keys, `check --deploy` says so and gunicorn's application
    refuses to load (the forms would let every robot through); the task worker starts and
    runs the queue anyway, with the captcha on or off, so reports and e-mails go out."""
    env = {key: value for key, value in DEPLOY_ENV.items() if not key.startswith("RECAPTCHA")} | {
        "PUBLIC_BASE_URL": "https://participation.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
    }
    refused = manage("check", "--deploy", **env)
    assert refused.returncode != 0 and "portal.E004" in refused.stderr
    allowed = manage(
        "check", "--deploy", "--fail-level", "WARNING", PARTICIPATION_CAPTCHA="off", **env
    )
    assert allowed.returncode == 0, allowed.stdout + allowed.stderr

    web = serve(**env)
    assert web.returncode != 0 and "RECAPTCHA_PUBLIC_KEY" in web.stderr
    assert serve(PARTICIPATION_CAPTCHA="off", **env).returncode == 0
    keys = {key: value for key, value in DEPLOY_ENV.items() if key.startswith("RECAPTCHA")}
    assert serve(**keys, **env).returncode == 0

    assert manage("migrate", "-v0", **env).returncode == 0
    for captcha in ("v3", "v2", "off"):
        worker = manage("db_worker", "--batch", PARTICIPATION_CAPTCHA=captcha, **env)
        assert worker.returncode == 0, worker.stdout + worker.stderr


def test_a_public_key_without_its_private_key_is_refused_too(settings):
    settings.PARTICIPATION_CAPTCHA = "v3"
    settings.RECAPTCHA_PUBLIC_KEY, settings.RECAPTCHA_PRIVATE_KEY = "public-key", ""
    assert [error.id for error in check_captcha_keys(None)] == ["portal.E004"]
    settings.RECAPTCHA_PRIVATE_KEY = "private-key"
    assert check_captcha_keys(None) == []
    settings.PARTICIPATION_CAPTCHA = "off"
    settings.RECAPTCHA_PUBLIC_KEY = settings.RECAPTCHA_PRIVATE_KEY = ""
    assert check_captcha_keys(None) == []
