"""Event tables and the panel agree with the indicators and with each other, and come out
the same for any thread count."""

import h5py
import numpy as np
import pandas as pd
import xarray as xr

from output_fixtures import SMALL, run, small_run

import laborsim


def counts_by_month_region(df, ds):
    """Events per (time, region) laid out like the indicators [time, region]."""
    table = df.groupby(["time", "region"], observed=False).size().unstack("region")
    table = table.reindex(index=pd.DatetimeIndex(ds["time"].values), columns=list(ds["region"].values), fill_value=0)
    return table.fillna(0).to_numpy().astype(np.int64)


def agents(ds, indicator):
    """An indicator in persons/month back to agent counts (x scale)."""
    return np.rint(ds[indicator].transpose("time", "region").to_numpy() * ds.attrs["scale"]).astype(np.int64)


def test_event_tables_hold_the_documented_columns_in_worker_order():
    path = small_run()
    kinds = laborsim.event_kinds(path)
    assert set(kinds) == {"hire", "separation", "enrol", "graduate", "migrate", "policy"}
    for kind in kinds:
        raw = laborsim.events(path, kind, decode=False)
        assert list(raw.columns) == ["time", "month", "worker_id", "region", "from_region", "firm", "school", "policy",
                                     "wage_vnd", "level", "field", "status", "prev_status", "age_months"]
        assert len(raw) > 0, kind
        # Month by month, then ascending worker id: deterministic and easy to join.
        key = raw["month"].to_numpy().astype(np.int64) * 2**32 + raw["worker_id"].to_numpy()
        assert (np.diff(key) >= 0).all(), kind
        assert ((raw["time"].dt.year * 100 + raw["time"].dt.month) == raw["month"]).all()


def test_exact_flows_match_the_indicators():
    # Moves, enrolments and school completions happen once a month at most per worker, so
    # the monthly comparison sees every one of them.
    path = small_run()
    ds = laborsim.open_run(path)
    moves = laborsim.events(path, "migrate")
    np.testing.assert_array_equal(counts_by_month_region(moves, ds), agents(ds, "migration_in"))
    assert (moves["region"] != moves["from_region"]).all()
    grads = laborsim.events(path, "graduate")
    school_grads = grads[grads["school"] >= 0]
    np.testing.assert_array_equal(counts_by_month_region(school_grads, ds), agents(ds, "graduates"))
    enrol = laborsim.events(path, "enrol")
    assert (enrol["status"] == "student").all()
    policy_courses = laborsim.events(path, "policy")
    # Courses bought by the policy are counted in `enrolments` or not, depending on the
    # model version; school enrolments alone must match when they are not.
    schools = counts_by_month_region(enrol, ds)
    with_courses = schools + counts_by_month_region(policy_courses, ds)
    assert np.array_equal(schools, agents(ds, "enrolments")) or np.array_equal(with_courses, agents(ds, "enrolments"))


def test_hires_match_the_indicator_up_to_same_firm_round_trips():
    # A worker separated and rehired by the same firm in one month leaves no record, so
    # events <= the hires indicator, and the shortfall is bounded by that month's separations.
    path = small_run()
    ds = laborsim.open_run(path)
    hires = counts_by_month_region(laborsim.events(path, "hire"), ds)
    flow = agents(ds, "hires")
    assert (hires <= flow).all()
    assert (flow - hires <= agents(ds, "separations")).all()
    assert hires.sum() >= 0.85 * flow.sum()


def test_policy_events_follow_the_policy():
    path = small_run()
    courses = laborsim.events(path, "policy")
    assert (courses["policy"] == "cb-rural-training").all()
    assert (courses["region"] == "cao-bang").all()  # the policy's target region
    assert (courses["level"] == "none").all()       # target max_level: none
    assert courses["time"].max() <= pd.Timestamp("2024-12-01")
    grads = laborsim.events(path, "graduate")
    course_grads = grads[grads["policy"].notna()]
    assert len(course_grads) > 0
    # Every course completion belongs to a worker who started a course before.
    first_start = courses.groupby("worker_id")["time"].min()
    joined = course_grads.join(first_start.rename("started"), on="worker_id")
    assert (joined["started"] < joined["time"]).all()


def test_separations_end_the_jobs_that_hires_started():
    path = small_run()
    hires = laborsim.events(path, "hire", decode=False).sort_values("time")
    seps = laborsim.events(path, "separation", decode=False).sort_values("time")
    # The job a separation ends is the one from the worker's latest earlier hire.
    both = pd.merge_asof(seps, hires[["time", "worker_id", "firm"]].rename(columns={"firm": "hired_firm"}),
                         on="time", by="worker_id", allow_exact_matches=False)
    both = both[both["hired_firm"].notna()]
    assert len(both) > 1000
    np.testing.assert_array_equal(both["firm"].to_numpy(), both["hired_firm"].to_numpy().astype(np.int64))
    assert (seps["status"] == -1).sum() > 0  # retirements and deaths of employed workers


