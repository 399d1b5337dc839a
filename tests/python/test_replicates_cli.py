"""laborsim run --replicates: files, manifest, seeds shared between a baseline and a variant,
resuming, and compare and report over real runs."""

import hashlib
import json
import os
import subprocess

import h5py
import numpy as np
import pytest

LABORSIM = os.environ.get("LABORSIM_BIN", "build/release/laborsim")
REPLICATES = 3

SCENARIO = """\
name: {name}
calendar: {{start: 2021-01, end: 2021-06}}
seed: 42
scale: 0.005
regions:
  - id: cao-bang
    population: 533086
    labor_force: 320000
    urban_share: 0.24
    education_shares: {{none: 0.534, short_course: 0.122, elementary: 0.12, intermediate: 0.08, college: 0.04, university: 0.095, postgraduate: 0.009}}
    field_shares: {{agriculture: 0.6, industry: 0.12, services: 0.2, health: 0.03, education: 0.04, digital: 0.01}}
  - id: bac-kan
    population: 323000
    labor_force: 200000
    education_shares: {{none: 0.6, short_course: 0.1, elementary: 0.1, intermediate: 0.07, college: 0.04, university: 0.08, postgraduate: 0.01}}
    field_shares: {{agriculture: 0.62, industry: 0.1, services: 0.2, health: 0.03, education: 0.04, digital: 0.01}}
policies:
  - id: training
    type: vocational_training_quota
    region: cao-bang
    target: {{rural: true, max_level: none}}
    seats_per_year: {seats}
    course_level: elementary
    course_months: 3
    cost_per_trainee_vnd: 4000000
    annual_budget_vnd: 200000000000
"""


def splitmix64(x):
    mask = (1 << 64) - 1
    x = (x + 0x9E3779B97F4A7C15) & mask
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & mask
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & mask
    return x ^ (x >> 31)


def replicate_seed(seed, k):
    return splitmix64(seed + k) >> 11


def laborsim(*args, check=True):
    res = subprocess.run([LABORSIM, *map(str, args)], capture_output=True, text=True)
    if check and res.returncode != 0:
        raise AssertionError(f"laborsim {' '.join(map(str, args))} -> {res.returncode}\n{res.stdout}\n{res.stderr}")
    return res


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    root = tmp_path_factory.mktemp("replicates")
    (root / "base.yaml").write_text(SCENARIO.format(name="tiny-base", seats=6000))
    (root / "more-seats.yaml").write_text(SCENARIO.format(name="tiny-more-seats", seats=24000))
    laborsim("run", root / "base.yaml", "--replicates", REPLICATES, "-o", root / "base", "--quiet")
    laborsim("run", root / "more-seats.yaml", "--replicates", REPLICATES, "-o", root / "more-seats", "--quiet")
    return root


def manifest(folder):
    return json.loads((folder / "manifest.json").read_text())


def test_one_file_per_replicate_and_a_manifest(folders):
    m = manifest(folders / "base")
    assert m["scenario"]["name"] == "tiny-base"
    assert m["scenario"]["seed"] == 42
    assert [r["index"] for r in m["replicates"]] == list(range(REPLICATES))
    for r in m["replicates"]:
        path = folders / "base" / r["file"]
        assert r["file"] == f"replicate-{r['index']:03d}.h5" and path.exists()
        assert r["completed"] is True
        assert r["seed"] == replicate_seed(42, r["index"])
        with h5py.File(path, "r") as f:
            assert int(f.attrs["seed"]) == r["seed"]
            assert int(f.attrs["replicate_index"]) == r["index"]
            assert int(f.attrs["scenario_seed"]) == 42
            assert int(f.attrs["completed"]) == 1
            yaml_text = f.attrs["scenario"]
        assert hashlib.sha256(yaml_text.encode()).hexdigest() == m["scenario"]["yaml_sha256"]
    assert len({r["seed"] for r in m["replicates"]}) == REPLICATES
    assert not list((folders / "base").glob("*.partial-*"))


def test_baseline_and_variant_share_seeds(folders):
    base, var = manifest(folders / "base"), manifest(folders / "more-seats")
    assert [r["seed"] for r in base["replicates"]] == [r["seed"] for r in var["replicates"]]
    assert base["scenario"]["yaml_sha256"] != var["scenario"]["yaml_sha256"]


def test_a_replicate_is_the_plain_run_with_its_seed(folders, tmp_path):
    seed = replicate_seed(42, 1)
    laborsim("run", folders / "base.yaml", "--seed", seed, "-o", tmp_path / "plain.h5", "--quiet")
    with h5py.File(tmp_path / "plain.h5", "r") as a, h5py.File(folders / "base" / "replicate-001.h5", "r") as b:
        for name in ("labor_force", "employed", "certified_rate", "mean_wage"):
            np.testing.assert_array_equal(a["regions"][name][()], b["regions"][name][()])


