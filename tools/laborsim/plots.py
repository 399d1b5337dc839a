"""Charts of laborsim indicators with matplotlib (works under the headless Agg backend)."""

from __future__ import annotations

from typing import Iterable, Optional, Sequence, Union


def plot_indicators(ds, indicators: Union[str, Sequence[str]], regions: Optional[Iterable[str]] = None, ax=None):
    """Line charts of indicators over time, one line per region.

    ds: the Dataset from ``open_run``. indicators: a name or a list of names of /regions
    variables (e.g. "trained_rate"). regions: region ids to show (default: all). ax: an
    existing matplotlib Axes to draw every indicator into; by default a new figure gets one
    panel per indicator. Returns the matplotlib Figure (``fig.savefig("out.png")``).
    """
    import matplotlib.pyplot as plt

    names = [indicators] if isinstance(indicators, str) else list(indicators)
    if not names:
        raise ValueError("plot_indicators: no indicators given")
    missing = [n for n in names if n not in ds.data_vars]
    if missing:
        raise KeyError(f"unknown indicators {missing}; available: {sorted(ds.data_vars)}")
    selected = list(regions) if regions is not None else [str(r) for r in ds["region"].values]
    if ax is None:
        fig, axes = plt.subplots(len(names), 1, sharex=True, figsize=(8, 2.8 * len(names)), squeeze=False)
        axes = list(axes[:, 0])
    else:
        fig, axes = ax.figure, [ax] * len(names)
    for name, a in zip(names, axes):
        var = ds[name]
        for region in selected:
            label = region if len(names) == 1 or ax is None else f"{name}: {region}"
            a.plot(var["time"].values, var.sel(region=region).values, label=label)
        units = var.attrs.get("units", "")
        a.set_ylabel(f"{name}" + (f" [{units}]" if units and units != "1" else ""))
        a.set_title(var.attrs.get("long_name", name), fontsize="medium")
        a.grid(True, alpha=0.3)
        a.legend(fontsize="small", ncol=2)
    axes[-1].set_xlabel("month")
    fig.tight_layout()
    return fig