def test_panel_follows_the_sample_and_agrees_with_events_and_snapshots():
    path = small_run()
    ds = laborsim.panel(path)
    with h5py.File(path, "r") as f:
        ids = f["panel/worker_id"][()]
        np.testing.assert_array_equal(ids, f["panel/worker"][()])
    present = ds["status"].notnull().to_numpy()  # [time, worker]
    # Fixed cohort: nobody joins, and a worker who left stays gone.
    assert present[0].sum() > 290
    assert (present[1:] <= present[:-1]).all()
    for var in ["region", "level", "wage_vnd", "skill", "age_months"]:
        np.testing.assert_array_equal(ds[var].notnull().to_numpy(), present)
    # Region changes in the panel are exactly the panel workers' migration events.
    region = ds["region"].to_numpy()
    t, k = np.nonzero((region[1:] != region[:-1]) & present[1:])
    panel_moves = {(int(ds["worker"][j]), pd.Timestamp(ds["time"].values[i + 1])) for i, j in zip(t, k)}
    moves = laborsim.events(path, "migrate")
    # The panel's first row has no row before it, so first-month moves are not comparable.
    moves = moves[moves["worker_id"].isin(ids) & (moves["time"] > pd.Timestamp(ds["time"].values[0]))]
    event_moves = {(int(w), pd.Timestamp(ts)) for w, ts in zip(moves["worker_id"], moves["time"])}
    assert panel_moves == event_moves
    # Hired panel workers are employed at the hiring firm that month.
    hires = laborsim.events(path, "hire", decode=False)
    hires = hires[hires["worker_id"].isin(ids)]
    assert len(hires) > 0
    at = ds.sel(worker=xr.DataArray(hires["worker_id"].to_numpy(), dims="hire"),
                time=xr.DataArray(hires["time"].to_numpy(), dims="hire"))
    assert (at["status"].to_numpy() == 0).all()  # employed
    np.testing.assert_array_equal(at["employer"].to_numpy(), hires["firm"].to_numpy())
    # The panel's last month equals the last snapshot for the panel workers still present.
    snap = laborsim.snapshot(path, "2026-12", decode=False)
    last = ds.isel(time=-1)
    alive = last["status"].notnull().to_numpy()
    rows = snap.loc[ids[alive]]
    np.testing.assert_array_equal(rows["region"].to_numpy(), last["region"].to_numpy()[alive])
    np.testing.assert_array_equal(rows["wage_vnd"].to_numpy(), last["wage_vnd"].to_numpy()[alive])
    # Workers gone from the panel are gone from the snapshot too.
    assert not set(ids[~alive]) & set(snap.index)


def test_panel_as_frame_decodes_names():
    df = laborsim.panel(small_run(), as_frame=True)
    assert list(df.index.names) == ["worker", "time"]
    assert set(df["status"].cat.categories) == {"employed", "unemployed", "student", "inactive", "abroad"}
    assert set(df["region"].unique()) <= {"cao-bang", "bac-kan", "quang-ninh", "hai-phong"}


def test_outputs_do_not_depend_on_threads_or_block_size():
    a = small_run()
    b = run("small-1thread", *SMALL, "--threads", "1", "--block-size", "777")
    with h5py.File(a, "r") as fa, h5py.File(b, "r") as fb:
        names = []
        fa.visititems(lambda n, o: names.append(n) if isinstance(o, h5py.Dataset) else None)
        assert any(n.startswith("events/") for n in names) and any(n.startswith("snapshots/") for n in names)
        for n in names:
            x, y = fa[n][()], fb[n][()]
            if x.dtype.kind == "f":
                np.testing.assert_array_equal(x, y, err_msg=n)
            else:
                assert np.array_equal(x, y), n


def test_workers_abroad_have_no_employer_in_the_panel_and_snapshots():
    # The employer column holds a firm (employed) or a school (student); a worker abroad
    # has neither, and reads -1 (not the index of its programme, which would read as firm 0).
    path = run("abroad", *SMALL, "--set", "output.panel=1000000", "--set", "model.study_abroad_rate=0.005")
    abroad = 4  # status code of `abroad` (status_names)
    with h5py.File(path, "r") as f:
        meanings = f["panel/status"].attrs["flag_meanings"]
        meanings = meanings.decode() if isinstance(meanings, bytes) else meanings
        assert meanings.split().index("abroad") == abroad
        status, employer = f["panel/status"][()], f["panel/employer"][()]
        assert (status == abroad).sum() > 1000, "the run should send many panel workers abroad"
        assert (employer[status == abroad] == -1).all()
        # Employed and students keep their firm or school.
        assert (employer[(status == 0) | (status == 2)] >= 0).all()
        for name, snap in f["snapshots"].items():
            st, emp = snap["status"][()], snap["employer"][()]
            assert (st == abroad).any(), name
            assert (emp[st == abroad] == -1).all(), name
