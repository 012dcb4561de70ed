-- wrk script for the blocking endpoint: every request carries a fresh id, in the query string (?id=) and in the
-- X-Request-Id header. The view answers "id=<query id read before it blocks> <header id read after>". A response
-- is a mismatch when it is not a 200, the two ids differ, or its id is not one of this wrk thread's requests
-- still waiting for an answer (a context answered twice, or crossed over from another thread). done() prints
-- "MISMATCHES <n> CHECKED <m>".
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  mismatches = 0
  checked = 0
  outstanding = {}
end

function request()
  counter = counter + 1
  local id = tid .. "-" .. counter
  outstanding[id] = true
  return wrk.format("GET", wrk.path .. "?id=" .. id, { ["X-Request-Id"] = id })
end

function response(status, headers, body)
  checked = checked + 1
  local before, after = string.match(body or "", "^id=(%S+) (%S+)$")
  if status ~= 200 or before == nil or before ~= after or not outstanding[before] then
    mismatches = mismatches + 1
  else
    outstanding[before] = nil
  end
end

function done(summary, latency, requests)
  local m, c = 0, 0
  for _, t in ipairs(threads) do
    m = m + t:get("mismatches")
    c = c + t:get("checked")
  end
  io.write(string.format("MISMATCHES %d CHECKED %d\n", m, c))
end
