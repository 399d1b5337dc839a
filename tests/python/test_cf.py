"""The output file follows CF-1.8 as far as each rule below goes (Debian 12 packages no CF
checker, so each rule is a test), and opens in every reader docs/output.md names: h5py,
xarray with engine h5netcdf and netcdf4, ncdump, R's ncdf4 and hdf5r."""

import re
import shutil
import subprocess

import h5py
import numpy as np
import pandas as pd
import pytest
import xarray as xr

from output_fixtures import run, small_run

import laborsim


def policy_run():
    """The quickstart (it has a policy) at a small scale, with panel, events and snapshots."""
    return small_run()


def each_dataset(f):
    out = []
    f.visititems(lambda name, obj: out.append((name, obj)) if isinstance(obj, h5py.Dataset) else None)
    return out


def text(v):
    return v.decode() if isinstance(v, bytes) else str(v)


@pytest.mark.skipif(shutil.which("udunits2") is None, reason="udunits-bin not installed (tools/setup)")
def test_every_units_attribute_is_a_udunits_unit():
    units = set()
    with h5py.File(policy_run(), "r") as f:
        for _, ds in each_dataset(f):
            if "units" in ds.attrs:
                units.add(text(ds.attrs["units"]))
    assert {"1", "month-1"} <= units, units
    for u in sorted(units):
        proc = subprocess.run(["udunits2", "-H", u, "-W", ""], capture_output=True, text=True, input="")
        assert "recognize" not in proc.stderr + proc.stdout and proc.returncode == 0, (u, proc.stderr)


def test_counts_and_money_say_what_they_count():
    with h5py.File(policy_run(), "r") as f:
        lf = f["regions/labor_force"].attrs
        assert (text(lf["units"]), text(lf["units_metadata"])) == ("1", "persons")
        wage = f["regions/mean_wage"].attrs
        assert (text(wage["units"]), text(wage["currency"])) == ("month-1", "VND")
        spend = f["policies/cb-rural-training/spending_vnd"].attrs
        assert (text(spend["units"]), text(spend["currency"])) == ("1", "VND")


def time_varying(f):
    """(name, dataset) of every /regions and /policies variable along time."""
    for name, ds in each_dataset(f):
        if name.split("/")[0] not in ("regions", "policies") or name.split("/")[-1] in ("time", "time_bnds"):
            continue
        if ds.ndim >= 1 and list(ds.dims[0].keys()) == ["time"]:
            yield name, ds


def test_cell_methods_tell_flows_from_stocks():
    with h5py.File(policy_run(), "r") as f:
        found = dict(time_varying(f))
        assert "regions/hires" in found and "policies/cb-rural-training/trained" in found
        for name, ds in found.items():
            assert text(ds.attrs["cell_methods"]) in ("time: sum", "time: point", "time: mean"), name
        assert text(f["regions/hires"].attrs["cell_methods"]) == "time: sum"
        assert text(f["regions/employed"].attrs["cell_methods"]) == "time: point"
        assert text(f["policies/cb-rural-training/spending_vnd"].attrs["cell_methods"]) == "time: sum"


def test_time_bounds_cover_each_month_in_every_group_with_time():
    path = policy_run()
    with h5py.File(path, "r") as f:
        groups = [g for g in ["regions", "panel"] + [f"policies/{p}" for p in f["policies"]] if f"{g}/time" in f]
    assert len(groups) >= 3
    for g in groups:
        ds = xr.open_dataset(path, group=g, engine="h5netcdf")
        assert ds["time"].attrs["bounds"] == "time_bnds", g
        b = ds["time_bnds"].values
        assert b.shape == (ds.sizes["time"], 2), g
        np.testing.assert_array_equal(b[:, 0], ds["time"].values)
        np.testing.assert_array_equal(b[:-1, 1], ds["time"].values[1:])
        assert (pd.DatetimeIndex(b[:, 1]).day == 1).all()


def test_global_attributes():
    with h5py.File(policy_run(), "r") as f:
        for key in ("title", "institution", "source", "history", "references"):
            assert text(f.attrs[key]).strip(), key
        assert text(f.attrs["Conventions"]) == "CF-1.8"


def test_long_names_are_short_with_the_sentence_in_description():
    with h5py.File(policy_run(), "r") as f:
        for name, ds in each_dataset(f):
            if "long_name" in ds.attrs and name.split("/")[0] in ("regions", "policies"):
                assert len(text(ds.attrs["long_name"])) < 40, name
        assert "description" in f["regions/labor_force"].attrs
        for coord in ("education", "field", "region"):
            assert text(f[f"regions/{coord}"].attrs["long_name"]), coord


