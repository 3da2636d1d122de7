-- The benchmark's wrk script for posting forms as residents (scripts/bench.py).
-- Arguments: a file of session keys, a CSRF secret, a form's body, the number of threads.
-- Each request POSTs the body as the next resident of the file, from the resident's own
-- address (X-Forwarded-For, as a trusted proxy writes it: the server must trust 127.0.0.1),
-- so that no two requests share a resident or a rate limit until the file runs out; threads
-- take turns through the file. Prints the 95th percentile of latency (wrk itself prints the
-- 50th to the 99th), how many POSTs were sent and how many were answered with a redirect
-- (303: taken), for the benchmark to check its totals.

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local function address(n)
  return string.format("10.%d.%d.%d", math.floor(n / 65536) % 256, math.floor(n / 256) % 256,
                       n % 256)
end

function init(args)
  local count = tonumber(args[4])
  residents, index = {}, 0
  for line in io.lines(args[1]) do
    if index % count == id then
      table.insert(residents, {session = line, address = address(index)})
    end
    index = index + 1
  end
  csrf = args[2]
  body = args[3] .. "&csrfmiddlewaretoken=" .. csrf
  next_resident, sent, redirected = 1, 0, 0
end

function request()
  local resident = residents[next_resident]
  next_resident = next_resident % #residents + 1
  sent = sent + 1
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "sessionid=" .. resident.session .. "; csrftoken=" .. csrf,
    ["X-Forwarded-For"] = resident.address,
  }, body)
end

function response(status, headers, body)
  if status == 303 then
    redirected = redirected + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("P95: %d\n", latency:percentile(95)))
  local total_sent, total_redirected = 0, 0
  for _, thread in ipairs(threads) do
    total_sent = total_sent + (thread:get("sent") or 0)
    total_redirected = total_redirected + (thread:get("redirected") or 0)
  end
  io.write(string.format("SENT: %d\nREDIRECTED: %d\n", total_sent, total_redirected))
end
