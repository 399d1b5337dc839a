"""`laborsim sweep` end to end: local executor with failing runs, kill and resume, MPI and
Slurm-array executors giving the same summary as the local one, Sobol points against
SciPy's implementation, and the Python loader. Tiny runs (scale 0.003, one year)."""
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[2]
from laborsim.sweeps import load_summary, outcome_columns, outcomes_long, parameter_columns

BIN = os.environ.get("LABORSIM_BIN", str(REPO / "build/release/laborsim"))
QUICKSTART = REPO / "scenarios/quickstart.yaml"

SPEC = f"""
name: tiny
base: {QUICKSTART}
set: [scale=0.003, calendar.end=2021-12]
replicates: 2
parameters:
  - key: policies.cb-rural-training.seats_per_year
    values: [0, 20000]
  - key: model.separation_rate
    values: [0.008, 0.012, 0.02]
outcomes:
  indicators: [certified_rate, unemployment_rate]
  regions: [cao-bang, hai-phong]
  dates: [2021-06, 2021-12]
"""


def sweep(*args, check=None, env=None, timeout=120):
    r = subprocess.run([BIN, "sweep", *map(str, args)], capture_output=True, text=True, env=env, timeout=timeout)
    if check is not None:
        assert r.returncode == check, f"exit {r.returncode}\nstdout:\n{r.stdout}\nstderr:\n{r.stderr}"
    return r


def write_spec(folder, text=SPEC, name="spec.yaml"):
    path = Path(folder) / name
    path.write_text(text)
    return path


def processes_mentioning(text):
    """Pids whose command line contains `text` (Linux /proc)."""
    pids = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and text in (entry / "cmdline").read_bytes().decode(errors="replace"):
                pids.append(int(entry.name))
        except OSError:
            pass
    return pids


def same_summary(a, b):
    """summary.csv byte for byte, and summary.h5 column by column."""
    assert (Path(a) / "summary.csv").read_text() == (Path(b) / "summary.csv").read_text()
    da, db = load_summary(a), load_summary(b)
    assert list(da.columns) == list(db.columns)
    for c in da.columns:
        if da[c].dtype.kind == "f":
            np.testing.assert_array_equal(da[c].to_numpy(), db[c].to_numpy(), err_msg=c)
        else:
            assert list(da[c]) == list(db[c]), c


@pytest.fixture(scope="module")
def local_reference(tmp_path_factory):
    """The tiny sweep run by the local executor: the reference for the other executors."""
    folder = tmp_path_factory.mktemp("local")
    spec = write_spec(folder)
    out = folder / "out"
    sweep(spec, "-o", out, "--jobs", "2", "--quiet", check=0)
    return spec, out


def test_list_is_deterministic_with_stable_ids(tmp_path):
    spec = write_spec(tmp_path)
    first = sweep(spec, "--list", check=0).stdout
    assert first == sweep(spec, "--list", check=0).stdout
    rows = [line.split("\t") for line in first.splitlines() if line.startswith("p")]
    assert [r[0] for r in rows[:4]] == ["p0000-r00", "p0000-r01", "p0001-r00", "p0001-r01"]
    assert len(rows) == 2 * 3 * 2
    # Grid: the first parameter varies slowest; replicates share seeds across points.
    assert [(r[2], r[3]) for r in rows[::2]] == [
        ("0", "0.008"), ("0", "0.012"), ("0", "0.02"), ("20000", "0.008"), ("20000", "0.012"), ("20000", "0.02")]
    assert len({r[1] for r in rows[0::2]}) == 1 and len({r[1] for r in rows[1::2]}) == 1
    assert rows[0][1] != rows[1][1]


def test_bad_spec_is_a_located_error(tmp_path):
    spec = write_spec(tmp_path, SPEC.replace("model.separation_rate", "model.separaton_rate"))
    r = sweep(spec, "--list", check=2)
    assert f"{spec}:9:10: parameters[1].key: unknown key 'separaton_rate' in 'model', did you mean 'separation_rate'?" in r.stderr
    assert not (tmp_path / "results").exists()


