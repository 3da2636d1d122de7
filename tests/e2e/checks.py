"""Accessibility and validity checks run on every page the browser tests visit."""

import json
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# RGAA 11.1.1: a field needs a label; a placeholder is not one (axe accepts it, RGAA does not).
UNLABELLED_FIELDS = """
() => Array.from(document.querySelectorAll('input, select, textarea'))
  .filter(el => !['hidden', 'submit', 'button', 'reset', 'image'].includes(el.type))
  .filter(el => !el.closest('[hidden], [aria-hidden="true"]'))
  .filter(el => !(el.labels && el.labels.length)
    && !el.getAttribute('aria-labelledby') && !el.getAttribute('aria-label')
    && !el.getAttribute('title'))
  .map(el => el.outerHTML.slice(0, 200))
"""


def assert_accessible(page):
    """axe-core finds no WCAG 2.1 A/AA violation and every field has a real label."""
    # Evaluated by the browser's debugger, not as a <script>: the page's
    # Content-Security-Policy refuses inline scripts, as it should.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    violations = [
        f"{v['id']} ({v['impact']}): {v['help']}\n    "
        + "\n    ".join(node["html"][:200] for node in v["nodes"][:5])
        for v in result["violations"]
    ]
    assert not violations, f"axe-core on {page.url}:\n" + "\n".join(violations)
    unlabelled = page.evaluate(UNLABELLED_FIELDS)
    assert not unlabelled, f"Fields without a label on {page.url}: {unlabelled}"


def assert_valid_html(*documents):
    """The Nu HTML Checker reports no error on the served HTML (not the live DOM).

    documents: (name, html) pairs, checked in one run of the checker.
    """
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for index, (name, html) in enumerate(documents):
            path = Path(tmp) / f"{index:02d}.html"
            path.write_text(html, encoding="utf-8")
            paths.append((name, path))
        result = subprocess.run(
            [
                "java",
                "-jar",
                str(VNU),
                "--errors-only",
                "--format",
                "json",
                *[str(path) for _, path in paths],
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
    names = {path.name: name for name, path in paths}
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{names.get(Path(m.get('url', '')).name, m.get('url'))}:{m.get('lastLine')}: "
        f"{m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert not errors, "Nu HTML Checker:\n" + "\n".join(errors)


def unfold(section):
    """Open the form a consultation page folds behind its button, as a resident does (a
    <details>: no JavaScript needed); a form already open is left as it is."""
    folded = section.locator("details.take-part-form:not([open]) > summary")
    if folded.count():
        folded.first.click()
    return section
