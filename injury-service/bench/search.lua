-- wrk script: cycles through runner phrases, prints percentiles (ms) as one parseable line.
local phrases = {
  "pain+on+the+outside+of+my+knee", "pain+under+the+kneecap", "back+of+ankle+hurts+after+runs",
  "sharp+pain+in+the+sole+of+my+foot", "plantar+fascitis", "achiles", "stiff+hip+in+the+morning",
  "burning+shin+during+runs"
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/v1/injuries?q=" .. phrases[(i % #phrases) + 1])
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
    + summary.errors.timeout
  io.write(string.format("RESULT requests=%d p50=%.2f p95=%.2f p99=%.2f max=%.2f rps=%.1f errors=%d\n",
    summary.requests, latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests / (summary.duration / 1e6), errors))
end
