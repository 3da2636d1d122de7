"""Load benchmark (`make bench`): throughput and latency of each page type, on loopback.

It measures and never judges: the budgets are in the issues, and these numbers are what we
compare them with. For SQLite (a temporary file) and PostgreSQL (database `portal_bench` on
127.0.0.1:5432, recreated each run and left for inspection; skipped when the server is not
reachable) in turn, it loads the demo town with the production settings (plus the demo app,
whose commands load and add data: portal.settings.bench), serves it with gunicorn on 127.0.0.1
and runs wrk against one page of each type (`manage.py bench_urls`) and a search. Each
gunicorn worker caches in its own memory (REDIS_URL is ignored).

On PostgreSQL it then adds participation load (`manage.py bench_participation`): 10,000 ideas,
measured at 16 connections on the page that lists them (cached whole for anonymous visitors,
then served fresh), on the consultation page that previews them and on a reference page,
then support submissions at 16 connections, each POST from a distinct confirmed resident and
its own address (wrk plays the reverse proxy: TRUSTED_PROXIES=127.0.0.1 and X-Forwarded-For),
so that no rate limit refuses them; the supports stored are counted against the POSTs
answered with a redirect.

The consultation page is measured as a newcomer gets it (no cookie: the page stored with a
hole for the CSRF token, fresh after every contribution; portal/core/page_cache.py), and
compared with a reference served the same way in the same run: a page as Wagtail's
bakerydemo home page is (a hero image, a body of a few StreamField blocks, cards of the
pages below it), which is the demo's home page given such a body (`manage.py
bench_reference`). The reference is rendered by Wagtail on every request, through the normal
serve path: its address carries a parameter no page declares (`?reference=uncached`), which
the whole-page cache neither answers nor stores (a session cookie would not do: anonymous
visitors with a session get cached pages too), while its fragments (menus, the home page's
sections) come from the shared cache as on any request. It prints "consultation (10k ideas)
/ reference = X.X×". The full idea list is measured fresh the same way (`?uncached=1`).

Then it adds 5,000 events (`manage.py bench_calendar`), times building the agenda's iCalendar feed
in process as on a cache miss (median and slowest of five builds), and serves the cached feed.
Then it publishes a restitution of 300 answered ideas (`manage.py bench_report`) and times
rendering its PDF report in process, as the background task does (median of three). Then it
adds a participatory budget's envelope of 400 projects and 35,000 ballots (`manage.py
bench_budget`) and times computing its results and winners in process (median of five).
Last, ballots (`manage.py bench_ballots`): at 16 connections, each POST casts a distinct
resident's ballot in the 2027 budget's open envelope, served by a second gunicorn as the
README deploys it (2 × cores + 1 workers: a ballot mostly waits on PostgreSQL's commit) with
the captcha off (with it, each ballot would wait on Google's answer, which is not ours to
measure); the envelope's results are then counted again and must have grown by exactly the
ballots stored, each project chosen by as many. Ballots are measured twice, half of the
residents each: with each worker caching in its own memory, as every other row, then with the
cache in Redis as deployed (`BENCH_REDIS_URL`, under a key prefix of the run's own); each time
after 2 s of ballots not measured, so that every worker has served some, as on a server that
has been up.
Then the same load on one app server and on two sharing it (`BENCH_REDIS_URL`, by default
the machine's Redis, database 0 under a key prefix of the run's own): the consultation page as
newcomers get it from the shared cache, and support POSTs by distinct residents, at 16
connections in all (8 to each of two servers, as a load balancer shares them); it prints
"two servers / one" for each. Both servers run on this machine: the ratio says what sharing
one Redis and one PostgreSQL costs, not what a second machine would add. The same again with
each server held to one core of its own (taskset; wrk, PostgreSQL and Redis run on either):
as machines of one core each, what a second server adds while the services keep up.

BENCH_DURATION (default 10s) and BENCH_CONNECTIONS (default 8) set each wrk run. The table
is printed and written to .bench/results.json. BENCH_ONLY=participation runs the PostgreSQL
participation part only (the reference, the consultation, the idea list and supports), in a
few minutes, BENCH_ONLY=ballots the ballots only and BENCH_ONLY=servers one server against
two; BENCH_DATABASE names the PostgreSQL
database (default portal_bench).
"""

