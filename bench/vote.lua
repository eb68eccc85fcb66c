-- Posts exactly `budget` votes to one poll, each from a new voter, then stops.
--
-- Arguments after wrk's "--": <poll path> <budget> <24-character secret prefix>
-- <choice ids, comma-separated> <first address number>.
--
-- A browser without a voter cookie is known by its CSRF secret
-- (survey.voting.voter_key_for), so each vote carries a secret of its own:
-- the prefix and the vote's number in eight digits, 32 letters and digits as
-- Django's secrets are. The CSRF check passes because Django accepts that
-- unmasked secret as the form token when the csrftoken cookie holds the same
-- secret. No voter cookie is sent, and the honeypot field "website" stays empty.
-- Each vote also comes from an address of its own, 10.x.y.z in X-Forwarded-For,
-- which bench/run.py tells the portal to trust as its reverse proxy would; the
-- addresses are numbered from the last argument, so that a second pass (--redis)
-- uses others than the first.
--
-- wrk asks for a request whenever a connection is free and cannot be told to
-- send nothing, so once the budget is spent the free connections get a
-- harmless GET /healthz (which answers 200, a status no vote ever gets) until
-- the last vote has its answer. Then the script prints BENCH_VOTES_DONE, on
-- which bench/run.py notes the time and interrupts wrk (wrk's main thread
-- sleeps for the whole -d duration whatever its threads do; SIGINT ends the
-- sleep and wrk then runs done()). Stopping on the last answer rather than the
-- last request means no vote is left in flight, so every ballot the server
-- stores was counted here.
-- Run it with one wrk thread (-t1): the counters live in that thread's Lua state.
--
-- wrk 4.x calls request() once in the first thread's state right after init(),
-- only to check what it returns (script_verify_request in wrk.c); that request
-- is never sent. The first call therefore gets the filler and counts nothing,
-- or the last vote of the budget would never go out.

local path, prefix, choices, filler, first_address
local verified = false
budget = 0
sent = 0
answered = 0
redirects = 0 -- 3xx: the vote was stored and the voter sent to the results
successes = 0 -- 2xx other than the filler (a vote never answers 200)
client_errors = 0 -- 4xx: refused (form error, flood limit, closed poll…)
server_errors = 0 -- 5xx
filler_answers = 0

function init(args)
  path = args[1]
  budget = tonumber(args[2])
  prefix = args[3]
  choices = {}
  for id in string.gmatch(args[4], "[^,]+") do
    table.insert(choices, id)
  end
  first_address = tonumber(args[5] or "0")
  filler = wrk.format("GET", "/healthz")
end

function request()
  if not verified then
    verified = true
    return filler
  end
  if sent >= budget then
    return filler
  end
  sent = sent + 1
  local secret = prefix .. string.format("%08d", sent)
  local number = first_address + sent
  local address = string.format(
    "10.%d.%d.%d", math.floor(number / 65536) % 256, math.floor(number / 256) % 256, number % 256
  )
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "csrftoken=" .. secret,
    ["X-Forwarded-For"] = address,
  }
  local choice = choices[(sent % #choices) + 1]
  local body = "csrfmiddlewaretoken=" .. secret .. "&choice=" .. choice .. "&comment=&website="
  return wrk.format("POST", path, headers, body)
end

function response(status, headers, body)
  if status == 200 and body == "ok\n" then
    filler_answers = filler_answers + 1
    return
  end
  answered = answered + 1
  if status >= 500 then
    server_errors = server_errors + 1
  elseif status >= 400 then
    client_errors = client_errors + 1
  elseif status >= 300 then
    redirects = redirects + 1
  else
    successes = successes + 1
  end
  if answered == budget then
    io.write("BENCH_VOTES_DONE\n")
    io.flush()
  end
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

done = function(summary, latency, requests)
  local totals = {
    sent = 0, answered = 0, redirects = 0, successes = 0,
    client_errors = 0, server_errors = 0, filler_answers = 0,
  }
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do
      totals[name] = totals[name] + (thread:get(name) or 0)
    end
  end
  local errors = summary.errors
  io.write(string.format(
    'BENCH_JSON {"sent":%d,"answered":%d,"redirects":%d,"successes":%d,'
      .. '"client_errors":%d,"server_errors":%d,"filler_answers":%d,'
      .. '"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"max_us":%d,'
      .. '"connect_errors":%d,"read_errors":%d,"write_errors":%d,"timeouts":%d}\n',
    totals.sent, totals.answered, totals.redirects, totals.successes,
    totals.client_errors, totals.server_errors, totals.filler_answers,
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), latency.max,
    errors.connect, errors.read, errors.write, errors.timeout
  ))
end
