#!/usr/bin/python3
"""Records `laborsim bench` on the benchmark scenarios (1 M and 10 M workers, national size),
on 1 and 2 threads, as the JSON that docs/performance.md's tables are generated from.

    tools/bench/record.py LABEL [--bin build/release/laborsim] [--repeat 3]

writes docs/performance/bench-LABEL.json: for each scenario and thread count, the run with the
fastest monthly loop out of --repeat (timings on a shared machine only ever err slow). Then
`tools/docs/refresh performance-summary performance-phases` rewrites the tables. Figures,
never assertions: no test times anything (tests/python/test_docs_current.py only checks that
the tables match the recorded JSON).
"""
import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Months per size: enough months for a stable rate, few enough that the national run stays
# under a minute a thread count.
CASES = [
    ("scenarios/bench/bench-1m.yaml", "2021-12"),
    ("scenarios/bench/bench-10m.yaml", "2021-06"),
    ("scenarios/bench/national.yaml", "2021-03"),
]


def bench(binary, scenario, end, threads):
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([str(binary), "bench", scenario, "--threads", str(threads), "--set", f"calendar.end={end}",
                        "--out", out], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        return json.loads((Path(out) / "bench-latest.json").read_text())["runs"][0]


def cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("label", help="before, after, ...: names docs/performance/bench-LABEL.json")
    ap.add_argument("--bin", default=str(ROOT / "build/release/laborsim"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--commit", help="the commit the binary was built from (default: HEAD)")
    args = ap.parse_args()
    runs = []
    for scenario, end in CASES:
        for threads in [int(t) for t in args.threads.split(",")]:
            tries = [bench(args.bin, scenario, end, threads) for _ in range(args.repeat)]
            best = max(tries, key=lambda r: r["loop_worker_months_per_s"])
            best["scenario"] = scenario
            runs.append(best)
            print(f"{scenario} threads={threads}: {best['loop_worker_months_per_s']:.3g} worker-months/s "
                  f"(of {args.repeat})", file=sys.stderr)
    commit = args.commit or subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                           text=True).stdout.strip()
    record = {"label": args.label, "commit": commit, "cpu": cpu_model(), "cores": os.cpu_count(),
              "repeat": args.repeat, "runs": runs}
    path = ROOT / "docs/performance" / f"bench-{args.label}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record, indent=1) + "\n")
    print(f"wrote {path.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
