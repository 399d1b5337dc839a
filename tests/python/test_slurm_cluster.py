"""The Slurm templates on a real one-node Slurm (Debian's slurm-wlm and munge, brought up
by tools/slurm/local-cluster as root): tools/slurm/submit-sweep from another folder with a
relative spec path, outputs and logs in scratch, array and summary jobs waited for, and a
summary equal to a local `laborsim sweep --jobs 2` of the same spec."""
import os
import re
import shutil
import subprocess
import time

import h5py
import pytest

from conftest import REPO_ROOT, laborsim_bin, run_laborsim

CLUSTER = REPO_ROOT / "tools/slurm/local-cluster"
SPEC = """name: slurm-grid
base: {base}
set: [scale=0.004, calendar.end=2021-12]
replicates: 2
memory_per_run: 500M
run_timeout_s: 120
parameters:
  - {{key: policies.cb-rural-training.seats_per_year, values: [0, 20000]}}
  - {{key: model.separation_rate, values: [0.008, 0.016]}}
outcomes: {{indicators: [certified_rate, unemployment_rate], regions: [cao-bang, all]}}
"""


def sh(*args, **kw):
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, **kw)


@pytest.fixture(scope="module")
def cluster():
    if os.geteuid() != 0:
        pytest.skip("the one-node Slurm needs root (munged, slurmctld, slurmd)")
    if shutil.which("sbatch") is None and sh("apt-cache", "policy", "slurm-wlm").stdout.find("Candidate: (none)") >= 0:
        pytest.skip("slurm-wlm cannot be installed here (no apt candidate)")
    already = "slurmctld: pid" in sh(CLUSTER, "status").stdout
    up = sh(CLUSTER, "up", timeout=600)
    if up.returncode != 0 and "installing" in up.stderr and shutil.which("sbatch") is None:
        pytest.skip(f"slurm-wlm could not be installed: {up.stderr[-300:]}")
    try:
        assert up.returncode == 0, up.stderr
        yield
    finally:
        if not already:  # stop the daemons we started (by PID), pass or fail
            sh(CLUSTER, "down")


def wait_for(job_ids, timeout_s=120):
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        queued = sh("squeue", "-h", "-o", "%i", "-j", ",".join(job_ids)).stdout.split()
        if not queued:
            return
        time.sleep(1)
    raise AssertionError(f"jobs {job_ids} still queued after {timeout_s} s: {sh('squeue').stdout}")


def test_submit_sweep_on_a_real_slurm_matches_a_local_sweep(cluster, tmp_path):
    work = tmp_path / "user"
    work.mkdir()
    (work / "grid.yaml").write_text(SPEC.format(base=REPO_ROOT / "scenarios/quickstart.yaml"))
    scratch = tmp_path / "scratch"
    env = dict(os.environ, LABORSIM=str(laborsim_bin()))
    res = sh(REPO_ROOT / "tools/slurm/submit-sweep", "grid.yaml", "3", "--scratch", scratch, "--cpus", "1",
             cwd=work, env=env)  # a spec path relative to where the user stands
    assert res.returncode == 0, res.stderr
    m = re.search(r"array job (\d+) .* summary job (\d+); output (\S+)", res.stdout)
    assert m, res.stdout
    array, summary, out = m.group(1), m.group(2), m.group(3)
    assert out == str(scratch / "laborsim-sweeps" / "slurm-grid")
    wait_for([array, summary])
    for job in (array, summary):
        info = sh("scontrol", "show", "job", job).stdout
        assert info.count("JobState=COMPLETED") == (3 if job == array else 1), info
        if job == array:
            assert "MinMemoryNode=500M" in info and "TimeLimit=00:12:00" in info, info  # 2 runs x 120 s +10% +5 min

    local = tmp_path / "local"
    ref = run_laborsim("sweep", work / "grid.yaml", "--jobs", "2", "-o", local, "--quiet")
    assert ref.returncode == 0, ref.stderr
    assert (scratch / "laborsim-sweeps/slurm-grid/summary.csv").read_text() == (local / "summary.csv").read_text()
    logs = sorted(p.name for p in (scratch / "laborsim-sweeps/slurm-grid/slurm").iterdir())
    assert len(logs) == 4 and not list(work.glob("slurm-*.out")) and not list(REPO_ROOT.glob("slurm-*.out"))
    with h5py.File(scratch / "laborsim-sweeps/slurm-grid/runs/p0000-r00.h5", "r") as f:
        assert int(f.attrs["threads"]) == 1  # SLURM_CPUS_PER_TASK=1 on a 2+-core node without task binding
