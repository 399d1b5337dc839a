#!/usr/bin/python3
"""Profiles `laborsim bench` (perf record, timer samples: the VM exposes no hardware counters)
and records where the time goes as docs/performance/profile-LABEL.json, which
docs/performance.md's profile table is generated from.

    tools/bench/profile.py LABEL [--bin build/release/laborsim] [--scenario scenarios/bench/bench-1m.yaml]
                                 [--end 2021-12] [--threads 1]

Needs `perf` (Debian: linux-perf). Symbols are shortened to the function that owns the loop
(TBB's and the lambdas' wrappers dropped); shares are of all samples, world build included.
"""
import argparse
import json
import re
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def short_name(symbol):
    """The laborsim function a sample belongs to, e.g. 'count_workers' or 'gather_seekers'."""
    symbol = symbol.split("  ")[0].strip()
    if symbol.startswith("__") and "_fma" in symbol or symbol.split("@")[0] in ("exp", "log", "cos", "pow"):
        return "libm " + symbol.split("@")[0].strip("_").replace("ieee754_", "").replace("_fma", "")
    names = re.findall(r"laborsim::(?:\(anonymous namespace\)::)?((?:\w+::)?\w+)\(", symbol)
    skip = {"for_blocks", "count_blocks", "gather_blocks", "for_each_drawn", "for_each_drawn_if"}
    for n in names:  # the first named function that is not a loop helper: the one whose lambda runs
        if n not in skip:
            return n
    if "introsort" in symbol or "__sort" in symbol:
        return "std::sort"
    return symbol.replace("laborsim::(anonymous namespace)::", "").replace("laborsim::", "")[:60]


# The phase (bench's table) that calls each function; what is not listed is marked "other".
PHASE_OF = {
    "count_workers": "statistics", "current_level_shares": "firms (level premiums)",
    "words_avx512": "all phases (batched Philox draws)", "words_avx2": "all phases (batched Philox draws)",
    "draw_initial_workers": "world build", "add_initial_inactive": "world build", "build_firms": "world build",
    "gather_seekers": "matching", "accept_best_offers": "matching", "make_offers": "matching", "hire": "matching",
    "rank_market": "matching", "radix_sort": "matching", "match_productivity": "matching, separations",
    "progress_students": "education", "admit_applicants": "education",
    "run_wages_and_learning": "wages", "run_participation": "participation", "run_separations": "separations",
    "minimum_wage_test::below": "separations", "run_firm_training": "training", "run_demography": "demography",
    "run_migration": "migration", "libm log": "matching (Gumbel noise, surplus), wages",
    "libm exp": "matching, firms", "libm cos": "world build, entrants (normal draws)",
    "run_matching": "matching", "follow_up_workers": "policy", "select_workers": "policy", "run_firms": "firms",
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("label")
    ap.add_argument("--bin", default=str(ROOT / "build/release/laborsim"))
    ap.add_argument("--scenario", default="scenarios/bench/bench-1m.yaml")
    ap.add_argument("--end", default="2021-12")
    ap.add_argument("--threads", default="1")
    ap.add_argument("--top", type=int, default=24)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "perf.data"
        subprocess.run(["perf", "record", "-q", "-o", str(data), args.bin, "bench", args.scenario, "--threads",
                        args.threads, "--set", f"calendar.end={args.end}", "--out", tmp], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        report = subprocess.run(["perf", "report", "-i", str(data), "--no-children", "--stdio", "--sort", "symbol",
                                 "--percent-limit", "0.3"], capture_output=True, text=True, check=True).stdout
    shares = {}
    for line in report.splitlines():
        m = re.match(r"^\s+([0-9.]+)%\s+\[[.k]\]\s+(.*)$", line)
        if m:
            name = short_name(m.group(2).strip())
            shares[name] = shares.get(name, 0.0) + float(m.group(1))
    top = sorted(shares.items(), key=lambda kv: -kv[1])[: args.top]
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    record = {"label": args.label, "commit": commit, "scenario": args.scenario, "end": args.end, "threads": int(args.threads),
              "samples": "cpu-clock timer", "top": [{"function": k, "phase": PHASE_OF.get(k, "other"), "percent": round(v, 2)} for k, v in top]}
    path = ROOT / "docs/performance" / f"profile-{args.label}.json"
    path.write_text(json.dumps(record, indent=1) + "\n")
    print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
