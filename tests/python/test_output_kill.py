"""Kill test: runs with panel, every event kind and frequent snapshots are killed (SIGKILL)
at 100 random instants and at instants aimed at each kind of write (LABORSIM_KILL_AT, see
sim/output/output_common.hpp). Every file must open in h5py, say completed = 0, and hold
every month it counts as finished (months_completed) exactly as an uninterrupted run wrote
it: indicators, policy series, panel rows, event rows and snapshots."""

import os
import random
import signal
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

import shutil

import h5py
import numpy as np
import pytest
import xarray as xr

from h5_compare import same_value
from output_fixtures import ALL_EVENTS, ROOT, laborsim_bin

ENV = dict(os.environ, HDF5_USE_FILE_LOCKING="FALSE")
ARGS = ["--quiet", "--threads", "1", "--set", "scale=0.004", "--set", "output.panel=300", "--set", ALL_EVENTS,
        "--set", "output.snapshots_every_months=2", "--set", "calendar.end=2023-12"]
MONTHS = 36
RANDOM_KILLS = 100
AIMED = [(point, n) for point in ("indicators", "panel", "events", "snapshot", "flush") for n in (1, 4, 11)]


def command(out):
    return [laborsim_bin(), "run", str(ROOT / "scenarios" / "quickstart.yaml"), "-o", str(out), *ARGS]


def months_completed(path):
    try:
        with h5py.File(path, "r") as f:
            return int(f.attrs["months_completed"])
    except (OSError, KeyError):
        return 0


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The uninterrupted run, and the rest of its life after its first finished month (the
    span the random kills are drawn in: start-up and the first month are not part of it)."""
    out = tmp_path_factory.mktemp("kill") / "reference.h5"
    proc = subprocess.Popen(command(out), cwd=ROOT, env=ENV)
    while months_completed(out) < 1 and proc.poll() is None:
        time.sleep(0.002)
    first_month = time.monotonic()
    assert proc.wait() == 0
    return out, time.monotonic() - first_month


def killed_at_random(out, duration, seed):
    """Waits for the first finished month (a file that was never flushed holds nothing
    finished), then kills the run at a random instant of the rest of its life (`duration`:
    the reference run's, which ran alone, so these runs, three at a time, live longer)."""
    rng = random.Random(seed)
    proc = subprocess.Popen(command(out), cwd=ROOT, env=ENV)
    while months_completed(out) < 1 and proc.poll() is None:
        time.sleep(0.002)
    time.sleep(rng.uniform(0, duration))
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return proc.returncode


def killed_at_point(out, point, n):
    return subprocess.run(command(out), cwd=ROOT, env=dict(ENV, LABORSIM_KILL_AT=f"{point}:{n}")).returncode


def lost_months(path, reference):
    """What the killed file lacks or gets wrong of its finished months (empty: nothing)."""
    problems = []
    with h5py.File(reference, "r") as ref, h5py.File(path, "r") as f:
        if int(f.attrs["completed"]) != 0:
            return []  # finished before the kill: compared elsewhere
        m = int(f.attrs["months_completed"])
        finished = {int(t) for t in ref["regions/time"][:m]}

        def visit(name, obj):
            if not isinstance(obj, h5py.Dataset) or name.startswith("snapshots/"):
                return
            other = f.get(name)
            if other is None:
                if m > 0:  # with no month finished, series made in the first month may not exist yet
                    problems.append(f"{name}: missing")
                return
            if obj.dtype.names:  # an event table: the rows of the finished months
                days = obj["time"][()]
                want = obj[()][np.isin(days, list(finished))]
                got = other[()][: len(want)]
                if not same_value(want, got):
                    problems.append(f"{name}: rows of finished months differ")
            elif obj.maxshape and obj.maxshape[0] is None and "_record" not in name:
                if other.shape[0] < m or not same_value(obj[:m], other[:m]):
                    problems.append(f"{name}: finished months differ")

        ref.visititems(visit)
        for month, group in ref["snapshots"].items():
            if not isinstance(group, h5py.Group) or int(group.attrs["time_days"]) not in finished:
                continue
            for table, ds in group.items():
                items = ds.items() if isinstance(ds, h5py.Group) else [("", ds)]
                for col, d in items:
                    key = f"snapshots/{month}/{table}/{col}".rstrip("/")
                    if key not in f or not same_value(d[()], f[key][()]):
                        problems.append(f"{key}: missing or different")
    return problems


def test_kills_lose_no_finished_month(reference, tmp_path):
    ref, duration = reference
    jobs = [("random", i) for i in range(RANDOM_KILLS)] + [("aimed", p) for p in AIMED]

    def one(job):
        kind, what = job
        out = tmp_path / (f"r{what}.h5" if kind == "random" else f"{what[0]}-{what[1]}.h5")
        rc = killed_at_random(out, duration, what) if kind == "random" else killed_at_point(out, *what)
        if not out.exists():
            return job, rc, None, ["no file"]
        try:
            return job, rc, months_completed(out), lost_months(out, ref)
        except Exception as e:  # the file does not open or a dataset does not read
            return job, rc, None, [f"{type(e).__name__}: {e}"]

    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(one, jobs))
    failures = [(job, rc, m, p[:3]) for job, rc, m, p in results if p]
    aimed = [(job, rc, m) for job, rc, m, _ in results if job[0] == "aimed"]
    assert all(rc == -signal.SIGKILL for (kind, _), rc, _ in aimed if kind == "aimed"), aimed
    killed = [m for (kind, _), rc, m, _ in results if rc == -signal.SIGKILL]
    assert len(killed) >= 0.9 * len(jobs), "most runs must be killed before they finish"
    assert failures == [], f"{len(failures)} of {len(jobs)} killed files lost finished months: {failures[:5]}"
    # The files killed in the middle of each kind of write open in the other readers too.
    opened = [tmp_path / f"{p}-{n}.h5" for p, n in AIMED if (months_completed(tmp_path / f"{p}-{n}.h5") or 0) > 0]
    assert len(opened) >= 10
    for path in opened:
        m = months_completed(path)
        with xr.open_dataset(path, group="regions", engine="h5netcdf") as ds:
            assert ds.sizes["time"] >= m and float(ds["labor_force"].isel(time=m - 1).sum()) > 0
        with xr.open_dataset(path, group="panel", engine="h5netcdf") as ds:
            assert ds.sizes["time"] >= m
        if shutil.which("ncdump"):
            res = subprocess.run(["ncdump", "-h", str(path)], capture_output=True, text=True)
            assert res.returncode == 0 and "labor_force" in res.stdout, res.stderr
    if shutil.which("Rscript"):
        script = tmp_path / "read.R"
        script.write_text(R_READER)
        res = subprocess.run(["Rscript", str(script), *map(str, opened[:4])], capture_output=True, text=True)
        assert res.returncode == 0, res.stderr
        assert res.stdout.split() == [str(months_completed(p) > 0).upper() for p in opened[:4]]


# R's hdf5r reads the indicators of each file given: prints TRUE per file. (ncdf4 refuses
# any file with event tables, killed or not: it knows no compound types.)
R_READER = """
library(hdf5r)
for (path in commandArgs(trailingOnly = TRUE)) {
  f <- H5File$new(path, mode = "r")
  lf <- f[["regions/labor_force"]]$read()
  cat(all(lf[, 1] > 0), "\\n")  # the first month: finished in every file given
  f$close_all()
}
"""
