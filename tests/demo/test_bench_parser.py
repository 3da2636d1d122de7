"""The wrk output parser of the load benchmark (scripts/bench.py), on captured wrk 4.1 runs."""

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "scripts" / "bench.py"
spec = importlib.util.spec_from_file_location("bench", BENCH)
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)

# A server that answers some requests with 500, drops some connections and sleeps on others.
# wrk pads a latency in seconds with a space (\x20) to keep its columns.
TROUBLED_RUN = """\
Running 3s test @ http://127.0.0.1:18573/fr/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   253.80ms  436.48ms   1.50s    81.63%
    Req/Sec     0.99k     1.40k    4.21k    88.89%
  Latency Distribution
     50%  249.00us
     75%  386.55ms
     90%    1.06s\x20
     99%    1.47s\x20
  1576 requests in 3.01s, 176.88KB read
  Socket errors: connect 0, read 16, write 0, timeout 0
  Non-2xx or 3xx responses: 160
Requests/sec:    524.26
Transfer/sec:     58.84KB
"""

CLEAN_RUN = """\
Running 2s test @ http://127.0.0.1:18574/fr/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    20.70ms  550.50us  24.79ms   92.22%
    Req/Sec   180.50     24.21   202.00     75.00%
  Latency Distribution
     50%   20.59ms
     75%   20.79ms
     90%   21.06ms
     99%   23.34ms
  720 requests in 2.00s, 79.45KB read
Requests/sec:    359.26
Transfer/sec:     39.64KB
"""


def test_latencies_in_microseconds_and_seconds_become_milliseconds_and_errors_are_counted():
    assert bench.parse_wrk(TROUBLED_RUN) == {
        "requests": 1576,
        "requests_per_sec": 524.26,
        "p50_ms": pytest.approx(0.249),
        "p95_ms": None,
        "p99_ms": pytest.approx(1470),
        "non_2xx": 160,
        "socket_errors": 16,
    }


def test_a_clean_run_has_no_errors_and_the_thread_stats_are_not_taken_for_percentiles():
    assert bench.parse_wrk(CLEAN_RUN) == {
        "requests": 720,
        "requests_per_sec": 359.26,
        "p50_ms": pytest.approx(20.59),
        "p95_ms": None,
        "p99_ms": pytest.approx(23.34),
        "non_2xx": 0,
        "socket_errors": 0,
    }


def test_output_without_results_is_refused():
    with pytest.raises(ValueError, match="Unexpected wrk output"):
        bench.parse_wrk("Running 1s test @ http://127.0.0.1:1/\n  1 threads and 1 connections\n")


def test_the_95th_percentile_comes_from_the_wrk_script():
    """scripts/wrk.lua prints it in microseconds after wrk's own report."""
    assert bench.parse_wrk(CLEAN_RUN + "P95: 31250\n")["p95_ms"] == pytest.approx(31.25)
