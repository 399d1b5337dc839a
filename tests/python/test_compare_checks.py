"""compare says when a comparison cannot mean what was asked: a variant that changes nothing,
and a policy that never acted (issue 15: no silent failure)."""
import pytest

SMALL = ["--set", "scale=0.005", "--set", "calendar.end=2022-12"]


@pytest.fixture(scope="module")
def runs(tmp_path_factory, laborsim):
    d = tmp_path_factory.mktemp("checks")

    def run(name, *sets):
        res = laborsim("run", "scenarios/quickstart.yaml", "--replicates", 2, "-o", d / name, "--quiet", *SMALL, *sets)
        assert res.returncode == 0, res.stderr
        return d / name

    return {
        "base": run("base"),
        # Only a label changes: the runs are the same.
        "relabelled": run("relabelled", "--set", "description=same model, other words"),
        # The policy starts after the run ends: in force in no simulated month.
        "late": run("late", "--set", "policies.cb-rural-training.start=2030-01",
                    "--set", "policies.cb-rural-training.end=2030-12"),
        "more": run("more", "--set", "policies.cb-rural-training.seats_per_year=12000"),
    }


def test_a_variant_identical_to_its_baseline_is_flagged(runs, laborsim):
    res = laborsim("compare", runs["base"], runs["relabelled"], runs["more"], "--indicators", "employed")
    assert res.returncode == 0, res.stderr
    notes = [l for l in res.stdout.splitlines() if l.startswith("note:")]
    assert any("relabelled" in n and "identical to the baseline" in n and "2 of 2" in n for n in notes), notes
    assert not any("more" in n and "identical" in n for n in notes), notes


def test_a_policy_that_never_acted_is_flagged(runs, laborsim):
    res = laborsim("compare", runs["base"], runs["late"], "--indicators", "employed")
    assert res.returncode == 0, res.stderr
    notes = [l for l in res.stdout.splitlines() if l.startswith("note:")]
    assert any("late" in n and "'cb-rural-training'" in n and "never acted" in n for n in notes), notes
    assert not any("base" in n.split(":")[1] and "never acted" in n for n in notes), notes


def test_a_policys_own_series_can_be_compared(runs, laborsim, tmp_path):
    res = laborsim("compare", runs["base"], runs["more"], "--indicators", "employed,beneficiaries", "--csv",
                   tmp_path / "c.csv")
    assert res.returncode == 0, res.stderr
    import csv
    rows = list(csv.DictReader(open(tmp_path / "c.csv")))
    ben = [r for r in rows if r["indicator"] == "beneficiaries" and r["region"] == "cb-rural-training"]
    assert {r["measure"] for r in ben} == {"value", "cumulative"}, ben  # beneficiaries is a flow
    assert {r["units"] for r in ben} == {"persons"}, ben  # laborsim's own word, not the UDUNITS "1" (not a rate)
    cum = next(r for r in ben if r["measure"] == "cumulative")
    assert float(cum["variant_mean"]) > float(cum["baseline_mean"]) > 0  # more seats, more course starts
    res = laborsim("compare", runs["base"], runs["more"], "--indicators", "no_such_series")
    assert res.returncode == 2 and "policy series in these runs: beneficiaries" in res.stderr, res.stderr
