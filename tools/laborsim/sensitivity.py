"""Global sensitivity analysis: Sobol indices on a Saltelli design, Morris screening.

Sobol indices (variance-based): the first-order index S1_i is the share of the outcome's
variance explained by parameter i alone; the total index ST_i adds every interaction that
involves i (1 - ST_i is what remains when only i is unknown). Estimators, from a Saltelli
design of N base samples (matrices A, B and AB_i = A with column i from B):

    V     = Var([f(A), f(B)])
    S1_i  = mean(f(B) (f(AB_i) - f(A))) / V           (Saltelli et al. 2010, table 2 (b))
    ST_i  = mean((f(A) - f(AB_i))^2) / (2 V)          (Jansen 1999; Saltelli et al. 2010 (f))

Confidence intervals: percentile bootstrap over the N base samples (rows of A, B and the
AB_i resampled together). The design's points are stored per base sample j as A_j, AB_1j,
..., AB_dj, B_j, both here and in a sweep with ``sampling: {method: saltelli, points: N}``
(sim/sweep/sweep_plan.cpp), so ``sobol_indices`` reads either.

Morris elementary effects (Morris 1991, with mu* of Campolongo et al. 2007): r
trajectories of d + 1 points on a p-level grid, each step moving one parameter by
delta = p / (2 (p - 1)); per parameter mu (mean effect), mu* (mean absolute effect: the
screening measure) and sigma (spread: non-linearity or interactions).

Validated on the Ishigami function (tests/python/test_sensitivity.py).
"""

from __future__ import annotations

import os
import warnings
from typing import Optional, Sequence

import numpy as np
import pandas as pd

__all__ = [
    "saltelli_sample", "sobol_indices", "sobol_series", "sweep_sobol",
    "morris_sample", "morris_effects", "ishigami", "scale_sample",
]


def saltelli_sample(d: int, n: int, seed: Optional[int] = None) -> np.ndarray:
    """Saltelli's design in [0, 1)^d: an array of n (d + 2) rows ordered per base sample j
    as A_j, AB_1j, ..., AB_dj, B_j. A and B are the first and last d columns of a 2d-
    dimensional Sobol sequence: unscrambled from its second point when seed is None (the
    same points as a sweep's ``method: saltelli``), Owen-scrambled with that seed otherwise.
    Use a power of two for n."""
    from scipy.stats import qmc

    if seed is None:
        engine = qmc.Sobol(2 * d, scramble=False)
        engine.fast_forward(1)  # the first point is the origin; the planner skips it too
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # "balance properties": n + 1 points in all
            u = engine.random(n)
    else:
        u = qmc.Sobol(2 * d, scramble=True, seed=seed).random(n)
    a, b = u[:, :d], u[:, d:]
    out = np.empty((n, d + 2, d))
    out[:, 0] = a
    for i in range(d):
        out[:, i + 1] = a
        out[:, i + 1, i] = b[:, i]
    out[:, d + 1] = b
    return out.reshape(n * (d + 2), d)


def scale_sample(unit: np.ndarray, bounds: Sequence[Sequence[float]]) -> np.ndarray:
    """Maps a design in [0, 1)^d onto the ranges ``bounds`` = [[low, high], ...]."""
    b = np.asarray(bounds, dtype=float)
    return b[:, 0] + unit * (b[:, 1] - b[:, 0])


