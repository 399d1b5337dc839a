"""Checkpoint and resume: a run killed (SIGKILL) or stopped (SIGTERM) after a checkpoint and
continued with --resume writes what an uninterrupted run writes, dataset for dataset and
attribute for attribute (h5_compare.py), at 1 and 2 threads, for scenarios whose policies
keep state of their own (accreditation, partnerships, study abroad, commitments)."""

import os
import pathlib
import signal
import subprocess
import time

import h5py
import pytest

from h5_compare import differences
from output_fixtures import ALL_EVENTS, ROOT, laborsim_bin

# Without this HDF5 1.10 refuses to open a file another process has open for writing.
ENV = dict(os.environ, HDF5_USE_FILE_LOCKING="FALSE")
OUTPUTS = ["--set", "scale=0.005", "--set", "output.panel=200", "--set", ALL_EVENTS,
           "--set", "output.snapshots_every_months=5", "--set", "calendar.end=2025-06"]
EVERY = 4
SCENARIOS = ["quickstart.yaml", "policies/school_accreditation.yaml", "policies/school_enterprise_partnership.yaml",
             "policies/study_abroad.yaml", "policies/talent_attraction.yaml"]


def run(scenario, out, *extra, check=True):
    cmd = [laborsim_bin(), "run", str(ROOT / "scenarios" / scenario), "-o", str(out), "--quiet", *OUTPUTS, *extra]
    res = subprocess.run(cmd, cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=300)
    if check:
        assert res.returncode == 0, res.stderr
    return res


def months_completed(path):
    try:
        with h5py.File(path, "r") as f:
            return int(f.attrs["months_completed"])
    except (OSError, KeyError):
        return 0


def start_and_wait(scenario, out, watch, months, *extra):
    """Starts a run and returns it once `watch` reports `months` done and a checkpoint exists."""
    cmd = [laborsim_bin(), "run", str(ROOT / "scenarios" / scenario), "-o", str(out), "--quiet", *OUTPUTS,
           "--checkpoint-every", str(EVERY), *extra]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=ENV, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not (months_completed(watch()) >= months and os.path.exists(f"{out}.checkpoint")):
        assert proc.poll() is None, f"the run ended before it could be stopped: {proc.stderr.read()}"
        assert time.monotonic() < deadline
        time.sleep(0.002)
    return proc


@pytest.fixture(scope="module")
def references(tmp_path_factory):
    d = tmp_path_factory.mktemp("reference")
    out = {}
    for sc in SCENARIOS:
        out[sc] = d / (sc.replace("/", "-") + ".h5")
        run(sc, out[sc], "--threads", "1")
    return out


@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize("threads", ["1", "2"])
def test_a_killed_run_resumes_to_the_uninterrupted_output(references, tmp_path, scenario, threads):
    out = tmp_path / "run.h5"
    # Killed past a checkpoint, with months written after it that the resume must drop.
    proc = start_and_wait(scenario, out, lambda: out, EVERY + 2, "--threads", "2")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert months_completed(out) < 54
    res = run(scenario, out, "--checkpoint-every", str(EVERY), "--resume", "--threads", threads)
    assert differences(references[scenario], out) == []
    assert not os.path.exists(f"{out}.checkpoint"), "a finished run removes its checkpoint"
    with h5py.File(out, "r") as f:
        assert f.attrs["completed"] == 1 and f.attrs["interrupted"] == 0


def test_sigterm_stops_cleanly_and_resumes_a_replacing_run(references, tmp_path):
    """--force over an existing file writes beside it: SIGTERM keeps that partial file (the
    checkpoint names it) and leaves the old file alone; --resume finishes and renames it."""
    out = tmp_path / "run.h5"
    out.write_bytes(b"the previous result")
    partial = []

    def watch():
        partial[:] = [p for p in tmp_path.iterdir() if ".partial-" in p.name]
        return partial[0] if partial else out

    proc = start_and_wait("quickstart.yaml", out, watch, 3, "--force", "--threads", "2")
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM, err
    assert "stopped by signal 15" in err and "--resume" in err
    assert out.read_bytes() == b"the previous result"
    with h5py.File(partial[0], "r") as f:
        done = int(f.attrs["months_completed"])
        assert f.attrs["interrupted"] == 1 and f.attrs["completed"] == 0
        assert f.attrs["stop_signal"] in ("SIGTERM", b"SIGTERM")
        assert 3 <= done < 54 and f["regions/labor_force"].shape[0] == done
    run("quickstart.yaml", out, "--checkpoint-every", str(EVERY), "--resume", "--threads", "1")
    assert differences(references["quickstart.yaml"], out) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run.h5"], "no partial, checkpoint or temporary left"


