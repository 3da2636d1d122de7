"""Browser tests: the demo site served by gunicorn, driven by Playwright in Debian's Chromium.

Every test here is marked e2e; `make test` leaves them out and `make e2e` runs them.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / ".e2e-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDTHS = {"desktop": 1280, "phone": 375}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("e2e")


@pytest.fixture(scope="session")
def mail_dir(workdir):
    """Where the server writes the e-mails it sends (one file per message)."""
    return workdir / "mail"


# A participation officer: in Wagtail's "Moderators" group, not a superuser; and the
# administrator who edits pages.
MODERATOR_LOGIN = ("moderatrice", "mot-de-passe-de-test")
ADMINISTRATOR_LOGIN = ("administratrice", "mot-de-passe-de-test")
MODERATOR = f"""
from django.contrib.auth.models import Group, User
name, password = {MODERATOR_LOGIN!r}
user = User.objects.create_user(name, "moderatrice@example.org", password)
user.groups.add(Group.objects.get(name="Moderators"))
name, password = {ADMINISTRATOR_LOGIN!r}
User.objects.create_superuser(name, "administratrice@example.org", password)
"""


def environment(workdir, mail_dir, base_url, **extra):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.e2e",
        "PUBLIC_BASE_URL": base_url,
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "E2E_MAIL_DIR": str(mail_dir),
        **extra,
    }
    env.pop("REDIS_URL", None)
    return env


@pytest.fixture(scope="session")
def server(workdir, mail_dir):
    """A production-like server on a fresh demo database; yields its base URL."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = environment(workdir, mail_dir, base_url)
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput", "-v0"], ["load_demo"], ["shell", "-c", MODERATOR]):
        subprocess.run([*manage, *command], cwd=ROOT, env=env, check=True, capture_output=True)
    yield from serve(env, port)


@pytest.fixture(scope="session")
def captcha_server(server, workdir, mail_dir):
    """The same site and database with reCAPTCHA v3 on (Google's test keys); its base URL."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    yield from serve(environment(workdir, mail_dir, base_url, PARTICIPATION_CAPTCHA="v3"), port)


def serve(env, port):
    """Run gunicorn until the session ends; yields its base URL once it answers."""
    base_url = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "portal.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--access-logfile",
            "-",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(base_url + "/fr/", timeout=2)
            break
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(process.stderr.read().decode()) from None
            time.sleep(0.2)
    yield base_url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, server):
    """Open pages at a given width, with or without JavaScript; closed after the test."""
    contexts = []

    def open_page(width="desktop", javascript=True):
        context = browser.new_context(
            viewport={"width": WIDTHS.get(width, width), "height": 900},
            java_script_enabled=javascript,
            base_url=server,
            locale="fr-FR",
        )
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def screenshot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
