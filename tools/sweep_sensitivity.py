#!/usr/bin/env python3
"""Which swept parameter moves an outcome most? Rank-based sensitivity of a sweep summary.

    /usr/bin/python3 tools/sweep_sensitivity.py results/sweeps/quickstart-lhs \
        [--outcome certified_rate:cao-bang:2030-12]

Replicates are averaged per point first (they share the point's parameters), then for each
parameter: Spearman's rank correlation with the outcome (and its p-value), the partial rank
correlation (PRCC: the rank correlation left after removing the other parameters' linear
effect on the ranks), and the standardised regression coefficient (SRC: the outcome's
change in standard deviations per standard deviation of the parameter, all parameters in
one linear regression; R^2 says how much a linear model explains). Prints a Markdown table,
strongest first.

A list-valued parameter (``values: [short_course, elementary]``) enters as its position in
the spec's list (0, 1, ...): ranks then follow the order you listed. For variance-based
indices, run a ``sampling: {method: saltelli}`` sweep and use ``laborsim.sensitivity``.
"""
import argparse
import os
import sys

import numpy as np
from scipy import stats

try:
    import laborsim  # noqa: F401  (installed by tools/setup)
except ImportError:  # run from a checkout that tools/setup has not set up
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from laborsim.sweeps import load_summary, outcome_columns, parameter_columns, point_means  # noqa: E402


def residuals(y, X):
    """y minus its least-squares fit on X (with an intercept)."""
    A = np.column_stack([np.ones(len(y)), X]) if X.size else np.ones((len(y), 1))
    coef, *_ = np.linalg.lstsq(A, y, rcond=None)
    return y - A @ coef


def listed_values(folder):
    """{key: [values...]} of the spec's list-valued parameters, in the order written."""
    import h5py
    import yaml

    with h5py.File(os.path.join(folder, "summary.h5"), "r") as f:
        text = f.attrs["sweep_spec"]
    spec = yaml.safe_load(text.decode() if isinstance(text, bytes) else text)
    return {p["key"]: [str(v) for v in p["values"]] for p in spec["parameters"] if "values" in p}


def as_numbers(points, params, listed):
    """Parameters as numbers: text values become their position in the spec's list."""
    out = points.copy()
    for p in params:
        if out[p].dtype.kind in "biuf":
            continue
        order = listed.get(p) or sorted(out[p].astype(str).unique())
        out[p] = out[p].astype(str).map({v: i for i, v in enumerate(order)}).astype(float)
    return out


def sensitivity(points, params, outcome):
    X = points[params].to_numpy(dtype=float)
    y = points[outcome].to_numpy(dtype=float)
    ranks = np.column_stack([stats.rankdata(X[:, j]) for j in range(X.shape[1])])
    ry = stats.rankdata(y)
    Z = (X - X.mean(axis=0)) / X.std(axis=0)
    zy = (y - y.mean()) / y.std()
    A = np.column_stack([np.ones(len(y)), Z])
    src, *_ = np.linalg.lstsq(A, zy, rcond=None)
    r2 = 1 - np.sum((zy - A @ src) ** 2) / np.sum(zy ** 2)
    rows = []
    for j, p in enumerate(params):
        rho, pval = stats.spearmanr(X[:, j], y)
        others = np.delete(ranks, j, axis=1)
        prcc = np.corrcoef(residuals(ranks[:, j], others), residuals(ry, others))[0, 1]
        rows.append((p, rho, pval, prcc, src[j + 1]))
    rows.sort(key=lambda r: -abs(r[1]))
    return rows, r2


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", help="sweep output folder (holds summary.h5)")
    ap.add_argument("--outcome", help="outcome column (default: certified_rate:cao-bang:2030-12 when present)")
    args = ap.parse_args()
    df = load_summary(args.folder)
    params, outcomes = parameter_columns(df), outcome_columns(df)
    outcome = args.outcome or ("certified_rate:cao-bang:2030-12" if "certified_rate:cao-bang:2030-12" in outcomes else outcomes[0])
    if outcome not in outcomes:
        sys.exit(f"no outcome {outcome!r}; the summary has: {', '.join(outcomes)}")
    ok = df[df.status == "ok"]
    points = as_numbers(point_means(df, [outcome]), params, listed_values(args.folder))
    if points[params].nunique().min() < 2:
        sys.exit("every parameter needs at least two values among the ok points")
    rows, r2 = sensitivity(points, params, outcome)
    print(f"Outcome `{outcome}`: {len(points)} points ({len(ok)} of {len(df)} runs ok, replicates averaged); "
          f"mean {points[outcome].mean():.4f}, range {points[outcome].min():.4f} to {points[outcome].max():.4f}.\n")
    print("| parameter | Spearman rho | p-value | PRCC | SRC |")
    print("|---|---:|---:|---:|---:|")
    for p, rho, pval, prcc, src in rows:
        ptext = "< 1e-10" if pval < 1e-10 else f"{pval:.2g}"
        print(f"| `{p}` | {rho:+.2f} | {ptext} | {prcc:+.2f} | {src:+.2f} |")
    print(f"\nLinear regression on the standardised parameters: R^2 = {r2:.2f}.")


if __name__ == "__main__":
    main()
