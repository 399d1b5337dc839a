"""`laborsim bench` as a user meets it: per-phase and monthly-loop figures for each thread
count, the world build apart, and the same figures in results CSV/JSON. Figures are checked
for consistency, never against a wall time."""
import csv
import json

import pytest

QUICKSTART = "scenarios/quickstart.yaml"
PHASES = ["training", "policy", "demography", "firms", "education", "separations", "participation", "migration",
          "matching",
          "wages", "statistics", "output"]


def test_bench_reports_phases_loop_build_and_memory(laborsim, tmp_path):
    out = tmp_path / "bench"
    res = laborsim("bench", QUICKSTART, "--threads", "1,2", "--set", "scale=0.05",
                   "--set", "calendar.end=2021-03", "--out", str(out))
    assert res.returncode == 0, res.stderr
    assert res.stdout.count("monthly loop") == 2
    assert res.stdout.count("world build") == 2
    assert "scaling (monthly-loop worker-months/s" in res.stdout

    runs = json.loads((out / "bench-latest.json").read_text())["runs"]
    assert [r["threads"] for r in runs] == [1, 2]
    for r in runs:
        assert list(r["phases"]) == PHASES
        assert r["loop_s"] == pytest.approx(sum(r["phases"].values()), rel=1e-6)
        assert r["loop_s"] + r["build_s"] <= r["wall_s"] * 1.001
        assert r["months"] == 3 and r["workers"] > 4000
        # Worker-months over the loop time (workers change a little month to month).
        assert r["loop_worker_months_per_s"] == pytest.approx(r["months"] * r["workers"] / r["loop_s"], rel=0.05)
        assert r["bytes_per_worker"] == pytest.approx(r["peak_rss_bytes"] / r["workers"], rel=1e-6)
        assert r["rng_path"] in {"avx512", "avx2", "scalar"}

    with open(out / "bench.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 2 * (len(PHASES) + 3)
    assert [row["phase"] for row in rows[: len(PHASES) + 3]] == PHASES + ["loop", "build", "total"]
    # A second call appends to the CSV (a history) and replaces the JSON (the last call).
    res = laborsim("bench", QUICKSTART, "--threads", "1", "--set", "scale=0.05",
                   "--set", "calendar.end=2021-02", "--out", str(out))
    assert res.returncode == 0, res.stderr
    with open(out / "bench.csv", newline="") as f:
        assert len(list(csv.DictReader(f))) == 3 * (len(PHASES) + 3)
    assert len(json.loads((out / "bench-latest.json").read_text())["runs"]) == 1
