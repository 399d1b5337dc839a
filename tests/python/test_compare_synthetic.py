"""laborsim compare against hand computations on synthetic runs with known values."""

import csv
import io
import json
import math
import os
import statistics
import subprocess

import numpy as np
import pytest

from synthetic_runs import write_run

LABORSIM = os.environ.get("LABORSIM_BIN", "build/release/laborsim")
T_975_4 = 2.7764451051977934   # t_{0.975, 4}, closed form 2 sqrt(q - 1) (Hill 1970): 5 replicates
N = 5
BASE_RATE = [0.20, 0.22, 0.21, 0.23, 0.19]    # certified_rate in region a, replicate k
DELTA = [0.02, 0.03, 0.01, 0.04, 0.02]        # variant - baseline, replicate k
LF_A = [1000 + 10 * k for k in range(N)]
LF_B = 2000.0
MONTHS = 3


def values(k, variant):
    rate_a = BASE_RATE[k] + (DELTA[k] if variant else 0)
    rate_b = 0.30 + (0.01 if variant else 0)
    hires_a = np.array([10 + k + m + ((5 + k) if variant else 0) for m in range(MONTHS)], dtype=float)
    return {
        "labor_force": np.tile([LF_A[k], LF_B], (MONTHS, 1)),
        "certified_rate": np.tile([rate_a, rate_b], (MONTHS, 1)),
        "hires": np.stack([hires_a, np.full(MONTHS, 7.0)], axis=1),
        "wage_p50": np.tile([5e6 + k, 6e6], (MONTHS, 1)),
    }


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    root = tmp_path_factory.mktemp("synthetic")
    base, var, other = root / "base", root / "variant", root / "other-seeds"
    for d in (base, var, other):
        d.mkdir()
    for k in range(N):
        write_run(base / f"replicate-{k:03d}.h5", 100 + k, values(k, False), name="base",
                  policies={"p1": {"spending_vnd": [1e9] * MONTHS, "beneficiaries": [10.0] * MONTHS}})
        # Variant files named in reverse order: compare must pair by seed, not by file name.
        write_run(var / f"z{N - 1 - k}.h5", 100 + k, values(k, True), name="variant",
                  policies={"p1": {"spending_vnd": [1e9] * MONTHS, "beneficiaries": [10.0] * MONTHS},
                            "p2": {"spending_vnd": [2e9] * MONTHS, "beneficiaries": [20.0] * MONTHS}})
        write_run(other / f"r{k}.h5", 200 + k, values(k, True), name="other")
    # An unfinished replicate is left out, with a note.
    write_run(base / "replicate-009.h5", 109, values(0, True), name="base", completed=False)
    return base, var, other


def laborsim(*args, check=True):
    res = subprocess.run([LABORSIM, *map(str, args)], capture_output=True, text=True)
    if check and res.returncode != 0:
        raise AssertionError(f"laborsim {' '.join(map(str, args))} -> {res.returncode}\n{res.stderr}")
    return res


def compare_json(*args):
    return json.loads(laborsim("compare", *args, "--json", "-").stdout)


def find(rows, **kw):
    hits = [r for r in rows if all(r[k] == v for k, v in kw.items())]
    assert len(hits) == 1, (kw, hits)
    return hits[0]


def hand_interval(diffs):
    mean = statistics.fmean(diffs)
    sd = statistics.stdev(diffs)
    half = T_975_4 * sd / math.sqrt(len(diffs))
    return mean, sd, half


def test_paired_difference_matches_hand_computation(runs):
    base, var, _ = runs
    c = compare_json(base, var, "--indicators", "certified_rate,hires,wage_p50,certified_workers")
    assert c["dates"] == ["2030-03"]
    row = find(c["rows"], indicator="certified_rate", region="a", measure="value")
    assert row["method"] == "paired"
    assert row["baseline_n"] == N and row["variant_n"] == N
    assert row["baseline_mean"] == pytest.approx(statistics.fmean(BASE_RATE), abs=1e-15)
    assert row["variant_mean"] == pytest.approx(statistics.fmean(b + d for b, d in zip(BASE_RATE, DELTA)), abs=1e-15)
    mean, sd, half = hand_interval(DELTA)
    d = row["difference"]
    assert d["n"] == N and d["dof"] == N - 1
    assert d["mean"] == pytest.approx(mean, rel=1e-12)
    assert d["sd"] == pytest.approx(sd, rel=1e-12)
    assert d["half_width"] == pytest.approx(half, rel=1e-12)
    assert d["low"] == pytest.approx(mean - half, rel=1e-12)
    assert d["high"] == pytest.approx(mean + half, rel=1e-12)


def test_all_regions_weights_rates_and_sums_counts(runs):
    base, var, _ = runs
    c = compare_json(base, var, "--indicators", "certified_rate,certified_workers,wage_p50")
    # Certified rate over both regions: weighted by the labour force, replicate by replicate.
    diffs = [((BASE_RATE[k] + DELTA[k]) * LF_A[k] + 0.31 * LF_B) / (LF_A[k] + LF_B)
             - (BASE_RATE[k] * LF_A[k] + 0.30 * LF_B) / (LF_A[k] + LF_B) for k in range(N)]
    mean, sd, half = hand_interval(diffs)
    d = find(c["rows"], indicator="certified_rate", region="all")["difference"]
    assert d["mean"] == pytest.approx(mean, rel=1e-12)
    assert d["half_width"] == pytest.approx(half, rel=1e-10)
    # Certified workers = rate x labour force, summed over regions.
    diffs = [DELTA[k] * LF_A[k] + 0.01 * LF_B for k in range(N)]
    mean, sd, half = hand_interval(diffs)
    d = find(c["rows"], indicator="certified_workers", region="all")["difference"]
    assert d["mean"] == pytest.approx(mean, rel=1e-12)
    assert d["half_width"] == pytest.approx(half, rel=1e-10)
    # Percentiles do not add up over regions: no "all" row.
    assert not [r for r in c["rows"] if r["indicator"] == "wage_p50" and r["region"] == "all"]