def test_sigint_without_checkpoints_keeps_the_months_done(tmp_path):
    out = tmp_path / "run.h5"
    cmd = [laborsim_bin(), "run", str(ROOT / "scenarios" / "quickstart.yaml"), "-o", str(out), "--quiet", *OUTPUTS]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=ENV, stderr=subprocess.PIPE, text=True)
    while months_completed(out) < 2:
        assert proc.poll() is None
        time.sleep(0.002)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGINT, err
    with h5py.File(out, "r") as f:
        assert f.attrs["interrupted"] == 1 and f.attrs["stop_signal"] in ("SIGINT", b"SIGINT")
        assert int(f.attrs["months_completed"]) == f["regions/time"].shape[0] >= 2
    assert "not resumable" in err


def test_resume_refuses_a_checkpoint_of_another_scenario(tmp_path):
    out = tmp_path / "run.h5"
    proc = start_and_wait("quickstart.yaml", out, lambda: out, EVERY, "--threads", "1")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    res = run("quickstart.yaml", out, "--seed", "7", "--resume", check=False)
    assert res.returncode == 2 and "another scenario or seed" in res.stderr
    # A damaged checkpoint is named, not read.
    ck = tmp_path / "run.h5.checkpoint"
    data = bytearray(ck.read_bytes())
    data[len(data) // 2] ^= 0xFF
    ck.write_bytes(bytes(data))
    res = run("quickstart.yaml", out, "--resume", check=False)
    assert res.returncode == 2 and "checksum" in res.stderr and str(ck) in res.stderr


def test_a_replicate_set_continues_an_unfinished_replicate_from_its_checkpoint(tmp_path):
    reference = tmp_path / "reference"
    base = [laborsim_bin(), "run", str(ROOT / "scenarios" / "quickstart.yaml"), "--quiet", *OUTPUTS,
            "--replicates", "2", "--threads", "1"]
    subprocess.run([*base, "-o", str(reference)], cwd=ROOT, env=ENV, check=True, timeout=300)
    folder = tmp_path / "set"
    cmd = [*base, "-o", str(folder), "--checkpoint-every", str(EVERY)]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=ENV, stderr=subprocess.PIPE, text=True)

    def partial():
        found = sorted(folder.glob("replicate-000.h5.partial-*")) if folder.exists() else []
        return found[0] if found else folder / "none.h5"

    deadline = time.monotonic() + 120
    while not (months_completed(partial()) > EVERY and (folder / "replicate-000.h5.checkpoint").exists()):
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.002)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err
    assert not (folder / "replicate-000.h5").exists()
    res = subprocess.run(cmd, cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    for k in range(2):
        name = f"replicate-{k:03d}.h5"
        assert differences(reference / name, folder / name) == [], name
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in reference.iterdir())


SWEEP = """name: resume
base: {base}
set: [scale=0.005, calendar.end=2025-06, output.snapshots_every_months=5]
replicates: 1
parameters:
  - key: model.separation_rate
    values: [0.008, 0.016]
outcomes:
  indicators: [unemployment_rate]
  regions: [all]
  dates: [2025-06]
"""


def test_a_killed_sweep_continues_its_runs_from_their_checkpoints(tmp_path):
    spec = tmp_path / "sweep.yaml"
    spec.write_text(SWEEP.format(base=ROOT / "scenarios" / "quickstart.yaml"))
    sweep = [laborsim_bin(), "sweep", str(spec), "--quiet", "--jobs", "2", "--threads", "1"]
    subprocess.run([*sweep, "-o", str(tmp_path / "reference")], cwd=ROOT, env=ENV, check=True, timeout=300)
    out = tmp_path / "killed"
    cmd = [*sweep, "-o", str(out), "--checkpoint-every", str(EVERY)]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=ENV)
    runs = out / "runs"
    deadline = time.monotonic() + 120
    while not any(months_completed(p) > EVERY + 1 for p in runs.glob("*.h5.partial")
                  if pathlib.Path(f"{p}.checkpoint").exists()):
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.002)
    proc.send_signal(signal.SIGKILL)  # its runs die with it
    proc.wait()
    assert list(runs.glob("*.h5.partial.checkpoint"))
    res = subprocess.run(cmd, cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    names = sorted(p.name for p in (tmp_path / "reference" / "runs").glob("*.h5"))
    assert names and sorted(p.name for p in runs.iterdir()) == names
    for name in names:
        assert differences(tmp_path / "reference" / "runs" / name, runs / name) == [], name
