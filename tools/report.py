#!/usr/bin/env python3
"""Writes a self-contained HTML report comparing laborsim policy variants with a baseline.

    laborsim report BASE VARIANT... -o report.html      (the CLI runs this tool)
    tools/report.py --laborsim build/release/laborsim BASE VARIANT... -o report.html

BASE and VARIANT are run folders (`laborsim run SCENARIO --replicates N`) or single .h5
files. Every number in the difference, cost and cost-per-outcome tables comes from
`laborsim compare --json`, so the report and compare agree exactly. The charts are read
from the files with h5py: per region, the mean over replicates with a band from the
lowest to the highest replicate, and the paired difference from the baseline with its
confidence band. Charts are PNG embedded as base64; the page loads nothing from a network.
The page is the Jinja2 template templates/report.html.j2 (autoescaped); this file computes
what goes in it.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import difflib
import io
import json
import math
import os
import platform
import shutil
import subprocess
import sys

import h5py
import jinja2
import matplotlib
from markupsafe import Markup

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

# Indicators charted when none are named; each is in the recorder's output or derived below.
DEFAULT_CHARTS = ["certified_rate", "trained_rate", "unemployment_rate", "employed"]
DERIVED = {"trained_workers": "trained_rate", "certified_workers": "certified_rate",
           "high_quality_workers": "high_quality_rate"}
RATE_UNITS = {"1", "1/month"}
COLOURS = ["#444444", "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"]


# ---- reading runs --------------------------------------------------------------------------

def _attr(obj, name, default=None):
    if name not in obj.attrs:
        return default
    v = obj.attrs[name]
    if isinstance(v, bytes):
        return v.decode("utf-8")
    if isinstance(v, np.generic):
        return v.item()
    return v


def read_replicate(path):
    """Indicators [time, region], policy series and provenance of one output file."""
    with h5py.File(path, "r") as f:
        g = f["regions"]
        regions = [r.decode() if isinstance(r, bytes) else str(r) for r in g["region"][()]]
        data = {}
        for name, ds in g.items():
            if isinstance(ds, h5py.Dataset) and ds.ndim == 2 and ds.shape[1] == len(regions) \
                    and name not in ("labor_force_by_education", "employed_by_field", "time_bnds"):
                # laborsim's unit words (units_metadata) tell counts from rates; `units` is the UDUNITS form.
                data[name] = (ds[()], _attr(ds, "units_metadata", _attr(ds, "units", "")))
        for name, rate in DERIVED.items():
            if rate in data and "labor_force" in data:
                data[name] = (data[rate][0] * data["labor_force"][0], "persons")
        start = _attr(f, "calendar_start")
        months = min(v.shape[0] for v, _ in data.values())
        year, month = (int(x) for x in start.split("-"))
        dates = [np.datetime64(f"{year + (month - 1 + k) // 12:04d}-{(month - 1 + k) % 12 + 1:02d}")
                 for k in range(months)]
        attrs = {k: _attr(f, k) for k in f.attrs}
    return {"path": path, "regions": regions, "data": data, "dates": dates, "attrs": attrs}


# ---- numbers and formatting (mirrors laborsim compare's terminal table) -------------------

def is_rate(units):
    return units in RATE_UNITS


def fmt_level(v, units):
    if v is None or (isinstance(v, float) and not math.isfinite(v)):
        return "n/a"
    if is_rate(units):
        return f"{100 * v:.2f}%"
    if abs(v) >= 1000:
        return f"{v:,.0f}"
    return f"{v:.4g}"


def fmt_signed(v, units):
    if v is None or (isinstance(v, float) and not math.isfinite(v)):
        return "n/a"
    if is_rate(units):
        return f"{100 * v:+.2f} pp"
    if abs(v) >= 1000:
        return f"{v:+,.0f}"
    return f"{v:+.4g}"


def fmt_ci(d, units):
    lo, hi = d.get("low"), d.get("high")
    if lo is None or hi is None:
        return "n/a"
    a, b = fmt_signed(lo, units), fmt_signed(hi, units)
    if is_rate(units):
        a = a[:-3]
    return f"[{a}, {b}]"


def fmt_p(p):
    if p is None:
        return "n/a"
    return "<0.001" if p < 0.001 else f"{p:.3f}"


def fmt_bn(v):
    return "n/a" if v is None else f"{v / 1e9:,.2f} bn"


def cost_text(c):
    if c["vnd_per_unit"] is not None:
        d = c["outcome_difference"]
        sig = d["low"] is not None and (d["low"] > 0 or d["high"] < 0)
        return f"{c['vnd_per_unit']:,.0f}" + ("" if sig else " (n.s.)")
    gain = c["outcome_difference"]["mean"]
    return "n/a (no gain)" if gain is None or gain <= 0 else "n/a (saves money)"


def t_quantile(p, dof):
    from scipy import stats  # Debian python3-scipy
    return float(stats.t.ppf(p, dof))


# ---- scenario differences ----------------------------------------------------------------

def compact(node):
    """A YAML value on one line: {a: 1, b: [x, y]}."""
    if isinstance(node, dict):
        return "{" + ", ".join(f"{k}: {compact(v)}" for k, v in node.items()) + "}"
    if isinstance(node, list):
        return "[" + ", ".join(compact(v) for v in node) + "]"
    return str(node)


def flatten(node, prefix="", items=None):
    """YAML tree -> {key.path: value}; list items with an `id` are keyed by it, and
    items[path] holds each such item whole, so an added or removed item is one row."""
    out = {}
    items = {} if items is None else items
    if isinstance(node, dict):
        for k, v in node.items():
            out.update(flatten(v, f"{prefix}.{k}" if prefix else str(k), items))
    elif isinstance(node, list) and node and all(isinstance(x, dict) and "id" in x for x in node):
        for x in node:
            path = f"{prefix}[{x['id']}]"
            items[path] = compact({k: v for k, v in x.items() if k != "id"})
            out.update(flatten({k: v for k, v in x.items() if k != "id"}, path, items))
    else:
        out[prefix] = node
    return out


def scenario_diff(base_yaml, variant_yaml):
    """Rows (key, baseline value, variant value) where the resolved scenarios differ."""
    try:
        import yaml  # Debian python3-yaml
        ia, ib = {}, {}
        a = flatten(yaml.safe_load(base_yaml) or {}, items=ia)
        b = flatten(yaml.safe_load(variant_yaml) or {}, items=ib)
    except Exception:  # no PyYAML, or text that is not YAML: a line diff instead
        lines = difflib.unified_diff(base_yaml.splitlines(), variant_yaml.splitlines(), "baseline", "variant", lineterm="")
        return None, "\n".join(lines)
    rows = []
    one_sided = {p for p in set(ia) ^ set(ib)}
    for path in sorted(one_sided):
        rows.append((path, ia.get(path, "(absent)"), ib.get(path, "(absent)")))
    for key in sorted(set(a) | set(b)):
        if any(key.startswith(p + ".") for p in one_sided):
            continue
        va, vb = a.get(key, "(absent)"), b.get(key, "(absent)")
        if va != vb:
            rows.append((key, va, vb))
    return rows, None


# ---- charts ------------------------------------------------------------------------------

def png(fig):
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90, bbox_inches="tight")
    plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def stack(reps, name):
    """[replicate, time, region] over the months every replicate has, or None."""
    if any(name not in r["data"] for r in reps):
        return None
    t = min(r["data"][name][0].shape[0] for r in reps)
    return np.stack([r["data"][name][0][:t] for r in reps])


def chart_levels(runs, name, regions):
    """Mean over replicates per run set, band from the lowest to the highest replicate."""
    units = next((r["reps"][0]["data"][name][1] for r in runs if name in r["reps"][0]["data"]), "")
    cols = min(3, len(regions))
    rows = math.ceil(len(regions) / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(4.2 * cols, 2.8 * rows), squeeze=False, sharex=True)
    for i, region in enumerate(regions):
        ax = axes[i // cols][i % cols]
        for k, run in enumerate(runs):
            arr = stack(run["reps"], name)
            if arr is None:
                continue
            r = run["reps"][0]["regions"].index(region)
            y = arr[:, :, r] * (100 if is_rate(units) else 1)
            x = run["reps"][0]["dates"][: y.shape[1]]
            c = COLOURS[k % len(COLOURS)]
            ax.fill_between(x, y.min(axis=0), y.max(axis=0), color=c, alpha=0.18, linewidth=0)
            ax.plot(x, y.mean(axis=0), color=c, linewidth=1.6, label=f"{run['label']} (n={y.shape[0]})")
        ax.set_title(region, fontsize=10)
        ax.grid(alpha=0.3)
        ax.tick_params(labelsize=8)
        if is_rate(units):
            ax.set_ylabel("%", fontsize=8)
    for j in range(len(regions), rows * cols):
        axes[j // cols][j % cols].axis("off")
    axes[0][0].legend(fontsize=7, loc="best")
    fig.suptitle(f"{name} ({units}): mean over replicates, band = lowest to highest replicate", fontsize=10)
    fig.autofmt_xdate()
    fig.tight_layout(rect=(0, 0, 1, 0.95))
    return png(fig)


def chart_difference(base, variants, name, regions, level):
    """Paired difference variant - baseline over time, with its t confidence band."""
    barr = stack(base["reps"], name)
    if barr is None:
        return None
    units = base["reps"][0]["data"][name][1]
    scale = 100 if is_rate(units) else 1
    cols = min(3, len(regions))
    rows = math.ceil(len(regions) / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(4.2 * cols, 2.8 * rows), squeeze=False, sharex=True)
    bseeds = [r["attrs"].get("seed") for r in base["reps"]]
    for i, region in enumerate(regions):
        ax = axes[i // cols][i % cols]
        ax.axhline(0, color="#444444", linewidth=0.8)
        for k, run in enumerate(variants, start=1):
            varr = stack(run["reps"], name)
            if varr is None:
                continue
            vseeds = [r["attrs"].get("seed") for r in run["reps"]]
            pairs = [(bseeds.index(s), vseeds.index(s)) for s in bseeds if s in vseeds]
            if len(pairs) < 2:
                continue
            t = min(barr.shape[1], varr.shape[1])
            r = base["reps"][0]["regions"].index(region)
            d = np.stack([varr[j, :t, r] - barr[b, :t, r] for b, j in pairs]) * scale
            mean = d.mean(axis=0)
            half = t_quantile(0.5 + level / 2, len(pairs) - 1) * d.std(axis=0, ddof=1) / math.sqrt(len(pairs))
            x = base["reps"][0]["dates"][:t]
            c = COLOURS[k % len(COLOURS)]
            ax.fill_between(x, mean - half, mean + half, color=c, alpha=0.22, linewidth=0)
            ax.plot(x, mean, color=c, linewidth=1.6, label=f"{run['label']} - {base['label']}")
        ax.set_title(region, fontsize=10)
        ax.grid(alpha=0.3)
        ax.tick_params(labelsize=8)
        if is_rate(units):
            ax.set_ylabel("pp", fontsize=8)
    for j in range(len(regions), rows * cols):
        axes[j // cols][j % cols].axis("off")
    axes[0][0].legend(fontsize=7, loc="best")
    fig.suptitle(f"{name}: paired difference from the baseline, band = {round(100 * level)}% confidence interval",
                 fontsize=10)
    fig.autofmt_xdate()
    fig.tight_layout(rect=(0, 0, 1, 0.95))
    return png(fig)


# ---- HTML --------------------------------------------------------------------------------

TEMPLATES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")

CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:24px auto;max-width:1150px;color:#222;
     line-height:1.4;padding:0 16px}
h1{font-size:1.6em;margin-bottom:0}h2{border-bottom:2px solid #ddd;padding-bottom:4px;margin-top:32px}
.sub{color:#666;margin-top:4px}table{border-collapse:collapse;margin:8px 0 16px;font-size:0.86em}
th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}th{background:#f3f3f3}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.sig td{background:#eef6ee}tr.sig td.diff{font-weight:600}
img.chart{max-width:100%;border:1px solid #eee;margin:6px 0 18px}
code,pre{background:#f6f6f6;font-size:0.85em}pre{padding:8px;overflow-x:auto}
.note{color:#8a5a00}.small{font-size:0.8em;color:#666}
"""