def test_local_sweep_writes_runs_manifest_and_summary(local_reference):
    spec, out = local_reference
    ids = [f"p{p:04d}-r{r:02d}" for p in range(6) for r in range(2)]
    assert sorted(p.name for p in (out / "runs").iterdir()) == [i + ".h5" for i in ids]
    df = load_summary(out)
    assert list(df.run_id) == ids
    assert (df.status == "ok").all()
    assert parameter_columns(df) == ["policies.cb-rural-training.seats_per_year", "model.separation_rate"]
    assert outcome_columns(df)[0] == "certified_rate:cao-bang:2021-06" and len(outcome_columns(df)) == 8
    # Each outcome equals the value in the run's own file.
    import h5py

    with h5py.File(out / "runs/p0003-r01.h5") as f:
        regions = [r.decode() for r in f["regions/region"][()]]
        expect = f["regions/unemployment_rate"][11, regions.index("hai-phong")]
        assert f.attrs["seed"] == df.loc["p0003-r01", "seed"]
    assert df.loc["p0003-r01", "unemployment_rate:hai-phong:2021-12"] == expect
    # A higher separation rate raises unemployment (same seeds, so the comparison is paired).
    u = df.groupby("model.separation_rate")["unemployment_rate:hai-phong:2021-12"].mean()
    assert u[0.02] > u[0.008]
    csv = load_summary(out, source="csv")
    np.testing.assert_array_equal(csv[outcome_columns(df)].to_numpy(), df[outcome_columns(df)].to_numpy())
    long = outcomes_long(df)
    assert len(long) == len(df) * 8 and set(long.region) == {"cao-bang", "hai-phong"}
    manifest = __import__("json").loads((out / "manifest.json").read_text())
    assert [r["run_id"] for r in manifest["runs"]] == ids
    assert manifest["runs"][5]["settings"] == {"policies.cb-rural-training.seats_per_year": "0",
                                               "model.separation_rate": "0.02"}


def test_failed_and_timed_out_runs_are_recorded_while_others_succeed(tmp_path):
    # Point 1 runs 79 years of 10,000 agents (killed by the 3 s limit; it needs about ten
    # times longer), point 2 is an invalid scenario (end before start). Point 0 takes well
    # under a second.
    spec = write_spec(tmp_path, f"""
name: failing
base: {QUICKSTART}
set: [scale=0.1]
run_timeout_s: 3
parameters:
  - key: calendar.end
    values: [2021-02, 2099-12, 2019-12]
outcomes: {{indicators: [certified_rate], regions: [cao-bang], dates: [2021-02]}}
""")
    out = tmp_path / "out"
    r = sweep(spec, "-o", out, "--jobs", "2", check=1)
    assert "1 ok, 2 failed" in r.stdout
    df = load_summary(out)
    assert list(df.status) == ["ok", "timeout", "failed"]
    assert np.isfinite(df.iloc[0]["certified_rate:cao-bang:2021-02"])
    assert df.iloc[1:]["certified_rate:cao-bang:2021-02"].isna().all()
    runs = __import__("json").loads((out / "manifest.json").read_text())["runs"]
    assert "run timeout of 3 s" in runs[1]["error"]
    assert "calendar.end: expected a month on or after calendar.start" in runs[2]["error"]
    assert runs[2]["exit_code"] == 2
    assert sorted(p.name for p in (out / "runs").iterdir()) == ["p0000-r00.h5"]  # no partial files


