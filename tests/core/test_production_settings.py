"""Production settings: refuse to start without a secret, and pass Django's deploy checklist."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DEBUG", "PUBLIC_BASE_URL"}
    }
    environment.update({"DJANGO_SETTINGS_MODULE": "portal.settings.production", **env})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


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
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "REDIS_URL": "redis://127.0.0.1:6379/9",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "django_redis.cache.RedisCache", result.stderr


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


def test_without_captcha_no_recaptcha_key_is_asked_for():
    """The worker runs the checks before it starts: with the captcha off, no key is needed
    for it (nor for the site); with it on, Google's test keys are refused."""
    env = {key: value for key, value in DEPLOY_ENV.items() if not key.startswith("RECAPTCHA")} | {
        "PUBLIC_BASE_URL": "https://participation.example.org"
    }
    refused = manage("check", **env)
    assert refused.returncode != 0 and "recaptcha" in refused.stderr.lower()
    allowed = manage(
        "check", "--deploy", "--fail-level", "WARNING", PARTICIPATION_CAPTCHA="off", **env
    )
    assert allowed.returncode == 0, allowed.stdout + allowed.stderr
    worker = manage("db_worker", "--batch", PARTICIPATION_CAPTCHA="off", **env)
    assert "recaptcha_test_key_error" not in worker.stdout + worker.stderr
    worker = manage("db_worker", "--batch", **env)
    assert "recaptcha_test_key_error" in worker.stdout + worker.stderr
