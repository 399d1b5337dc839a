"""Readers for laborsim output files.

Every reader opens the file read-only, loads what it returns into memory and closes the
file again, so a result stays valid after the file is replaced by a new run. Integer
codes (regions, statuses, levels, fields, policies) are turned into names from the code
tables each group carries as attributes (see docs/output.md).
"""

from __future__ import annotations

import os
from typing import Dict, List, Optional, Union

import h5py
import numpy as np
import pandas as pd
import xarray as xr

PathLike = Union[str, os.PathLike]


class DamagedOutputError(OSError):
    """A dataset of an output file does not read back as it was written: a checksum
    (Fletcher-32) mismatch, a filter error or broken file structure. The message names
    the file and the dataset."""


def verify(path: PathLike) -> int:
    """Reads every dataset of an output file whole, so that HDF5 checks its checksums,
    and returns how many there are; raises DamagedOutputError naming the first damaged
    dataset (or where the file's structure broke)."""
    seen = []

    def visit(name, obj):
        seen.append(name)
        if isinstance(obj, h5py.Dataset):
            try:
                obj[()]
            except Exception as e:  # h5py raises OSError or RuntimeError for a bad chunk
                raise DamagedOutputError(f"{path}: /{name}: damaged: {e}") from e
        return None

    try:
        with h5py.File(path, "r") as f:
            f.visititems(visit)
    except DamagedOutputError:
        raise
    except (OSError, RuntimeError, KeyError, ValueError) as e:
        where = f" past /{seen[-1]}" if seen else ""
        raise DamagedOutputError(f"{path}: damaged: its objects cannot be read{where}: {e}") from e
    with h5py.File(path, "r") as f:
        return sum(1 for name in seen if isinstance(f.get(name, getlink=True), h5py.HardLink)
                   and isinstance(f[name], h5py.Dataset))


def _damaged(path: PathLike, error: Exception) -> DamagedOutputError:
    """The error to raise when reading failed: names the damaged dataset when verify finds it."""
    try:
        verify(path)
    except DamagedOutputError as found:
        return found
    return DamagedOutputError(f"{path}: damaged: {error}")


def _guarded(read):
    """Wraps a reader so that a damaged file raises DamagedOutputError naming the dataset,
    not h5py's error about a chunk."""
    import functools

    @functools.wraps(read)
    def wrapper(path, *args, **kwargs):
        try:
            return read(path, *args, **kwargs)
        except (OSError, RuntimeError) as e:
            if isinstance(e, (DamagedOutputError, FileNotFoundError, PermissionError)) or not os.path.isfile(path):
                raise
            raise _damaged(path, e) from e

    return wrapper


def _plain(value):
    """An HDF5 attribute as a plain Python value (str, int, float or list)."""
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if isinstance(value, np.ndarray):
        return [_plain(v) for v in value.tolist()]
    if isinstance(value, np.generic):
        return value.item()
    return value


def _names(attrs, key: str) -> List[str]:
    """A code table attribute as a list (h5netcdf turns 1-element lists into scalars)."""
    if key not in attrs:
        return []
    value = _plain(attrs[key])
    return value if isinstance(value, list) else [value]


def _epoch(units: str) -> pd.Timestamp:
    """The origin of a CF time unit 'days since YYYY-MM-DD'."""
    prefix = "days since "
    if not units.startswith(prefix):
        raise ValueError(f"unexpected time units {units!r} (expected 'days since ...')")
    return pd.Timestamp(units[len(prefix):])


@_guarded
def provenance(path: PathLike) -> Dict[str, object]:
    """The root attributes: version, git revision, build type, scenario text, seed, scale,
    threads, host, start and wall time, months_completed, completed."""
    with h5py.File(path, "r") as f:
        return {k: _plain(v) for k, v in f.attrs.items()}


