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

from .io import (
    event_kinds,
    events,
    open_run,
    panel,
    policies,
    provenance,
    snapshot,
    snapshots,
)
from .plots import plot_indicators

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
