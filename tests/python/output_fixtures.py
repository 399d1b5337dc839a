"""Shared helpers for the output tests (test_output_*.py): find the CLI, run small
quickstart variants once per session."""

import os
import pathlib
import subprocess
import tempfile

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]

QUICKSTART = ROOT / "scenarios" / "quickstart.yaml"
ALL_EVENTS = "output.events=[hire,separation,enrol,graduate,migrate,policy]"
# Small and fast.
SMALL = ["--set", "scale=0.005", "--set", "output.panel=300", "--set", ALL_EVENTS,
         "--set", "output.snapshots_every_months=24"]

_runs = {}
_tmp = None


def laborsim_bin() -> str:
    path = os.environ.get("LABORSIM_BIN") or str(ROOT / "build" / "release" / "laborsim")
    if not os.path.exists(path):
        pytest.skip(f"laborsim CLI not built ({path}); set LABORSIM_BIN")
    return path


def tmp_dir() -> pathlib.Path:
    global _tmp
    if _tmp is None:
        _tmp = tempfile.TemporaryDirectory(prefix="laborsim-output-")
    return pathlib.Path(_tmp.name)


def run(name: str, *args: str) -> pathlib.Path:
    """Runs `laborsim run quickstart -o <tmp>/<name>.h5 ARGS` once per session."""
    if name not in _runs:
        out = tmp_dir() / f"{name}.h5"
        cmd = [laborsim_bin(), "run", str(QUICKSTART), "-o", str(out), "--quiet", "--force", *args]
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        assert proc.returncode == 0, proc.stderr
        _runs[name] = out
    return _runs[name]


def small_run() -> pathlib.Path:
    """Quickstart at scale 0.005 with panel, all events and snapshots every 24 months."""
    return run("small", *SMALL)
