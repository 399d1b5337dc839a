#!/usr/bin/python3
"""The calibration table of docs/calibration.md: target vs simulated over replicate seeds.

    /usr/bin/python3 tools/vietnam/calibration_table.py [--seeds 10] [--write] [--jobs 2]

Runs each calibrated scenario (base.yaml for the national figures, cao-bang.yaml for seed
000) with seeds 1..N at the scale of its calibration spec, and reports for every target of
the spec (fitted or not), the starting-state checks and the comparisons in CHECKS and
EXTRA: the target, the simulated mean and the 95% interval of single runs (mean +- 1.96 sd
over the seeds). --write replaces the
table between the markers in docs/calibration.md.
"""
import argparse
import statistics
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import calibrate  # noqa: E402

sys.path.insert(0, str(ROOT / "tools" / "docs"))
import docblocks  # noqa: E402

CAL = ROOT / "scenarios" / "vietnam" / "calibration"
DOC = ROOT / "docs" / "calibration.md"

# Rows beyond the specs' targets (weight 0: never fitted): starting-state checks against
# the figures the 2021 state was built from, and seed or national figures the model is
# compared with but not fitted to.
CHECKS = {
    "national.yaml": [
        {"indicator": "labor_force", "region": "national", "date": "2021-01", "value": 50.6e6, "source": "national.csv 2021 (input)"},
        {"indicator": "certified_rate", "region": "national", "date": "2021-01", "value": 0.261, "source": "national.csv 2021 (input)"},
        {"indicator": "unemployment_rate", "region": "national", "date": "2021-01", "value": 0.032, "source": "national.csv 2021 working age (input; the row is after the first month of matching)"},
        {"indicator": "trained_rate", "region": "national", "date": "2024-07", "value": 0.6945, "source": "national.csv MOLISA broad rate, 64.5% (2020) to about 70% (2025) interpolated: approximate"},
        {"indicator": "doctors_per_10k", "region": "national", "date": "2021-01", "value": 17 / 1.5, "source": "seed 003: national average = 17 / 1.5 (input)"},
    ],
    "cao-bang.yaml": [
        {"indicator": "trained_rate", "region": "cao-bang", "date": "2021-01", "value": 0.466, "source": "seed 000: 2021 (input)"},
        {"indicator": "certified_rate", "region": "cao-bang", "date": "2021-01", "value": 0.344, "source": "seed 000: 2021 (input)"},
    ],
}

# Scenarios checked without a calibration spec: (file, scale, fixed settings, rows).
EXTRA = [
    ("quang-ninh.yaml", 0.2, ["calendar.end=2021-01"], [
        {"indicator": "doctors_per_10k", "region": "quang-ninh", "date": "2021-01", "value": 17 - 322 / 133.8,
         "source": "seed 003: 17 per 10,000 less the 322 recruited doctors (input; 17 itself needs public_recruitment, issue 5)"},
    ]),
]


def fmt(value, indicator):
    if indicator in ("labor_force", "beneficiaries") or abs(value) >= 1000:
        return f"{value / 1e6:.2f} M" if abs(value) >= 1e6 else f"{value:,.0f}"
    if indicator.endswith("_rate") or indicator.endswith("/trained"):
        return f"{100 * value:.1f}%" if abs(value) >= 0.1 else f"{100 * value:.2f}%"
    return f"{value:.2f}"


def rows_for(scenario, scale, fixed, targets, seeds, jobs, binary):
    outs = calibrate.run_seeds(binary, scenario, list(fixed) + [f"scale={scale}"], list(range(1, seeds + 1)), jobs)
    rows = []
    for t in targets:
        sims = [calibrate.moment(o, t) for o in outs]
        mean = statistics.fmean(sims)
        sd = statistics.stdev(sims) if len(sims) > 1 else 0.0
        kind = t.get("indicator") or (f"{t['series']}/{t['per']}" if "per" in t else t["series"])
        status = "fitted" if float(t.get("weight", 1)) > 0 else "reported"
        if t.get("date") == "2021-01" and "to" not in t:
            status = "start"
        if kind.endswith("_rate") or kind.endswith("/trained"):
            gap_text = f"{100 * (mean - float(t['value'])):+.2f} pt"
        else:
            gap_text = f"{100 * (mean / float(t['value']) - 1):+.1f}%"
        rows.append(f"| {scenario.name} | {calibrate.target_label(t)} | {fmt(float(t['value']), kind)} | "
                    f"{fmt(mean, kind)} | {fmt(mean - 1.96 * sd, kind)} .. {fmt(mean + 1.96 * sd, kind)} | {gap_text} | "
                    f"{status} | {t.get('source', '')} |")
    return rows


def table(spec_name, seeds, jobs, binary):
    spec_path = CAL / spec_name
    spec = yaml.safe_load(spec_path.read_text())
    scenario = (spec_path.parent / spec["scenario"]).resolve()
    targets = spec["targets"] + [{**c, "weight": 0} for c in CHECKS.get(spec_name, [])]
    return rows_for(scenario, spec["scale"], spec.get("set", []), targets, seeds, jobs, binary), spec["scale"]


def markdown(seeds, jobs, binary):
    """The table and its note, as Markdown (the block `calibration-table` of docs/calibration.md)."""
    lines = ["| scenario | figure (indicator, region, date) | target | simulated mean | 95% interval of a run | gap | use | source |",
             "|---|---|---|---|---|---|---|---|"]
    notes = []
    for name in ("national.yaml", "cao-bang.yaml"):
        rows, scale = table(name, seeds, jobs, binary)
        lines += rows
        notes.append(f"{name.replace('.yaml', '')}: scale {scale}")
    for file, scale, fixed, targets in EXTRA:
        lines += rows_for(ROOT / "scenarios" / "vietnam" / file, scale, fixed, [{**c, "weight": 0} for c in targets],
                          seeds, jobs, binary)
        notes.append(f"{file.replace('.yaml', '')}: scale {scale}, first month only")
    lines += ["", f"Seeds 1..{seeds} per scenario ({'; '.join(notes)}). Generated by "
              "`tools/docs/refresh --all` (or `calibration_table.py --write`)."]
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=10)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--write", action="store_true", help="replace the table in docs/calibration.md")
    ap.add_argument("--laborsim", help="path of the laborsim binary")
    args = ap.parse_args()
    text = markdown(args.seeds, args.jobs, calibrate.find_laborsim(args.laborsim))
    print(text, end="")
    if args.write:
        DOC.write_text(docblocks.replace(DOC.read_text(), {"calibration-table": text}))
        print(f"calibration_table: wrote {DOC.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
