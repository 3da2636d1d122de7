"""The demo town served by gunicorn on a free port, for the tests that read the site over HTTP
(tests/served, part of `make test`) or drive a browser through it (tests/e2e).

As `make run` serves it: PUBLIC_BASE_URL is the address served, and migrate and load_demo
run with it. The settings are portal.settings.e2e (DEBUG off, media served by Django, e-mails
written to files in `workdir / "mail"`), on a fresh SQLite database in `workdir`.
"""

import http.cookiejar
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# A participation officer: in the moderators' group ("Modération"), not a superuser; `setup`
# code.
MODERATOR_LOGIN = ("moderatrice", "mot-de-passe-de-test")
MODERATOR = f"""
from django.contrib.auth.models import User
from portal.core import roles
name, password = {MODERATOR_LOGIN!r}
user = User.objects.create_user(name, "moderatrice@example.org", password)
user.groups.add(roles.group(roles.StaffRole.MODERATORS))
"""
# An editor of the site's pages ("Rédaction"), not a superuser: `setup` code.
EDITOR_LOGIN = ("redactrice", "mot-de-passe-de-test")
EDITOR = f"""
from django.contrib.auth.models import User
from portal.core import roles
name, password = {EDITOR_LOGIN!r}
user = User.objects.create_user(name, "redactrice@example.org", password)
user.groups.add(roles.group(roles.StaffRole.EDITORS))
"""
# The administrator who edits pages.
ADMINISTRATOR_LOGIN = ("administratrice", "mot-de-passe-de-test")
ADMINISTRATOR = f"""
from django.contrib.auth.models import User
name, password = {ADMINISTRATOR_LOGIN!r}
User.objects.create_superuser(name, "administratrice@example.org", password)
"""

# The square's consultation open to residents of two districts aged 16 or older: `setup` code.
ELIGIBILITY_RULE = """
from portal.pages.models import ConsultationPage, District
from portal.participation.models import EligibilityRule
square = ConsultationPage.objects.get(
    slug="reamenagement-place-du-marche", locale__language_code="fr"
)
rule = EligibilityRule.objects.create(consultation=square, minimum_age=16)
rule.districts.set(
    District.objects.filter(locale__language_code="fr", slug__in=["centre-ville", "la-gare"])
)
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def served_env(workdir, base_url, **settings):
    """The environment of a site served from `workdir` at `base_url`, for its servers and its
    `manage.py` commands alike; `settings` are more environment variables."""
    return {
        # The machine's Redis is not the served site's unless `settings` name one.
        **{key: value for key, value in os.environ.items() if key != "REDIS_URL"},
        "DJANGO_SETTINGS_MODULE": "portal.settings.e2e",
        "PUBLIC_BASE_URL": base_url,
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "E2E_MAIL_DIR": str(workdir / "mail"),
        **settings,
    }


def manage(env, *command):
    """What `manage.py command` printed in the environment `env`; its error output if it
    failed."""
    result = subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


@contextmanager
def demo_server(workdir, *, setup=(), workers=2, fresh=True, **settings):
    """Yield the base URL of the demo served from `workdir`; `setup` are Python snippets run
    by `manage.py shell` once the demo is loaded (accounts, for instance). `fresh=False`
    serves the database already there; `settings` are more environment variables."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = served_env(workdir, base_url, **settings)
    commands = [["migrate", "--noinput", "-v0"], ["load_demo"]] if fresh else []
    commands += [["shell", "-c", code] for code in setup]
    for command in commands:
        manage(env, *command)
    log = workdir / "gunicorn.log"
    log_file = log.open("w")
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "portal.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--access-logfile",
            "-",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        # A file, not a pipe nobody reads: a server logging much (a service down) would
        # block on a full pipe.
        stderr=log_file,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base_url + "/fr/", timeout=2)
                break
            except OSError:
                if process.poll() is not None:
                    raise RuntimeError(log.read_text()) from None
                time.sleep(0.2)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:  # a busy machine: workers still finishing
            process.kill()
            process.wait(timeout=10)
        log_file.close()


class Browser:
    """A visitor over HTTP with cookies (one jar for every port of 127.0.0.1, as a browser's):
    (status, headers, text) of each answer, whatever its status; redirects not followed."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect()
        )

    def open(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base_url + path, data=body)
        if data is not None:
            request.add_header("Referer", self.base_url + path)
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def at(self, base_url):
        """The same visitor, with the same cookies, on another server."""
        other = Browser(base_url)
        other.cookies, other.opener = self.cookies, self.opener
        return other

    def csrf(self):
        return next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")

    def sign_in(self):
        """The admin's sign-in form, filled as the moderator: the status of its answer."""
        status, _, _ = self.open("/admin/login/")
        if status != 200:
            return status
        username, password = MODERATOR_LOGIN
        status, _, _ = self.open(
            "/admin/login/",
            {"csrfmiddlewaretoken": self.csrf(), "username": username, "password": password},
        )
        return status


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
