"""laborsim analysis helpers: load simulation outputs (HDF5; schema in docs/output.md) and
sweep summaries with xarray and pandas, and plot indicators.

Import from the repository's tools/ folder:

    import sys; sys.path.insert(0, "tools")
    import laborsim
    ds = laborsim.open_run("results/quickstart.h5")           # xarray.Dataset [time, region]
    hires = laborsim.events("results/quickstart.h5", "hire")  # pandas.DataFrame
    laborsim.plot_indicators(ds, "trained_rate").savefig("trained.png")

Sweep summaries: ``from laborsim.sweeps import load_summary``.
"""

# Loaded on first use, so `laborsim.sweeps` works without h5py, xarray or matplotlib.
_IO_NAMES = ("event_kinds", "events", "open_run", "panel", "policies", "provenance", "snapshot", "snapshots")


def __getattr__(name):
    if name in _IO_NAMES:
        from . import io

        return getattr(io, name)
    if name == "plot_indicators":
        from .plots import plot_indicators

        return plot_indicators
    raise AttributeError(f"module 'laborsim' has no attribute {name!r}")


__all__ = [
    "event_kinds",
    "events",
    "open_run",
    "panel",
    "plot_indicators",
    "policies",
    "provenance",
    "snapshot",
    "snapshots",
    "sweeps",
]
