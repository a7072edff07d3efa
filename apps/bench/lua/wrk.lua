-- One wrk script for every HTTP scenario, configured by environment variables so the harness never
-- writes Lua on the fly:
--   BENCH_METHOD      request method (default GET)
--   BENCH_BODY_BYTES  send a body of this many bytes (the 1 KiB POST echo uses 1024)
-- At the end it prints one line, "BENCH_RESULT {json}", that the harness parses (src/http/wrk.ts).
local method = os.getenv("BENCH_METHOD")
local bytes = tonumber(os.getenv("BENCH_BODY_BYTES") or "0")

if method ~= nil and method ~= "" then
  wrk.method = method
end
if bytes > 0 then
  wrk.body = string.rep("x", bytes)
  wrk.headers["Content-Type"] = "application/octet-stream"
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"durationUs":%d,"bytes":%d,"p50Us":%d,"p99Us":%d,"maxUs":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout))
end
