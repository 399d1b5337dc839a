"""--set refuses what it used to apply silently (issue 18's reproducers): an empty value, which
reset the key (scale= meant 25 times the agents), and malformed key paths; each is a located
exit-2 error naming the setting."""
import pytest

BAD = {
    "scale=": "expected a value after '=' (write scale=~ to restore the key's default)",
    "model=": "expected a value after '='",
    ".scale=0.5": "malformed key path: an empty step at character 1",
    "regions[0.labor_force=1": "malformed key path: '[' at character 8 has no matching ']'",
    "a..b=1": "malformed key path: an empty step at character 3",
    "scale.=1": "malformed key path: the path ends with '.'",
    "regions]0[=1": "malformed key path: ']' at character 8 has no '['",
    "regions[]=1": "malformed key path: an empty [] at character 8",
    "." * 200 + "=1": "malformed key path",
    ".".join(["model"] * 100) + "=1": "more than 64 steps",
}


@pytest.mark.parametrize("setting", sorted(BAD))
def test_a_bad_setting_is_a_located_error(laborsim, setting):
    for command in ("validate", "run"):
        res = laborsim(command, "scenarios/quickstart.yaml", "--set", setting, "-o", "/nonexistent/never.h5")\
            if command == "run" else laborsim(command, "scenarios/quickstart.yaml", "--set", setting)
        assert res.returncode == 2, (command, res.stderr)
        assert res.stderr.startswith("--set[0]: ") and BAD[setting] in res.stderr, res.stderr


def test_good_paths_still_work(laborsim):
    for setting in ("regions[0].amenity=0.5", "regions.cao-bang.labor_force=300000", "policies[0].seats_per_year=7000",
                    "model.separation_rate=~"):
        res = laborsim("validate", "scenarios/quickstart.yaml", "--set", setting)
        assert res.returncode == 0, (setting, res.stderr)


def test_a_key_written_twice_is_an_error_at_the_second(laborsim, tmp_path):
    f = tmp_path / "dup.yaml"
    f.write_text("extends: " + str(__import__("conftest").REPO_ROOT / "scenarios/quickstart.yaml") +
                 "\nscale: 0.01\nseed: 1\nscale: 0.02\n")
    res = laborsim("validate", f)
    assert res.returncode == 2, res.stderr
    assert f"{f}:4:1: scale: the key 'scale' is written twice in this mapping" in res.stderr, res.stderr
    res = laborsim("validate", "scenarios/quickstart.yaml", "--set", "description={a: 1, a: 2}")
    assert res.returncode == 2 and "the key 'a' is written twice" in res.stderr, res.stderr
