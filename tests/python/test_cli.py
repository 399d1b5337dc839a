"""The laborsim command line as a user meets it: the quickstart output in h5py, located
errors from `validate`, output files that are never clobbered by accident, help text, the
file-level thread-count determinism, and docs/scenarios.md kept equal to `laborsim schema`."""
import re

import h5py
import numpy as np
import pytest

from conftest import REPO_ROOT

QUICKSTART = "scenarios/quickstart.yaml"
QUICKSTART_REGIONS = ["cao-bang", "bac-kan", "quang-ninh", "hai-phong"]
# A run of a few seconds or less: the quickstart at 1/20 of its size, three months.
TINY = ["--set", "scale=0.002", "--set", "calendar.end=2021-03"]
INDICATORS = ["labor_force", "employed", "unemployed", "unemployment_rate", "trained_rate",
              "certified_rate", "high_quality_rate", "mean_wage"]
# Root attributes that legitimately differ between two runs of the same scenario.
RUN_SPECIFIC_ATTRS = {"wall_time_s", "start_time", "threads", "command_line", "host"}


def as_str(value):
    return value.decode() if isinstance(value, bytes) else str(value)


# --- the quickstart output ----------------------------------------------------------------

def test_quickstart_regions_datasets(quickstart_h5):
    with h5py.File(quickstart_h5, "r") as f:
        g = f["regions"]
        time = g["time"][...]
        regions = [as_str(r) for r in g["region"][...]]
        assert regions == QUICKSTART_REGIONS
        assert len(time) == 72  # 2021-01 .. 2026-12
        for name in INDICATORS:
            ds = g[name]
            assert ds.shape == (len(time), len(regions)), name
            assert ds.dtype == np.float64, name
            values = ds[...]
            assert np.all(np.isfinite(values)), name
            assert "units" in ds.attrs and "long_name" in ds.attrs, name
        lf, emp, unemp = g["labor_force"][...], g["employed"][...], g["unemployed"][...]
        assert np.all(lf > 0)
        np.testing.assert_allclose(emp + unemp, lf, rtol=1e-12)
        np.testing.assert_allclose(g["unemployment_rate"][...], unemp / lf, rtol=1e-12)
        for name in ("unemployment_rate", "trained_rate", "certified_rate", "high_quality_rate"):
            assert np.all((g[name][...] >= 0) & (g[name][...] <= 1)), name
        assert np.all(g["mean_wage"][...] > 0)


def test_quickstart_dimension_scales(quickstart_h5):
    with h5py.File(quickstart_h5, "r") as f:
        g = f["regions"]
        time, region = g["time"], g["region"]
        assert h5py.h5ds.is_scale(time.id) and h5py.h5ds.is_scale(region.id)
        for name in INDICATORS:
            ds = g[name]
            assert list(ds.dims[0].keys()) == ["time"], name
            assert list(ds.dims[1].keys()) == ["region"], name
            assert ds.dims[0][0].name == "/regions/time", name
            assert ds.dims[1][0].name == "/regions/region", name
        # Time: the first day of each month, in days since the start month (decodes in xarray).
        assert as_str(time.attrs["units"]) == "days since 2021-01-01"
        assert as_str(time.attrs["calendar"]) == "proleptic_gregorian"
        t = time[...]
        assert t[0] == 0 and t[1] == 31 and t[12] == 365  # Jan, Feb 2021, Jan 2022
        assert np.all(np.diff(t) >= 28) and np.all(np.diff(t) <= 31)


def test_quickstart_region_ids_are_strings(quickstart_h5):
    with h5py.File(quickstart_h5, "r") as f:
        ds = f["regions/region"]
        info = h5py.check_string_dtype(ds.dtype)
        assert info is not None, "region ids are stored as strings"
        assert info.encoding == "utf-8"
        assert list(ds.asstr()[...]) == QUICKSTART_REGIONS


def test_quickstart_root_attributes(quickstart_h5):
    with h5py.File(quickstart_h5, "r") as f:
        a = f.attrs
        for key in ("laborsim_version", "git_revision", "scenario", "seed", "threads", "start_time",
                    "wall_time_s", "completed"):
            assert key in a, key
        assert re.fullmatch(r"\d+\.\d+\.\d+.*", as_str(a["laborsim_version"]))
        assert as_str(a["git_revision"]) != ""
        assert "name: quickstart" in as_str(a["scenario"])  # the resolved YAML
        assert int(a["seed"]) == 20210101
        assert int(a["threads"]) >= 1
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", as_str(a["start_time"]))
        assert float(a["wall_time_s"]) > 0
        assert int(a["completed"]) == 1


