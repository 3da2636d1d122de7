"""Python in a process of its own, with settings read from an environment as a deployment reads
them: what the settings make of a variable is only known at their import."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def python(*args, settings="portal.settings.production", **env):
    """`python *args` in the project with `settings` and `env`; the suite's own secret, debug
    flag and public address are not passed on."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DEBUG", "PUBLIC_BASE_URL"}
    }
    environment.update({"DJANGO_SETTINGS_MODULE": settings, **env})
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def setting(expression, **env):
    """What `expression` (of `settings`, JSON-serialisable) is with the test settings and `env`."""
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        f"print(json.dumps({expression}))"
    )
    result = python("-c", code, settings="portal.settings.test", **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
