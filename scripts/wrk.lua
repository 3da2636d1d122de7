-- The benchmark's wrk script for pages (scripts/bench.py): prints the 95th percentile of
-- latency, which wrk itself does not (it prints the 50th to the 99th).

function done(summary, latency, requests)
  io.write(string.format("P95: %d\n", latency:percentile(95)))
end