def test_info_summarises_the_quickstart(laborsim, quickstart_h5):
    res = laborsim("info", quickstart_h5)
    assert res.returncode == 0, res.stderr
    assert "quickstart" in res.stdout
    assert "completed" in res.stdout
    assert "NOT completed" not in res.stdout
    for r in QUICKSTART_REGIONS:
        assert r in res.stdout


def test_info_on_a_missing_file_fails(laborsim, tmp_path):
    res = laborsim("info", tmp_path / "missing.h5")
    assert res.returncode != 0
    assert res.stderr != ""


# --- validation errors ----------------------------------------------------------------------

BAD_SCENARIO = """\
name: broken
calendar: {start: 2021-01, end: 2021-14}
seeed: 4
regions:
  - id: north
    labor_force: lots
    education_shares: {none: 1}
    field_shares: {agriculture: 1}
"""


def test_validate_lists_every_error_located(laborsim, tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text(BAD_SCENARIO)
    res = laborsim("validate", path)
    assert res.returncode == 2
    lines = [l for l in (res.stdout + res.stderr).splitlines() if l.startswith(str(path) + ":")]
    assert len(lines) == 3, res.stdout + res.stderr
    located = {}
    for line in lines:
        m = re.match(re.escape(str(path)) + r":(\d+):(\d+): (\S+): (.*)", line)
        assert m, line
        located[m.group(3)] = (int(m.group(1)), int(m.group(2)), m.group(4))
    assert located["calendar.end"][:2] == (2, 33)
    assert "expected a date YYYY-MM" in located["calendar.end"][2]
    assert located["seeed"][:2] == (3, 1)
    assert "did you mean 'seed'" in located["seeed"][2]
    assert located["regions[0].labor_force"][:2] == (6, 18)
    assert 'expected a non-negative number, got "lots"' in located["regions[0].labor_force"][2]


def test_validate_accepts_the_quickstart(laborsim):
    res = laborsim("validate", QUICKSTART)
    assert res.returncode == 0, res.stderr
    assert "ok" in res.stdout


def test_validate_missing_file_is_bad_input(laborsim, tmp_path):
    res = laborsim("validate", tmp_path / "nothing.yaml")
    assert res.returncode == 2
    assert "cannot open" in res.stderr


def test_bad_set_override_is_bad_input(laborsim, tmp_path):
    res = laborsim("run", QUICKSTART, "-o", tmp_path / "x.h5", "--quiet", "--set", "regions.nowhere.labor_force=5")
    assert res.returncode == 2
    assert "no list item with id nowhere" in res.stderr
    assert not (tmp_path / "x.h5").exists()


# --- output safety --------------------------------------------------------------------------

def test_existing_output_is_not_touched_without_force(laborsim, tmp_path):
    out = tmp_path / "out.h5"
    out.write_bytes(b"precious results")
    res = laborsim("run", QUICKSTART, "-o", out, "--quiet", *TINY)
    assert res.returncode == 2
    assert "--force" in res.stderr
    assert out.read_bytes() == b"precious results"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.h5"]  # nothing left beside it


def test_force_replaces_the_output(laborsim, tmp_path):
    out = tmp_path / "out.h5"
    out.write_bytes(b"old results")
    res = laborsim("run", QUICKSTART, "-o", out, "--quiet", "--force", *TINY)
    assert res.returncode == 0, res.stderr
    with h5py.File(out, "r") as f:
        assert int(f.attrs["completed"]) == 1
        assert f["regions/labor_force"].shape == (3, 4)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.h5"]  # no partial file left


def test_bad_scenario_with_force_leaves_the_output(laborsim, tmp_path):
    out = tmp_path / "out.h5"
    out.write_bytes(b"precious results")
    bad = tmp_path / "broken.yaml"
    bad.write_text(BAD_SCENARIO)
    res = laborsim("run", bad, "-o", out, "--quiet", "--force")
    assert res.returncode == 2
    assert out.read_bytes() == b"precious results"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.yaml", "out.h5"]


@pytest.mark.parametrize("out, named", [("/proc/x.h5", "/proc/x.h5"),
                                        ("/proc/laborsim-missing/x.h5", "/proc/laborsim-missing")])
def test_an_output_place_the_os_refuses_is_one_line_exit_3(laborsim, out, named):
    # /proc takes no new files or folders, even for root: an I/O failure, not bad input
    # (exit 2) and not a bug (exit 1), said in one line with the path and the OS's reason.
    res = laborsim("run", QUICKSTART, "-o", out, "--quiet", *TINY)
    assert res.returncode == 3, res.stderr
    lines = res.stderr.splitlines()
    assert len(lines) == 1, res.stderr
    assert "HDF5-DIAG" not in res.stderr
    assert named in lines[0]
    assert "No such file or directory" in lines[0]


def test_help_lists_the_exit_codes(laborsim):
    res = laborsim("--help")
    assert res.returncode == 0
    assert all(code in res.stdout for code in ("0 ok", "1 internal error", "2 bad input", "3 I/O"))


def test_new_output_directories_are_created(laborsim, tmp_path):
    out = tmp_path / "a" / "b" / "out.h5"
    res = laborsim("run", QUICKSTART, "-o", out, "--quiet", *TINY)
    assert res.returncode == 0, res.stderr
    assert out.is_file()


# --- help and version -----------------------------------------------------------------------

def _subcommands(laborsim):
    """The subcommands `laborsim --help` lists (CLI11's "Subcommands:" section)."""
    res = laborsim("--help")
    assert res.returncode == 0
    lines = res.stdout.split("Subcommands:", 1)[1].splitlines()
    return [l.split()[0] for l in lines if l.startswith("  ") and l.strip()]


def test_help_on_every_subcommand(laborsim):
    subcommands = _subcommands(laborsim)
    assert {"run", "validate", "info", "schema"} <= set(subcommands)
    for sub in subcommands:  # later subcommands (bench, compare, sweep, ...) are held to it too
        res = laborsim(sub, "--help")
        assert res.returncode == 0, f"{sub}: {res.stderr}"
        assert "Usage" in res.stdout or "usage" in res.stdout, sub
        assert sub in res.stdout, sub


def test_version(laborsim):
    res = laborsim("--version")
    assert res.returncode == 0
    assert re.match(r"laborsim \d+\.\d+\.\d+", res.stdout)


def test_unknown_option_is_bad_input(laborsim):
    res = laborsim("run", QUICKSTART, "--no-such-option")
    assert res.returncode == 2


# --- determinism across thread counts, at the file level ------------------------------------

def _datasets(f):
    found = {}
    f.visititems(lambda name, obj: found.__setitem__(name, obj) if isinstance(obj, h5py.Dataset) else None)
    return found


def test_outputs_are_identical_for_any_thread_count(laborsim, tmp_path):
    small = ["--set", "scale=0.01", "--set", "calendar.end=2022-06"]
    runs = {"t1": ["--threads", "1"], "t2": ["--threads", "2"], "t2-b1000": ["--threads", "2", "--block-size", "1000"]}
    files = {}
    for name, opts in runs.items():
        files[name] = tmp_path / f"{name}.h5"
        res = laborsim("run", QUICKSTART, "-o", files[name], "--quiet", *small, *opts)
        assert res.returncode == 0, res.stderr
    with h5py.File(files["t1"], "r") as ref:
        ref_sets = _datasets(ref)
        assert "regions/labor_force" in ref_sets and "policies/cb-rural-training/beneficiaries" in ref_sets
        assert ref["regions/labor_force"].shape == (18, 4)
        for name in ("t2", "t2-b1000"):
            with h5py.File(files[name], "r") as other:
                sets = _datasets(other)
                assert sorted(sets) == sorted(ref_sets), name
                for path, ds in ref_sets.items():
                    a, b = ds[...], sets[path][...]
                    assert a.dtype == b.dtype, path
                    assert a.shape == b.shape, path
                    if a.dtype.kind == "O":  # variable-length strings: compare the values
                        assert a.tolist() == b.tolist(), f"{name}: {path} differs"
                    else:  # byte for byte: NaN == NaN here, and -0.0 != 0.0
                        assert a.tobytes() == b.tobytes(), f"{name}: {path} differs"
                        assert np.array_equal(a, b), f"{name}: {path} differs"
                keys = set(ref.attrs) - RUN_SPECIFIC_ATTRS
                assert keys == set(other.attrs) - RUN_SPECIFIC_ATTRS
                for key in keys:
                    assert np.array_equal(np.asarray(ref.attrs[key]), np.asarray(other.attrs[key])), f"{name}: attr {key}"
                assert int(other.attrs["threads"]) == 2


# --- the scenario reference -----------------------------------------------------------------

def test_scenarios_doc_matches_the_schema(laborsim):
    res = laborsim("schema")
    assert res.returncode == 0, res.stderr
    doc = (REPO_ROOT / "docs" / "scenarios.md").read_text()
    assert doc == res.stdout, "docs/scenarios.md is stale: regenerate it with `laborsim schema > docs/scenarios.md`"
