"""The output file opens in h5py, xarray (h5netcdf), pandas and ncdump, with named
dimensions, decoded dates and provenance attributes (docs/output.md)."""

import shutil
import subprocess

import h5py
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from output_fixtures import laborsim_bin, small_run

import laborsim

PROVENANCE = ["format_version", "laborsim_version", "git_revision", "build_type", "scenario", "seed", "scale",
              "threads", "host", "start_time", "wall_time_s", "months_completed", "completed"]


def test_h5py_sees_groups_scales_and_provenance():
    path = small_run()
    with h5py.File(path, "r") as f:
        for key in PROVENANCE:
            assert key in f.attrs, key
        assert f.attrs["completed"] == 1
        assert f.attrs["scale"] == pytest.approx(0.005)
        assert "scale: 0.005" in f.attrs["scenario"]
        months = int(f.attrs["months_completed"])
        assert months == 72
        regions = f["regions"]
        assert regions["time"].shape == (months,)
        assert [r.decode() if isinstance(r, bytes) else r for r in regions["region"][()]] == \
            ["cao-bang", "bac-kan", "quang-ninh", "hai-phong"]
        assert regions["labor_force"].shape == (months, 4)
        assert regions["labor_force"].attrs["units"] == "1"  # UDUNITS; the words in units_metadata
        assert regions["labor_force"].attrs["units_metadata"] == "persons"
        assert regions["time"].attrs["units"] == "days since 2021-01-01"
        assert set(f) >= {"regions", "policies", "panel", "events", "snapshots"}
        assert f["panel/region"].shape == (months, 300)
        assert sorted(f["snapshots"]) == ["2022-12", "2024-12", "2026-12"]


def test_xarray_opens_regions_with_named_dims_and_dates():
    path = small_run()
    with xr.open_dataset(path, group="regions", engine="h5netcdf") as ds:
        assert ds["trained_rate"].dims == ("time", "region")
        assert ds["labor_force_by_education"].dims == ("time", "region", "education")
        assert np.issubdtype(ds["time"].dtype, np.datetime64)
        times = pd.DatetimeIndex(ds["time"].values)
        assert times[0] == pd.Timestamp("2021-01-01") and times[-1] == pd.Timestamp("2026-12-01")
        assert (times.day == 1).all() and times.is_monotonic_increasing
        assert list(ds["region"].values) == ["cao-bang", "bac-kan", "quang-ninh", "hai-phong"]
        rate = ds["trained_rate"].sel(region="cao-bang", time="2024-06")
        assert 0 < float(rate) < 1
        # to_dataframe indexes by the two coordinates.
        df = ds["unemployment_rate"].to_dataframe()
        assert list(df.index.names) == ["time", "region"]


def test_open_run_carries_provenance_and_matches_h5py():
    path = small_run()
    ds = laborsim.open_run(path)
    assert ds.attrs["completed"] == 1
    assert ds.attrs["seed"] == 20210101
    assert ds.attrs["build_type"]
    with h5py.File(path, "r") as f:
        np.testing.assert_array_equal(ds["employed"].values, f["regions/employed"][()])
    # The labour force is the employed plus the unemployed, in every region and month.
    np.testing.assert_allclose(ds["labor_force"], ds["employed"] + ds["unemployed"], rtol=1e-12)


def test_policies_load_as_dataframes():
    path = small_run()
    pols = laborsim.policies(path)
    assert list(pols) == ["cb-rural-training"]
    df = pols["cb-rural-training"]
    assert isinstance(df.index, pd.DatetimeIndex) and len(df) == 72
    assert df.attrs["type"] == "vocational_training_quota"
    assert (df["beneficiaries"] >= 0).all() and df["beneficiaries"].sum() > 0


def test_panel_and_snapshots_open_in_xarray():
    path = small_run()
    with xr.open_dataset(path, group="panel", engine="h5netcdf") as ds:
        assert ds["status"].dims == ("time", "worker")
        assert np.issubdtype(ds["time"].dtype, np.datetime64)
        assert ds.sizes["worker"] == 300
    with xr.open_dataset(path, group="snapshots/2024-12", engine="h5netcdf") as ds:
        assert ds["wage_vnd"].dims == ("worker",)
        assert (np.diff(ds["worker"].values.astype(np.int64)) > 0).all()  # rows by worker id


def test_info_lists_events_panel_and_snapshots():
    out = subprocess.run([laborsim_bin(), "info", str(small_run())], capture_output=True, text=True, check=True).stdout
    assert "panel:      300 workers followed for 72 months" in out
    assert "events:" in out and " hire " in out and " policy " in out
    assert "snapshots:  3 (every 24 months)" in out
    assert "(completed)" in out


@pytest.mark.skipif(shutil.which("ncdump") is None, reason="ncdump (netcdf-bin) not installed")
def test_ncdump_reads_the_header():
    proc = subprocess.run(["ncdump", "-h", str(small_run())], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "group: regions" in proc.stdout
    assert "time = UNLIMITED ; // (72 currently)" in proc.stdout
    assert "compound event_record" in proc.stdout
