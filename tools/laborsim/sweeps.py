"""Sweep summaries as pandas DataFrames.

A sweep folder (``laborsim sweep SPEC``) holds ``summary.h5`` and ``summary.csv`` with one row
per run: ``run_id``, ``point``, ``replicate``, ``seed``, one column per swept key (named by its
key path), ``status`` and one column per outcome, named ``indicator:region:YYYY-MM``.

>>> from laborsim.sweeps import load_summary, outcome_columns
>>> df = load_summary("results/sweeps/quickstart-lhs")
>>> df[df.status == "ok"].groupby("point")[outcome_columns(df)].mean()
"""
from __future__ import annotations

import os

import pandas as pd

__all__ = ["load_summary", "parameter_columns", "outcome_columns", "outcomes_long", "point_means"]

RUN_COLUMNS = ("run_id", "point", "replicate", "seed", "status")


def _decode(values):
    if values.dtype.kind in ("O", "S"):
        return [v.decode("utf-8") if isinstance(v, bytes) else str(v) for v in values]
    return values


def load_summary(folder: str, source: str = "h5") -> pd.DataFrame:
    """One row per run, indexed by ``run_id`` (kept as a column too), columns in summary order.

    ``source="h5"`` reads summary.h5 (exact doubles, column roles in ``df.attrs``);
    ``source="csv"`` reads summary.csv (no h5py needed). Failed or pending runs have NaN
    outcomes; filter on ``df.status == "ok"``.
    """
    if source == "csv":
        df = pd.read_csv(os.path.join(folder, "summary.csv"), dtype={"run_id": str, "status": str},
                         float_precision="round_trip")  # the file holds shortest round-trip text
        roles = {c: ("run" if c in RUN_COLUMNS else "outcome" if c.count(":") == 2 else "parameter") for c in df.columns}
    elif source == "h5":
        import h5py

        with h5py.File(os.path.join(folder, "summary.h5"), "r") as f:
            columns = f.attrs["columns"]
            columns = (columns.decode() if isinstance(columns, bytes) else columns).split("\n")
            data = {c: _decode(f[c][()]) for c in columns}
            roles = {c: ("run" if c == "run_id" else f[c].attrs["role"]) for c in columns}
            roles = {c: (r.decode() if isinstance(r, bytes) else r) for c, r in roles.items()}
            name = f.attrs["sweep_name"]
        df = pd.DataFrame(data, columns=columns)
        df.attrs["sweep_name"] = name.decode() if isinstance(name, bytes) else name
    else:
        raise ValueError(f"source must be 'h5' or 'csv', got {source!r}")
    df.attrs["parameters"] = [c for c, r in roles.items() if r == "parameter"]
    df.attrs["outcomes"] = [c for c, r in roles.items() if r == "outcome"]
    df.index = pd.Index(df["run_id"], name="run")
    return df


def parameter_columns(df: pd.DataFrame) -> list[str]:
    """The swept keys, in spec order."""
    return list(df.attrs.get("parameters", []))


def outcome_columns(df: pd.DataFrame) -> list[str]:
    """The ``indicator:region:YYYY-MM`` columns."""
    return list(df.attrs.get("outcomes", []))


def outcomes_long(df: pd.DataFrame) -> pd.DataFrame:
    """Outcomes as a tidy table: one row per run, indicator, region and date, with the
    run's parameters alongside (handy for seaborn or groupby)."""
    params = parameter_columns(df)
    long = df.melt(id_vars=["run_id", "point", "replicate", "seed", "status", *params],
                   value_vars=outcome_columns(df), var_name="outcome", value_name="value")
    parts = long["outcome"].str.split(":", expand=True)
    long["indicator"], long["region"], long["date"] = parts[0], parts[1], parts[2]
    return long.drop(columns="outcome")


def point_means(df: pd.DataFrame, outcomes=None) -> pd.DataFrame:
    """One row per point: the point's parameter values (numbers or text: list-valued
    parameters such as a course level keep their value) and the mean of each outcome over
    its ok replicates, with ``replicates_ok`` counting them. Points without an ok run are
    left out."""
    params = parameter_columns(df)
    outcomes = outcome_columns(df) if outcomes is None else list(outcomes)
    ok = df[df.status == "ok"]
    grouped = ok.groupby("point")
    out = grouped[params].first().join(grouped[outcomes].mean())
    out["replicates_ok"] = grouped.size()
    return out
