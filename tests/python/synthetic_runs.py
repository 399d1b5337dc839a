"""Writes small files in laborsim's output format (docs/output.md) with chosen values, so
that compare's statistics can be checked against a hand computation."""

import h5py
import numpy as np

INDICATORS = ["labor_force", "employed", "unemployed", "unemployment_rate", "certified_rate", "trained_rate",
              "mean_wage", "wage_p50", "hires", "graduates"]
UNITS = {"labor_force": "persons", "employed": "persons", "unemployed": "persons", "unemployment_rate": "1",
         "certified_rate": "1", "trained_rate": "1", "mean_wage": "VND/month", "wage_p50": "VND/month",
         "hires": "persons/month", "graduates": "persons/month"}


def write_run(path, seed, values, regions=("a", "b"), start="2030-01", completed=True, name="synthetic",
              scenario_yaml=None, policies=None):
    """values: {indicator: array [time, region]}; indicators not given are filled with ones.
    policies: {policy id: {series name: array [time]}}."""
    months = next(iter(values.values())).shape[0]
    with h5py.File(path, "w") as f:
        f.attrs["format_version"] = "1.0"
        f.attrs["scenario_name"] = name
        f.attrs["scenario_description"] = f"synthetic run {name}"
        f.attrs["scenario_path"] = f"{name}.yaml"
        f.attrs["scenario"] = scenario_yaml or f"name: {name}\nseed: 1\n"
        f.attrs["seed"] = np.int64(seed)
        f.attrs["completed"] = np.int64(1 if completed else 0)
        f.attrs["calendar_start"] = start
        y, m = (int(x) for x in start.split("-"))
        last = y * 12 + m - 1 + months - 1
        f.attrs["calendar_end"] = f"{last // 12:04d}-{last % 12 + 1:02d}"
        g = f.create_group("regions")
        g.create_dataset("time", data=np.arange(months, dtype=np.int64) * 30)
        g.create_dataset("region", data=np.array(regions, dtype=object), dtype=h5py.string_dtype())
        for name_ in INDICATORS:
            data = np.asarray(values.get(name_, np.ones((months, len(regions)))), dtype=float)
            ds = g.create_dataset(name_, data=data, maxshape=(None, len(regions)))
            ds.attrs["units"] = UNITS[name_]
        if policies:
            pg = f.create_group("policies")
            for pid, series in policies.items():
                p = pg.create_group(pid)
                p.attrs["type"] = "vocational_training_quota"
                p.create_dataset("time", data=np.arange(months, dtype=np.int64) * 30)
                for s, v in series.items():
                    p.create_dataset(s, data=np.asarray(v, dtype=float))