import concurrent.futures
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import ExitStack, contextmanager
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / ".bench" / "results.json"
GUNICORN = Path(sys.executable).parent / "gunicorn"
WORKERS = 2
# What the README deploys (2 × cores + 1): a ballot mostly waits on PostgreSQL's commit.
DEPLOYED_WORKERS = 2 * (os.cpu_count() or 1) + 1
POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432"
POSTGRES_DATABASE = os.environ.get("BENCH_DATABASE", "portal_bench")
# "participation", "ballots" or "servers": that part of PostgreSQL's only.
ONLY = os.environ.get("BENCH_ONLY", "")
DURATION = os.environ.get("BENCH_DURATION", "10s")
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
THREADS = min(2, CONNECTIONS)  # wrk needs at least one connection per thread
PARTICIPATION_CONNECTIONS = 16
BENCH_IDEAS = 10_000
BENCH_EVENTS = 5_000
BENCH_REPORT_IDEAS = 300
BENCH_BALLOTS = 35_000  # the Occitanie climate budget had 34,924 participants
BENCH_PROJECTS = 400
# Prints the 95th percentile (scripts/wrk.lua); posts a form as residents (wrk_residents.lua).
WRK_SCRIPT = ROOT / "scripts" / "wrk.lua"
WRK_RESIDENTS = ROOT / "scripts" / "wrk_residents.lua"
# More than 16 connections post in BENCH_DURATION: the two-server runs take a quarter each
# (5,000: about 14 s of supports at 360/s; a longer BENCH_DURATION would reuse residents).
BENCH_RESIDENTS = 20_000
# Ballots cast before measuring, so that every worker has served some (a server that has been up).
WARMING = "2s"
WARMING_BALLOTS = 1_500

MILLISECONDS = {"us": 0.001, "ms": 1.0, "s": 1000.0}
REQUESTS_PER_SEC = re.compile(r"^Requests/sec:\s+([\d.]+)", re.MULTILINE)
PERCENTILE = re.compile(r"^\s+(\d+)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
REQUESTS = re.compile(r"^\s+(\d+) requests in", re.MULTILINE)
NON_2XX = re.compile(r"Non-2xx or 3xx responses: (\d+)")
SOCKET_ERRORS = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")
P95 = re.compile(r"^P95: (\d+)$", re.MULTILINE)
SENT = re.compile(r"^SENT: (\d+)$", re.MULTILINE)
REDIRECTED = re.compile(r"^REDIRECTED: (\d+)$", re.MULTILINE)


def parse_wrk(output):
    """Requests/sec, 50th and 99th percentile latency in ms, and errors from `wrk --latency`."""
    rate = REQUESTS_PER_SEC.search(output)
    percentiles = {
        percent: float(value) * MILLISECONDS[unit]
        for percent, value, unit in PERCENTILE.findall(output)
    }
    if rate is None or not {"50", "99"} <= percentiles.keys():
        raise ValueError(f"Unexpected wrk output:\n{output}")
    non_2xx = NON_2XX.search(output)
    socket_errors = SOCKET_ERRORS.search(output)
    p95 = P95.search(output)
    sent, redirected = SENT.search(output), REDIRECTED.search(output)
    posts = {"sent": int(sent[1]), "redirected": int(redirected[1])} if sent else {}
    return {
        "requests": int(REQUESTS.search(output)[1]),
        "requests_per_sec": float(rate[1]),
        "p50_ms": round(percentiles["50"], 3),
        "p95_ms": round(int(p95[1]) / 1000, 3) if p95 else None,
        "p99_ms": round(percentiles["99"], 3),
        "non_2xx": int(non_2xx[1]) if non_2xx else 0,
        "socket_errors": sum(map(int, socket_errors.groups())) if socket_errors else 0,
        **posts,
    }


def manage(env, *args):
    """Run a management command with the benchmark's environment; its output, or exit."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def production_env(workdir):
    """Production settings over plain HTTP on loopback, with a secret made for this run; the
    demo app's commands (load_demo, bench_*) installed too (portal/settings/bench.py)."""
    env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.bench",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        STATIC_ROOT=str(workdir / "static"),
        # Production refuses Google's test keys; no form that asks for the captcha is posted.
        RECAPTCHA_PUBLIC_KEY="bench-placeholder",
        RECAPTCHA_PRIVATE_KEY="bench-placeholder",
        # wrk stands for the reverse proxy: each resident's POST says its address.
        TRUSTED_PROXIES="127.0.0.1",
    )
    return env


