"""Issue 18's hostile-input reproducers through the command line: each exits 2 with a located
message naming what is wrong, within a second (or is accepted where it is legitimate).

The file reproducers live in tests/fuzz/corpus/ (the fuzz corpus); the ones that need a pipe,
a 2 GB file, a 5,000-file chain or 10,004 errors are made here.
"""
import os
import re
import resource
import subprocess
from pathlib import Path

import pytest

from conftest import REPO_ROOT, laborsim_bin

CORPUS = REPO_ROOT / "tests" / "fuzz" / "corpus"
LOCATED = re.compile(r"^[^\n]+?:\d+:\d+: ", re.M)
MINIMAL = (CORPUS / "minimal.yaml").read_text()

# corpus file -> words the first error holds
REFUSED = {
    "repro-firm-density-1e300.yaml": "firms_per_1000_workers: expected a non-negative number from 0 to 1000",
    "repro-budget-1e300.yaml": "annual_budget_vnd: expected a non-negative number from 0 to 1e16 (VND/year), got 1e300",
    "repro-seats-1e15.yaml": "seats_per_year: expected a non-negative number from 0 to 1e8",
    "repro-labor-force-1e15.yaml": "labor_force: expected a non-negative number from 0 to 1.5e9 (persons), got 1e15",
    "repro-program-months-1e300.yaml": "program_months: expected a non-negative integer from 0 to 1200",
    "repro-outside-applications-1e300.yaml": "outside_applications: expected a non-negative integer from 0 to 3",
    "repro-self-alias.yaml": "nested over 64 levels",
    "repro-description-self-alias.yaml": "nested over 64 levels",
    "repro-alias-bomb.yaml": "over 100000 nodes",
    "repro-alias-bomb-in-description.yaml": "over 100000 nodes",
    "repro-extends-dev-zero.yaml": "cannot open /dev/zero: is a character device, not a regular file",
    "repro-extends-dev-null.yaml": "cannot open /dev/null: is a character device",
    "repro-extends-directory.yaml": "cannot open /tmp: is a directory",
    "repro-extends-proc-self-mem.yaml": "is a kernel file",
    "repro-extends-etc-passwd.yaml": "is not a scenario",
    "repro-include-etc-passwd.yaml": "model: expected a mapping",
}


def child_cpu_seconds():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def validate(*args, cwd=REPO_ROOT, timeout=20):
    """The result and the CPU seconds it took (the machine may be shared, so not the wall time;
    `timeout` still bounds the wall time, so a blocked read fails)."""
    t0 = child_cpu_seconds()
    res = subprocess.run([str(laborsim_bin()), "validate", *map(str, args)], cwd=cwd, capture_output=True, text=True,
                         timeout=timeout, stdin=subprocess.DEVNULL)
    return res, child_cpu_seconds() - t0


def assert_refused(res, seconds, words):
    assert res.returncode == 2, res.stderr
    assert seconds < 1.0, f"took {seconds:.2f} s of CPU"
    assert LOCATED.match(res.stderr), res.stderr
    assert words in res.stderr.splitlines()[0], res.stderr


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_corpus_reproducer_is_refused_quickly_and_located(name):
    res, seconds = validate(CORPUS / name)
    assert_refused(res, seconds, REFUSED[name])
    assert "daemon:" not in res.stderr  # a file that is not a scenario is quoted no further than its start


def test_every_corpus_reproducer_is_listed_here():
    repros = {p.name for p in CORPUS.glob("repro-*.yaml")}
    assert repros - set(REFUSED) == {"repro-description-include-hostname.yaml"}


def test_include_outside_the_scenario_root_is_refused_and_inside_accepted(tmp_path):
    name = "repro-description-include-hostname.yaml"
    if not Path("/etc/hostname").is_file():
        pytest.skip("no /etc/hostname")
    res, _ = validate(CORPUS / name)
    assert res.returncode == 0, res.stderr  # a local command may read it
    res, seconds = validate(CORPUS / name, "--scenario-root", CORPUS)
    assert_refused(res, seconds, "outside the scenario root")
    res, _ = validate(CORPUS / "minimal.yaml", "--scenario-root", CORPUS)
    assert res.returncode == 0, res.stderr


def test_self_alias_through_set_is_refused():
    res, seconds = validate(CORPUS / "minimal.yaml", "--set", "description=&a [*a]")
    assert res.returncode == 2 and seconds < 1.0, res.stderr
    assert "--set[0]" in res.stderr and "nested over 64 levels" in res.stderr


