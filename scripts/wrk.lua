-- The benchmark's wrk script (scripts/bench.py).
-- Always: print the 95th percentile of latency (wrk itself prints the 50th to the 99th).
-- With arguments (a file of session keys, a CSRF secret, the number of threads): each request
-- POSTs one support as the next resident of the file; threads take turns through the file,
-- so that no two requests come from the same resident until the file runs out.

local count = 0

function setup(thread)
  thread:set("id", count)
  count = count + 1
end

function init(args)
  if #args < 3 then
    return
  end
  local threads = tonumber(args[3])
  sessions, index = {}, 0
  for line in io.lines(args[1]) do
    if index % threads == id then
      table.insert(sessions, line)
    end
    index = index + 1
  end
  csrf = args[2]
  body = "action=support&csrfmiddlewaretoken=" .. csrf
  next_session = 1
end

function request()
  if sessions == nil then
    return wrk.format()
  end
  local session = sessions[next_session]
  next_session = next_session % #sessions + 1
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "sessionid=" .. session .. "; csrftoken=" .. csrf,
  }, body)
end

function done(summary, latency, requests)
  io.write(string.format("P95: %d\n", latency:percentile(95)))
end