def test_kill_and_resume_runs_every_run_exactly_once(tmp_path, local_reference):
    spec, reference = local_reference
    out = tmp_path / "out"
    proc = subprocess.Popen([BIN, "sweep", str(spec), "-o", str(out), "--jobs", "1", "--quiet"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    runs = out / "runs"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(runs.glob("*.h5")) if runs.exists() else []) < 3:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done_before = {p.name: p.stat().st_ino for p in runs.glob("*.h5")}
    assert 3 <= len(done_before) < 12, "the sweep should be killed part way"
    # The run it was running dies with it (parent-death signal): no orphan keeps writing.
    deadline = time.monotonic() + 5
    while processes_mentioning(str(out)) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert processes_mentioning(str(out)) == []

    r = sweep(spec, "-o", out, "--jobs", "2", check=0)
    assert f"{len(done_before)} of 12 runs already complete" in r.stderr
    finished = sorted(p.name for p in runs.iterdir())
    assert finished == [f"p{p:04d}-r{r:02d}.h5" for p in range(6) for r in range(2)]  # no partial, no duplicate
    for name, ino in done_before.items():
        assert (runs / name).stat().st_ino == ino, f"{name} was redone"
    same_summary(out, reference)
    # A third call finds nothing to do.
    assert "12 of 12 runs already complete, 0 to do" in sweep(spec, "-o", out, check=0).stderr


def test_killing_the_sweep_kills_its_runs(tmp_path):
    # One long run (79 years, tens of seconds): without the parent-death signal it would
    # outlive the killed sweep and race a resumed one on the same file.
    spec = write_spec(tmp_path, f"""
name: long
base: {QUICKSTART}
set: [scale=0.01]
parameters: [{{key: calendar.end, values: [2099-12]}}]
""")
    out = tmp_path / "out"
    proc = subprocess.Popen([BIN, "sweep", str(spec), "-o", str(out), "--quiet"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while len(processes_mentioning(str(out))) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert len(processes_mentioning(str(out))) == 2, "the sweep and its run should both be running"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 2
    while processes_mentioning(str(out)) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert processes_mentioning(str(out)) == []


def test_resume_refuses_a_changed_spec(tmp_path, local_reference):
    spec, reference = local_reference
    out = tmp_path / "out"
    shutil.copytree(reference, out)
    changed = write_spec(tmp_path, SPEC.replace("0.012", "0.013"), "changed.yaml")
    r = sweep(changed, "-o", out, check=2)
    assert "holds a different sweep" in r.stderr


def test_slurm_array_tasks_then_summarize_match_local(tmp_path, local_reference):
    # As Slurm would: the sbatch template once per array task (ids 1..4), then the summary job.
    spec, reference = local_reference
    out = tmp_path / "out"
    env = dict(os.environ, LABORSIM=BIN, SLURM_ARRAY_TASK_MIN="1", SLURM_ARRAY_TASK_COUNT="4")
    for task in range(4):
        env["SLURM_ARRAY_TASK_ID"] = str(task + 1)
        r = subprocess.run(["bash", REPO / "tools/slurm/sweep.sbatch", spec, "-o", out, "--quiet"], env=env,
                           capture_output=True, text=True, timeout=120)
        assert r.returncode == 0, r.stderr
        assert not (out / "summary.csv").exists(), "a task must not summarise"
        # Task k runs runs i with i % 4 == k: 3 of the 12.
        done = sorted(int(p.name[1:5]) * 2 + int(p.name[7:9]) for p in (out / "runs").glob("*.h5"))
        assert done == sorted(i for i in range(12) if i % 4 <= task)
    r = sweep(spec, "-o", out, "--task-index", "2", "--tasks", "4", check=0)
    assert "task 2 of 4: 3 runs, 3 already complete" in r.stdout
    del env["SLURM_ARRAY_TASK_ID"]
    r = subprocess.run(["bash", REPO / "tools/slurm/sweep-summary.sbatch", spec, "-o", out], env=env,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    same_summary(out, reference)


def test_mpi_sweep_matches_local(tmp_path, local_reference):
    mpirun = shutil.which("mpirun")
    if mpirun is None:
        pytest.skip("mpirun is not installed (Debian: openmpi-bin)")
    spec, reference = local_reference
    out = tmp_path / "out"
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1", OMPI_MCA_rmaps_base_oversubscribe="1")
    r = subprocess.run([mpirun, "-n", "2", BIN, "sweep", str(spec), "-o", str(out)], capture_output=True, text=True,
                       env=env, timeout=120)
    if "MPI support" in r.stderr and "not" in r.stderr:
        pytest.skip("this laborsim was built without MPI")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "MPI, 2 ranks" in r.stderr
    same_summary(out, reference)


@pytest.mark.filterwarnings("ignore:The balance properties")
def test_sobol_points_match_scipy(tmp_path):
    qmc = pytest.importorskip("scipy.stats.qmc")
    keys = ["separation_rate", "matching_efficiency", "on_the_job_search", "nash_share", "reservation_decay",
            "productivity_rho", "vacancy_rate", "firm_entry_rate", "application_rate_young", "application_rate_adult",
            "learning_rate", "migration_rate", "share_women", "matching_elasticity", "mismatch_penalty",
            "productivity_sigma", "productivity_shock_sd", "layoff_threshold", "labor_demand_elasticity",
            "depreciation_rate", "migration_distance_cost"]
    params = "\n".join(f"  - {{key: model.{k}, range: [0, 1]}}" for k in keys)
    spec = write_spec(tmp_path, f"""
name: sobol
base: {QUICKSTART}
sampling: {{method: sobol, points: 300}}
parameters:
{params}
""")
    rows = [line.split("\t")[2:] for line in sweep(spec, "--list", check=0).stdout.splitlines() if line.startswith("p")]
    ours = np.array(rows, dtype=float)
    reference = qmc.Sobol(21, scramble=False).random(301)[1:]  # the sweep skips the origin
    np.testing.assert_array_equal(ours, reference)


def test_all_outcome_is_compares_national_aggregate(tmp_path):
    """`regions: [all]` is one national column per indicator, equal to `laborsim compare`'s
    `all` row for the same run: counts summed, rates weighted by their base."""
    indicators = ["certified_rate", "unemployment_rate", "mean_wage", "labor_force", "employed"]
    spec = write_spec(tmp_path, f"""
name: national
base: {QUICKSTART}
set: [scale=0.003, calendar.end=2021-12]
parameters:
  - key: model.separation_rate
    values: [0.008, 0.02]
outcomes: {{indicators: [{", ".join(indicators)}], regions: [all], dates: [2021-12]}}
""")
    out = tmp_path / "out"
    sweep(spec, "-o", out, "--quiet", check=0)
    df = load_summary(out)
    assert outcome_columns(df) == [f"{i}:all:2021-12" for i in indicators]
    r = subprocess.run([BIN, "compare", out / "runs/p0000-r00.h5", out / "runs/p0001-r00.h5", "--json", "-",
                        "--quiet", "--at", "2021-12", "--indicators", ",".join(indicators)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    rows = [row for row in __import__("json").loads(r.stdout)["rows"]
            if row["region"] == "all" and row["measure"] == "value" and row["date"] == "2021-12"]
    assert sorted(row["indicator"] for row in rows) == sorted(indicators)
    for row in rows:
        column = f"{row['indicator']}:all:2021-12"
        assert df.loc["p0000-r00", column] == row["baseline_mean"], column
        assert df.loc["p0001-r00", column] == row["variant_mean"], column
    # A rate's aggregate lies between its regions' values; a count's is their sum.
    import h5py

    with h5py.File(out / "runs/p0000-r00.h5") as f:
        lf = f["regions/labor_force"][11]
        assert df.loc["p0000-r00", "labor_force:all:2021-12"] == lf.sum()
        cr = f["regions/certified_rate"][11]
        assert cr.min() <= df.loc["p0000-r00", "certified_rate:all:2021-12"] <= cr.max()
