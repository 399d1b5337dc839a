"""Every ```python block of docs/output.md, docs/sweeps.md and the README runs as written,
in a temporary folder holding the files the blocks read (results/... made by small runs of
the commands the docs show)."""
import os
import re
import subprocess

from pathlib import Path

import pytest

import laborsim

from conftest import REPO_ROOT, run_laborsim

DOCS = ("docs/output.md", "docs/sweeps.md", "README.md")
SMALL = ["--set", "scale=0.005", "--quiet"]


def python_blocks(doc):
    text = (REPO_ROOT / doc).read_text()
    return [(doc, text[: m.start()].count("\n") + 1, m.group(1))
            for m in re.finditer(r"```python\n(.*?)```", text, re.S)]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    d = tmp_path_factory.mktemp("docs")
    r = d / "results"

    def ok(*args):
        res = run_laborsim(*args)
        assert res.returncode == 0, res.stderr

    ok("run", "scenarios/quickstart.yaml", "-o", r / "quickstart.h5", "--set", "output.panel=300",
       "--set", "output.events=[hire]", "--set", "output.snapshots_every_months=12", *SMALL)
    ok("run", "scenarios/quickstart.yaml", "-o", r / "quickstart-events.h5", "--set", "output.events=[hire]", *SMALL)
    ok("run", "scenarios/cao-bang-compare/baseline.yaml", "--replicates", "2", "-o", r / "cao-bang-baseline", *SMALL)
    for spec in ("quickstart-grid", "quickstart-saltelli"):
        ok("sweep", f"scenarios/sweeps/{spec}.yaml", "--jobs", "2", "-o", r / "sweeps" / spec, "--quiet")
    return d


BLOCKS = [b for doc in DOCS for b in python_blocks(doc)]


def test_the_docs_have_python_examples():
    assert {doc for doc, _, _ in BLOCKS} == set(DOCS)


@pytest.mark.parametrize("doc,line,code", BLOCKS, ids=[f"{d}:{n}" for d, n, _ in BLOCKS])
def test_python_block_runs(workdir, doc, line, code):
    # The package under test, as this process imported it (tools/setup's .pth or ctest's PYTHONPATH).
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONPATH=str(Path(laborsim.__file__).resolve().parents[1]))
    res = subprocess.run(["/usr/bin/python3", "-c", code], cwd=workdir, env=env, capture_output=True, text=True,
                         timeout=120)
    assert res.returncode == 0, f"{doc}:{line}:\n{res.stderr[-2000:]}"
