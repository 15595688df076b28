-- wrk script for one fixed path: prints percentiles (ms) as one parseable line, like search.lua.
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
    + summary.errors.timeout
  io.write(string.format("RESULT requests=%d p50=%.2f p95=%.2f p99=%.2f max=%.2f rps=%.1f errors=%d\n",
    summary.requests, latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests / (summary.duration / 1e6), errors))
end
