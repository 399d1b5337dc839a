"""Load a laborsim run and plot the trained rate by region (notebook-style example).

Run it from the repository root after a quickstart run:

    build/release/laborsim run scenarios/quickstart.yaml
    /usr/bin/python3 docs/examples/load_and_plot.py results/quickstart.h5 trained_rate.png

Each block below is one notebook cell.
"""

# %% Setup: tools/setup installs the analysis package (tools/laborsim); Agg draws without a display.
import sys

import matplotlib

matplotlib.use("Agg")
import laborsim  # noqa: E402

path = sys.argv[1] if len(sys.argv) > 1 else "results/quickstart.h5"
png = sys.argv[2] if len(sys.argv) > 2 else "trained_rate.png"

# %% The indicators: an xarray.Dataset with dims (time, region), dates decoded.
ds = laborsim.open_run(path)
print(f"{ds.attrs['scenario_name']}: {ds.sizes['time']} months, regions {list(ds['region'].values)}, "
      f"completed={ds.attrs['completed']}, seed={ds.attrs['seed']}, scale={ds.attrs['scale']}")

# %% Trained rate (share of the labour force with level >= short_course) by region.
table = ds["trained_rate"].to_pandas()  # DataFrame: rows = months, columns = regions
print(table.iloc[[0, -1]].round(3).to_string())

# %% Plot it and save a PNG.
fig = laborsim.plot_indicators(ds, "trained_rate")
fig.savefig(png, dpi=100)
print(f"wrote {png}")

# %% Optional parts of the file: event counts and the panel, when the run recorded them.
for kind in laborsim.event_kinds(path):
    print(f"events/{kind}: {len(laborsim.events(path, kind))} records")