def recreate_postgres_database():
    """An empty `portal_bench` database; psycopg.OperationalError if the server is down."""
    with psycopg.connect(
        f"{POSTGRES_SERVER}/postgres", autocommit=True, connect_timeout=3
    ) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {POSTGRES_DATABASE} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {POSTGRES_DATABASE}")
    return f"{POSTGRES_SERVER}/{POSTGRES_DATABASE}"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(env, log_path, workers=WORKERS, cpu=None):
    """Serve the site on a free loopback port until the block ends; yields the base URL.
    `cpu`: the one core every process of this server runs on (taskset)."""
    bind = f"127.0.0.1:{free_port()}"
    command = [GUNICORN, "portal.wsgi", "--workers", str(workers), "--bind", bind]
    if cpu is not None:
        command = ["taskset", "--cpu-list", str(cpu), *command]
    with open(log_path, "w") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
    try:
        base_url = f"http://{bind}"
        wait_until_answers(base_url, process, log_path)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_answers(base_url, process, log_path):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"gunicorn stopped:\n{log_path.read_text()}")
        try:
            urllib.request.urlopen(f"{base_url}/", timeout=2)
            return
        except urllib.error.HTTPError:
            return  # an answer all the same
        except OSError:
            time.sleep(0.2)
    sys.exit(f"gunicorn did not answer on {base_url} within 30 s:\n{log_path.read_text()}")


def warm(url):
    """One request first, so that image renditions and caches are made before measuring."""
    try:
        urllib.request.urlopen(url, timeout=30).read()
    except urllib.error.HTTPError as error:
        print(f"  warning: {url} answered {error.code}")


def measure(url, connections=CONNECTIONS, residents=None, duration=DURATION):
    """wrk's figures for GETs of `url`, or for POSTs of a form as residents: `residents` is
    (sessions file, CSRF secret, body), for scripts/wrk_residents.lua."""
    threads = min(2, connections)
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}", "--latency"]
    if residents:
        command += ["-s", str(WRK_RESIDENTS), url, "--", *residents, str(threads)]
    else:
        command += ["-s", str(WRK_SCRIPT), url]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"wrk failed on {url}: {result.stderr}")
    return parse_wrk(result.stdout)


def bench_database(database, database_url, env, workdir):
    """Load the demo into a fresh database, serve it and measure each URL: one row per URL."""
    env = {**env, "DATABASE_URL": database_url, "MEDIA_ROOT": str(workdir / database / "media")}
    print(f"== {database}: migrate and load the demo town")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo")
    pages = [] if ONLY else json.loads(manage(env, "bench_urls"))
    rows = []
    if ONLY == "ballots":
        return bench_ballots(database, env, workdir)
    if ONLY == "servers":
        return bench_servers(database, env, workdir)
    with gunicorn(env, workdir / f"gunicorn-{database}.log") as base_url:
        for page in pages:
            url = base_url + page["url"]
            print(f"== {database}: {page['name']} {page['url']} ({DURATION})")
            warm(url)
            rows.append({"database": database, **page, **measure(url)})
        if database == "postgresql":
            rows += bench_participation(database, env, base_url, workdir)
            if ONLY == "participation":
                return rows
            rows += bench_calendar(database, env, base_url)
            rows += bench_report(database, env)
            rows += bench_budget(database, env)
    if database == "postgresql":
        rows += bench_ballots(database, env, workdir)
        rows += bench_servers(database, env, workdir)
    return rows


