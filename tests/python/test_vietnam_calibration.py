"""Vietnam scenarios: region data, generated files, the calibration tool and the Cao Bang backcast.

Run with /usr/bin/python3 -m pytest tests/python; LABORSIM_BIN points at the built CLI
(ctest sets it; otherwise build/release/laborsim).
"""
import math
import os
import subprocess
import sys
from pathlib import Path

import h5py
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
VIETNAM = ROOT / "scenarios" / "vietnam"
PY = sys.executable
import calibrate  # tools/calibrate.py: tools/ is on sys.path with the laborsim package


def laborsim():
    path = os.environ.get("LABORSIM_BIN") or str(ROOT / "build" / "release" / "laborsim")
    if not Path(path).exists():
        pytest.skip("laborsim is not built")
    return path


def run(scenario, out, *settings, seed=None):
    cmd = [laborsim(), "run", str(scenario), "--quiet", "--force", "-o", str(out)]
    if seed is not None:
        cmd += ["--seed", str(seed)]
    for s in settings:
        cmd += ["--set", s]
    subprocess.run(cmd, check=True, capture_output=True, text=True)
    return calibrate.run_output(out)


# ---------------------------------------------------------------- region data

def test_generated_region_files_match_the_source_table():
    """regions/*.yaml and the generated blocks are what build_regions.py makes of regions.csv."""
    proc = subprocess.run([PY, str(ROOT / "tools" / "vietnam" / "build_regions.py"), "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_regions_cover_the_national_labour_force_and_rates():
    regions = yaml.safe_load((VIETNAM / "regions" / "vietnam.yaml").read_text())
    ids = [r["id"] for r in regions]
    assert {"cao-bang", "bac-kan", "quang-ninh", "hai-phong"} <= set(ids)
    assert len(ids) == 10 and len(set(ids)) == 10
    lf = sum(r["labor_force"] for r in regions)
    assert lf == pytest.approx(50.6e6, rel=1e-3)           # national.csv 2021
    assert sum(r["population"] for r in regions) == pytest.approx(98506200, rel=1e-3)

    def weighted(f):
        return sum(f(r) * r["labor_force"] for r in regions) / lf
    cert = weighted(lambda r: sum(v for k, v in r["education_shares"].items() if k not in ("none", "short_course")))
    assert cert == pytest.approx(0.261, abs=5e-4)          # national.csv 2021
    assert weighted(lambda r: r["unemployment_rate"]) == pytest.approx(0.032, abs=5e-4)
    assert weighted(lambda r: r["urban_share"]) == pytest.approx(0.367, abs=2e-3)
    for r in regions:
        assert sum(r["education_shares"].values()) == pytest.approx(1, abs=1e-3), r["id"]
        assert sum(r["field_shares"].values()) == pytest.approx(1, abs=1e-3), r["id"]
        assert min(r["education_shares"].values()) >= 0 and min(r["field_shares"].values()) > 0, r["id"]
    cb = next(r for r in regions if r["id"] == "cao-bang")
    shares = cb["education_shares"]
    assert 1 - shares["none"] == pytest.approx(0.466, abs=1e-3)                       # seed 000
    assert 1 - shares["none"] - shares["short_course"] == pytest.approx(0.344, abs=1e-3)


def test_every_region_value_has_a_source():
    import csv
    with open(VIETNAM / "data" / "regions.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    source_cols = [c for c in rows[0] if c.endswith("_source")]
    assert len(source_cols) >= 10
    for r in rows:
        for c in source_cols:
            assert r[c].strip(), f"{r['id']}: empty {c}"


# ---------------------------------------------------------------- scenarios run

def supports_extends(tmp_path):
    child = tmp_path / "child.yaml"
    child.write_text(f"extends: {VIETNAM / 'cao-bang.yaml'}\nname: child\n")
    return subprocess.run([laborsim(), "validate", str(child)], capture_output=True).returncode == 0


@pytest.mark.parametrize("path", sorted(VIETNAM.glob("*.yaml")), ids=lambda p: p.name)
def test_each_vietnam_scenario_validates(path, tmp_path):
    text = path.read_text()
    if "\nextends:" in "\n" + text and not supports_extends(tmp_path):
        pytest.skip("needs `extends` (issue 5)")
    schema = subprocess.run([laborsim(), "schema"], capture_output=True, text=True).stdout
    for t in yaml.safe_load(text).get("policies") or []:
        if "type" in t and f"`{t['type']}`" not in schema:
            pytest.skip(f"needs policy type {t['type']} (issue 5)")
    proc = subprocess.run([laborsim(), "validate", str(path)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_seed_baselines_run_a_year_at_small_scale(tmp_path):
    for name in ("base", "bac-kan", "quang-ninh", "hai-phong"):
        out = run(VIETNAM / f"{name}.yaml", tmp_path / f"{name}.h5", "scale=0.002", "calendar.end=2021-12")
        assert out.months == 12
        lf = out.indicator("labor_force", "national", "2021-12")
        assert lf > 0


# ---------------------------------------------------------------- the Cao Bang backcast

# Seed 000: 2021 -> 2024.
CB_TARGETS = {"trained_rate": (0.466, 0.509), "certified_rate": (0.344, 0.388)}
CB_SCALE = 0.1
TARGET_BAND = 0.01   # the Done-when: within 1 percentage point


def sampling_tolerance(p, n):
    """3 binomial sd of a rate at n agents, plus the 1-point target band."""
    return TARGET_BAND + 3 * math.sqrt(p * (1 - p) / n)


def test_cao_bang_backcast_reproduces_2024_rates(tmp_path):
    """cao-bang.yaml at scale 0.1 (about 30,000 agents): the 2024-12 trained and certified
    rates are within 1 point of seed 000's, plus three binomial sd at that sample size
    (about 0.9 point: the tolerance is about 1.9 points)."""
    out = run(VIETNAM / "cao-bang.yaml", tmp_path / "cb.h5", f"scale={CB_SCALE}", "calendar.end=2024-12")
    agents = out.indicator("labor_force", "cao-bang", "2024-12") * CB_SCALE
    for indicator, (start, end) in CB_TARGETS.items():
        first = out.indicator(indicator, "cao-bang", "2021-01")
        last = out.indicator(indicator, "cao-bang", "2024-12")
        assert abs(first - start) <= 3 * math.sqrt(start * (1 - start) / agents) + 0.003, (indicator, first)
        tol = sampling_tolerance(end, agents)
        assert abs(last - end) <= tol, f"{indicator} 2024-12: {last:.4f} vs {end} (tolerance {tol:.4f})"
    # The programme delivers the seed's volume: 25,692 trainees in 2021-2024.
    trainees = out.policy_sum(["cb-rural-training-certificate", "cb-rural-training-short"], "beneficiaries",
                              "2021-01", "2024-12")
    assert trainees == pytest.approx(25692, rel=0.02)


def test_cao_bang_without_the_programme_does_not_reach_the_2024_rates(tmp_path):
    """The backcast is the programme's doing: without it the certified rate stays near 2021's."""
    out = run(VIETNAM / "cao-bang.yaml", tmp_path / "cb0.h5", f"scale={CB_SCALE}", "calendar.end=2024-12",
              "policies.cb-rural-training-certificate.seats_per_year=0",
              "policies.cb-rural-training-short.seats_per_year=0")
    assert out.indicator("certified_rate", "cao-bang", "2024-12") < 0.388 - 0.02


# ---------------------------------------------------------------- the calibration tool

def test_nest_turns_key_paths_into_a_partial_scenario():
    tree = calibrate.nest({"model.vacancy_rate": 0.03, "policies.a.seats_per_year": 5,
                           "policies.a.completion_rate": 0.6, "regions.x.labor_force_growth": 0.01})
    assert tree == {"model": {"vacancy_rate": 0.03},
                    "policies": [{"id": "a", "seats_per_year": 5, "completion_rate": 0.6}],
                    "regions": [{"id": "x", "labor_force_growth": 0.01}]}


def test_parameter_expressions_and_wildcards():
    tree = {"regions": [{"id": "a"}, {"id": "b"}]}
    p = calibrate.parameter({"name": "g", "key": "regions.*.labor_force_growth", "bounds": [0, 1]}, tree)
    assert p.values(0.25) == {"regions.a.labor_force_growth": 0.25, "regions.b.labor_force_growth": 0.25}
    q = calibrate.parameter({"name": "s", "bounds": [0, 1], "round": 0,
                             "sets": {"policies.a.seats_per_year": "6423 * x", "policies.b.seats_per_year": "6423 * (1 - x)"}}, tree)
    assert q.values(0.8) == {"policies.a.seats_per_year": 5138, "policies.b.seats_per_year": 1285}
    with pytest.raises(ValueError):
        calibrate.eval_expr("__import__('os')", 1.0)


def test_write_back_edits_values_in_place_and_leaves_generated_blocks(tmp_path):
    f = tmp_path / "s.yaml"
    f.write_text("# a comment\nmodel:\n  vacancy_rate: 0.015   # fitted\nregions:\n"
                 "  # >>> generated by tools/vietnam/build_regions.py: regions a\n"
                 "  - {id: a, labor_force_growth: 0.01}\n  # <<< end generated\n"
                 "policies:\n  - id: p\n    seats_per_year: 10\n")
    skipped = calibrate.write_back(f, {"model.vacancy_rate": 0.0312, "policies.p.seats_per_year": 42,
                                       "regions.a.labor_force_growth": 0.02, "model.missing": 1})
    text = f.read_text()
    assert "vacancy_rate: 0.0312   # fitted" in text and "# a comment" in text
    assert "seats_per_year: 42" in text and "labor_force_growth: 0.01}" in text
    assert {k for k, _ in skipped} == {"regions.a.labor_force_growth", "model.missing"}


def test_calibrate_recovers_a_known_parameter(tmp_path):
    """End to end on a problem with a known answer: the start-of-run labour force of a
    region is its `labor_force` (plus one month's growth), so fitting it to a target labour
    force must land within sampling and rounding error of that target."""
    scenario = tmp_path / "one.yaml"
    scenario.write_text(
        "name: one\ncalendar: {start: 2021-01, end: 2021-03}\nscale: 0.05\nmodel: {migration_rate: 0}\n"
        "regions:\n  - id: r\n    labor_force: 100000\n    labor_force_growth: 0\n"
        "    education_shares: {none: 0.6, elementary: 0.4}\n    field_shares: {agriculture: 0.5, industry: 0.5}\n")
    spec = tmp_path / "spec.yaml"
    spec.write_text(yaml.safe_dump({
        "scenario": "one.yaml", "output": "fit.yaml", "seeds": [1],
        "method": {"grid": 5, "max_evals": 30},
        "parameters": [{"key": "regions.r.labor_force", "bounds": [50000, 250000], "round": 0}],
        "targets": [{"indicator": "labor_force", "region": "r", "date": "2021-02", "value": 160000, "tolerance": 1000}],
    }))
    proc = subprocess.run([PY, str(ROOT / "tools" / "calibrate.py"), str(spec), "--write-back", "--jobs", "1",
                           "--laborsim", laborsim()], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    fit = yaml.safe_load((tmp_path / "fit.yaml").read_text())
    assert fit["extends"] == "one.yaml"
    fitted = fit["regions"][0]["labor_force"]
    assert fitted == pytest.approx(160000, rel=0.01)
    assert f"labor_force: {fitted}" in scenario.read_text()     # written back in place
