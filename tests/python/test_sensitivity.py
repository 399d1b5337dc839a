"""laborsim.sensitivity against analytic answers: Sobol indices of the Ishigami function
(a = 7, b = 0.1) inside their bootstrap intervals, Morris effects of a linear function,
and the Python Saltelli design equal to the sweep planner's."""
import numpy as np
import pytest

from laborsim.sensitivity import (ishigami, morris_effects, morris_sample, saltelli_sample, scale_sample,
                                  sobol_indices)
from conftest import REPO_ROOT, run_laborsim

PI = np.pi
S1 = {"x1": 0.3139, "x2": 0.4424, "x3": 0.0}
ST = {"x1": 0.5576, "x2": 0.4424, "x3": 0.2437}


def test_ishigami_sobol_indices_contain_the_analytic_values():
    x = scale_sample(saltelli_sample(3, 4096, seed=20), [[-PI, PI]] * 3)
    res = sobol_indices(ishigami(x), names=["x1", "x2", "x3"], n_boot=500, seed=1)
    for p in S1:
        assert res.S1_low[p] <= S1[p] <= res.S1_high[p], (p, res.loc[p].to_dict())
        assert res.ST_low[p] <= ST[p] <= res.ST_high[p], (p, res.loc[p].to_dict())
        assert res.S1_high[p] - res.S1_low[p] < 0.1 and res.ST_high[p] - res.ST_low[p] < 0.1  # informative
    assert res.loc["x1"].S1 < res.loc["x1"].ST  # x1 acts through its interaction with x3


def test_sobol_indices_of_a_time_series_are_per_outcome():
    x = scale_sample(saltelli_sample(3, 1024, seed=3), [[-PI, PI]] * 3)
    y = np.column_stack([ishigami(x), x[:, 0]])  # the second outcome depends on x1 only
    res = sobol_indices(y, names=["x1", "x2", "x3"], n_boot=200)
    assert res.index.names == ["outcome", "parameter"]
    assert res.loc[(1, "x1")].S1 == pytest.approx(1, abs=0.02) and res.loc[(1, "x2")].ST == pytest.approx(0, abs=1e-12)


def test_morris_effects_of_a_linear_function_are_its_slopes():
    x = morris_sample(3, r=10, levels=4, seed=5)
    assert x.min() >= 0 and x.max() <= 1
    steps = np.abs(np.diff(x.reshape(10, 4, 3), axis=1))
    assert np.all(np.sort(steps, axis=2)[:, :, :2] == 0) and np.allclose(steps.max(axis=2), 4 / 6)
    res = morris_effects(x, 3 * x[:, 0] - 1 * x[:, 1], names=["a", "b", "c"])
    assert list(res.index) == ["a", "b", "c"]
    np.testing.assert_allclose(res.loc[["a", "b", "c"], "mu"], [3, -1, 0], atol=1e-12)
    np.testing.assert_allclose(res.loc[["a", "b", "c"], "sigma"], [0, 0, 0], atol=1e-12)


def test_morris_screens_ishigami_x3_as_interacting():
    u = morris_sample(3, r=50, levels=6, seed=2)
    res = morris_effects(u * 2 * PI - PI, ishigami(u * 2 * PI - PI), names=["x1", "x2", "x3"])
    assert abs(res.loc["x3"].mu) < res.loc["x3"].sigma  # no main effect, but effects through x1


def test_the_sweep_planner_draws_the_same_saltelli_points(tmp_path):
    spec = tmp_path / "s.yaml"
    spec.write_text(f"""name: s
base: {REPO_ROOT / "scenarios/quickstart.yaml"}
sampling: {{method: saltelli, points: 8}}
parameters:
  - {{key: model.separation_rate, range: [0, 1]}}
  - {{key: model.nash_share, range: [0, 1]}}
""")
    res = run_laborsim("sweep", spec, "--list")
    assert res.returncode == 0, res.stderr
    rows = [line.split("\t") for line in res.stdout.splitlines() if line.startswith("p")]
    planned = np.array([[float(v) for v in r[2:]] for r in rows])
    np.testing.assert_array_equal(planned, saltelli_sample(2, 8))
