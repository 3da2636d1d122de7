-- wrk prints the 50th, 75th, 90th and 99th percentiles; the budgets also use the 95th.
done = function(summary, latency, requests)
  io.write(string.format("P95: %d\n", latency:percentile(95)))
end