def _without_bounds(ds: xr.Dataset) -> xr.Dataset:
    """ds less the CF time bounds (a [time, nv] variable that would add a dimension to
    every DataFrame made from ds)."""
    return ds.drop_vars("time_bnds", errors="ignore")


@_guarded
def open_run(path: PathLike) -> xr.Dataset:
    """The monthly indicators of /regions as an xarray.Dataset with dims (time, region) and
    the breakdowns by education and field; `time` is decoded to datetime64. The root
    provenance attributes are merged into ``ds.attrs``. The file's CF bounds `time_bnds`
    (each month's first day and the next month's) are left out: open the group with
    xr.open_dataset to see them."""
    with xr.open_dataset(path, group="regions", engine="h5netcdf") as ds:
        ds = _without_bounds(ds).load()
    ds.attrs.update(provenance(path))
    return ds


def event_kinds(path: PathLike) -> List[str]:
    """The event tables the run recorded (output.events)."""
    with h5py.File(path, "r") as f:
        if "events" not in f:
            return []
        # The tables, not their <kind>_record dimensions (which hold no values).
        return [k for k, v in f["events"].items() if isinstance(v, h5py.Dataset) and v.dtype.names]


def _categorical(codes: np.ndarray, names: List[str], missing: Optional[str] = None) -> pd.Categorical:
    """Codes 0..n-1 to names; negative codes become `missing` (or NaN)."""
    categories = list(names) + ([missing] if missing else [])
    codes = np.asarray(codes, dtype=np.int64)
    if missing:
        codes = np.where(codes < 0, len(names), codes)
    return pd.Categorical.from_codes(np.where(codes < 0, -1, codes), categories=categories)


@_guarded
def events(path: PathLike, kind: str, decode: bool = True) -> pd.DataFrame:
    """One /events/<kind> table as a DataFrame, one row per event, ordered by month and
    then worker id. `time` is the first day of the month (datetime64). With decode=True,
    region, from_region, level, field, status and prev_status become categoricals of names
    (status 'left' = left the population, prev_status 'entered' = new this month) and
    `policy` the policy id; without it the integer codes are kept."""
    with h5py.File(path, "r") as f:
        if "events" not in f or kind not in f["events"]:
            raise KeyError(f"{path}: no /events/{kind}; recorded: {event_kinds(path) if 'events' in f else []}")
        group = f["events"]
        table = group[kind][()]
        attrs = {k: group.attrs[k] for k in group.attrs}
    df = pd.DataFrame.from_records(table) if len(table) else pd.DataFrame(np.zeros(0, dtype=table.dtype))
    df["time"] = _epoch(_plain(attrs["time_units"])) + pd.to_timedelta(df["time"].astype("int64"), unit="D")
    if decode:
        regions = _names(attrs, "region_ids")
        statuses = _names(attrs, "status_names")
        df["region"] = _categorical(df["region"], regions)
        df["from_region"] = _categorical(df["from_region"], regions)
        df["level"] = _categorical(df["level"], _names(attrs, "education_names"))
        df["field"] = _categorical(df["field"], _names(attrs, "field_names"))
        df["status"] = _categorical(df["status"], statuses, missing="left")
        df["prev_status"] = _categorical(df["prev_status"], statuses, missing="entered")
        df["policy"] = _categorical(df["policy"], _names(attrs, "policy_ids"))
    return df


