"""validate and run warn, with the numbers, when a scenario cannot mean what it asks at its
scale or calendar (issue 15: no silent failure); the output file keeps the warnings."""
import h5py
import pytest

TALENT = "scenarios/vietnam/bac-kan-talent-attraction.yaml"


def warnings_of(res):
    return [l[len("warning: "):] for l in res.stderr.splitlines() if l.startswith("warning: ")]


def test_a_budget_below_one_agent_is_named_with_the_scale_that_pays_for_one(laborsim):
    res = laborsim("validate", TALENT, "--set", "scale=0.005")
    assert res.returncode == 0, res.stderr
    w = [x for x in warnings_of(res) if x.startswith("policies.bk-talent-attraction:")]
    assert len(w) == 1, res.stderr
    assert "pays for 0.50 agents a year at scale 0.005" in w[0]
    assert "one agent stands for 200 persons and costs 20.0 bn VND" in w[0]
    assert "scale 0.01 or more pays for one agent" in w[0]
    assert "with warnings" in res.stdout
    # At the scenario's own scale the budget pays for agents: no warning.
    assert not [x for x in warnings_of(laborsim("validate", TALENT)) if "bk-talent-attraction" in x]


def test_run_prints_the_warnings_and_the_file_keeps_them(laborsim, tmp_path):
    out = tmp_path / "t.h5"
    res = laborsim("run", TALENT, "--set", "scale=0.005", "--set", "calendar.end=2024-06", "-o", out)
    assert res.returncode == 0, res.stderr
    assert any("bk-talent-attraction" in x for x in warnings_of(res))
    with h5py.File(out) as f:
        kept = f.attrs["warnings"]
        kept = kept.decode() if isinstance(kept, bytes) else kept
    assert "policies.bk-talent-attraction: its annual budget" in kept
    quiet = laborsim("run", TALENT, "--set", "scale=0.005", "--set", "calendar.end=2024-06", "-o", out, "--force",
                     "--quiet")
    assert quiet.returncode == 0 and quiet.stderr == "" and quiet.stdout == ""


def test_small_regions_empty_groups_and_dates_outside_the_run(laborsim):
    res = laborsim("validate", "scenarios/policies/vocational_training_quota.yaml",
                   "--set", "scale=0.002",
                   "--set", "policies.cb-rural-training.start=2030-01", "--set", "policies.cb-rural-training.end=2030-12",
                   "--set", "policies.bk-unemployed-training.target={unemployed: true, min_level: postgraduate, "
                            "field: agriculture, max_age: 20}")
    assert res.returncode == 0, res.stderr
    w = warnings_of(res)
    region = [x for x in w if x.startswith("regions.bac-kan:")]
    assert region and "agents in the labour force at scale 0.002" in region[0] and "gives 2,000 agents" in region[0]
    assert any(x.startswith("policies.cb-rural-training:") and "starts 2030-01, after the run ends (the run is 2021-01 to 2026-12): it never acts" in x
               for x in w), w
    group = [x for x in w if x.startswith("policies.bk-unemployed-training.target:")]
    assert group and "agents at scale 0.002" in group[0], w


def test_the_shipped_examples_run_without_warnings_at_their_scale(laborsim):
    for s in ["scenarios/quickstart.yaml", "scenarios/cao-bang-compare/baseline.yaml", TALENT,
              "scenarios/vietnam/cao-bang.yaml"]:
        res = laborsim("validate", s)
        assert res.returncode == 0 and warnings_of(res) == [], (s, res.stderr)
