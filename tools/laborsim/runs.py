"""Many runs as one xarray Dataset: replicate folders, sweep folders, globs of run files;
and the `all` region (the national value) as `laborsim compare` defines it.

Each file is opened with h5netcdf, loaded into memory and closed; the datasets are then
concatenated along a new dimension. No dask is involved, so this needs only Debian's
python3-xarray and python3-h5netcdf; memory is the sum of the files' /regions groups.
"""

from __future__ import annotations

import csv
import glob
import json
import os
import re
from typing import Dict, List, Sequence, Union

import numpy as np
import xarray as xr

from .io import PathLike, open_run

# How the `all` region is formed, exactly as sim/analysis/compare.cpp does it for
# `laborsim compare --regions all`: head counts and monthly flows are summed over regions;
# rates are weighted by the count they are a share of; percentiles and the remaining
# rates have no national value (NaN).
SUMMED = (
    "labor_force", "employed", "unemployed", "students", "vacancies", "hires", "separations",
    "enrolments", "graduates", "migration_in", "migration_out", "population", "entrants", "exits",
    "dropouts", "layoffs", "students_abroad", "abroad_departures", "abroad_returns", "abroad_emigrants",
    "inactive", "neet_youth", "formal_employed", "population_15plus",
    "labor_force_by_education", "employed_by_field", "enrolments_by_education", "graduates_by_education",
)
WEIGHTS = {
    "unemployment_rate": "labor_force", "trained_rate": "labor_force", "certified_rate": "labor_force",
    "high_quality_rate": "labor_force", "mean_skill": "labor_force", "mean_wage": "employed",
    "mismatch_rate": "employed", "doctors_per_10k": "population", "vacancy_filling_rate": "vacancies",
    "participation_rate": "population_15plus", "informal_share": "employed",
    "formal_mean_wage": "formal_employed", "formal_at_minimum_share": "formal_employed",
}

_RUN_ID = re.compile(r"^p(\d+)-r(\d+)$")


def national(ds: xr.Dataset, name: str = "all") -> xr.Dataset:
    """The national aggregate of a Dataset with a ``region`` dimension (from ``open_run`` or
    ``open_runs``): one value per remaining coordinate, the region dimension dropped.

    Counts and flows (``labor_force``, ``hires``, the ``*_by_education`` breakdowns, ...) are
    summed; rates are weighted by their base (``unemployment_rate`` and the education rates by
    ``labor_force``, ``mean_wage`` and ``mismatch_rate`` by ``employed``, ``doctors_per_10k``
    by ``population``, ``vacancy_filling_rate`` by ``vacancies``, ``participation_rate`` by
    ``population_15plus``, ``informal_share`` by ``employed``, the formal wage figures by
    ``formal_employed``); percentiles and the other
    rates become NaN. This is the definition ``laborsim compare --regions all`` uses.
    The result has a scalar ``region`` coordinate equal to ``name``.
    """
    out = {}
    for var, da in ds.data_vars.items():
        if "region" not in da.dims:
            continue
        if var in SUMMED:
            agg = da.sum("region", skipna=False)
        elif var in WEIGHTS and WEIGHTS[var] in ds:
            w = ds[WEIGHTS[var]]
            agg = (da * w).sum("region", skipna=False) / w.sum("region", skipna=False)
        else:
            agg = xr.full_like(da.isel(region=0, drop=True), np.nan, dtype=float)
        agg.attrs = dict(da.attrs)
        out[var] = agg
    result = xr.Dataset(out, attrs=dict(ds.attrs))
    return result.assign_coords(region=name)


def with_all_region(ds: xr.Dataset, name: str = "all") -> xr.Dataset:
    """``ds`` with one more region, ``name`` (default ``"all"``), holding ``national(ds)``;
    so ``ds.sel(region="all")`` gives the national series next to the provinces'."""
    agg = national(ds, name).expand_dims("region")
    keep = [v for v in ds.data_vars if "region" in ds[v].dims]
    return xr.concat([ds[keep], agg[keep]], dim="region", combine_attrs="override")


def _same_values(raw, values) -> bool:
    raw = [v.decode("utf-8") if isinstance(v, bytes) else v for v in np.asarray(raw).tolist()]
    return raw == np.asarray(values).tolist()


def _like(template: xr.Dataset, template_raw_time: np.ndarray, path: str) -> xr.Dataset:
    """Run file ``path`` read with h5py into the structure of ``template`` (an ``open_run``
    result of a run of the same sweep or replicate set); ``open_run`` when the structure
    differs. h5netcdf takes ~1 s per file to size unlimited dimensions, h5py a few ms."""
    import h5py

    with h5py.File(path, "r") as f:
        g = f["regions"]
        raw_time = g["time"][()]
        n = len(raw_time)
        same = (n <= len(template_raw_time) and np.array_equal(raw_time, template_raw_time[:n])
                and all(v in g and g[v].shape[1:] == template[v].shape[1:] for v in template.data_vars)
                and all(_same_values(g[c][()], template[c].values) for c in template.coords if c != "time" and c in g))
        if not same:
            return open_run(path)
        out = template.isel(time=slice(0, n)).copy(deep=False)
        for v in template.data_vars:
            arr = g[v][:n].astype(template[v].dtype, copy=False)
            fill = template[v].encoding.get("_FillValue")
            if fill is not None and arr.dtype.kind == "f":
                arr = np.where(arr == fill, np.nan, arr)
            out[v] = (template[v].dims, arr, template[v].attrs)
        out.attrs = {k: v for k, v in template.attrs.items()}
    from .io import provenance

    out.attrs.update(provenance(path))
    return out


