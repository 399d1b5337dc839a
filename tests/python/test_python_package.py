"""The laborsim Python package: installs (tools/setup's .pth; pip from pyproject.toml,
offline), documents its public functions, and opens replicate and sweep folders as one
Dataset with the `all` region defined as `laborsim compare` defines it."""
import csv
import inspect
import os
import shutil
import subprocess
import venv

import numpy as np
import pytest

import laborsim
from conftest import REPO_ROOT, run_laborsim


def test_setup_writes_an_idempotent_pth_that_makes_laborsim_importable(tmp_path):
    site = tmp_path / "site"
    env = {**os.environ, "LABORSIM_SITE_DIR": str(site)}
    for _ in range(2):  # the second run changes nothing
        subprocess.run([str(REPO_ROOT / "tools/setup"), "--python-only"], env=env, check=True, capture_output=True)
        assert (site / "laborsim.pth").read_text() == f"{(REPO_ROOT / 'tools').resolve()}\n"
    env.pop("PYTHONPATH", None)
    # -S: no site directories but the one under test (another checkout's .pth may be installed).
    code = f"import site; site.addsitedir({str(site)!r}); import laborsim; print(laborsim.__file__)"
    out = subprocess.run(["/usr/bin/python3", "-S", "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == str((REPO_ROOT / "tools/laborsim/__init__.py").resolve())


def test_pip_installs_the_package_offline_into_a_venv(tmp_path):
    src = tmp_path / "src"  # a copy, so the build leaves nothing in the checkout
    shutil.copytree(REPO_ROOT / "tools/laborsim", src / "laborsim", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO_ROOT / "tools/pyproject.toml", src)
    venv.create(tmp_path / "venv", system_site_packages=True, with_pip=False)
    py = tmp_path / "venv/bin/python"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    # Debian's pip (python3-pip, seen through the system site packages) installs into the venv.
    res = subprocess.run([str(py), "-m", "pip", "install", "--no-index", "--no-build-isolation", "--quiet", str(src)],
                         env=env, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    out = subprocess.run([str(py), "-c", "import laborsim; print(laborsim.__file__, laborsim.__version__)"],
                         env=env, cwd=tmp_path, capture_output=True, text=True, check=True)
    where, version = out.stdout.split()
    assert where.startswith(str(tmp_path / "venv")) and version == laborsim.__version__


def test_public_functions_are_listed_and_documented():
    assert {"open_run", "open_runs", "national", "events", "panel", "plot_indicators"} <= set(laborsim.__all__)
    for name in laborsim.__all__:
        obj = getattr(laborsim, name)
        assert inspect.getdoc(obj) and len(inspect.getdoc(obj)) > 40, name
    from laborsim import sensitivity, sweeps
    for module in (sensitivity, sweeps):
        for name in module.__all__:
            assert inspect.getdoc(getattr(module, name)), f"{module.__name__}.{name}"


@pytest.fixture(scope="module")
def replicate_folder(tmp_path_factory):
    out = tmp_path_factory.mktemp("reps") / "baseline"
    res = run_laborsim("run", "scenarios/cao-bang-compare/baseline.yaml", "--replicates", "3", "--set", "scale=0.005",
                       "-o", out, "--quiet")
    assert res.returncode == 0, res.stderr
    return out


def test_open_runs_stacks_a_replicate_folder_with_seeds(replicate_folder):
    ds = laborsim.open_runs(replicate_folder)
    assert ds.sizes["replicate"] == 3 and list(ds.replicate.values) == [0, 1, 2]
    assert ds.certified_rate.dims == ("replicate", "time", "region")
    import json
    manifest = json.loads((replicate_folder / "manifest.json").read_text())
    assert [int(s) for s in ds.seed.values] == [r["seed"] for r in manifest["replicates"]]
    for k in range(3):  # each slice is that replicate's own file
        one = laborsim.open_run(replicate_folder / manifest["replicates"][k]["file"])
        np.testing.assert_array_equal(ds.certified_rate.isel(replicate=k).values, one.certified_rate.values)
    assert "seed" not in ds.attrs and ds.attrs["scenario_name"] == "cao-bang-baseline"  # differing attrs dropped


def test_national_matches_compare_all(replicate_folder, tmp_path):
    out = tmp_path / "cmp.csv"
    res = run_laborsim("compare", replicate_folder, replicate_folder, "--regions", "all", "--csv", out,
                       "--indicators", "certified_rate,labor_force,hires,mean_wage,unemployment_rate,doctors_per_10k")
    assert res.returncode == 0, res.stderr
    nat = laborsim.national(laborsim.open_runs(replicate_folder)).isel(time=-1).mean("replicate")
    rows = [r for r in csv.DictReader(out.open()) if r["measure"] == "value"]
    assert len(rows) == 6
    for r in rows:
        assert float(nat[r["indicator"]]) == pytest.approx(float(r["baseline_mean"]), rel=1e-12), r["indicator"]
    both = laborsim.with_all_region(laborsim.open_runs(replicate_folder))
    assert list(both.region.values)[-1] == "all"
    assert np.isnan(both.wage_p50.sel(region="all")).all()  # percentiles have no national value


def test_open_runs_on_a_sweep_folder_has_the_swept_keys_as_coordinates(tmp_path):
    out = tmp_path / "grid"
    res = run_laborsim("sweep", "scenarios/sweeps/quickstart-grid.yaml", "--jobs", "2", "-o", out, "--quiet")
    assert res.returncode == 0, res.stderr
    ds = laborsim.open_runs(out)
    from laborsim.sweeps import load_summary
    summary = load_summary(out)
    assert list(ds.run.values) == list(summary.run_id)
    for key in ("policies.cb-rural-training.seats_per_year", "model.separation_rate"):
        np.testing.assert_array_equal(ds[key].values, summary[key].to_numpy(dtype=float))
    assert list(ds.point.values) == list(summary.point) and list(ds.replicate.values) == list(summary.replicate)
    last = ds.certified_rate.sel(region="cao-bang", time="2022-12").squeeze("time")
    np.testing.assert_array_equal(last.values, summary["certified_rate:cao-bang:2022-12"].to_numpy())
    per_point = ds.groupby("point").mean()
    assert per_point.sizes["point"] == 6
    # A glob of run files: a `run` dimension with the file names.
    files = laborsim.open_runs(str(out / "runs" / "p000[01]-*.h5"))
    assert files.sizes["run"] == 4 and files.file.values[0].endswith("p0000-r00.h5")