def bench_participation(database, env, base_url, workdir):
    """10,000 ideas listed (cached page, then the uncached consultation), then supports."""
    print(f"== {database}: add {BENCH_IDEAS} ideas and residents ready to support")
    sessions = workdir / "sessions.txt"
    data = json.loads(
        manage(
            env,
            "bench_participation",
            "--ideas",
            str(BENCH_IDEAS),
            "--residents",
            str(BENCH_RESIDENTS),
            "--sessions-file",
            str(sessions),
        )
    )
    reference = json.loads(manage(env, "bench_reference"))["url"] + "?reference=uncached"
    rows = []
    for name, path, role in (
        ("idea list page", data["list_url"], None),
        ("idea list page, uncached", data["list_url"] + "?uncached=1", None),
        ("reference page, uncached", reference, "reference"),
        ("consultation", data["consultation_url"], "consultation"),
    ):
        url = base_url + path
        print(
            f"== {database}: {name}, {BENCH_IDEAS} ideas, {PARTICIPATION_CONNECTIONS} connections"
        )
        warm(url)
        rows.append(
            {
                "database": database,
                "name": f"{name} ({BENCH_IDEAS // 1000}k ideas, c{PARTICIPATION_CONNECTIONS})",
                "url": path,
                "role": role,
                **measure(url, PARTICIPATION_CONNECTIONS),
            }
        )
    url = base_url + data["idea_url"]
    print(f"== {database}: support POSTs, {PARTICIPATION_CONNECTIONS} connections")
    result = measure(
        url, PARTICIPATION_CONNECTIONS, (str(sessions), data["csrf"], "action=support")
    )
    stored = json.loads(manage(env, "bench_participation", "--count", str(data["idea"])))
    rows.append(
        {
            "database": database,
            "name": f"support POST (c{PARTICIPATION_CONNECTIONS})",
            "url": data["idea_url"],
            **result,
            "check": posts_check(result, stored["supports"], "supports"),
        }
    )
    return rows


def posts_check(result, stored, what, extra=()):
    """Whether the database holds what the POSTs were answered: each POST answered with a
    redirect stored once, and nothing else but what wrk left in flight when it stopped (sent
    before the end, answered after). `extra`: other mismatches found, said as they are."""
    sent, redirected = result["sent"], result["redirected"]
    in_flight = sent - result["requests"]
    problems = list(extra)
    if not redirected <= stored <= redirected + in_flight:
        problems.append(f"{stored} {what} stored for {redirected} taken and {in_flight} in flight")
    if redirected != result["requests"]:
        problems.append(f"{result['requests'] - redirected} answers were not a 303")
    verdict = "MISMATCH: " + "; ".join(problems) if problems else "exact"
    return (
        f"{redirected} POSTs taken (303), {stored} {what} stored, "
        f"{in_flight} in flight at the end: {verdict}"
    )


def bench_ballots(database, env, workdir):
    """Ballots cast at 16 connections by distinct residents, then the results counted again:
    with each worker caching in its own memory, as every row of this benchmark, then with the
    cache in Redis as deployed (`BENCH_REDIS_URL`; skipped if Redis is not reachable). Half of
    the residents vote in each run, so that nobody votes twice; the first of them warm the
    workers up, before the results are counted."""
    print(f"== {database}: residents ready to vote in the open envelope")
    sessions = workdir / "voters.txt"
    voting = {**env, "PARTICIPATION_CAPTCHA": "off"}  # the command checks its ballot as served
    data = json.loads(
        manage(
            voting,
            "bench_ballots",
            "--residents",
            str(BENCH_RESIDENTS),
            "--sessions-file",
            str(sessions),
        )
    )
    residents = sessions.read_text().splitlines()
    half = len(residents) // 2
    redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
    runs = [("memory", voting, residents[:half])]
    try:
        with socket.create_connection(redis_address(redis_url), timeout=2):
            pass
        prefix = f"bench-{secrets.token_hex(4)}"
        runs.append(
            (
                "Redis",
                {**voting, "REDIS_URL": redis_url, "CACHE_KEY_PREFIX": prefix},
                residents[half:],
            )
        )
    except OSError as error:
        print(f"== {database}: ballots with Redis skipped, Redis is not reachable ({error})")
    rows = []
    for cache_name, served_env, voters in runs:
        warm_file = workdir / f"voters-{cache_name}-warming.txt"
        warm_file.write_text("".join(f"{key}\n" for key in voters[:WARMING_BALLOTS]))
        voters_file = workdir / f"voters-{cache_name}.txt"
        voters_file.write_text("".join(f"{key}\n" for key in voters[WARMING_BALLOTS:]))
        log = workdir / f"gunicorn-{database}-ballots-{cache_name}.log"
        with gunicorn(served_env, log, workers=DEPLOYED_WORKERS) as base_url:
            # Every worker serves ballots a moment first, as a server that has been up does.
            measure(
                base_url + data["url"],
                PARTICIPATION_CONNECTIONS,
                (str(warm_file), data["csrf"], data["body"]),
                duration=WARMING,
            )
            before = json.loads(manage(env, "bench_ballots", "--count", str(data["envelope"])))
            print(
                f"== {database}: ballot POSTs, {PARTICIPATION_CONNECTIONS} connections, "
                f"cache in {cache_name}"
            )
            result = measure(
                base_url + data["url"],
                PARTICIPATION_CONNECTIONS,
                (str(voters_file), data["csrf"], data["body"]),
            )
        after = json.loads(manage(env, "bench_ballots", "--count", str(data["envelope"])))
        stored = after["residents_ballots"] - before["residents_ballots"]
        chosen = {str(project) for project in data["chosen"]}
        problems = []
        if after["ballots"] - before["ballots"] != stored:
            problems.append(f"results count {after['ballots'] - before['ballots']} new ballots")
        for project, ballots in after["projects"].items():
            expected = before["projects"].get(project, 0) + (stored if project in chosen else 0)
            if ballots != expected:
                problems.append(f"project {project} has {ballots} ballots, not {expected}")
        rows.append(
            {
                "database": database,
                "name": (
                    f"ballot POST (c{PARTICIPATION_CONNECTIONS}, {DEPLOYED_WORKERS} workers, "
                    f"captcha off, cache in {cache_name})"
                ),
                "url": data["url"],
                **result,
                "check": posts_check(result, stored, "ballots", problems),
                "detail": {"before": before, "after": after},
            }
        )
    return rows