def test_flows_are_also_compared_cumulatively(runs):
    base, var, _ = runs
    c = compare_json(base, var, "--indicators", "hires", "--regions", "a", "--at", "2030-02", "--at", "2030-03")
    assert c["dates"] == ["2030-02", "2030-03"]
    # Variant hires exceed the baseline's by 5 + k every month.
    for date, months in (("2030-02", 2), ("2030-03", 3)):
        mean, sd, half = hand_interval([months * (5 + k) for k in range(N)])
        d = find(c["rows"], indicator="hires", date=date, measure="cumulative")["difference"]
        assert d["mean"] == pytest.approx(mean, rel=1e-12)
        assert d["half_width"] == pytest.approx(half, rel=1e-12)
        base_cum = statistics.fmean(sum(10 + k + m for m in range(months)) for k in range(N))
        assert find(c["rows"], indicator="hires", date=date, measure="cumulative")["baseline_mean"] == pytest.approx(base_cum)
    in_month = find(c["rows"], indicator="hires", date="2030-02", measure="value")
    assert in_month["baseline_mean"] == pytest.approx(statistics.fmean(10 + k + 1 for k in range(N)))


def test_policy_costs_and_cost_per_outcome(runs):
    base, var, _ = runs
    c = compare_json(base, var)
    p2 = find(c["policy_costs"], run="variant", policy="p2")
    assert p2["spending_vnd"] == pytest.approx(6e9) and p2["beneficiaries"] == pytest.approx(60)
    assert find(c["policy_costs"], run="baseline", policy="p1")["spending_vnd"] == pytest.approx(3e9)
    ce = find(c["cost_effectiveness"], outcome="certified_workers")
    extra_workers = statistics.fmean(DELTA[k] * LF_A[k] + 0.01 * LF_B for k in range(N))
    assert ce["extra_spending_vnd"] == pytest.approx(6e9)
    assert ce["outcome_difference"]["mean"] == pytest.approx(extra_workers, rel=1e-12)
    assert ce["vnd_per_unit"] == pytest.approx(6e9 / extra_workers, rel=1e-12)


def test_unfinished_files_are_skipped_with_a_note(runs):
    base, var, _ = runs
    c = compare_json(base, var)
    assert len(c["baseline"]["files"]) == N
    assert any("replicate-009.h5" in n and "not completed" in n for n in c["notes"])


def test_runs_without_shared_seeds_use_welch(runs):
    stats = pytest.importorskip("scipy.stats")
    base, _, other = runs
    c = compare_json(base, other, "--indicators", "certified_rate", "--regions", "a")
    row = find(c["rows"], indicator="certified_rate", region="a")
    assert row["method"] == "welch"
    b = np.array(BASE_RATE)
    v = np.array(BASE_RATE) + np.array(DELTA)
    qb, qv = b.var(ddof=1) / N, v.var(ddof=1) / N
    dof = (qb + qv) ** 2 / (qb ** 2 / (N - 1) + qv ** 2 / (N - 1))
    assert row["difference"]["dof"] == pytest.approx(dof, rel=1e-12)
    assert row["difference"]["half_width"] == pytest.approx(stats.t.ppf(0.975, dof) * math.sqrt(qb + qv), rel=1e-9)
    assert any("Welch" in n for n in c["notes"])


def test_csv_holds_the_json_numbers(runs, tmp_path):
    base, var, _ = runs
    out_csv, out_json = tmp_path / "c.csv", tmp_path / "c.json"
    res = laborsim("compare", base, var, "--csv", out_csv, "--json", out_json)
    assert "certified_rate" in res.stdout and "95% CI" in res.stdout  # the terminal table
    c = json.loads(out_json.read_text())
    rows = list(csv.DictReader(io.StringIO(out_csv.read_text())))
    assert len(rows) == len(c["rows"]) > 0
    for r, j in zip(rows, c["rows"]):
        assert (r["variant"], r["indicator"], r["region"], r["measure"]) == (j["variant"], j["indicator"], j["region"], j["measure"])
        assert float(r["difference"]) == j["difference"]["mean"]
        if j["difference"]["half_width"] is not None:
            assert float(r["half_width"]) == j["difference"]["half_width"]
            assert float(r["ci_low"]) == j["difference"]["low"]


@pytest.mark.parametrize("args, message", [
    (["--at", "2031-01"], "outside the months"),
    (["--at", "March"], "YYYY-MM"),
    (["--indicators", "certified_rat"], "unknown indicator"),
    (["--regions", "zz"], "unknown region"),
])
def test_bad_options_are_input_errors(runs, args, message):
    base, var, _ = runs
    res = laborsim("compare", base, var, *args, check=False)
    assert res.returncode == 2
    assert message in res.stderr


def test_missing_or_mismatched_runs_are_input_errors(runs, tmp_path):
    base, _, _ = runs
    res = laborsim("compare", base, tmp_path / "nowhere", check=False)
    assert res.returncode == 2 and "no such run folder" in res.stderr
    write_run(tmp_path / "three.h5", 100, values(0, True), regions=("a", "b", "c")[:2][::-1])
    res = laborsim("compare", base, tmp_path / "three.h5", check=False)
    assert res.returncode == 2 and "regions" in res.stderr
