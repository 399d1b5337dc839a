"""Sweep analysis end to end on tiny real sweeps: a list-valued parameter through
tools/sweep_sensitivity.py, and Sobol indices of a `method: saltelli` sweep per month and
for the national (`all`) value."""
import subprocess

import numpy as np
import pandas as pd

import laborsim
from laborsim.sensitivity import sobol_series, sweep_sobol
from laborsim.sweeps import load_summary, point_means
from conftest import REPO_ROOT, run_laborsim

BASE = REPO_ROOT / "scenarios/quickstart.yaml"


def sweep(tmp_path, body):
    spec = tmp_path / "spec.yaml"
    spec.write_text(f"name: t\nbase: {BASE}\nset: [scale=0.003, calendar.end=2021-12]\n" + body)
    out = tmp_path / "out"
    res = run_laborsim("sweep", spec, "--jobs", "2", "-o", out, "--quiet")
    assert res.returncode == 0, res.stderr
    return out


def test_sensitivity_script_takes_a_list_valued_parameter(tmp_path):
    out = sweep(tmp_path, """sampling: {method: lhs, points: 6, seed: 3}
parameters:
  - {key: policies.cb-rural-training.seats_per_year, range: [0, 20000], integer: true}
  - {key: policies.cb-rural-training.course_level, values: [short_course, elementary]}
outcomes: {indicators: [certified_rate], regions: [cao-bang]}
""")
    means = point_means(load_summary(out))
    assert set(means["policies.cb-rural-training.course_level"]) == {"short_course", "elementary"}
    res = subprocess.run(["/usr/bin/python3", str(REPO_ROOT / "tools/sweep_sensitivity.py"), str(out)],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert "`policies.cb-rural-training.course_level`" in res.stdout and "R^2" in res.stdout


def test_sobol_indices_of_a_saltelli_sweep_per_month_and_nationally(tmp_path):
    out = sweep(tmp_path, """sampling: {method: saltelli, points: 4}
parameters:
  - {key: policies.cb-rural-training.seats_per_year, range: [0, 40000]}
  - {key: model.separation_rate, range: [0.005, 0.02]}
outcomes: {indicators: [certified_rate], regions: [cao-bang]}
""")
    names = ["policies.cb-rural-training.seats_per_year", "model.separation_rate"]
    final = sweep_sobol(out, "certified_rate:cao-bang:2021-12", n_boot=100)
    assert list(final.index) == names and final.notna().all().all()
    series = sobol_series(out, "certified_rate", region="cao-bang", n_boot=100)
    assert len(series) == 12 * 2  # every month x parameter
    last = series.loc[pd.Timestamp("2021-12-01")]
    np.testing.assert_allclose(last[["S1", "ST"]].to_numpy(), final[["S1", "ST"]].to_numpy(), rtol=1e-12)
    national = sobol_series(out, "certified_rate", region="all", n_boot=100)
    ds = laborsim.national(laborsim.open_runs(out))
    assert ds.certified_rate.sizes["run"] == 16 and not np.allclose(national.S1, series.S1)
