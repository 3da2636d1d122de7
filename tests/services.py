"""Private services on loopback for the tests that stop them or share them between servers
(tests/served): an S3 API server (moto's), a Redis and a PostgreSQL of their own, on free
ports, never the machine's shared ones. Each is a context manager yielding what a server's
environment needs to use it, and stops what it started."""

import json
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager, suppress
from glob import glob
from pathlib import Path

import boto3

from tests.server import free_port

MEDIA_BUCKET = "portal-media"
# As the README asks of a bucket: anyone may read an image, a resident's file or a report at
# its address, nobody may list them, and documents/ is read through the site only (Wagtail's
# view checks a private collection's rules there).
PUBLIC_FOLDERS = ("original_images", "images", "avatar_images", "ideas", "proposals", "reports")
PUBLIC_READ = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": [f"arn:aws:s3:::{MEDIA_BUCKET}/{folder}/*" for folder in PUBLIC_FOLDERS],
        }
    ],
}
S3_KEYS = {"MEDIA_ACCESS_KEY_ID": "testing", "MEDIA_SECRET_ACCESS_KEY": "testing"}


def _wait(check, what, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not start within {seconds} s")


def _stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def s3_server():
    """moto's S3 API server in a process of its own, with the media bucket made; yields the
    environment that puts a server's media there (portal/settings/base.py, object_storage)."""
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    server = Path(sys.executable).with_name("moto_server")
    process = subprocess.Popen(
        [str(server), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        client = s3_client(endpoint)

        def answers():
            try:
                client.list_buckets()
            except Exception:  # not listening yet
                return False
            return True

        _wait(answers, "moto_server")
        client.create_bucket(Bucket=MEDIA_BUCKET)
        client.put_bucket_policy(Bucket=MEDIA_BUCKET, Policy=json.dumps(PUBLIC_READ))
        yield {
            "MEDIA_BUCKET": MEDIA_BUCKET,
            "MEDIA_ENDPOINT_URL": endpoint,
            "MEDIA_REGION": "us-east-1",
            "MEDIA_ADDRESSING_STYLE": "path",
            **S3_KEYS,
        }
    finally:
        _stop(process)


def s3_client(endpoint):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=S3_KEYS["MEDIA_ACCESS_KEY_ID"],
        aws_secret_access_key=S3_KEYS["MEDIA_SECRET_ACCESS_KEY"],
    )


def bucket_keys(environment):
    """The names of every object in the media bucket."""
    client = s3_client(environment["MEDIA_ENDPOINT_URL"])
    pages = client.get_paginator("list_objects_v2").paginate(Bucket=MEDIA_BUCKET)
    return {item["Key"] for page in pages for item in page.get("Contents", [])}


class Redis:
    """A Redis of the test's own on a free port, keeping nothing on disk; `stop` and `start`
    again on the same port, as an operator restarting it."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port), "--save", ""],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait(self._answers, "redis-server")

    def stop(self):
        _stop(self.process)

    def _answers(self):
        result = subprocess.run(
            ["redis-cli", "-p", str(self.port), "ping"], capture_output=True, text=True
        )
        return result.stdout.strip() == "PONG"


@contextmanager
def redis_server():
    redis = Redis()
    redis.start()
    try:
        yield redis
    finally:
        redis.stop()


class PostgreSQL:
    """A PostgreSQL cluster of the test's own (initdb in a temporary folder, trust
    authentication, a free port), run as the `postgres` system user when the tests run as
    root, as PostgreSQL refuses root."""

    def __init__(self):
        binaries = sorted(
            glob("/usr/lib/postgresql/*/bin/pg_ctl"),
            key=lambda path: [int(n) for n in Path(path).parts[4].split(".")],
        )
        if not binaries:
            raise RuntimeError("PostgreSQL's server programs are not installed")
        self.bin = Path(binaries[-1]).parent
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="portal-pg-"))
        self.data = self.folder / "data"
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/portal"
        self.user = "postgres" if os.geteuid() == 0 else None
        if self.user:
            account = pwd.getpwnam(self.user)
            os.chown(self.folder, account.pw_uid, account.pw_gid)

    def _run(self, *command):
        prefix = ["runuser", "-u", self.user, "--"] if self.user else []
        subprocess.run([*prefix, *command], check=True, capture_output=True)

    def init(self):
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )

    def start(self):
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} -c fsync=off"
        self._run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-w",
            "-l",
            str(self.folder / "log"),
            "start",
        )

    def stop(self):
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def create_database(self):
        self._run(
            str(self.bin / "createdb"),
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            "postgres",
            "portal",
        )


@contextmanager
def postgres_server():
    postgres = PostgreSQL()
    try:
        postgres.init()
        postgres.start()
        postgres.create_database()
        yield postgres
    finally:
        with suppress(subprocess.CalledProcessError):  # already stopped by the test
            postgres.stop()
        shutil.rmtree(postgres.folder, ignore_errors=True)