def _open_all(paths: Sequence[str]) -> List[xr.Dataset]:
    import h5py

    first = open_run(paths[0])
    with h5py.File(paths[0], "r") as f:
        raw_time = f["regions/time"][()]
    return [first] + [_like(first, raw_time, p) for p in paths[1:]]


def _concat(datasets: List[xr.Dataset], dim: str) -> xr.Dataset:
    # Runs cut short hold fewer months: an outer join on time pads them with NaN.
    return xr.concat(datasets, dim=dim, join="outer", coords="minimal", compat="override",
                     combine_attrs="drop_conflicts")


def _numeric_or_text(values: Sequence[str]):
    try:
        return np.array([float(v) for v in values])
    except ValueError:
        return np.array(values, dtype=object)


def _open_replicate_folder(folder: str, manifest: Dict) -> xr.Dataset:
    reps = [r for r in manifest.get("replicates", []) if r.get("completed")]
    if not reps:
        raise FileNotFoundError(f"{folder}: the manifest lists no completed replicate")
    datasets = _open_all([os.path.join(folder, r["file"]) for r in reps])
    ds = _concat(datasets, "replicate")
    return ds.assign_coords(replicate=[int(r["index"]) for r in reps],
                            seed=("replicate", np.array([int(r["seed"]) for r in reps], dtype=np.uint64)),
                            file=("replicate", [r["file"] for r in reps]))


def _read_plan(folder: str):
    """The sweep's plan.tsv: run ids, seeds and parameter values (text), in plan order."""
    with open(os.path.join(folder, "plan.tsv"), newline="") as f:
        rows = [line for line in csv.reader((l for l in f if not l.startswith("#")), delimiter="\t")]
    header, body = rows[0], [r for r in rows[1:] if r]
    return header[2:], body


def _open_sweep_folder(folder: str) -> xr.Dataset:
    keys, plan = _read_plan(folder)
    runs = []
    for row in plan:
        path = os.path.join(folder, "runs", row[0] + ".h5")
        if os.path.isfile(path):  # only complete runs carry their final name
            runs.append(row)
    if not runs:
        raise FileNotFoundError(f"{folder}: no complete run files under runs/ (has the sweep run?)")
    ds = _concat(_open_all([os.path.join(folder, "runs", r[0] + ".h5") for r in runs]), "run")
    ids = [r[0] for r in runs]
    coords = {
        "run": ids,
        "point": ("run", [int(_RUN_ID.match(i).group(1)) for i in ids]),
        "replicate": ("run", [int(_RUN_ID.match(i).group(2)) for i in ids]),
        "seed": ("run", np.array([int(r[1]) for r in runs], dtype=np.uint64)),
    }
    for j, key in enumerate(keys):
        coords[key] = ("run", _numeric_or_text([r[2 + j] for r in runs]))
    ds = ds.assign_coords(coords)
    ds.attrs["sweep_parameters"] = list(keys)
    return ds


def open_runs(source: Union[PathLike, Sequence[PathLike]]) -> xr.Dataset:
    """The /regions group of many runs as one xarray.Dataset.

    source is one of:

    - a replicate folder (``laborsim run SCENARIO --replicates N -o FOLDER``, with its
      manifest.json): dims (replicate, time, region, ...); coordinates ``replicate``
      (index), ``seed`` and ``file`` along it;
    - a sweep folder (``laborsim sweep SPEC``, with its plan.tsv): dims (run, time, region,
      ...); coordinates ``run`` (the run id, e.g. ``p0003-r01``), ``point``, ``replicate``,
      ``seed`` and one per swept key (named by its key path, numeric when its values are)
      along ``run``. Only complete runs (``runs/<id>.h5``) are included;
    - a glob pattern or a list of run files: dim ``run``, coordinate ``file``.

    Root attributes shared by every run stay in ``ds.attrs``. Runs with fewer months (cut
    short) are padded with NaN. Use ``national(ds)`` or ``with_all_region(ds)`` for the
    national aggregate, and ``ds.mean("replicate")`` or ``ds.groupby("point").mean()`` to
    average replicates.
    """
    if not isinstance(source, (str, os.PathLike)):
        files = [os.fspath(p) for p in source]
    else:
        path = os.fspath(source)
        if os.path.isdir(path):
            manifest_path = os.path.join(path, "manifest.json")
            if os.path.isfile(os.path.join(path, "plan.tsv")):
                return _open_sweep_folder(path)
            if os.path.isfile(manifest_path):
                with open(manifest_path) as f:
                    manifest = json.load(f)
                if manifest.get("format") == "laborsim-run-folder":
                    return _open_replicate_folder(path, manifest)
            files = sorted(glob.glob(os.path.join(path, "*.h5")))
        else:
            files = sorted(glob.glob(path)) if glob.has_magic(path) else [path]
    if not files:
        raise FileNotFoundError(f"{source}: no run files")
    ds = _concat(_open_all(files), "run")
    return ds.assign_coords(run=np.arange(len(files)), file=("run", files))