def bench_calendar(database, env, base_url):
    """The agenda's feed with 5,000 more events: built in process on a cache miss, then served."""
    print(f"== {database}: add {BENCH_EVENTS} events and time building the agenda's feed")
    data = json.loads(manage(env, "bench_calendar", "--events", str(BENCH_EVENTS)))
    builds = sorted(data["build_ms"])
    rows = [
        {
            "database": database,
            "name": (
                f"feed build, {data['events']} events, in process, median of "
                f"{len(builds)} (slowest {builds[-1]:.0f} ms, {data['queries']} queries)"
            ),
            "url": data["feed_url"],
            "requests_per_sec": None,
            "p50_ms": builds[len(builds) // 2],
            "p95_ms": None,
            "p99_ms": None,
            "non_2xx": 0,
            "socket_errors": 0,
            "detail": data,
        }
    ]
    url = base_url + data["feed_url"]
    print(f"== {database}: the agenda's feed ({data['bytes'] // 1000} kB), cached, c{CONNECTIONS}")
    warm(url)
    rows.append(
        {
            "database": database,
            "name": f"feed of {data['events']} events, served from the cache",
            "url": data["feed_url"],
            **measure(url),
        }
    )
    return rows


def bench_report(database, env):
    """A restitution with 300 answered ideas: its PDF report rendered in process."""
    print(f"== {database}: a restitution of {BENCH_REPORT_IDEAS} ideas, time its PDF report")
    data = json.loads(manage(env, "bench_report", "--ideas", str(BENCH_REPORT_IDEAS)))
    renders = sorted(data["render_ms"])
    return [
        {
            "database": database,
            "name": (
                f"PDF report, {data['ideas']} ideas, {data['pages']} pages, in process, "
                f"median of {len(renders)} (slowest {renders[-1]:.0f} ms)"
            ),
            "url": data["url"],
            "requests_per_sec": None,
            "p50_ms": renders[len(renders) // 2],
            "p95_ms": None,
            "p99_ms": None,
            "non_2xx": 0,
            "socket_errors": 0,
            "detail": data,
        }
    ]


def bench_budget(database, env):
    """A budget's results over 35,000 ballots and 400 projects, computed in process."""
    print(f"== {database}: {BENCH_BALLOTS} ballots over {BENCH_PROJECTS} projects, time results")
    data = json.loads(
        manage(
            env,
            "bench_budget",
            "--ballots",
            str(BENCH_BALLOTS),
            "--projects",
            str(BENCH_PROJECTS),
        )
    )
    runs = sorted(data["results_ms"])
    return [
        {
            "database": database,
            "name": (
                f"budget results and winners, {data['ballots']} ballots, {data['projects']} "
                f"projects, in process, median of {len(runs)} (slowest {runs[-1]:.0f} ms, "
                f"{data['queries']} queries)"
            ),
            "url": "",
            "requests_per_sec": None,
            "p50_ms": runs[len(runs) // 2],
            "p95_ms": None,
            "p99_ms": None,
            "non_2xx": 0,
            "socket_errors": 0,
            "detail": data,
        }
    ]


def bench_servers(database, env, workdir):
    """The same load on one app server, then shared by two (half the connections each), both
    caching in one Redis: a cached page, then support POSTs by distinct residents. Then again
    with each server held to one core of its own (taskset), as on machines of one core each:
    what a second server adds when the services it shares keep up."""
    redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
    shared = {**env, "REDIS_URL": redis_url, "CACHE_KEY_PREFIX": f"bench-{secrets.token_hex(4)}"}
    try:
        with socket.create_connection(redis_address(redis_url), timeout=2):
            pass
    except OSError as error:
        print(f"== {database}: two servers skipped, Redis is not reachable ({error})")
        return []
    print(f"== {database}: residents ready to support, for one server then two")
    sessions = workdir / "servers-residents.txt"
    data = json.loads(
        manage(
            shared,
            "bench_participation",
            "--ideas",
            "100",
            "--residents",
            str(BENCH_RESIDENTS),
            "--sessions-file",
            str(sessions),
        )
    )
    # A quarter of the residents for each run of one server, an eighth for each of two:
    # nobody supports twice.
    residents = sessions.read_text().splitlines()
    layouts = [("", None)]
    if (os.cpu_count() or 1) >= 2 and shutil.which("taskset"):
        layouts.append((", one core each", (0, 1)))
    rows = []
    for run, (label, cpus) in enumerate(layouts):
        for count in (1, 2):
            first = 2 * run + count - 1  # this run's residents: every fourth from `first`
            parts = (
                [residents[first::4]]
                if count == 1
                else [residents[first::8], residents[first + 4 :: 8]]
            )
            voters = []
            for number, part in enumerate(parts):
                path = workdir / f"servers-{run}-{count}-{number}.txt"
                path.write_text("".join(f"{key}\n" for key in part))
                voters.append((str(path), data["csrf"], "action=support"))
            rows += serve_shared(database, shared, workdir, data, count, voters, label, cpus)
    return rows


def serve_shared(database, shared, workdir, data, count, voters, label, cpus):
    """The cached page, then support POSTs, on `count` servers sharing the load."""
    logs = [
        workdir / f"gunicorn-servers{label.replace(' ', '-')}-{count}-{n}.log" for n in range(count)
    ]
    rows = []
    with ExitStack() as stack:
        bases = [
            stack.enter_context(gunicorn(shared, log, cpu=cpus[n] if cpus else None))
            for n, log in enumerate(logs)
        ]
        connections = PARTICIPATION_CONNECTIONS // count
        page = [base + data["consultation_url"] for base in bases]
        for url in page:
            warm(url)
        print(
            f"== {database}: cached page, {count} server(s){label}, {connections} connections each"
        )
        rows.append(
            {
                "database": database,
                "name": f"cached page, {count} server(s){label} (c{PARTICIPATION_CONNECTIONS})",
                "role": f"page{label}-{count}",
                **measure_together(page, connections),
            }
        )
        before = json.loads(manage(shared, "bench_participation", "--count", str(data["idea"])))
        posts = [base + data["idea_url"] for base in bases]
        print(f"== {database}: support POSTs, {count} server(s){label}")
        result = measure_together(posts, connections, voters)
        after = json.loads(manage(shared, "bench_participation", "--count", str(data["idea"])))
        rows.append(
            {
                "database": database,
                "name": f"support POST, {count} server(s){label} (c{PARTICIPATION_CONNECTIONS})",
                "role": f"supports{label}-{count}",
                **result,
                "check": posts_check(result, after["supports"] - before["supports"], "supports"),
            }
        )
    return rows


def redis_address(url):
    parts = urllib.parse.urlsplit(url)
    return parts.hostname or "127.0.0.1", parts.port or 6379


def measure_together(urls, connections, residents=None):
    """wrk against each URL at once (`connections` each), as a load balancer would share the
    load between servers: the requests/s summed, the slowest percentiles, the errors summed.
    `residents`: for POSTs, one (sessions file, CSRF secret, body) per URL."""
    residents = residents or [None] * len(urls)
    with concurrent.futures.ThreadPoolExecutor(len(urls)) as pool:
        results = list(
            pool.map(
                lambda job: measure(job[0], connections, job[1]), zip(urls, residents, strict=True)
            )
        )
    combined = {"requests_per_sec": sum(r["requests_per_sec"] for r in results)}
    for key in ("p50_ms", "p95_ms", "p99_ms"):
        values = [r[key] for r in results if r.get(key) is not None]
        combined[key] = max(values) if values else None
    for key in ("requests", "non_2xx", "socket_errors", "sent", "redirected"):
        if all(key in r for r in results):
            combined[key] = sum(r[key] for r in results)
    return combined


def servers_ratio(rows):
    """How many times one server's requests/s two servers serve, for each load and layout."""
    rates = {row.get("role"): row["requests_per_sec"] for row in rows if row.get("role")}
    notes = []
    for label, where in (
        ("", f"both on this machine's {os.cpu_count()} cores"),
        (", one core each", "each held to a core of its own"),
    ):
        for load, name in (("page", "cached page"), ("supports", "support POSTs")):
            one, two = rates.get(f"{load}{label}-1"), rates.get(f"{load}{label}-2")
            if one and two:
                notes.append(f"two servers / one, {name} = {two / one:.2f}× ({where})")
    return notes


def consultation_ratio(rows):
    """How many times the reference page's requests/s the consultation page serves."""
    rates = {row.get("role"): row["requests_per_sec"] for row in rows if row.get("role")}
    if not {"reference", "consultation"} <= rates.keys() or not rates["reference"]:
        return []
    ratio = rates["consultation"] / rates["reference"]
    return [f"consultation ({BENCH_IDEAS // 1000}k ideas) / reference = {ratio:.1f}×"]


def print_table(rows, notes):
    width = max([len("page type")] + [len(row["name"]) for row in rows])
    line = "{:<11} {:<{width}} {:>8} {:>8} {:>8} {:>8} {:>8} {:>9}"
    headers = (
        "database",
        "page type",
        "req/s",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "non-2xx",
        "sock err",
    )
    print("\n" + line.format(*headers, width=width))
    for row in rows:
        numbers = [
            f"{row[key]:.1f}" if row.get(key) is not None else "–"
            for key in ("requests_per_sec", "p50_ms", "p95_ms", "p99_ms")
        ]
        errors = (row["non_2xx"], row["socket_errors"])
        print(line.format(row["database"], row["name"], *numbers, *errors, width=width))
    for row in rows:
        if row.get("check"):
            print(f"{row['database']}, {row['name']}: {row['check']}")
    for note in notes:
        print(note)
    print(
        f"wrk -t{THREADS} -c{CONNECTIONS} -d{DURATION}, gunicorn --workers {WORKERS}; "
        f"written to {RESULTS.relative_to(ROOT)}"
    )


def main():
    sys.stdout.reconfigure(line_buffering=True)
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (Debian package wrk).")
    rows, notes = [], []
    with tempfile.TemporaryDirectory(prefix="portal-bench-") as tmp:
        workdir = Path(tmp)
        env = production_env(workdir)
        manage(env, "collectstatic", "--noinput", "-v0")
        if not ONLY:
            rows += bench_database("sqlite", f"sqlite:///{workdir / 'db.sqlite3'}", env, workdir)
        try:
            postgres_url = recreate_postgres_database()
        except psycopg.OperationalError as error:
            reason = str(error).splitlines()[0]
            notes.append(f"postgresql: skipped, {POSTGRES_SERVER} is not reachable ({reason})")
            print(notes[-1])
        else:
            rows += bench_database("postgresql", postgres_url, env, workdir)
            notes += consultation_ratio(rows) + servers_ratio(rows)
    RESULTS.parent.mkdir(exist_ok=True)
    run = {"duration": DURATION, "connections": CONNECTIONS, "threads": THREADS}
    run.update(workers=WORKERS, results=rows, notes=notes)
    RESULTS.write_text(json.dumps(run, indent=2))
    print_table(rows, notes)


if __name__ == "__main__":
    main()
