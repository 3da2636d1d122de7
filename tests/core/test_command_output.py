"""What `manage.py` prints: what the command says, not WeasyPrint's narration."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def manage(*args):
    """Run a command as `make run` does (development settings, INFO level), in a subprocess."""
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"}
    environment.pop("LOG_LEVEL", None)
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout + result.stderr


def test_commands_do_not_print_weasyprints_progress():
    output = manage("check")
    assert "System check identified no issues" in output
    assert "Step" not in output


def test_weasyprints_errors_are_still_printed():
    message = "Failed to load image at 'logo.png'"
    output = manage(
        "shell", "-c", f"import logging; logging.getLogger('weasyprint').error({message!r})"
    )
    assert message in output
