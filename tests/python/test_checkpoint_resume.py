"""Checkpoint and resume: a run killed (SIGKILL) or stopped (SIGTERM) after a checkpoint and
continued with --resume writes what an uninterrupted run writes, dataset for dataset and
attribute for attribute (h5_compare.py), at 1 and 2 threads, for scenarios whose policies
keep state of their own (accreditation, partnerships, study abroad, commitments)."""

import os
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