def test_event_tables_have_named_dimensions():
    path = policy_run()
    with h5py.File(path, "r") as f:
        kinds = list(f["events"].attrs["kinds"])
        for k in kinds:
            k = text(k)
            dim = f[f"events/{k}"].dims[0]
            assert len(dim) == 1, k
            assert dim[0].shape == f[f"events/{k}"].shape, k
    header = subprocess.run(["ncdump", "-h", str(path)], capture_output=True, text=True) \
        if shutil.which("ncdump") else None
    if header is not None:
        assert header.returncode == 0, header.stderr
        assert "phony_dim" not in header.stdout
        assert "hire_record = UNLIMITED" in header.stdout


def test_codes_decode_the_same_in_every_loader():
    path = policy_run()
    snap = laborsim.snapshot(path, "2026-12")
    panel = laborsim.panel(path, as_frame=True)
    events = laborsim.events(path, "hire")
    regions = set(laborsim.open_run(path)["region"].values)
    for column in ("region", "level", "field", "status"):
        assert isinstance(snap[column].dtype, pd.CategoricalDtype), column
        assert list(snap[column].cat.categories) == list(panel[column].cat.categories), column
    assert set(snap["region"].dropna()) <= regions
    assert list(events["region"].cat.categories) == list(snap["region"].cat.categories)
    raw = laborsim.snapshot(path, "2026-12", decode=False)
    assert raw["region"].dtype.kind in "iu"
    # The same worker in the panel's last month and the snapshot: same names.
    last = panel.xs(panel.index.get_level_values("time").max(), level="time")
    common = last.index.intersection(snap.index)
    assert len(common) > 0
    pd.testing.assert_series_equal(last.loc[common, "region"].astype(str), snap.loc[common, "region"].astype(str),
                                   check_names=False)


def test_h5py_and_both_xarray_engines_read_the_quickstart():
    path = run("quickstart")
    with h5py.File(path, "r") as f:
        u = f["regions/unemployment_rate"][()]
    for engine in ("h5netcdf", "netcdf4"):
        pytest.importorskip(engine if engine == "h5netcdf" else "netCDF4")
        with xr.open_dataset(path, group="regions", engine=engine) as ds:
            np.testing.assert_array_equal(ds["unemployment_rate"].transpose("time", "region").values, u)
            assert ds["time"].dtype.kind == "M" and ds["region"].values[0] == "cao-bang"
        with xr.open_dataset(path, group="policies/cb-rural-training", engine=engine) as ds:
            assert ds["spending_vnd"].sum() > 0


@pytest.mark.skipif(shutil.which("ncdump") is None, reason="netcdf-bin not installed (tools/setup)")
def test_ncdump_reads_the_header():
    proc = subprocess.run(["ncdump", "-h", str(run("quickstart"))], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"double unemployment_rate\(time, region\)", proc.stdout)
    assert "time_bnds(time, nv)" in proc.stdout


R_SCRIPT = """
args <- commandArgs(trailingOnly = TRUE)
library(ncdf4)
nc <- nc_open(args[1])
u <- ncvar_get(nc, "regions/unemployment_rate")
cat("ncdf4", sprintf("%.12g", mean(u)), "\\n")
nc_close(nc)
library(hdf5r)
f <- H5File$new(args[1], mode = "r")
v <- f[["regions/unemployment_rate"]]$read()
cat("hdf5r", sprintf("%.12g", mean(v)), "\\n")
f$close_all()
"""


@pytest.mark.skipif(shutil.which("Rscript") is None, reason="R not installed (tools/setup installs r-base-core)")
def test_r_reads_the_unemployment_rate_with_ncdf4_and_hdf5r(tmp_path):
    path = run("quickstart")
    script = tmp_path / "read.R"
    script.write_text(R_SCRIPT)
    proc = subprocess.run(["Rscript", str(script), str(path)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    with h5py.File(path, "r") as f:
        mean = float(np.mean(f["regions/unemployment_rate"][()]))
    got = dict(line.split() for line in proc.stdout.splitlines() if line.strip())
    assert float(got["ncdf4"]) == pytest.approx(mean, rel=1e-9)
    assert float(got["hdf5r"]) == pytest.approx(mean, rel=1e-9)
