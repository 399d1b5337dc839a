"""A run killed with SIGKILL part-way leaves a readable file: completed = 0 and every month
it reported finished (months_completed) intact in h5py and xarray."""

import os
import signal
import subprocess
import time

import h5py
import numpy as np
import pytest
import xarray as xr

from output_fixtures import QUICKSTART, ROOT, SMALL, laborsim_bin, tmp_dir

# Without this HDF5 1.10 refuses to open a file another process has open for writing.
ENV = dict(os.environ, HDF5_USE_FILE_LOCKING="FALSE")


def months_completed(path):
    try:
        with h5py.File(path, "r") as f:
            return int(f.attrs["months_completed"])
    except (OSError, KeyError):
        return 0  # not created yet, or caught between writes


@pytest.fixture(scope="module")
def killed_run():
    out = tmp_dir() / "killed.h5"
    cmd = [laborsim_bin(), "run", str(QUICKSTART), "-o", str(out), "--quiet", "--force", *SMALL,
           "--set", "calendar.end=2040-12", "--set", "output.snapshots_every_months=3"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=ENV)
    try:
        deadline = time.monotonic() + 120
        while months_completed(out) < 3:
            assert proc.poll() is None, "the run ended before it could be killed"
            assert time.monotonic() < deadline, "no progress in the output file"
            time.sleep(0.01)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    return out


def test_killed_run_opens_in_h5py_with_every_finished_month(killed_run):
    with h5py.File(killed_run, "r") as f:
        assert f.attrs["completed"] == 0
        months = int(f.attrs["months_completed"])
        assert 3 <= months < 240
        time_days = f["regions/time"][:months]
        assert time_days[0] == 0 and (np.diff(time_days) > 0).all()
        labor_force = f["regions/labor_force"][:months]
        assert labor_force.shape == (months, 4) and (labor_force > 0).all()
        assert f["panel/status"].shape[0] >= months
        assert (f["panel/status"][:months, :] >= 0).sum() > 0
        # Every event table reads whole; the finished months' hires are all there.
        finished = [2021 * 100 + 1 + (m // 12) * 100 + m % 12 for m in range(months)]
        for kind, table in f["events"].items():
            if isinstance(table, h5py.Dataset) and table.dtype.names:  # not a <kind>_record dimension
                rows = table[()]
                assert (np.diff(rows["month"]) >= 0).all(), kind
        hires = f["events/hire"][()]
        per_month = np.array([(hires["month"] == ym).sum() for ym in finished])
        flow = np.rint(f["regions/hires"][:months].sum(axis=1) * f.attrs["scale"])
        assert (per_month <= flow).all() and per_month.sum() >= 0.85 * flow.sum()
        assert "2021-03" in f["snapshots"]  # written before months_completed reached 3


def test_killed_run_opens_in_xarray(killed_run):
    with h5py.File(killed_run, "r") as f:
        months = int(f.attrs["months_completed"])
    with xr.open_dataset(killed_run, group="regions", engine="h5netcdf") as ds:
        assert ds.sizes["time"] >= months
        assert np.issubdtype(ds["time"].dtype, np.datetime64)
        assert float(ds["employed"].isel(time=months - 1).sum()) > 0
