#!/usr/bin/python3
"""Draws the committed Grafana dashboard (clinic-overview.json) to a PNG from a real Prometheus.

Grafana is not packaged for Debian, so this stands in for its renderer: every panel's own PromQL expression (with
$service = all and $__rate_interval = the rate window given) is evaluated by Prometheus over the last minutes
(query_range) and drawn at the panel's grid position, with its title, unit and legend format. Needs python3-matplotlib.

Usage: render-dashboard.py PROMETHEUS_URL DASHBOARD_JSON OUT_PNG [MINUTES] [RATE_WINDOW]
"""
import json
import re
import sys
import time
import urllib.parse
import urllib.request

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
from datetime import datetime, timezone  # noqa: E402

BACKGROUND = "#111217"
PANEL = "#181b1f"
TEXT = "#ccccdc"
GRID = "#2c3235"
PALETTE = ["#73bf69", "#f2cc0c", "#8ab8ff", "#ff780a", "#f2495c", "#5794f2", "#b877d9", "#705da0",
           "#37872d", "#fade2a", "#c4162a", "#1f60c4"]
MAX_LEGEND = 8


def query_range(prometheus, expr, start, end, step):
    params = urllib.parse.urlencode({"query": expr, "start": start, "end": end, "step": step})
    with urllib.request.urlopen(f"{prometheus}/api/v1/query_range?{params}", timeout=30) as answer:
        body = json.load(answer)
    if body.get("status") != "success":
        raise RuntimeError(f"{expr}: {body}")
    return body["data"]["result"]


def legend(fmt, labels):
    if not fmt:
        return ", ".join(f"{k}={v}" for k, v in sorted(labels.items())) or "value"
    return re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: labels.get(m.group(1), ""), fmt).strip() or "value"


def scale(unit, values):
    """The factor to divide by and the axis label that show values in the panel's unit."""
    peak = max((abs(v) for v in values), default=0)
    if unit == "bytes":
        for factor, name in ((2 ** 30, "GiB"), (2 ** 20, "MiB"), (2 ** 10, "KiB")):
            if peak >= factor:
                return factor, name
        return 1, "B"
    if unit == "s":
        return (0.001, "ms") if 0 < peak < 1 else (1, "s")
    return 1, {"reqps": "req/s", "short": ""}.get(unit, unit or "")


def draw_timeseries(ax, panel, series, start, end):
    unit = panel.get("fieldConfig", {}).get("defaults", {}).get("unit", "")
    factor, label = scale(unit, [v for _, _, values in series for v in values])
    ranked = sorted(series, key=lambda s: -max(s[2], default=0))
    for index, (name, times, values) in enumerate(ranked):
        ax.plot(times, [v / factor for v in values], color=PALETTE[index % len(PALETTE)], linewidth=1.2,
                label=name if index < MAX_LEGEND else None)
    if len(ranked) > MAX_LEGEND:
        ax.plot([], [], " ", label=f"+ {len(ranked) - MAX_LEGEND} more series")
    if not series:
        ax.text(0.5, 0.5, "No data", color=TEXT, ha="center", va="center", transform=ax.transAxes, fontsize=11)
    ax.set_ylabel(label, color=TEXT, fontsize=7)
    ax.set_xlim(datetime.fromtimestamp(start, timezone.utc), datetime.fromtimestamp(end, timezone.utc))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%H:%M", tz=timezone.utc))
    ax.grid(color=GRID, linewidth=0.5)
    if series:
        ax.legend(loc="upper left", fontsize=6, frameon=False, labelcolor=TEXT, ncol=2)


def draw_stat(ax, panel, series):
    """The last value of each series, green at 0 and red above, as the panel's thresholds say."""
    ax.set_xticks([])
    ax.set_yticks([])
    if not series:
        ax.text(0.5, 0.45, "No data", color=TEXT, ha="center", va="center", transform=ax.transAxes, fontsize=20)
        return
    for index, (name, _, values) in enumerate(series):
        x = (index + 0.5) / len(series)
        ax.text(x, 0.5, f"{values[-1]:g}", color="#73bf69" if values[-1] == 0 else "#f2495c", ha="center",
                va="center", transform=ax.transAxes, fontsize=24, fontweight="bold")
        if len(series) > 1:
            ax.text(x, 0.12, name, color=TEXT, ha="center", va="center", transform=ax.transAxes, fontsize=8)


def main():
    prometheus, dashboard_file, out = sys.argv[1:4]
    minutes = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    rate_window = sys.argv[5] if len(sys.argv) > 5 else "1m"
    with open(dashboard_file) as f:
        dashboard = json.load(f)
    end = time.time()
    start = end - minutes * 60
    step = max(5, minutes * 60 // 120)
    panels = dashboard["panels"]
    rows = max(p["gridPos"]["y"] + p["gridPos"]["h"] for p in panels)
    unit_height = 0.32
    fig = plt.figure(figsize=(18, rows * unit_height + 0.8), facecolor=BACKGROUND)
    fig.suptitle(f"{dashboard['title']}  ·  last {minutes} min, "
                 f"{datetime.fromtimestamp(end, timezone.utc):%Y-%m-%d %H:%M} UTC",
                 color=TEXT, fontsize=13, x=0.01, ha="left", y=1 - 0.25 / (rows * unit_height + 0.8))
    top = 1 - 0.8 / (rows * unit_height + 0.8)
    for panel in panels:
        g = panel["gridPos"]
        left, width = g["x"] / 24, g["w"] / 24
        bottom = top - (g["y"] + g["h"]) / rows * top
        height = g["h"] / rows * top
        if panel["type"] == "row":
            fig.text(left + 0.005, bottom + height / 2, panel["title"], color=TEXT, fontsize=11, fontweight="bold",
                     va="center")
            continue
        inset = 0.035 if panel["type"] != "stat" else 0.005
        ax = fig.add_axes([left + inset, bottom + 0.012, width - inset - 0.01, height - 0.03])
        ax.set_facecolor(PANEL)
        ax.tick_params(colors=TEXT, labelsize=7)
        for spine in ax.spines.values():
            spine.set_color(GRID)
        ax.set_title(panel["title"], color=TEXT, fontsize=9, loc="left")
        series = []
        for target in panel.get("targets", []):
            expr = target["expr"].replace("$__rate_interval", rate_window).replace('=~"$service"', '=~".*"')
            for result in query_range(prometheus, expr, start, end, step):
                points = [(datetime.fromtimestamp(float(t), timezone.utc), float(v)) for t, v in result["values"]
                          if v not in ("NaN", "+Inf", "-Inf")]
                if points:
                    series.append((legend(target.get("legendFormat"), result["metric"]),
                                   [t for t, _ in points], [v for _, v in points]))
        if panel["type"] == "stat":
            draw_stat(ax, panel, series)
        else:
            draw_timeseries(ax, panel, series, start, end)
    fig.savefig(out, dpi=90, facecolor=BACKGROUND)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