def test_key_path_of_30000_parts_is_refused():
    res, seconds = validate(CORPUS / "minimal.yaml", "--set", ".".join(["a"] * 30000) + "=1")
    assert res.returncode == 2 and seconds < 1.0, res.stderr
    assert "64" in res.stderr


def test_named_pipe_never_blocks(tmp_path):
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    res, seconds = validate(pipe, timeout=10)
    assert res.returncode == 2 and seconds < 1.0, res.stderr
    assert "named pipe" in res.stderr
    (tmp_path / "via.yaml").write_text("extends: pipe.yaml\n" + MINIMAL)
    res, seconds = validate(tmp_path / "via.yaml", timeout=10)
    assert_refused(res, seconds, "is a named pipe, not a regular file")
    res = subprocess.run([str(laborsim_bin()), "run", str(pipe), "-o", str(tmp_path / "out.h5")], capture_output=True,
                         text=True, timeout=10, stdin=subprocess.DEVNULL)
    assert res.returncode == 2 and "named pipe" in res.stderr


def test_two_gigabyte_file_is_refused_unread(tmp_path):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as f:
        f.truncate(2 << 30)  # sparse
    (tmp_path / "child.yaml").write_text("extends: big.yaml\n" + MINIMAL)
    res, seconds = validate(tmp_path / "child.yaml")
    assert_refused(res, seconds, "over 16 MiB")


def test_include_chain_5000_deep_is_refused(tmp_path):
    for i in range(5000):
        (tmp_path / f"c{i}.yaml").write_text(f"{{include: c{i + 1}.yaml}}\n")
    (tmp_path / "c5000.yaml").write_text("{share_women: 0.5}\n")
    (tmp_path / "main.yaml").write_text(MINIMAL + "model: {include: c0.yaml}\n")
    res, seconds = validate(tmp_path / "main.yaml")
    assert_refused(res, seconds, "nest over 32 files deep")


def test_include_bomb_is_refused(tmp_path):
    for i in range(30):
        (tmp_path / f"b{i}.yaml").write_text(f"[{{include: b{i + 1}.yaml}}, {{include: b{i + 1}.yaml}}]\n")
    (tmp_path / "b30.yaml").write_text("[x]\n")
    (tmp_path / "main.yaml").write_text(MINIMAL + "description: {include: b0.yaml}\n")
    res, seconds = validate(tmp_path / "main.yaml")
    assert_refused(res, seconds, "over 256 files")


def test_ten_thousand_errors_are_listed_in_linear_time(tmp_path):
    (tmp_path / "many.yaml").write_text(MINIMAL + "".join(f"unknown_{i}: 1\n" for i in range(10004)))
    res, seconds = validate(tmp_path / "many.yaml")
    assert_refused(res, seconds, "unknown key 'unknown_0'")
    lines = res.stderr.splitlines()
    assert len(lines) == 101
    assert lines[-1].endswith("... and 9904 more errors (the first 100 are listed)")


def test_a_world_that_would_not_fit_is_refused_before_it_is_built(tmp_path):
    scenario = tmp_path / "huge.yaml"
    scenario.write_text(MINIMAL.replace("labor_force: 100000", "labor_force: 1.5e9").replace("scale: 0.01", "scale: 1"))
    t0 = child_cpu_seconds()
    res = subprocess.run([str(laborsim_bin()), "run", str(scenario), "-o", str(tmp_path / "huge.h5"), "--quiet",
                          "--max-memory", "1G"], capture_output=True, text=True, timeout=20)
    assert res.returncode == 2, res.stderr
    assert child_cpu_seconds() - t0 < 1.0
    assert "1.52e+09 workers (30 bytes each)" in res.stderr and "1.0 GiB allowed (--max-memory)" in res.stderr
    assert not (tmp_path / "huge.h5").exists()


def test_sweep_base_outside_the_scenario_root_is_refused(tmp_path):
    spec = tmp_path / "sweep.yaml"
    spec.write_text(f"name: s\nbase: {CORPUS / 'minimal.yaml'}\nparameters:\n  - {{key: seed, values: [1]}}\n"
                    .replace("key: seed", "key: scale").replace("[1]", "[0.01]"))
    res = subprocess.run([str(laborsim_bin()), "sweep", str(spec), "--list"], capture_output=True, text=True,
                         timeout=20)
    assert res.returncode == 0, res.stderr
    res = subprocess.run([str(laborsim_bin()), "sweep", str(spec), "--list", "--scenario-root", str(tmp_path)],
                         capture_output=True, text=True, timeout=20)
    assert res.returncode == 2, res.stderr
    assert "outside the scenario root" in res.stderr