def code(x):
    """A table cell shown as code; the value itself is escaped."""
    return Markup("<code>{}</code>").format(x)


def render_page(context):
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    return env.get_template("report.html.j2").render(context)


def run_compare(args):
    cmd = [args.laborsim, "compare", *args.runs, "--json", "-", "--quiet"]
    for d in args.at or []:
        cmd += ["--at", d]
    if args.indicators:
        cmd += ["--indicators", args.indicators]
    if args.regions:
        cmd += ["--regions", args.regions]
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        sys.stderr.write(res.stderr)
        sys.exit(res.returncode)
    return json.loads(res.stdout), cmd


def laborsim_version(binary):
    try:
        return subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "unknown"


def find_laborsim(given):
    if given:
        return given
    if os.environ.get("LABORSIM_BIN"):
        return os.environ["LABORSIM_BIN"]
    found = shutil.which("laborsim")
    if not found:
        sys.exit("report.py: cannot find the laborsim binary; pass --laborsim PATH or set LABORSIM_BIN")
    return found


def build(args):
    cmp, cmd = run_compare(args)
    level = cmp["level"]
    pct = round(100 * level)
    runs = []
    for info in [cmp["baseline"], *cmp["variants"]]:
        reps = [read_replicate(p) for p in info["files"]]
        runs.append({"label": info["label"], "info": info, "reps": reps})
    base, variants = runs[0], runs[1:]
    all_regions = base["reps"][0]["regions"]
    chart_regions = [r for r in (args.regions.split(",") if args.regions else all_regions) if r in all_regions] \
        or all_regions
    chart_names = [n for n in (args.indicators.split(",") if args.indicators else DEFAULT_CHARTS)
                   if n != "all" and n in base["reps"][0]["data"]] or DEFAULT_CHARTS
    title = args.title or f"{', '.join(v['label'] for v in variants)} compared with {base['label']}"
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")

    def significant(d):
        return d["low"] is not None and (d["low"] > 0 or d["high"] < 0)

    # Summary: the headline rows where the interval excludes zero.
    last_date = cmp["dates"][-1] if cmp["dates"] else ""
    summary = []
    for v in variants:
        sig = [r for r in cmp["rows"] if r["variant"] == v["label"] and r["date"] == last_date and r["region"] == "all"
               and r["measure"] == "value" and significant(r["difference"])]
        ce = [c for c in cmp["cost_effectiveness"] if c["variant"] == v["label"] and c["date"] == last_date
              and c["outcome"] == "certified_workers"]
        summary.append({
            "variant": v["label"], "baseline": base["label"], "date": last_date,
            "parts": [{"indicator": r["indicator"], "difference": fmt_signed(r["difference"]["mean"], r["units"])}
                      for r in sig[:6]],
            "vnd_per_certified": f"{ce[0]['vnd_per_unit']:,.0f}" if ce and ce[0]["vnd_per_unit"] is not None
            else None})

    scenarios = []
    for run in runs:
        info, a = run["info"], run["reps"][0]["attrs"]
        scenarios.append([run["label"], info.get("description", ""), code(info["path"]),
                          code(a.get("scenario_path", "")), str(len(run["reps"])),
                          f"{a.get('calendar_start')} to {a.get('calendar_end')}", a.get("scale")])
    base_yaml = base["reps"][0]["attrs"].get("scenario", "")
    scenario_diffs = []
    for v in variants:
        diff_rows, text = scenario_diff(base_yaml, v["reps"][0]["attrs"].get("scenario", ""))
        scenario_diffs.append({"variant": v["label"], "baseline": base["label"], "text": text,
                               "rows": None if diff_rows is None else [[code(k), a, b] for k, a, b in diff_rows]})

    groups = {}
    for r in cmp["rows"]:
        groups.setdefault((r["variant"], r["date"]), []).append(r)
    difference_groups = [{
        "variant": variant, "baseline": base["label"], "date": date, "n": rs[0]["difference"]["n"],
        "pairing": "pairs" if rs[0]["method"] == "paired" else "replicates, unpaired",
        "classes": ["sig" if significant(r["difference"]) else "" for r in rs],
        "rows": [[r["indicator"], r["region"], "in month" if r["measure"] == "value" else "cumulative",
                  fmt_level(r["baseline_mean"], r["units"]), fmt_level(r["variant_mean"], r["units"]),
                  fmt_signed(r["difference"]["mean"], r["units"]), fmt_ci(r["difference"], r["units"]),
                  fmt_p(r["difference"]["p_value"])] for r in rs]} for (variant, date), rs in groups.items()]

    provenance = []
    for run in runs:
        for rep in run["reps"]:
            a = rep["attrs"]
            provenance.append([run["label"], code(rep["path"]), a.get("seed"), a.get("replicate_index", ""),
                               f"{a.get('laborsim_version')} ({a.get('git_revision')}, {a.get('build_type')})",
                               a.get("host"), a.get("start_time"), f"{float(a.get('wall_time_s') or 0):.2f} s",
                               a.get("threads"), "yes" if a.get("completed") else "no"])

    difference_charts = []
    for name in chart_names:
        img = chart_difference(base, variants, name, chart_regions, level)
        if img:
            difference_charts.append({"name": name, "png": img})
    return render_page({
        "title": title, "css": Markup(CSS), "now": now, "pct": pct, "level": f"{level:g}",
        "summary": summary, "scenarios": scenarios, "scenario_diffs": scenario_diffs,
        "seeds_shared": all(set(v["info"]["seeds"]) == set(base["info"]["seeds"]) for v in variants),
        "level_charts": [{"name": name, "png": chart_levels(runs, name, chart_regions)} for name in chart_names],
        "difference_charts": difference_charts, "difference_groups": difference_groups,
        "policy_costs": [[p["variant"], p["run"], p["through"], p["policy"], p["type"], fmt_bn(p["spending_vnd"]),
                          fmt_level(p["beneficiaries"], "persons")] for p in cmp["policy_costs"]],
        "cost_effectiveness": [[c["variant"], c["date"], c["outcome"], fmt_bn(c["extra_spending_vnd"]),
                                fmt_signed(c["outcome_difference"]["mean"], "persons"),
                                fmt_ci(c["outcome_difference"], "persons"), cost_text(c)]
                               for c in cmp["cost_effectiveness"]],
        "notes": cmp["notes"], "command": " ".join(cmd), "laborsim_version": laborsim_version(args.laborsim),
        "python_version": platform.python_version(), "matplotlib_version": matplotlib.__version__,
        "h5py_version": h5py.__version__, "host": platform.node(), "provenance": provenance})


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("runs", nargs="+", help="BASELINE VARIANT...: run folders or .h5 files")
    p.add_argument("-o", "--output", default="report.html")
    p.add_argument("--laborsim", help="the laborsim binary (default: $LABORSIM_BIN or laborsim on PATH)")
    p.add_argument("--at", action="append", help="month(s) for the tables, YYYY-MM")
    p.add_argument("--indicators", help="comma-separated indicators for the tables and charts")
    p.add_argument("--regions", help="comma-separated region ids ('all' is the aggregate)")
    p.add_argument("--title")
    args = p.parse_args(argv)
    if len(args.runs) < 2:
        p.error("expected a baseline and at least one variant")
    args.laborsim = find_laborsim(args.laborsim)
    text = build(args)
    tmp = args.output + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, args.output)
    print(f"report: {args.output} ({len(text) / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