def test_rerun_keeps_finished_replicates_and_adds_new_ones(folders):
    before = (folders / "base" / "replicate-000.h5").stat().st_mtime_ns
    res = laborsim("run", folders / "base.yaml", "--replicates", REPLICATES + 1, "-o", folders / "base")
    assert "kept" in res.stdout
    assert (folders / "base" / "replicate-000.h5").stat().st_mtime_ns == before
    m = manifest(folders / "base")
    assert len(m["replicates"]) == REPLICATES + 1
    assert m["replicates"][-1]["seed"] == replicate_seed(42, REPLICATES)
    # Asking for fewer keeps the extra finished file listed, so compare and manifest agree.
    laborsim("run", folders / "base.yaml", "--replicates", 2, "-o", folders / "base", "--quiet")
    assert len(manifest(folders / "base")["replicates"]) == REPLICATES + 1


def test_another_scenario_in_the_folder_is_refused(folders):
    before = (folders / "base" / "manifest.json").read_text()
    res = laborsim("run", folders / "more-seats.yaml", "--replicates", 2, "-o", folders / "base", check=False)
    assert res.returncode == 2
    assert "another scenario" in res.stderr and "--force" in res.stderr
    assert (folders / "base" / "manifest.json").read_text() == before


def test_replicates_need_a_folder(folders, tmp_path):
    res = laborsim("run", folders / "base.yaml", "--replicates", 2, "-o", tmp_path / "x.h5", check=False)
    assert res.returncode == 2 and "folder" in res.stderr
    assert not (tmp_path / "x.h5").exists()
    assert laborsim("run", folders / "base.yaml", "--replicates", 0, check=False).returncode == 2


def test_compare_over_real_runs_matches_the_files(folders, tmp_path):
    out = tmp_path / "c.json"
    res = laborsim("compare", folders / "base", folders / "more-seats", "--json", out, "--csv", tmp_path / "c.csv",
                   "--indicators", "certified_workers,certified_rate")
    assert "tiny-more-seats vs tiny-base" in res.stdout
    c = json.loads(out.read_text())
    assert c["baseline"]["replicates"] >= REPLICATES and c["variants"][0]["replicates"] == REPLICATES
    row = next(r for r in c["rows"] if r["indicator"] == "certified_workers" and r["region"] == "cao-bang")
    assert row["method"] == "paired" and row["difference"]["n"] == REPLICATES
    # Recompute the paired difference from the files.
    diffs = []
    for k in range(REPLICATES):
        vals = []
        for folder in ("base", "more-seats"):
            with h5py.File(folders / folder / f"replicate-{k:03d}.h5", "r") as f:
                vals.append(f["regions/certified_rate"][-1, 0] * f["regions/labor_force"][-1, 0])
        diffs.append(vals[1] - vals[0])
    assert row["difference"]["mean"] == pytest.approx(np.mean(diffs), rel=1e-12)
    assert row["difference"]["sd"] == pytest.approx(np.std(diffs, ddof=1), rel=1e-9)
    # Four times the seats certify more workers; the paired interval sees it.
    assert row["difference"]["low"] > 0
    costs = {(p["run"], p["policy"]): p["spending_vnd"] for p in c["policy_costs"]}
    assert costs[("variant", "training")] > costs[("baseline", "training")] > 0
    ce = next(e for e in c["cost_effectiveness"] if e["outcome"] == "certified_workers")
    assert ce["vnd_per_unit"] == pytest.approx(ce["extra_spending_vnd"] / ce["outcome_difference"]["mean"])
    assert (tmp_path / "c.csv").read_text().count("\n") == len(c["rows"]) + 1


def test_report_is_one_html_file_with_charts_and_the_compare_numbers(folders, tmp_path):
    out = tmp_path / "report.html"
    laborsim("report", folders / "base", folders / "more-seats", "-o", out, "--indicators", "certified_rate,employed")
    text = out.read_text()
    assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")
    assert text.count("src='data:image/png;base64,") >= 3   # levels and differences per indicator
    # Nothing is fetched at view time: no external scripts, styles or images.
    assert "http://" not in text and "https://" not in text and "<script" not in text
    # The difference table carries compare's numbers, formatted the same way.
    c = json.loads(laborsim("compare", folders / "base", folders / "more-seats", "--json", "-",
                            "--indicators", "certified_rate,employed").stdout)
    row = next(r for r in c["rows"] if r["indicator"] == "certified_rate" and r["region"] == "all")
    assert f"{100 * row['difference']['mean']:+.2f} pp" in text
    assert f"{100 * row['difference']['low']:+.2f}, {100 * row['difference']['high']:+.2f} pp" in text
    # Scenario differences and provenance.
    assert "policies[training].seats_per_year" in text and "24000" in text
    assert "replicate-000.h5" in text and "Provenance" in text