def _split(y: np.ndarray, d: int):
    y = np.asarray(y, dtype=float)
    if y.shape[0] % (d + 2):
        raise ValueError(f"{y.shape[0]} outcomes do not make whole Saltelli blocks of d + 2 = {d + 2}")
    blocks = y.reshape(y.shape[0] // (d + 2), d + 2, *y.shape[1:])
    return blocks[:, 0], blocks[:, 1:d + 1], blocks[:, d + 1]  # f(A) [n, ...], f(AB) [n, d, ...], f(B)


def _estimate(fa, fab, fb):
    """S1 and ST along axis -2 (parameters) from arrays [..., n, (d,) ...] with n on axis -2
    for fa/fb and -3 for fab; returns arrays [..., d, ...]."""
    v = np.var(np.concatenate([fa, fb], axis=-2), axis=-2, ddof=1)
    fa_, fb_ = fa[..., :, None, :], fb[..., :, None, :]
    with np.errstate(invalid="ignore", divide="ignore"):  # an outcome that never varies: NaN
        s1 = np.mean(fb_ * (fab - fa_), axis=-3) / v[..., None, :]
        st = 0.5 * np.mean((fa_ - fab) ** 2, axis=-3) / v[..., None, :]
    return s1, st


def sobol_indices(y, d: Optional[int] = None, names: Optional[Sequence[str]] = None, n_boot: int = 1000,
                  level: float = 0.95, seed: int = 0) -> pd.DataFrame:
    """First-order (S1) and total (ST) Sobol indices with percentile-bootstrap intervals.

    y: outcomes in Saltelli order (``saltelli_sample``, or a ``method: saltelli`` sweep's
    points), shape [n (d + 2)] or [n (d + 2), k] for k outcomes (e.g. months of a time
    series). d: number of parameters (default ``len(names)``). names: parameter names.
    Returns a DataFrame indexed by parameter (and by outcome, the outer level, when y is
    2-D) with columns S1, S1_low, S1_high, ST, ST_low, ST_high. The bootstrap resamples
    the N base samples n_boot times (seeded by ``seed``, so results are reproducible).
    """
    if d is None:
        if names is None:
            raise ValueError("give d or names")
        d = len(names)
    names = list(names) if names is not None else [f"x{i + 1}" for i in range(d)]
    y = np.asarray(y, dtype=float)
    one = y.ndim == 1
    y2 = y[:, None] if one else y
    fa, fab, fb = _split(y2, d)  # [n, k], [n, d, k], [n, k]
    s1, st = _estimate(fa, fab, fb)  # [d, k]
    rng = np.random.default_rng(seed)
    n = fa.shape[0]
    idx = rng.integers(0, n, size=(n_boot, n))
    b1, bt = _estimate(fa[idx], fab[idx], fb[idx])  # [n_boot, d, k]
    alpha = (1 - level) / 2
    q = lambda a, p: np.quantile(a, p, axis=0)  # noqa: E731
    table = {
        "S1": s1, "S1_low": q(b1, alpha), "S1_high": q(b1, 1 - alpha),
        "ST": st, "ST_low": q(bt, alpha), "ST_high": q(bt, 1 - alpha),
    }
    k = y2.shape[1]
    frames = []
    for j in range(k):
        frames.append(pd.DataFrame({c: v[:, j] for c, v in table.items()}, index=pd.Index(names, name="parameter")))
    if one:
        return frames[0]
    return pd.concat(frames, keys=range(k), names=["outcome", "parameter"])


def _spec_of_summary(folder: str):
    import h5py
    import yaml

    with h5py.File(os.path.join(folder, "summary.h5"), "r") as f:
        text = f.attrs["sweep_spec"]
    spec = yaml.safe_load(text.decode() if isinstance(text, bytes) else text)
    sampling = spec.get("sampling") or {}
    if sampling.get("method") != "saltelli":
        raise ValueError(f"{folder}: Sobol indices need a `sampling: {{method: saltelli}}` sweep, "
                         f"this one is {sampling.get('method', 'grid')}")
    return [p["key"] for p in spec["parameters"]], int(sampling["points"])


def sweep_sobol(folder: str, outcome: str, **kwargs) -> pd.DataFrame:
    """Sobol indices of one summary column (``indicator:region:YYYY-MM``) of a
    ``method: saltelli`` sweep folder. Replicates are averaged per point first (so
    replicate noise is averaged down, not attributed to parameters); every point needs at
    least one ok run. Keyword arguments go to ``sobol_indices``."""
    from .sweeps import load_summary

    names, n = _spec_of_summary(folder)
    df = load_summary(folder)
    y = df[df.status == "ok"].groupby("point")[outcome].mean().reindex(range(n * (len(names) + 2)))
    if y.isna().any():
        raise ValueError(f"{folder}: points without an ok run: {list(y.index[y.isna()])[:10]}")
    return sobol_indices(y.to_numpy(), names=names, **kwargs)


def sobol_series(folder: str, indicator: str, region: str = "all", **kwargs) -> pd.DataFrame:
    """Sobol indices of an indicator at every simulated month of a ``method: saltelli``
    sweep: the run files are read with ``open_runs``, replicates averaged per point, and
    region ``"all"`` is the national value (``laborsim.national``). Returns a DataFrame
    indexed by (time, parameter) with the columns of ``sobol_indices``."""
    from .runs import national, open_runs

    names, n = _spec_of_summary(folder)
    ds = open_runs(folder)
    da = national(ds)[indicator] if region == "all" else ds[indicator].sel(region=region)
    by_point = da.groupby("point").mean("run").reindex(point=range(n * (len(names) + 2)))
    if bool(by_point.isnull().all("time").any()):
        raise ValueError(f"{folder}: some points have no complete run")
    res = sobol_indices(by_point.transpose("point", "time").values, names=names, **kwargs)
    times = pd.DatetimeIndex(by_point.time.values, name="time")
    return res.set_axis(pd.MultiIndex.from_arrays([times[res.index.get_level_values(0)],
                                                   res.index.get_level_values(1)]), axis=0)


def morris_sample(d: int, r: int, levels: int = 4, seed: int = 0) -> np.ndarray:
    """r Morris trajectories in [0, 1]^d, an array of r (d + 1) rows: each trajectory starts
    on a random point of the ``levels``-level grid and moves one parameter at a time (in a
    random order, up or down) by delta = levels / (2 (levels - 1))."""
    rng = np.random.default_rng(seed)
    delta = levels / (2 * (levels - 1))
    grid = np.arange(levels) / (levels - 1)
    low_half = grid[grid <= 1 - delta + 1e-12]
    out = np.empty((r, d + 1, d))
    for t in range(r):
        x = rng.choice(low_half, size=d)
        down = rng.random(d) < 0.5
        x = np.where(down, x + delta, x)  # start high for the parameters that step down
        out[t, 0] = x
        for step, i in enumerate(rng.permutation(d)):
            x = x.copy()
            x[i] += -delta if down[i] else delta
            out[t, step + 1] = x
    return out.reshape(r * (d + 1), d)


def morris_effects(x, y, names: Optional[Sequence[str]] = None, n_boot: int = 1000, level: float = 0.95,
                   seed: int = 0) -> pd.DataFrame:
    """Morris screening measures from trajectories ``x`` (``morris_sample``, any scale: the
    step is read from x) and outcomes ``y``. Returns a DataFrame indexed by parameter with
    mu (mean elementary effect), mu_star (mean absolute effect), mu_star_low/high (bootstrap
    interval over trajectories) and sigma (standard deviation of the effects), sorted by
    mu_star, largest first."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    d = x.shape[1]
    r = x.shape[0] // (d + 1)
    xt, yt = x.reshape(r, d + 1, d), y.reshape(r, d + 1)
    ee = np.empty((r, d))
    for t in range(r):
        dx = np.diff(xt[t], axis=0)  # one non-zero entry per step
        i = np.argmax(np.abs(dx), axis=1)
        ee[t, i] = np.diff(yt[t]) / dx[np.arange(d), i]
    names = list(names) if names is not None else [f"x{i + 1}" for i in range(d)]
    idx = np.random.default_rng(seed).integers(0, r, size=(n_boot, r))
    boot = np.abs(ee[idx]).mean(axis=1)
    alpha = (1 - level) / 2
    res = pd.DataFrame({
        "mu": ee.mean(axis=0), "mu_star": np.abs(ee).mean(axis=0),
        "mu_star_low": np.quantile(boot, alpha, axis=0), "mu_star_high": np.quantile(boot, 1 - alpha, axis=0),
        "sigma": ee.std(axis=0, ddof=1) if r > 1 else np.zeros(d),
    }, index=pd.Index(names, name="parameter"))
    return res.sort_values("mu_star", ascending=False)


def ishigami(x: np.ndarray, a: float = 7.0, b: float = 0.1) -> np.ndarray:
    """The Ishigami test function on [-pi, pi]^3: sin x1 + a sin^2 x2 + b x3^4 sin x1.
    Analytic indices for a = 7, b = 0.1: S1 = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424,
    0.2437)."""
    x = np.asarray(x, dtype=float)
    return np.sin(x[:, 0]) + a * np.sin(x[:, 1]) ** 2 + b * x[:, 2] ** 4 * np.sin(x[:, 0])
