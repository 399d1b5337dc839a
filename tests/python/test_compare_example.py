"""The worked example in docs/compare.md: its scenarios load, and the variants, which
`extends` the baseline, keep its seed so their replicates pair with the baseline's."""

import json
import os
import pathlib
import subprocess

import pytest

LABORSIM = os.environ.get("LABORSIM_BIN", "build/release/laborsim")
EXAMPLE = pathlib.Path(__file__).resolve().parents[2] / "scenarios" / "cao-bang-compare"
VARIANTS = ["double-seats.yaml", "unemployed-placement.yaml"]
SHORT = ["--set", "scale=0.002", "--set", "calendar.end=2021-03"]


def laborsim(*args):
    return subprocess.run([LABORSIM, *map(str, args)], capture_output=True, text=True)


def test_the_baseline_is_valid():
    res = laborsim("validate", EXAMPLE / "baseline.yaml")
    assert res.returncode == 0, res.stderr


@pytest.mark.parametrize("variant", VARIANTS)
def test_variants_share_the_baseline_seeds(variant, tmp_path):
    res = laborsim("validate", EXAMPLE / variant)
    # A loader without `extends` sees a file with no calendar or regions of its own.
    if res.returncode != 0 and ("missing required key" in res.stderr or "invalid node" in res.stderr):
        pytest.skip("this build's scenario loader does not resolve `extends` yet (issue 5)")
    assert res.returncode == 0, res.stderr
    for name, path in (("base", EXAMPLE / "baseline.yaml"), ("variant", EXAMPLE / variant)):
        run = laborsim("run", path, "--replicates", 2, "-o", tmp_path / name, "--quiet", *SHORT)
        assert run.returncode == 0, run.stderr
    seeds = [[r["seed"] for r in json.loads((tmp_path / n / "manifest.json").read_text())["replicates"]]
             for n in ("base", "variant")]
    assert seeds[0] == seeds[1]
    c = json.loads(laborsim("compare", tmp_path / "base", tmp_path / "variant", "--json", "-").stdout)
    assert {r["method"] for r in c["rows"]} == {"paired"}
