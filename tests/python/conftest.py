"""Shared fixtures: where the laborsim CLI is, a helper to run it, and one quickstart run
shared by the tests that read its output."""
import os
import subprocess
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


def laborsim_bin() -> Path:
    """The CLI under test: $LABORSIM_BIN (set by ctest), else the release build."""
    env = os.environ.get("LABORSIM_BIN")
    path = Path(env) if env else REPO_ROOT / "build" / "release" / "laborsim"
    if not path.is_file():
        pytest.fail(f"laborsim binary not found at {path}; build it or set LABORSIM_BIN")
    return path


def run_laborsim(*args, cwd=REPO_ROOT, timeout=300):
    """Runs `laborsim ARGS...` from the repository root (so scenarios/... paths work) and
    returns the CompletedProcess with text stdout and stderr."""
    return subprocess.run([str(laborsim_bin()), *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=timeout)


@pytest.fixture(scope="session")
def laborsim():
    """The run helper, as a fixture: laborsim("run", ...) -> CompletedProcess."""
    return run_laborsim


@pytest.fixture(scope="session")
def quickstart_h5(tmp_path_factory):
    """The full quickstart, run once: the one full-size run in the suite."""
    out = tmp_path_factory.mktemp("quickstart") / "q.h5"
    res = run_laborsim("run", "scenarios/quickstart.yaml", "-o", out, "--quiet")
    assert res.returncode == 0, res.stderr
    assert res.stdout == "", "--quiet prints nothing"
    return out


def pytest_configure(config):
    """The tests import the installed package (tools/setup's laborsim.pth, or PYTHONPATH=tools
    as ctest sets it); stop early when it is another checkout's."""
    try:
        import laborsim
    except ImportError:
        raise pytest.UsageError("`import laborsim` fails: run tools/setup (or set PYTHONPATH=tools)")
    where = Path(laborsim.__file__).resolve().parent
    if where != REPO_ROOT / "tools" / "laborsim":
        raise pytest.UsageError(f"`import laborsim` finds {where}, not this checkout's tools/laborsim: "
                                f"run tools/setup here (or set PYTHONPATH={REPO_ROOT / 'tools'})")
