"""Lighthouse audit (`make lighthouse`): scores and loading metrics of each page type on a phone.

A measurement, not a test: the target (issue 14) is every category at 95 or more and a
cumulative layout shift under 0.1, and this prints what we compare with it. It loads the demo
town into a temporary SQLite database with the production settings (portal.settings.lighthouse:
the benchmark's, plus media served by Django so that the pages' images load), serves it with
gunicorn on 127.0.0.1 as `make bench` does (its helpers), and runs Lighthouse (npm, pinned in
package.json) in Debian's Chromium, launched headless as the browser tests launch it, with
Lighthouse's default mobile configuration (a mid-range phone, 412 px wide, simulated slow 4G
and a 4× slower processor). Each page is requested once first, so that image renditions and
cached pages are made as on a live site.

Each page is audited LIGHTHOUSE_RUNS times (default 3) and the median run is kept (the run
nearest the median performance score, Lighthouse's advice for noisy machines). The table gives
the four category scores, CLS and LCP per page; the median runs' figures go to
.bench/lighthouse.json.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import ROOT, gunicorn, manage, production_env, warm
from chromium import CHROMIUM, CHROMIUM_ARGS

RESULTS = ROOT / ".bench" / "lighthouse.json"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = {
    "performance": "perf",
    "accessibility": "a11y",
    "best-practices": "best pr.",
    "seo": "SEO",
}
# The page types audited, by model name as `manage.py bench_urls` gives them.
PAGE_TYPES = {
    "homepage": "home",
    "consultationindexpage": "consultation index",
    "consultationpage": "consultation",
    "agendapage": "agenda",
    "eventpage": "event",
    "eventtourpage": "tour",
    "restitutionpage": "restitution",
}
RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "3"))
# A busy machine sometimes loses Chromium's trace (NO_NAVSTART): such a run is made again.
ATTEMPTS = 3


def audit(url, output):
    """One Lighthouse run on `url` (made again if it fails); its report (JSON) as a dict."""
    command = [
        LIGHTHOUSE,
        url,
        "--quiet",
        "--output=json",
        f"--output-path={output}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--form-factor=mobile",
        f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    for _attempt in range(ATTEMPTS):
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        if not result.returncode:
            return json.loads(Path(output).read_text())
        print(f"  lighthouse failed, again: {result.stderr.strip().splitlines()[-1:]}")
    sys.exit(f"lighthouse failed {ATTEMPTS} times on {url}:\n{result.stdout}{result.stderr}")


def summary(report):
    """The figures of one report: category scores (0–100), CLS, LCP, and the weighted audits
    scored below 0.9 (what cost points)."""
    audits = report["audits"]
    scores = {
        category: round(report["categories"][category]["score"] * 100) for category in CATEGORIES
    }
    failed = {
        audit_id: what_failed(audits[audit_id])
        for category in CATEGORIES
        for ref in report["categories"][category]["auditRefs"]
        if ref["weight"]
        and (audit_id := ref["id"]) in audits
        and audits[audit_id]["score"] is not None
        and audits[audit_id]["score"] < 0.9
    }
    return {
        **scores,
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "below_90": failed,
        "runtime_errors": report.get("runtimeError"),
    }


def what_failed(audit):
    """An audit's value and its first few items (a console error, an image, a link)."""
    items = (audit.get("details") or {}).get("items") or []
    found = [
        str(item.get("description") or item.get("url") or item.get("node", {}).get("snippet"))
        for item in items[:3]
    ]
    return {"value": audit.get("displayValue", ""), "items": found}


def median_run(runs):
    """The run whose performance score is nearest the median one."""
    median = statistics.median(run["performance"] for run in runs)
    return min(runs, key=lambda run: abs(run["performance"] - median))


def audit_pages(env, workdir):
    """Serve the demo and audit each page type: one row per page."""
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo")
    urls = {page["name"]: page["url"] for page in json.loads(manage(env, "bench_urls"))}
    rows = []
    with gunicorn(env, workdir / "gunicorn.log") as base_url:
        for model_name, name in PAGE_TYPES.items():
            url = base_url + urls[model_name]
            warm(url)
            runs = []
            for run in range(RUNS):
                print(f"== {name} {urls[model_name]} (run {run + 1} of {RUNS})")
                runs.append(summary(audit(url, workdir / "report.json")))
            rows.append({"name": name, "url": urls[model_name], **median_run(runs), "runs": runs})
    return rows


def print_table(rows):
    width = max(len(row["name"]) for row in rows)
    line = "{:<{width}} {:>6} {:>6} {:>8} {:>6} {:>7} {:>8}"
    print("\n" + line.format("page type", *CATEGORIES.values(), "CLS", "LCP ms", width=width))
    for row in rows:
        scores = [row[category] for category in CATEGORIES]
        print(line.format(row["name"], *scores, f"{row['cls']:.3f}", row["lcp_ms"], width=width))
    for row in rows:
        for audit_id, failure in row["below_90"].items():
            details = "; ".join(filter(None, [failure["value"], *failure["items"]]))
            print(f"{row['name']}: {audit_id} below 0.9{': ' if details else ''}{details[:160]}")
    print(
        f"Lighthouse mobile, median of {RUNS} run(s) per page; "
        f"written to {RESULTS.relative_to(ROOT)}"
    )


def main():
    sys.stdout.reconfigure(line_buffering=True)
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: run `npm ci` (package.json).")
    with tempfile.TemporaryDirectory(prefix="portal-lighthouse-") as tmp:
        workdir = Path(tmp)
        env = production_env(workdir)
        env.update(
            DJANGO_SETTINGS_MODULE="portal.settings.lighthouse",
            DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
            MEDIA_ROOT=str(workdir / "media"),
        )
        manage(env, "collectstatic", "--noinput", "-v0")
        rows = audit_pages(env, workdir)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({"runs_per_page": RUNS, "pages": rows}, indent=2))
    print_table(rows)


if __name__ == "__main__":
    main()
