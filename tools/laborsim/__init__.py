"""laborsim analysis helpers: load simulation outputs (HDF5; schema in docs/output.md),
replicate and sweep folders as one xarray Dataset, sweep summaries, sensitivity analysis
(Sobol indices on a Saltelli design, Morris screening) and charts.

Installed by tools/setup for Debian's /usr/bin/python3 (or ``pip install
--no-build-isolation ./tools``):

    import laborsim
    ds = laborsim.open_run("results/quickstart.h5")            # xarray.Dataset [time, region]
    reps = laborsim.open_runs("results/cao-bang-baseline")     # [replicate, time, region]
    hires = laborsim.events("results/quickstart-events.h5", "hire")  # pandas.DataFrame
    laborsim.plot_indicators(ds, "trained_rate").savefig("trained.png")

Submodules: ``laborsim.sweeps`` (summaries), ``laborsim.sensitivity`` (Sobol, Morris).
"""

__version__ = "0.1.0"

# Loaded on first use, so `import laborsim` and `laborsim.sweeps` work without matplotlib.
_LAZY = {
    "event_kinds": "io", "events": "io", "open_run": "io", "panel": "io", "policies": "io",
    "provenance": "io", "snapshot": "io", "snapshots": "io", "verify": "io", "DamagedOutputError": "io",
    "open_runs": "runs", "national": "runs", "with_all_region": "runs",
    "plot_indicators": "plots",
}
_SUBMODULES = ("io", "runs", "plots", "sweeps", "sensitivity")


def __getattr__(name):
    import importlib

    if name in _LAZY:
        return getattr(importlib.import_module("." + _LAZY[name], __name__), name)
    if name in _SUBMODULES:
        return importlib.import_module("." + name, __name__)
    raise AttributeError(f"module 'laborsim' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_LAZY) | set(_SUBMODULES))


__all__ = sorted(_LAZY)