@_guarded
def panel(path: PathLike, as_frame: bool = False) -> Union[xr.Dataset, pd.DataFrame]:
    """The /panel group: sampled workers followed monthly, variables [time, worker] with
    `worker` holding worker ids. Months after a worker left read as NaN (xarray applies
    the _FillValue), so the coded variables come back as floats. With as_frame=True: a
    long DataFrame indexed by (worker, time) with the codes turned into names and the
    months after leaving dropped."""
    with xr.open_dataset(path, group="panel", engine="h5netcdf") as ds:
        ds = _without_bounds(ds).load()
    if not as_frame:
        return ds
    df = ds.drop_vars("worker_id", errors="ignore").to_dataframe()
    df = df[df["status"].notna()].copy()
    tables = {
        "region": _names(ds.attrs, "region_ids"),
        "status": _names(ds.attrs, "status_names"),
        "level": _names(ds.attrs, "education_names"),
        "field": _names(ds.attrs, "field_names"),
    }
    for column, names in tables.items():
        df[column] = _categorical(df[column].astype("int64").to_numpy(), names)
    df["age_months"] = df["age_months"].astype("int64")
    df["employer"] = df["employer"].fillna(-1).astype("int64")
    return df.reorder_levels(["worker", "time"]).sort_index()


@_guarded
def policies(path: PathLike) -> Dict[str, pd.DataFrame]:
    """Every /policies/<id> group as a DataFrame indexed by month (time), one column per
    series (spending_vnd, beneficiaries, ...); the group's attributes (type, start, end,
    annual_budget_vnd) are in ``df.attrs``."""
    out: Dict[str, pd.DataFrame] = {}
    with h5py.File(path, "r") as f:
        if "policies" not in f:
            return out
        for pid, group in f["policies"].items():
            epoch = _epoch(_plain(group["time"].attrs["units"]))
            index = pd.DatetimeIndex(epoch + pd.to_timedelta(group["time"][()], unit="D"), name="time")
            columns = {k: v[()] for k, v in group.items()
                       if k not in ("time", "time_bnds", "nv") and isinstance(v, h5py.Dataset)}
            df = pd.DataFrame(columns, index=index)
            df.attrs = {k: _plain(v) for k, v in group.attrs.items()}
            out[pid] = df
    return out


@_guarded
def snapshots(path: PathLike) -> List[str]:
    """The months (YYYY-MM) with a full agent snapshot."""
    with h5py.File(path, "r") as f:
        return sorted(f["snapshots"].keys()) if "snapshots" in f else []


@_guarded
def snapshot(path: PathLike, month: str, table: str = "workers", decode: bool = True) -> pd.DataFrame:
    """One snapshot table as a DataFrame: table='workers' (indexed by worker id),
    'firms' (by firm index) or 'schools' (by school id). With decode=True the codes become
    categoricals of names as in events() and panel(): region, level, field, status,
    min_level and `course` (the policy id of a running course, NaN for none); without it
    the integer codes are kept."""
    group_path = f"snapshots/{month}" + ("" if table == "workers" else f"/{table}")
    with h5py.File(path, "r") as f:
        if group_path not in f:
            raise KeyError(f"{path}: no /{group_path}; snapshots: {snapshots(path)}")
        g = f[group_path]
        index_name = {"workers": "worker", "firms": "firm", "schools": "school"}[table]
        columns = {k: v[()] for k, v in g.items() if isinstance(v, h5py.Dataset) and k != index_name}
        index = g[index_name][()]
        attrs = {k: f["snapshots"].attrs[k] for k in f["snapshots"].attrs}
    if index.dtype.kind == "O":
        index = [_plain(v) for v in index]
    df = pd.DataFrame(columns, index=pd.Index(index, name=index_name))
    if decode:
        _decode_codes(df, attrs)
    return df


def _decode_codes(df: pd.DataFrame, attrs) -> None:
    """Region, level, field, status, min_level and course codes to names, in place (the
    code tables are the group's region_ids, education_names, ... attributes)."""
    tables = {
        "region": "region_ids",
        "level": "education_names",
        "min_level": "education_names",
        "field": "field_names",
        "status": "status_names",
        "course": "policy_ids",
    }
    for column, key in tables.items():
        if column not in df.columns:
            continue
        codes = df[column].to_numpy().astype(np.int64)
        names = _names(attrs, key) if key in attrs else []
        codes = np.where(codes >= len(names), -1, codes)  # 255: no course
        df[column] = _categorical(codes, names)
